#include "stats/moments.h"

#include <cmath>

namespace qx {

Moments Moments::ofValues(std::span<const float> values)
{
    Moments m;
    double sum = 0.0;
    for (float v : values) {
        if (std::isfinite(v)) {
            sum += v;
            ++m.n;
        }
    }
    if (m.n == 0)
        return m;
    m.mean = sum / static_cast<double>(m.n);
    for (float v : values) {
        if (!std::isfinite(v))
            continue;
        const double d = static_cast<double>(v) - m.mean;
        const double d2 = d * d;
        m.m2 += d2;
        m.m3 += d2 * d;
        m.m4 += d2 * d2;
    }
    return m;
}

Moments Moments::merged(const Moments& a, const Moments& b)
{
    if (a.n == 0)
        return b;
    if (b.n == 0)
        return a;
    const double na = static_cast<double>(a.n);
    const double nb = static_cast<double>(b.n);
    const double n = na + nb;
    const double d = b.mean - a.mean;
    const double d2 = d * d;
    Moments r;
    r.n = a.n + b.n;
    r.mean = a.mean + d * nb / n;
    r.m2 = a.m2 + b.m2 + d2 * na * nb / n;
    r.m3 = a.m3 + b.m3 + d2 * d * na * nb * (na - nb) / (n * n) + 3.0 * d * (na * b.m2 - nb * a.m2) / n;
    r.m4 = a.m4 + b.m4 + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
        + 6.0 * d2 * (na * na * b.m2 + nb * nb * a.m2) / (n * n) + 4.0 * d * (na * b.m3 - nb * a.m3) / n;
    return r;
}

double Moments::variance() const { return n ? m2 / static_cast<double>(n) : 0.0; }

double Moments::stddev() const { return std::sqrt(variance()); }

double Moments::skewness() const
{
    const double var = variance();
    if (var <= 0.0)
        return 0.0;
    return (m3 / static_cast<double>(n)) / (var * std::sqrt(var));
}

double Moments::excessKurtosis() const
{
    const double var = variance();
    if (var <= 0.0)
        return 0.0;
    return (m4 / static_cast<double>(n)) / (var * var) - 3.0;
}

} // namespace qx
