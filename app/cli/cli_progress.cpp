#include "cli/cli_progress.h"

#include "common/error.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>

namespace qx::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_watching{false};          // a progress callback observes g_interrupted
bool g_quiet = false;
bool g_lineOpen = false;                      // a progress line without its newline is on stderr
char g_stopMessage[160] = "\nqexplore-cli: cancelled, no output written\n";

/// The one thread that receives SIGINT and SIGTERM: every other thread has them blocked, so no signal ever
/// interrupts the compute threads (a signal frame pushed onto a thread inside a JIT kernel corrupted the
/// heap of a `train` run in about one try of three).
void watchSignals(sigset_t signals)
{
    int signal = 0;
    ::sigwait(&signals, &signal);
    g_interrupted = true;
    if (g_watching) {                 // the command notices the flag and cleans up; a second signal
        ::sigwait(&signals, &signal); // ends the process at once
    }
    [[maybe_unused]] const ssize_t n = ::write(2, g_stopMessage, std::strlen(g_stopMessage));
    ::_exit(130);                     // nothing would notice the flag (nothing is being written), or asked twice
}

bool showProgress()
{
    static const bool terminal = ::isatty(2) != 0;
    return terminal && !g_quiet;
}

} // namespace

void installInterruptHandlers(const std::string& command)
{
    std::snprintf(g_stopMessage, sizeof g_stopMessage, "\nqexplore-cli %s: cancelled, no output written\n",
                  command.c_str());
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    // Blocked here, before any other thread exists, so every thread started later inherits the mask.
    ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread(watchSignals, signals).detach();
}

bool interruptRequested()
{
    return g_interrupted;
}

void throwIfInterrupted()
{
    g_watching = true;
    if (interruptRequested())
        throw Error(ErrorCode::Cancelled, "interrupted");
}

ProgressFn cancellable(ProgressFn inner)
{
    g_watching = true;
    return [inner = std::move(inner)](double fraction) {
        if (interruptRequested())
            return false;
        return inner ? inner(fraction) : true;
    };
}

ProgressFn progressPrinter(std::string what)
{
    using Clock = std::chrono::steady_clock;
    struct State {
        Clock::time_point start = Clock::now(), last{};
    };
    auto state = std::make_shared<State>();
    return cancellable([what = std::move(what), state](double f) {
        if (!showProgress())
            return true;
        const auto now = Clock::now();
        if (f < 1.0 && now - state->last < std::chrono::milliseconds(100))
            return true;   // at most ten lines a second
        state->last = now;
        const double s = std::chrono::duration<double>(now - state->start).count();
        std::fprintf(stderr, "\r%s: %5.1f%% (%.1f s, ETA %.1f s)   ", what.c_str(), 100.0 * f, s,
                     f > 0 ? s / f - s : 0.0);
        g_lineOpen = f < 1.0;
        if (f >= 1.0)
            std::fputc('\n', stderr);
        return true;
    });
}

void setQuiet(bool quiet)
{
    g_quiet = quiet;
}

bool quiet()
{
    return g_quiet;
}

void endProgressLine()
{
    if (g_lineOpen)
        std::fputc('\n', stderr);
    g_lineOpen = false;
}

void note(const char* format, ...)
{
    if (g_quiet)
        return;
    endProgressLine();
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
}

} // namespace qx::cli
