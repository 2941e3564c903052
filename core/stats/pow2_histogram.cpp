#include "stats/pow2_histogram.h"

#include "common/error.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace qx {
namespace {

// Log bins of every positive finite float: 2^-149 (smallest subnormal) .. 2^128 (above FLT_MAX).
constexpr int64_t kLogFirst = -149 * 32 - 1;
constexpr int64_t kLogLast = 128 * 32 + 1;

const std::vector<double>& logEdges()
{
    static const std::vector<double> edges = [] {
        std::vector<double> e;
        for (int64_t j = kLogFirst; j <= kLogLast; ++j)
            e.push_back(std::exp2(static_cast<double>(j) / 32.0));
        return e;
    }();
    return edges;
}

} // namespace

Pow2Histogram::Pow2Histogram(int maxBins, int minLevel)
    : m_maxBins(maxBins), m_level(minLevel), m_scale(std::ldexp(1.0, -minLevel)),
      m_counts(static_cast<size_t>(std::max(maxBins, 0)), 0)
{
    setBase(std::numeric_limits<double>::infinity());
    if (maxBins < 2)
        throw Error(ErrorCode::InvalidArgument, "Pow2Histogram: needs at least 2 bins");
}

void Pow2Histogram::setBase(double base)
{
    m_base = base;
    m_baseInt = std::fabs(base) < 0x1p61 ? static_cast<int64_t>(base) : INT64_MAX / 2;
}

int64_t Pow2Histogram::lastOccupied() const
{
    for (auto i = static_cast<int64_t>(m_counts.size()) - 1; i > 0; --i)
        if (m_counts[static_cast<size_t>(i)])
            return i;
    return 0;
}

// Keys with counts are m_base + i; when m_base >= 2^53 only i == 0 can be occupied (keys of distinct floats
// that large lie 2^29 apart), so m_base + i is exact wherever it is used.
void Pow2Histogram::coarsen(int steps)
{
    const double newBase = std::floor(std::ldexp(m_base, -steps));
    std::vector<uint64_t> counts(m_counts.size(), 0);
    for (size_t i = 0; i < m_counts.size(); ++i)
        if (m_counts[i])
            counts[static_cast<size_t>(std::floor(std::ldexp(m_base + static_cast<double>(i), -steps)) - newBase)] +=
                m_counts[i];
    m_counts.swap(counts);
    setBase(newBase);
    m_level += steps;
    m_scale = std::ldexp(1.0, -m_level);
}

void Pow2Histogram::addKey(double key, uint64_t count)
{
    if (m_empty) {
        m_empty = false;
        setBase(key);
        m_counts[0] += count;
        return;
    }
    double lo = std::min(m_base, key);
    double hi = std::max(m_base + static_cast<double>(lastOccupied()), key);
    int steps = 0;
    auto span = [&](int d) { return std::floor(std::ldexp(hi, -d)) - std::floor(std::ldexp(lo, -d)) + 1.0; };
    while (span(steps) > m_maxBins)
        ++steps;
    if (steps > 0) {
        coarsen(steps);
        key = std::floor(std::ldexp(key, -steps));
    }
    if (key < m_base) {   // shift the occupied bins up so that `key` becomes bin 0
        const auto by = static_cast<size_t>(m_base - key);
        std::copy_backward(m_counts.begin(), m_counts.end() - static_cast<std::ptrdiff_t>(by), m_counts.end());
        std::fill(m_counts.begin(), m_counts.begin() + static_cast<std::ptrdiff_t>(by), 0);
        setBase(key);
    }
    m_counts[static_cast<size_t>(key - m_base)] += count;
}

void Pow2Histogram::merge(const Pow2Histogram& other)
{
    if (other.m_maxBins != m_maxBins)
        throw Error(ErrorCode::Mismatch, "Pow2Histogram::merge: bin counts differ");
    if (other.m_empty)
        return;
    if (other.m_level > m_level && !m_empty)
        coarsen(other.m_level - m_level);
    else if (other.m_level > m_level)
        *this = Pow2Histogram(m_maxBins, other.m_level);
    for (size_t i = 0; i < other.m_counts.size(); ++i) {
        if (!other.m_counts[i])
            continue;
        const double key = other.m_base + static_cast<double>(i);
        addKey(std::floor(std::ldexp(key, -(m_level - other.m_level))), other.m_counts[i]);
    }
}

std::vector<uint64_t> Pow2Histogram::occupiedCounts() const
{
    if (m_empty)
        return {};
    return {m_counts.begin(), m_counts.begin() + lastOccupied() + 1};
}

Histogram Pow2Histogram::toHistogram(double unit, int binsWhenEmpty) const
{
    if (m_empty)
        return Histogram::make(0.0, 0.0, binsWhenEmpty);
    Histogram h;
    h.counts = occupiedCounts();
    h.lo = unit * std::ldexp(m_base, m_level);
    h.hi = unit * std::ldexp(m_base + static_cast<double>(h.counts.size()), m_level);
    return h;
}

double logEdge(int64_t j)
{
    return logEdges()[static_cast<size_t>(std::clamp(j, kLogFirst, kLogLast) - kLogFirst)];
}

int64_t logBin32(float a)
{
    // First guess from the exponent bits and a quadratic fit of log2 on [1, 2) (error < 0.005 octave, under
    // a sixth of a bin), then a step or two against the exact edges. Subnormals take frexp's exponent.
    const auto bits = std::bit_cast<uint32_t>(a);
    int e = static_cast<int>((bits >> 23) & 0xffu) - 127;
    float m = std::bit_cast<float>((bits & 0x007fffffu) | 0x3f800000u);
    if ((bits & 0x7f800000u) == 0) {
        int fe = 0;
        m = 2.0f * std::frexp(a, &fe);
        e = fe - 1;
    }
    const float log2m = (-0.34484843f * m + 2.02466578f) * m - 1.67487759f;
    const float guess = static_cast<float>(e) * 32.0f + log2m * 32.0f;
    auto j = static_cast<int64_t>(guess);
    j -= static_cast<int64_t>(guess < static_cast<float>(j));   // floor without a libm call
    j = std::clamp(j, kLogFirst, kLogLast - 1);
    const double* edges = logEdges().data() - kLogFirst;
    const double x = a;
    while (j > kLogFirst && x < edges[j])
        --j;
    while (j + 1 < kLogLast && x >= edges[j + 1])
        ++j;
    return j;
}

int64_t logBin32Ref(double a)
{
    const auto& edges = logEdges();
    const auto it = std::upper_bound(edges.begin(), edges.end(), a);
    return static_cast<int64_t>(it - edges.begin()) - 1 + kLogFirst;
}

} // namespace qx
