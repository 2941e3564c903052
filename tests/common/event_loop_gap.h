#pragma once
// Responsiveness checks for widget tests: how long the UI thread went without running its event loop.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace qx::test {

/// Runs the event loop until `done` while a 10 ms timer measures the longest UI-thread gap (ms) while the
/// job runs; -1 when `done` did not become true within `timeoutMs`.
inline qint64 worstGapUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worst = std::max(worst, clock.elapsed() - last);
        last = clock.elapsed();
    });
    clock.start();
    heartbeat.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    // The interval after the last tick (the result drawn once the job ended) is not counted.
    return done() ? worst : -1;
}

} // namespace qx::test
