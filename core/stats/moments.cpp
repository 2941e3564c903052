// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/moments.h"

#include "common/cpu_features.h"

#include <cmath>

namespace qx {

// Eight interleaved partial sums per moment, added up in a fixed order at the end: independent chains
// the compiler can vectorize, and the same result on every call (the order depends on positions only).
Moments Moments::ofValues(std::span<const float> values)
{
    static const bool avx512 = cpuHasAvx512();
    return avx512 ? momentsOfValuesAvx512(values) : ofValuesRef(values);
}

Moments Moments::ofValuesRef(std::span<const float> values)
{
    constexpr size_t kLanes = 8;
    Moments m;
    double sum[kLanes] = {};
    uint64_t count[kLanes] = {};
    const size_t n = values.size();
    for (size_t i = 0; i < n; i += kLanes)
        for (size_t l = 0; l < kLanes && i + l < n; ++l) {
            const float v = values[i + l];
            const bool finite = std::isfinite(v);
            sum[l] += finite ? static_cast<double>(v) : 0.0;
            count[l] += finite;
        }
    double total = 0.0;
    for (size_t l = 0; l < kLanes; ++l) {
        total += sum[l];
        m.n += count[l];
    }
    if (m.n == 0)
        return m;
    m.mean = total / static_cast<double>(m.n);
    double s2[kLanes] = {}, s3[kLanes] = {}, s4[kLanes] = {};
    for (size_t i = 0; i < n; i += kLanes)
        for (size_t l = 0; l < kLanes && i + l < n; ++l) {
            const float v = values[i + l];
            const double d = std::isfinite(v) ? static_cast<double>(v) - m.mean : 0.0;
            const double d2 = d * d;
            s2[l] += d2;
            s3[l] += d2 * d;
            s4[l] += d2 * d2;
        }
    for (size_t l = 0; l < kLanes; ++l) {
        m.m2 += s2[l];
        m.m3 += s3[l];
        m.m4 += s4[l];
    }
    return m;
}

bool Moments::fromShiftedSums(uint64_t n, double shift, const double (&s)[4], Moments& out)
{
    if (n == 0) {
        out = Moments{};
        return true;
    }
    const double count = static_cast<double>(n);
    const double d = s[0] / count, d2 = d * d;
    if (count * d2 > 0.5 * s[1])
        return false;
    out.n = n;
    out.mean = shift + d;
    out.m2 = s[1] - count * d2;
    out.m3 = s[2] - 3.0 * d * s[1] + 2.0 * count * d2 * d;
    out.m4 = s[3] - 4.0 * d * s[2] + 6.0 * d2 * s[1] - 3.0 * count * d2 * d2;
    return true;
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
