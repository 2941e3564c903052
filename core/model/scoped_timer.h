#pragma once
// Adds the wall time of its scope to a double (seconds): the forward pass's ForwardTimings fields.

#include <chrono>

namespace qx {

class ScopedTimer {
public:
    explicit ScopedTimer(double& sink) : m_sink(sink), m_start(std::chrono::steady_clock::now()) {}
    ~ScopedTimer() { m_sink += std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }
    ScopedTimer(const ScopedTimer&) = delete;
    ScopedTimer& operator=(const ScopedTimer&) = delete;

private:
    double& m_sink;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace qx
