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

/// exp2(k/32) for k in [0, 32): the edges of one octave.
double octaveEdge(int64_t k) { return std::exp2(static_cast<double>(k) / 32.0); }

double edgeOf(int64_t j)
{
    const int64_t e = j >= 0 ? j / 32 : -((-j + 31) / 32);
    return std::ldexp(octaveEdge(j - 32 * e), static_cast<int>(e));
}

const std::vector<double>& logEdges()
{
    static const std::vector<double> edges = [] {
        std::vector<double> e;
        for (int64_t j = kLogFirst; j <= kLogLast; ++j)
            e.push_back(edgeOf(j));
        return e;
    }();
    return edges;
}

LogBinner makeLogBinner()
{
    LogBinner b{};
    uint32_t thresholds[32];
    for (int k = 0; k < 32; ++k) {   // mantissa bits of the smallest float >= exp2(k/32)
        float f = static_cast<float>(octaveEdge(k));
        if (static_cast<double>(f) < octaveEdge(k))
            f = std::nextafter(f, 2.0f);
        thresholds[k] = std::bit_cast<uint32_t>(f) & 0x007fffffu;
    }
    for (uint32_t cell = 0; cell < 256; ++cell) {
        b.firstK[cell] = 0;
        b.threshold[cell] = 1u << 23;
        for (int k = 1; k < 32; ++k) {
            if (thresholds[k] < (cell << 15))
                b.firstK[cell] = static_cast<uint32_t>(k);
            else if (thresholds[k] < ((cell + 1) << 15))
                b.threshold[cell] = thresholds[k];
        }
    }
    for (uint32_t cell = 0; cell < 64; ++cell) {
        uint32_t firstK = 0, threshold = 1u << 23;
        for (uint32_t k = 1; k < 32; ++k) {
            if (thresholds[k] < (cell << 17))
                firstK = k;
            else if (thresholds[k] < ((cell + 1) << 17))
                threshold = thresholds[k];
        }
        b.packed64[cell] = threshold << 5 | firstK;
    }
    return b;
}

} // namespace

Pow2Histogram::Pow2Histogram(int maxBins, int minLevel)
    : m_maxBins(maxBins), m_bins(static_cast<uint64_t>(std::max(maxBins, 0))), m_level(minLevel),
      m_scale(std::ldexp(1.0, -minLevel)), m_counts(m_bins * kLanes, 0)
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

void Pow2Histogram::fold()
{
    for (size_t l = 1; l < kLanes; ++l)
        for (size_t i = 0; i < m_bins; ++i) {
            m_counts[i] += m_counts[l * m_bins + i];
            m_counts[l * m_bins + i] = 0;
        }
}

uint64_t Pow2Histogram::total(size_t i) const
{
    uint64_t t = 0;
    for (size_t l = 0; l < kLanes; ++l)
        t += m_counts[l * m_bins + i];
    return t;
}

int64_t Pow2Histogram::lastOccupied() const
{
    for (auto i = static_cast<int64_t>(m_bins) - 1; i > 0; --i)
        if (total(static_cast<size_t>(i)))
            return i;
    return 0;
}

// Keys with counts are m_base + i; when m_base >= 2^53 only i == 0 can be occupied (keys of distinct floats
// that large lie 2^29 apart), so m_base + i is exact wherever it is used.
void Pow2Histogram::coarsen(int steps)
{
    fold();
    const double newBase = std::floor(std::ldexp(m_base, -steps));
    std::vector<uint64_t> counts(m_counts.size(), 0);
    for (size_t i = 0; i < m_bins; ++i)
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
    fold();
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
        const auto lane0End = m_counts.begin() + static_cast<std::ptrdiff_t>(m_bins);
        std::copy_backward(m_counts.begin(), lane0End - static_cast<std::ptrdiff_t>(by), lane0End);
        std::fill(m_counts.begin(), m_counts.begin() + static_cast<std::ptrdiff_t>(by), 0);
        setBase(key);
    }
    m_counts[static_cast<size_t>(key - m_base)] += count;
}

void Pow2Histogram::addCount(double x, uint64_t count)
{
    const double d = x * m_scale;
    const double key = std::floor(d);
    if (!m_empty && key >= m_base && key - m_base < static_cast<double>(m_bins)) {
        m_counts[static_cast<size_t>(key - m_base)] += count;
        return;
    }
    addKey(key, count);
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
    for (size_t i = 0; i < other.m_bins; ++i) {
        const uint64_t n = other.total(i);
        if (!n)
            continue;
        const double key = other.m_base + static_cast<double>(i);
        addKey(std::floor(std::ldexp(key, -(m_level - other.m_level))), n);
    }
}

std::vector<uint64_t> Pow2Histogram::occupiedCounts() const
{
    if (m_empty)
        return {};
    std::vector<uint64_t> counts(static_cast<size_t>(lastOccupied() + 1));
    for (size_t i = 0; i < counts.size(); ++i)
        counts[i] = total(i);
    return counts;
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

const LogBinner& logBinner()
{
    static const LogBinner binner = makeLogBinner();
    return binner;
}

int64_t logBin32Ref(double a)
{
    const auto& edges = logEdges();
    const auto it = std::upper_bound(edges.begin(), edges.end(), a);
    return static_cast<int64_t>(it - edges.begin()) - 1 + kLogFirst;
}

} // namespace qx
