// diff_bench: the weight-level comparison of two models (compare/model_diff.h) against reading both files
// once. Target (issue 20): the tensor table with SQNR for a 7B-shaped F16 file against its Q4_K_M export in
// at most 2× the time to read both files once, with memory bounded by the largest tensor pair.
//
//   diff_bench --make DIR [--7b]   writes DIR/synth-f16.gguf (dim 1024, 8 layers, FFN 2816, vocab 32000;
//                                  --7b: llama-7B's shape, ~13 GB) and its Q4_K_M export DIR/synth-q4km.gguf
//   diff_bench A B [THREADS]       measures: both files read once (cold: evicted from the page cache
//                                  first, then warm), then `diffModels(A, B)` cold and warm, with progress
//                                  on stderr, the peak RSS of the comparison and the largest tensor pair
//   diff_bench --outputs A B TEXT [CTX CHUNKS THREADS]
//                                  the output-level comparison (`diff -f`, compare/output_diff.h) against
//                                  llama-perplexity's two-run way — `ppl A --save-kld-base F` then
//                                  `ppl B --kld-base F` — side by side: wall time, peak RSS, base-file bytes,
//                                  and that both give the same mean KLD
#include "common/text_file.h"
#include "compare/model_diff.h"
#include "compare/output_diff.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "io/synth_model.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "synth_7b.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double statusMb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::strlen(field))) / 1024.0;
    return 0.0;
}

/// Starts a new peak-RSS measurement (Linux: writing 5 to clear_refs resets VmHWM).
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

/// Drops the file's clean pages from the page cache, so the next read comes from the disk.
void evict(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0)
        return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

/// Reads both files once, sequentially, in 8 MiB blocks; returns the seconds taken.
double readOnce(const std::string& a, const std::string& b)
{
    std::vector<char> buffer(8u << 20);
    const auto start = Clock::now();
    for (const std::string& path : {a, b}) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        while (fd >= 0 && ::read(fd, buffer.data(), buffer.size()) > 0) {
        }
        if (fd >= 0)
            ::close(fd);
    }
    return secondsSince(start);
}

double diffOnce(const std::string& a, const std::string& b, int threads, qx::ModelDiff& out)
{
    resetPeakRss();
    const auto start = Clock::now();
    const auto ma = qx::openModel(a), mb = qx::openModel(b);
    qx::DiffOptions options;
    options.threads = threads;
    int shown = -1;
    out = qx::diffModels(*ma, *mb, options, [&](double f) {
        if (int(f * 10) != shown) {
            shown = int(f * 10);
            std::fprintf(stderr, "\r  diff %3d%% (%.1f s, RSS %.0f MB)", shown * 10, secondsSince(start),
                         statusMb("VmRSS:"));
        }
        return true;
    });
    std::fprintf(stderr, "\n");
    return secondsSince(start);
}

uint64_t largestPair(const qx::ModelDiff& d)
{
    uint64_t largest = 0;
    for (const auto& t : d.tensors)
        largest = std::max(largest, t.bytesA + t.bytesB);
    return largest;
}

int measure(const std::string& a, const std::string& b, int threads)
{
    const double sizeGb = double(std::filesystem::file_size(a) + std::filesystem::file_size(b)) / 1e9;
    std::printf("diff_bench: %s against %s (%.2f GB together), threads %d (0 = all)\n", b.c_str(), a.c_str(),
                sizeGb, threads);
    qx::ModelDiff d;
    for (const bool cold : {true, false}) {
        if (cold) {
            evict(a);
            evict(b);
        }
        const double read = readOnce(a, b);
        if (cold) {
            evict(a);
            evict(b);
        }
        const double diff = diffOnce(a, b, threads, d);
        const double peak = statusMb("VmHWM:");
        std::printf("  %s: read both once %.2f s (%.2f GB/s); diff %.2f s; ratio %.2f (target <= 2)\n",
                    cold ? "cold" : "warm", read, sizeGb / read, diff, diff / read);
        std::printf("        peak RSS during diff %.0f MB; largest tensor pair %.0f MB; ratio %.2f\n", peak,
                    double(largestPair(d)) / 1e6, peak / (double(largestPair(d)) / 1e6));
    }
    std::printf("  %d tensors (%d identical, %d compared), model SQNR %.3f dB, B %.4f bits/weight\n",
                d.total.tensors, d.total.identical, d.total.compared, d.total.sqnrDb, d.total.bitsPerWeightB);
    return 0;
}

