#include "cli/cli_progress.h"

#include "common/error.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace qx::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_watching = 0;   // a progress callback observes g_interrupted
bool g_quiet = false;
bool g_lineOpen = false;                      // a progress line without its newline is on stderr
char g_stopMessage[160] = "\nqexplore-cli: cancelled, no output written\n";   // written by the handler

extern "C" void onSignal(int signal)
{
    std::signal(signal, SIG_DFL);   // a second signal ends the process
    g_interrupted = 1;
    if (!g_watching) {              // nothing would notice the flag: stop here; nothing is being written
        [[maybe_unused]] const ssize_t n = ::write(2, g_stopMessage, std::strlen(g_stopMessage));
        ::_exit(130);
    }
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
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool interruptRequested()
{
    return g_interrupted != 0;
}

void throwIfInterrupted()
{
    g_watching = 1;
    if (interruptRequested())
        throw Error(ErrorCode::Cancelled, "interrupted");
}

ProgressFn cancellable(ProgressFn inner)
{
    g_watching = 1;
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
