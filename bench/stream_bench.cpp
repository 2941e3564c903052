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
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct RunFigures {
    double ppl = 0, seconds = 0, peakRssMb = 0, peakPrivateMb = 0;
    int exitCode = 0;
    std::string output;
};

/// RssAnon of a live process in MB (0 when it is gone).
double privateMb(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("RssAnon:", 0) == 0)
            return std::atof(line.c_str() + 8) / 1024.0;
    return 0;
}

double parsePpl(const std::string& text)
{
    const size_t at = text.rfind("Final estimate: PPL = ");
    return at == std::string::npos ? 0 : std::atof(text.c_str() + at + 22);
}

/// Runs argv with stdout and stderr into a temporary file, sampling its private memory.
RunFigures runChild(const std::vector<std::string>& argv)
{
    char path[] = "/tmp/stream-bench-XXXXXX";
    const int fd = ::mkstemp(path);
    RunFigures f;
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        std::perror("execv");
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
        f.peakPrivateMb = std::max(f.peakPrivateMb, privateMb(pid));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.peakRssMb = double(usage.ru_maxrss) / 1024.0;
    f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    f.output = text.str();
    f.ppl = parsePpl(f.output);
    ::close(fd);
    ::unlink(path);
    return f;
}

std::string lastLines(const std::string& text, int n)
{
    size_t at = text.size();
    for (int i = 0; i <= n && at != std::string::npos && at > 0; ++i)
        at = text.rfind('\n', at - 1);
    return at == std::string::npos ? text : text.substr(at + 1);
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
        theirs = runChild({llamaBin + "/llama-perplexity", "-m", model, "-f", text, "-c", ctx, "--chunks", chunks, "-t",
                           threads, "-b", ctx});
        if (theirs.exitCode != 0)
            std::fprintf(stderr, "llama-perplexity failed (%d):\n%s\n", theirs.exitCode, lastLines(theirs.output, 8).c_str());
    } else {
        std::sscanf(skipLlama.c_str(), "%lf,%lf,%lf", &theirs.ppl, &theirs.peakRssMb, &theirs.seconds);
    }
    const RunFigures us = runChild(ours);
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
