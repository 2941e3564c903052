#include "cli/cli_progress.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>

namespace qx::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
    std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends the process
}

} // namespace

void installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
}

bool interruptRequested()
{
    return g_interrupted != 0;
}

ProgressFn cancellable(ProgressFn inner)
{
    return [inner = std::move(inner)](double fraction) {
        if (interruptRequested())
            return false;
        return inner ? inner(fraction) : true;
    };
}

ProgressFn progressPrinter(const char* what)
{
    auto start = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
    return [what, start](double f) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - *start).count();
        std::fprintf(stderr, "\r%s: %5.1f%% (%.1f s, ETA %.1f s)   ", what, 100.0 * f, s, f > 0 ? s / f - s : 0.0);
        if (f >= 1.0)
            std::fprintf(stderr, "\n");
        return true;
    };
}

int reportCancelled(const char* command)
{
    std::fprintf(stderr, "\nqexplore-cli %s: cancelled, no output written\n", command);
    return 130;
}

} // namespace qx::cli
