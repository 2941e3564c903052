#pragma once
// FineHistogram: counts of floats by a key fine enough to fix both histogram bins of the statistics scan,
// so that one counter increment per value replaces one per histogram (the SIMD scan's main cost).
//
// Key of a normal float v with biased exponent E in the window [first, first + 64), top 8 mantissa bits m8
// and sign s:  ((s·64 + E - first)·256 + m8)·4 + up·2 + rz, where
//  - up = the mantissa reaches the log-bin threshold inside its 64-cell (LogBinner::packed64): with E and
//    m8 it gives the finest log bin j = floor(32·log2|v|) exactly, whatever the log histogram's level;
//  - rz = the 15 mantissa bits below m8 are all zero (v is the cell's edge itself).
// A cell spans 2^(e-8) (e = E - 127). At a linear level L with e <= L + 8, every value of a cell lies in
// the same linear bin (cells nest in the aligned bins; a negative cell is open at its far end, so its edge
// -|lo| is told apart by rz): a representative value per key gives exact counts. Zeros, subnormals and
// exponents outside the window have no key (the caller counts them another way).
// counts() has kKeys + 1 entries: the last one is a discard slot for lanes without a key.

#include "stats/pow2_histogram.h"

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace qx {

class FineHistogram {
public:
    static constexpr int kExponents = 64;
    static constexpr size_t kKeys = size_t(2) * kExponents * 256 * 4;

    /// A window of kExponents biased exponents starting at `firstExponent` (clamped into [1, 254 - 63]).
    explicit FineHistogram(int firstExponent);
    /// The window for data whose magnitudes reach about `absMax`: up to 2^8·absMax, down to 2^-55·absMax.
    static int firstExponentFor(double absMax);

    int firstExponent() const { return m_first; }
    uint64_t* counts() { return m_counts.get(); }
    /// The key of v (see the top), or -1 when v has none.
    int64_t keyOf(float v) const;
    /// Adds the counts of `other` (same window).
    void merge(const FineHistogram& other);
    /// Largest e = E - 127 of a counted value (INT_MIN when none): exact at linear levels >= that - 8.
    int topExponent() const;
    /// Adds every counted value to `lin` unless null (exact when lin's level stays >= topExponent() - 8)
    /// and its finest log bin to `log`.
    void addTo(Pow2Histogram* lin, Pow2Histogram& log) const;

private:
    struct Free {
        void operator()(uint64_t* p) const { std::free(p); }
    };
    int m_first;
    std::unique_ptr<uint64_t, Free> m_counts;   ///< calloc: pages never touched cost nothing
};

} // namespace qx
