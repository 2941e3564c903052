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
double linearValue(int sign, int e, uint32_t m8, bool rz)
{
    const double lo = std::ldexp(256.0 + m8, e - 8);
    if (!sign)
        return lo;
    return rz ? -lo : -(lo + std::ldexp(1.0, e - 9));
}

} // namespace

FineHistogram::FineHistogram(int firstExponent)
    : m_first(std::clamp(firstExponent, 1, kMaxFirst)),
      m_counts(static_cast<uint64_t*>(std::calloc(kKeys + 1, sizeof(uint64_t))))
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
    return ((static_cast<int64_t>(bits >> 31) * kExponents + rel) * 256 + (m >> 15)) * 4 + up * 2 + rz;
}

void FineHistogram::merge(const FineHistogram& other)
{
    if (other.m_first != m_first)
        throw Error(ErrorCode::Mismatch, "FineHistogram::merge: windows differ");
    uint64_t* dst = m_counts.get();
    const uint64_t* src = other.m_counts.get();
    for (size_t i = 0; i < kKeys; ++i)
        dst[i] += src[i];
}

int FineHistogram::topExponent() const
{
    const uint64_t* c = m_counts.get();
    for (int rel = kExponents - 1; rel >= 0; --rel)
        for (size_t sign = 0; sign < 2; ++sign) {
            const uint64_t* row = c + (sign * kExponents + static_cast<size_t>(rel)) * 1024;
            if (std::any_of(row, row + 1024, [](uint64_t n) { return n != 0; }))
                return m_first + rel - 127;
        }
    return INT_MIN;
}

void FineHistogram::addTo(Pow2Histogram* lin, Pow2Histogram& log) const
{
    const uint64_t* c = m_counts.get();
    const LogBinner& lb = logBinner();
    for (size_t key = 0; key < kKeys; ++key) {
        if (!c[key])
            continue;
        const auto rz = static_cast<bool>(key & 1), up = static_cast<bool>(key & 2);
        const auto m8 = static_cast<uint32_t>((key >> 2) & 0xff);
        const auto rel = static_cast<int>((key >> 10) % kExponents);
        const auto sign = static_cast<int>(key >> 10) / kExponents;
        const int e = m_first + rel - 127;
        if (lin)
            lin->addCount(linearValue(sign, e, m8, rz), c[key]);
        const uint32_t k = (lb.packed64[m8 >> 2] & 31u) + static_cast<uint32_t>(up);
        log.addCount(static_cast<double>(int64_t(e) * 32 + k), c[key]);
    }
}

} // namespace qx
