// diff_bench: the weight-level comparison of two models (compare/model_diff.h) against reading both files
// once. Target (issue 20): the tensor table with SQNR for a 7B-shaped F16 file against its Q4_K_M export in
// at most 2× the time to read both files once, with memory bounded by the largest tensor pair.
//
//   diff_bench --make DIR [--7b]   writes DIR/synth-f16.gguf (dim 1024, 8 layers, FFN 2816, vocab 32000;
//                                  --7b: llama-7B's shape, ~13 GB) and its Q4_K_M export DIR/synth-q4km.gguf
//   diff_bench A B [THREADS]       measures: both files read once (cold: evicted from the page cache
//                                  first, then warm), then `diffModels(A, B)` cold and warm, with progress
//                                  on stderr, the peak RSS of the comparison and the largest tensor pair
#include "compare/model_diff.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "io/synth_model.h"
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
        if (argc >= 3 && std::string(argv[1]) == "--make")
            return make(argv[2], argc >= 4 && std::string(argv[3]) == "--7b");
        if (argc >= 3)
            return measure(argv[1], argv[2], argc >= 4 ? std::atoi(argv[3]) : 0);
        std::fprintf(stderr, "usage: diff_bench --make DIR [--7b] | diff_bench A B [THREADS]\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "diff_bench: %s\n", e.what());
        return 1;
    }
}
