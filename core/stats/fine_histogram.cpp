#include "stats/fine_histogram.h"

#include "common/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <new>

namespace qx {
namespace {

constexpr int kMaxFirst = 254 - FineHistogram::kExponents + 1;

/// The representative of a key on the linear axis: the cell's low edge for v > 0, its edge -lo for a
/// negative edge value (rz), else the middle of the open cell (-(lo + w/2)).
double linearValue(bool negative, int e, uint32_t m8, bool rz)
{
    const double lo = std::ldexp(256.0 + m8, e - 8);
    if (!negative)
        return lo;
    return rz ? -lo : -(lo + std::ldexp(1.0, e - 9));
}

} // namespace

FineHistogram::FineHistogram(int firstExponent)
    : m_first(std::clamp(firstExponent, 1, kMaxFirst)),
      m_counts(static_cast<uint32_t*>(std::calloc(kSize, sizeof(uint32_t))))
{
    if (!m_counts)
        throw std::bad_alloc();
}

int FineHistogram::firstExponentFor(double absMax)
{
    if (!(absMax > 0) || !std::isfinite(absMax))
        return 127 - kExponents / 2;
    int e = 0;
    std::frexp(absMax, &e);   // absMax in [2^(e-1), 2^e)
    return (e - 1 + 127) + 8 - (kExponents - 1);
}

int64_t FineHistogram::keyOf(float v) const
{
    const auto bits = std::bit_cast<uint32_t>(v);
    const auto rel = static_cast<int64_t>((bits >> 23) & 0xff) - m_first;
    if ((bits & 0x7fffffffu) < 0x00800000u || rel < 0 || rel >= kExponents)
        return -1;
    const uint32_t m = bits & 0x007fffffu;
    const uint32_t up = m >= (logBinner().packed64[m >> 17] >> 5);
    const uint32_t rz = (m & 0x7fffu) == 0;
    return ((static_cast<int64_t>(bits >> 15)) - static_cast<int64_t>(m_first) * 256) * 4 + up * 2 + rz;
}

void FineHistogram::reserve(uint64_t values)
{
    if (m_narrowMax + values > UINT32_MAX)
        spill();
    m_narrowMax += values;
}

void FineHistogram::spill()
{
    if (m_wide.empty())
        m_wide.assign(kSize, 0);
    for (size_t i = 0; i < kSize; ++i) {
        m_wide[i] += m_counts.get()[i];
        m_counts.get()[i] = 0;
    }
    m_narrowMax = 0;
}

void FineHistogram::limit(double minAbs, double maxAbs)
{
    auto rel = [this](double a) { return std::ilogb(a) + 127 - m_first; };
    if (!(minAbs > 0) || !(maxAbs >= minAbs) || !std::isfinite(maxAbs)) {
        m_relLo = 0, m_relHi = kExponents - 1;
        return;
    }
    m_relLo = std::clamp(rel(minAbs), 0, kExponents - 1);
    m_relHi = std::clamp(rel(maxAbs), 0, kExponents - 1);
}

void FineHistogram::merge(const FineHistogram& other)
{
    if (other.m_first != m_first)
        throw Error(ErrorCode::Mismatch, "FineHistogram::merge: windows differ");
    if (!other.m_wide.empty() || other.m_narrowMax + m_narrowMax > UINT32_MAX)
        spill();
    m_narrowMax += other.m_narrowMax;
    uint32_t* dst = m_counts.get();
    const auto lo = static_cast<size_t>(m_relLo) * 1024, hi = static_cast<size_t>(m_relHi + 1) * 1024;
    for (size_t base : {size_t(0), kNegative})
        for (size_t i = base + lo; i < base + hi; ++i) {
            if (m_wide.empty())
                dst[i] += other.m_counts.get()[i];
            else
                m_wide[i] += other.count(i);
        }
}

int FineHistogram::topExponent() const
{
    for (int rel = m_relHi; rel >= m_relLo; --rel)
        for (size_t base : {size_t(0), kNegative})
            for (size_t i = base + static_cast<size_t>(rel) * 1024; i < base + static_cast<size_t>(rel + 1) * 1024; ++i)
                if (count(i))
                    return m_first + rel - 127;
    return INT_MIN;
}

void FineHistogram::addTo(Pow2Histogram* lin, Pow2Histogram& log) const
{
    const LogBinner& lb = logBinner();
    for (size_t base : {size_t(0), kNegative})
        for (auto key = static_cast<size_t>(m_relLo) * 1024; key < static_cast<size_t>(m_relHi + 1) * 1024; ++key) {
            const uint64_t n = count(base + key);
            if (!n)
                continue;
            const auto rz = static_cast<bool>(key & 1), up = static_cast<bool>(key & 2);
            const auto m8 = static_cast<uint32_t>((key >> 2) & 0xff);
            const int e = m_first + static_cast<int>(key >> 10) - 127;
            if (lin)
                lin->addCount(linearValue(base != 0, e, m8, rz), n);
            const uint32_t k = (lb.packed64[m8 >> 2] & 31u) + static_cast<uint32_t>(up);
            log.addCount(static_cast<double>(int64_t(e) * 32 + k), n);
        }
}

} // namespace qx
