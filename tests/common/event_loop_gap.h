#pragma once
// Responsiveness checks for widget tests, by events rather than wall-clock thresholds (the machine running
// the tests may be loaded, and ASan slows everything): while a job runs, the test keeps posting an event to
// the UI thread's queue (the next one a few milliseconds after the previous was handled) and counts those the
// UI thread handled while the job was still running. A job that blocked the UI thread until it ended would
// let none through. The longest gap between handled events is reported for information only.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace qx::test {

struct Responsiveness {
    int eventsWhileRunning = -1;   ///< posted events the UI thread handled before `done`; -1: timed out
    qint64 worstGapMs = 0;         ///< information only: never asserted
};

/// Runs the event loop until `done`, posting events to the UI thread as described above.
inline Responsiveness respondsWhileRunning(const std::function<bool()>& done, int timeoutMs)
{
    Responsiveness r;
    r.eventsWhileRunning = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    auto alive = std::make_shared<bool>(true);
    std::function<void()> post;
    post = [&, alive] {
        QTimer::singleShot(2, qApp, [&, alive] {
            if (!*alive)
                return;
            if (!done())
                ++r.eventsWhileRunning;
            r.worstGapMs = std::max(r.worstGapMs, clock.elapsed() - last);
            last = clock.elapsed();
            post();
        });
    };
    post();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    *alive = false;
    if (!done())
        r.eventsWhileRunning = -1;
    return r;
}

/// The minimum of handled events the tests ask for: a blocked UI thread handles none.
constexpr int kEventsWhileRunning = 3;

} // namespace qx::test
