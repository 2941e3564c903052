// Side by side with llama-perplexity: the same model, text and flags through `qexplore-cli ppl` (the
// streamed engine) and llama.cpp's llama-perplexity, one after the other, each as a child process.
//
//   stream_bench MODEL TEXT [--ctx 512] [--chunks 2] [--threads 2] [--ggml-matmul] [--budget SIZE]
//                [--cli PATH] [--llama-bin DIR] [--repeat R] [--skip-llama PPL,RSS_MB,SECONDS]
//
// Prints, for each: the final PPL, peak resident memory (the kernel's ru_maxrss of the child), the peak of
// private anonymous memory (RssAnon, sampled every 20 ms: what is not file pages) and wall time; then the
// ratios the issue sets as targets: PPL within 1 % (0.05 % with --ggml-matmul), peak RSS ≤ 1.3 ×
// llama-perplexity's, llama-perplexity's time / ours ≥ 1.5. --skip-llama reuses figures measured earlier
// (a model llama.cpp cannot load beside ours, or a second run of ours).
#include "child_run.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using qx::bench::lastLines;
using qx::bench::runChild;

namespace {

/// A child's run with its final PPL.
struct RunFigures : qx::bench::ChildRun {
    double ppl = 0;
};

double parsePpl(const std::string& text)
{
    const size_t at = text.rfind("Final estimate: PPL = ");
    return at == std::string::npos ? 0 : std::atof(text.c_str() + at + 22);
}

RunFigures runPpl(const std::vector<std::string>& argv)
{
    RunFigures f;
    static_cast<qx::bench::ChildRun&>(f) = runChild(argv);
    f.ppl = parsePpl(f.output);
    return f;
}

void printRow(const char* who, const RunFigures& f)
{
    std::printf("%-22s %14.4f %12.0f %14.0f %10.1f\n", who, f.ppl, f.peakRssMb, f.peakPrivateMb, f.seconds);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: stream_bench MODEL TEXT [--ctx N] [--chunks K] [--threads T] [--ggml-matmul]\n"
                             "       [--budget SIZE] [--cli PATH] [--llama-bin DIR] [--skip-llama PPL,RSS_MB,SECONDS]\n");
        return 2;
    }
    const std::string model = argv[1], text = argv[2];
    std::string ctx = "512", chunks = "2", threads = "2", budget, cli = "app/qexplore-cli";
    std::string llamaBin = "../llama.cpp/build/bin", skipLlama;  // beside the checkout, as docs say
    bool ggml = false;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--ctx") ctx = next();
        else if (a == "--chunks") chunks = next();
        else if (a == "--threads") threads = next();
        else if (a == "--budget") budget = next();
        else if (a == "--cli") cli = next();
        else if (a == "--llama-bin") llamaBin = next();
        else if (a == "--skip-llama") skipLlama = next();
        else if (a == "--ggml-matmul") ggml = true;
    }
    std::vector<std::string> ours = {cli, "ppl", model, "-f", text, "-c", ctx, "--chunks", chunks, "-t", threads};
    if (ggml)
        ours.push_back("--ggml-matmul");
    if (!budget.empty())
        ours.insert(ours.end(), {"--mem-budget", budget});
    RunFigures theirs;
    if (skipLlama.empty()) {
        theirs = runPpl({llamaBin + "/llama-perplexity", "-m", model, "-f", text, "-c", ctx, "--chunks", chunks, "-t",
                           threads, "-b", ctx});
        if (theirs.exitCode != 0)
            std::fprintf(stderr, "llama-perplexity failed (%d):\n%s\n", theirs.exitCode, lastLines(theirs.output, 8).c_str());
    } else {
        std::sscanf(skipLlama.c_str(), "%lf,%lf,%lf", &theirs.ppl, &theirs.peakRssMb, &theirs.seconds);
    }
    const RunFigures us = runPpl(ours);
    if (us.exitCode != 0)
        std::fprintf(stderr, "qexplore-cli ppl failed (%d):\n%s\n", us.exitCode, lastLines(us.output, 8).c_str());
    std::printf("model %s, -c %s --chunks %s -t %s%s\n", model.c_str(), ctx.c_str(), chunks.c_str(), threads.c_str(),
                ggml ? " --ggml-matmul" : "");
    std::printf("%-22s %14s %12s %14s %10s\n", "", "PPL", "peak RSS MB", "private MB", "wall s");
    printRow(skipLlama.empty() ? "llama-perplexity" : "llama-perplexity (*)", theirs);
    printRow("qexplore-cli ppl", us);
    const double pplDiff = theirs.ppl > 0 ? 100.0 * (us.ppl / theirs.ppl - 1.0) : 0.0;
    std::printf("PPL difference %+.4f %% (target within %s %%)\n", pplDiff, ggml ? "0.05" : "1");
    std::printf("peak RSS ours / llama.cpp %.2f (target <= 1.3)\n", us.peakRssMb / std::max(theirs.peakRssMb, 1.0));
    std::printf("wall llama.cpp / ours %.2f (target >= 1.5)\n", theirs.seconds / std::max(us.seconds, 1e-9));
    std::printf("our private (non-file) memory peak %.2f GB\n", us.peakPrivateMb / 1024.0);
    if (!skipLlama.empty())
        std::printf("(*) figures given with --skip-llama, measured earlier\n");
    if (const size_t at = us.output.find("memory: "); at != std::string::npos)
        std::printf("our prediction: %s\n", us.output.substr(at, us.output.find('\n', at) - at).c_str());
    return us.exitCode;
}
