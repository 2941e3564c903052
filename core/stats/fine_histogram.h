#pragma once
// FineHistogram: counts of floats by a key fine enough to fix both histogram bins of the statistics scan,
// so that one counter increment per value replaces one per histogram (the SIMD scan's main cost).
//
// Key of a normal float v with biased exponent E in the window [first, first + 64), top 8 mantissa bits m8
// and sign s:  (s·2^16 + (E - first)·256 + m8)·4 + up·2 + rz, i.e. ((bits >> 15) - first·256)·4 + up·2 + rz
// (what the SIMD kernel computes), where
//  - up = the mantissa reaches the log-bin threshold inside its 64-cell (LogBinner::packed64): with E and
//    m8 it gives the finest log bin j = floor(32·log2|v|) exactly, whatever the log histogram's level;
//  - rz = the 15 mantissa bits below m8 are all zero (v is the cell's edge itself).
// A cell spans 2^(e-8) (e = E - 127). At a linear level L with e <= L + 8, every value of a cell lies in
// the same linear bin (cells nest in the aligned bins; a negative cell is open at its far end, so its edge
// -|lo| is told apart by rz): a representative value per key gives exact counts. Zeros, subnormals and
// exponents outside the window have no key (the caller counts them another way).
// counts() holds the positive keys at [0, kRange), the negative ones at [kNegative, kNegative + kRange),
// and a discard slot at kDiscard for lanes without a key.

#include "stats/pow2_histogram.h"

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace qx {

class FineHistogram {
public:
    static constexpr int kExponents = 64;
    static constexpr size_t kRange = size_t(kExponents) * 256 * 4;   ///< keys of one sign
    static constexpr size_t kNegative = size_t(1) << 18;             ///< where the negative keys start
    static constexpr size_t kDiscard = kRange;
    static constexpr size_t kSize = kNegative + kRange;

    /// A window of kExponents biased exponents starting at `firstExponent` (clamped into [1, 254 - 63]).
    explicit FineHistogram(int firstExponent);
    /// The window for data whose magnitudes reach about `absMax`: up to 2^8·absMax, down to 2^-55·absMax.
    static int firstExponentFor(double absMax);

    int firstExponent() const { return m_first; }
    /// The 32-bit counters the kernel increments; call reserve() before adding counts to them.
    uint32_t* counts() { return m_counts.get(); }
    /// Makes room for `values` more increments: moves the counts into 64-bit ones first when the 32-bit
    /// counters could otherwise overflow.
    void reserve(uint64_t values);
    /// The key of v (see the top), or -1 when v has none.
    int64_t keyOf(float v) const;
    /// Every counted value had a magnitude within [minAbs, maxAbs]: the other exponents are skipped from
    /// now on by merge, topExponent and addTo (pages never touched stay untouched).
    void limit(double minAbs, double maxAbs);
    /// Adds the counts of `other` (same window; this one's limit).
    void merge(const FineHistogram& other);
    /// Largest e = E - 127 of a counted value (INT_MIN when none): exact at linear levels >= that - 8.
    int topExponent() const;
    /// Adds every counted value to `lin` unless null (exact when lin's level stays >= topExponent() - 8)
    /// and its finest log bin to `log`.
    void addTo(Pow2Histogram* lin, Pow2Histogram& log) const;

private:
    struct Free {
        void operator()(uint32_t* p) const { std::free(p); }
    };
    uint64_t count(size_t key) const { return m_counts.get()[key] + (m_wide.empty() ? 0 : m_wide[key]); }
    void spill();   ///< the 32-bit counts into m_wide

    int m_first;
    int m_relLo = 0, m_relHi = kExponents - 1;   ///< exponents (from m_first) that may hold counts
    std::unique_ptr<uint32_t, Free> m_counts;   ///< calloc: pages never touched cost nothing
    std::vector<uint64_t> m_wide;               ///< counts moved out of m_counts (rarely needed)
    uint64_t m_narrowMax = 0;                   ///< increments since the last spill
};

} // namespace qx