qx::ProgressFn outputProgress(const char* what, Clock::time_point start)
{
    return [what, start, shown = -1](double f) mutable {
        if (int(f * 20) != shown) {
            shown = int(f * 20);
            std::fprintf(stderr, "\r  %s %3d%% (%.1f s, RSS %.0f MB)", what, shown * 5, secondsSince(start),
                         statusMb("VmRSS:"));
        }
        return true;
    };
}

struct OutputRun {
    double seconds = 0, cpuSeconds = 0, peakMb = 0, kldMean = 0, sameTop = 0, pplA = 0, pplB = 0;
};

/// User + system CPU seconds of this process so far (robust against other load on the machine).
double cpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

/// `ppl A --save-kld-base` then `ppl B --kld-base`: llama-perplexity's way, one model after the other.
OutputRun twoRuns(const std::string& a, const std::string& b, const std::vector<int32_t>& tokens,
                  const qx::OutputDiffOptions& o, int threads, const std::string& basePath, uint64_t& baseBytes)
{
    OutputRun run;
    resetPeakRss();
    const auto start = Clock::now();
    const double cpu0 = cpuSeconds();
    qx::ForwardOptions fo;
    fo.threads = threads;
    {
        const auto model = qx::openModel(a);
        qx::LlamaForward fwd(std::make_shared<const qx::MappedWeights>(model, threads), fo);
        qx::PerplexityOptions p;
        p.nCtx = o.nCtx, p.maxChunks = o.maxChunks, p.bosToken = o.bosToken;
        run.pplA = qx::computePerplexity(fwd, tokens, p, outputProgress("ppl A (saving the base)", start), basePath).ppl;
        std::fprintf(stderr, "\n");
    }
    baseBytes = std::filesystem::file_size(basePath);
    const auto model = qx::openModel(b);
    qx::LlamaForward fwd(std::make_shared<const qx::MappedWeights>(model, threads), fo);
    qx::KldBaseReader base(basePath);
    qx::KldOptions k;
    k.maxChunks = o.maxChunks, k.bosToken = o.bosToken;
    const qx::KldResult r = qx::computeKld(fwd, base, k, outputProgress("ppl B --kld-base", start));
    std::fprintf(stderr, "\n");
    run.seconds = secondsSince(start);
    run.cpuSeconds = cpuSeconds() - cpu0;
    run.peakMb = statusMb("VmHWM:");
    run.kldMean = r.kldMean, run.sameTop = r.sameTop, run.pplB = r.pplQ;
    std::filesystem::remove(basePath);
    return run;
}

/// compareOutputs: both models in lock step, no base file.
OutputRun lockStep(const std::string& a, const std::string& b, const std::vector<int32_t>& tokens,
                   const qx::OutputDiffOptions& o, int threads)
{
    OutputRun run;
    resetPeakRss();
    const auto start = Clock::now();
    const double cpu0 = cpuSeconds();
    qx::ForwardOptions fo;
    fo.threads = threads;
    const auto ma = qx::openModel(a), mb = qx::openModel(b);
    qx::LlamaForward fa(std::make_shared<const qx::MappedWeights>(ma, threads), fo);
    qx::LlamaForward fb(std::make_shared<const qx::MappedWeights>(mb, threads), fo);
    const qx::OutputDiff d = qx::compareOutputs(fa, fb, tokens, o, outputProgress("diff -f", start));
    std::fprintf(stderr, "\n");
    run.seconds = secondsSince(start);
    run.cpuSeconds = cpuSeconds() - cpu0;
    run.peakMb = statusMb("VmHWM:");
    run.kldMean = d.kld.kldMean, run.sameTop = d.kld.sameTop, run.pplA = d.pplA.ppl, run.pplB = d.pplB.ppl;
    return run;
}

