// The i-quant quantizers with an importance matrix, side by side with llama-quantize (issue 16: >= 3x).
//
//   build/bench/iquant_bench [MODEL.gguf IMATRIX] [--types IQ2_XXS,...] [--threads 2] [--repeat N] [--cli PATH]
//                            [--llama-bin DIR]
//
// For each type: `llama-quantize --imatrix IMATRIX --pure --output-tensor-type q8_0 --token-embedding-type
// q8_0 MODEL OUT TYPE THREADS` and `qexplore-cli export MODEL --pure TYPE` with the same options and
// --llama-order, one after the other as child processes; prints each one's wall and CPU time, the ratios,
// and whether the two files are byte-identical (they must be). With --repeat N each pair runs N times,
// alternating, and the fastest wall and CPU time of each side are reported: on a shared virtual machine the
// same command varies by up to 40 % from minute to minute, and the minimum is the least disturbed run. The
// output and embedding tensors go to Q8_0 because llama-imatrix records no importance for them, without
// which llama-quantize refuses the lowest-bit types; every block matrix is in TYPE.
// Without MODEL: a synthetic 1024-wide, 4-block model (ffn 2816, 44 M parameters, the stories260K
// vocabulary from ../shared) and its importance matrix from ../shared/text/tinystories-valid-head.txt
// are written to /tmp first (with qexplore-cli synth / imatrix).
// qexplore-cli export quantizes on every core: give --threads the machine's core count (default 2, this
// machine's), so that both run as many threads. On a shared machine CPU time is the figure to compare.
#include "child_run.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using qx::bench::ChildRun;
using qx::bench::lastLines;
using qx::bench::runChild;

namespace {

std::vector<std::string> splitCommas(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

bool sameBytes(const std::string& a, const std::string& b)
{
    std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
    if (!fa || !fb)
        return false;
    return std::equal(std::istreambuf_iterator<char>(fa), std::istreambuf_iterator<char>(),
                      std::istreambuf_iterator<char>(fb), std::istreambuf_iterator<char>());
}

/// `best` with the smaller wall and CPU times of `run` (each minimum on its own); `run` itself when `first`.
ChildRun fastest(ChildRun best, const ChildRun& run, bool first)
{
    if (first)
        return run;
    best.seconds = std::min(best.seconds, run.seconds);
    best.cpuSeconds = std::min(best.cpuSeconds, run.cpuSeconds);
    return best;
}

bool check(const ChildRun& run, const char* what)
{
    if (run.exitCode == 0)
        return true;
    std::fprintf(stderr, "%s failed (%d):\n%s\n", what, run.exitCode, lastLines(run.output, 8).c_str());
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    int repeat = 1;
    std::string model, imatrix, threads = "2", cli = "build/app/qexplore-cli";   // run from the checkout
    std::string llamaBin = "../llama.cpp/build/bin";   // beside the checkout, as bench/README.md says
    std::string types = "IQ1_S,IQ1_M,IQ2_XXS,IQ2_XS,IQ2_S,IQ3_XXS,IQ3_S,IQ4_NL,IQ4_XS";
    std::string data = std::getenv("QEXPLORE_DATA") ? std::getenv("QEXPLORE_DATA") : "../shared";
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--types") types = next();
        else if (a == "--threads") threads = next();
        else if (a == "--repeat") repeat = std::max(1, std::atoi(next().c_str()));
        else if (a == "--cli") cli = next();
        else if (a == "--llama-bin") llamaBin = next();
        else if (a == "--data") data = next();
        else positional.push_back(a);
    }
    if (positional.size() == 2) {
        model = positional[0];
        imatrix = positional[1];
    } else if (positional.empty()) {
        model = "/tmp/iquant-bench-model.gguf";
        imatrix = "/tmp/iquant-bench-imatrix.dat";
        if (!std::filesystem::exists(model)
            && !check(runChild({cli, "synth", "--dim", "1024", "--layers", "4", "--ff", "2816", "--heads", "16", "--kv-heads",
                                "4", "--vocab-from", data + "/models/stories260K.gguf", "--seed", "5", "-o", model, "--quiet"}),
                      "qexplore-cli synth"))
            return 1;
        if (!std::filesystem::exists(imatrix)
            && !check(runChild({cli, "imatrix", model, "-f", data + "/text/tinystories-valid-head.txt", "-c", "128",
                                "--chunks", "4", "-o", imatrix, "--quiet"}),
                      "qexplore-cli imatrix"))
            return 1;
    } else {
        std::fprintf(stderr, "usage: iquant_bench [MODEL.gguf IMATRIX] [--types T,...] [--threads N] [--cli PATH]\n"
                             "                    [--repeat N] [--llama-bin DIR] [--data DIR]\n");
        return 2;
    }
    std::printf("model %s, imatrix %s, %s threads, fastest of %d runs each\n", model.c_str(), imatrix.c_str(),
                threads.c_str(), repeat);
    std::printf("%-8s %12s %12s %12s %12s %8s %8s %s\n", "type", "llama wall", "llama CPU", "ours wall", "ours CPU",
                "wall x", "CPU x", "bytes");
    const std::string theirsOut = "/tmp/iquant-bench-llama.gguf", oursOut = "/tmp/iquant-bench-ours.gguf";
    bool allSame = true;
    for (const std::string& type : splitCommas(types)) {
        ChildRun theirs, ours;
        for (int r = 0; r < repeat; ++r) {
            const ChildRun t = runChild({llamaBin + "/llama-quantize", "--imatrix", imatrix, "--pure",
                                         "--output-tensor-type", "q8_0", "--token-embedding-type", "q8_0", model,
                                         theirsOut, type, threads});
            const ChildRun o = runChild({cli, "export", model, "--pure", type, "--output-tensor-type", "Q8_0",
                                         "--token-embedding-type", "Q8_0", "--imatrix", imatrix, "--llama-order", "-o",
                                         oursOut, "--quiet"});
            if (!check(t, "llama-quantize") || !check(o, "qexplore-cli export"))
                return 1;
            theirs = fastest(theirs, t, r == 0);
            ours = fastest(ours, o, r == 0);
        }
        const bool same = sameBytes(theirsOut, oursOut);
        allSame = allSame && same;
        std::printf("%-8s %12.2f %12.2f %12.2f %12.2f %8.2f %8.2f %s\n", type.c_str(), theirs.seconds, theirs.cpuSeconds,
                    ours.seconds, ours.cpuSeconds, theirs.seconds / std::max(ours.seconds, 1e-9),
                    theirs.cpuSeconds / std::max(ours.cpuSeconds, 1e-9), same ? "identical" : "DIFFERENT");
        std::fflush(stdout);
    }
    std::filesystem::remove(theirsOut);
    std::filesystem::remove(oursOut);
    std::printf("target: llama-quantize / ours >= 3 for every type, files byte-identical%s\n",
                allSame ? "" : " (some DIFFER)");
    return allSame ? 0 : 1;
}