int measureOutputs(const std::string& a, const std::string& b, const std::string& text, int64_t nCtx, int64_t chunks,
                   int threads)
{
    const auto model = qx::openModel(a);
    const qx::Tokenizer tokenizer = qx::Tokenizer::fromGguf(*model);
    const std::vector<int32_t> tokens = tokenizer.encode(qx::readTextFile(text), true);
    qx::OutputDiffOptions o;
    o.nCtx = nCtx, o.maxChunks = chunks, o.bosToken = qx::chunkBosToken(*model, tokenizer);
    std::printf("diff_bench --outputs: %s against %s on %s, n_ctx %lld, %lld chunks, threads %d (0 = all)\n",
                b.c_str(), a.c_str(), text.c_str(), (long long)nCtx, (long long)chunks, threads);
    uint64_t baseBytes = 0;
    const std::string basePath = (std::filesystem::temp_directory_path() / "diff_bench-base.bin").string();
    // Lock step, the two runs, lock step again: the page cache and the load are shared out fairly.
    const OutputRun first = lockStep(a, b, tokens, o, threads);
    const OutputRun two = twoRuns(a, b, tokens, o, threads, basePath, baseBytes);
    const OutputRun one = lockStep(a, b, tokens, o, threads);
    std::printf("  ppl A --save-kld-base + ppl B --kld-base: %.2f s wall, %.2f s CPU, peak RSS %.0f MB, base file %.1f MB\n",
                two.seconds, two.cpuSeconds, two.peakMb, double(baseBytes) / 1e6);
    for (const OutputRun* r : {&first, &one})
        std::printf("  diff -f (lock step):                      %.2f s wall, %.2f s CPU, peak RSS %.0f MB, no base file;"
                    " CPU ratio %.2f\n", r->seconds, r->cpuSeconds, r->peakMb, r->cpuSeconds / two.cpuSeconds);
    std::printf("  mean KLD %.6f / %.6f, same top %.3f %% / %.3f %%, PPL A %.4f, PPL B %.4f / %.4f (%s)\n",
                one.kldMean, two.kldMean, 100 * one.sameTop, 100 * two.sameTop, one.pplA, one.pplB, two.pplB,
                one.kldMean == two.kldMean && one.sameTop == two.sameTop ? "equal" : "DIFFERENT");
    return one.kldMean == two.kldMean ? 0 : 1;
}

int make(const std::filesystem::path& dir, bool sevenB)
{
    std::filesystem::create_directories(dir);
    qx::SynthOptions o = qx::bench::synth7bOptions(dir);
    if (!sevenB) {
        o.dim = 1024;
        o.layers = 8;
        o.ff = 2816;
        o.heads = 16;
        o.kvHeads = 16;
    }
    const std::string f16 = (dir / "synth-f16.gguf").string(), q4 = (dir / "synth-q4km.gguf").string();
    std::printf("writing %s\n", f16.c_str());
    qx::writeSynthModel(o, f16);
    const auto model = qx::openModel(f16);
    std::printf("writing %s\n", q4.c_str());
    qx::exportGguf(*model, qx::planPreset(*model, qx::Preset::Q4_K_M), q4);
    std::printf("now: diff_bench %s %s\n", f16.c_str(), q4.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        if (argc >= 5 && std::string(argv[1]) == "--outputs")
            return measureOutputs(argv[2], argv[3], argv[4], argc >= 6 ? std::atoll(argv[5]) : 512,
                                  argc >= 7 ? std::atoll(argv[6]) : 8, argc >= 8 ? std::atoi(argv[7]) : 0);
        if (argc >= 3 && std::string(argv[1]) == "--make")
            return make(argv[2], argc >= 4 && std::string(argv[3]) == "--7b");
        if (argc >= 3)
            return measure(argv[1], argv[2], argc >= 4 ? std::atoi(argv[3]) : 0);
        std::fprintf(stderr, "usage: diff_bench --make DIR [--7b] | diff_bench A B [THREADS]\n"
                             "       diff_bench --outputs A B TEXT [CTX CHUNKS THREADS]\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "diff_bench: %s\n", e.what());
        return 1;
    }
}
