#pragma once
// Histograms that need no range in advance, so a single streaming pass fills them exactly.
//
// Pow2Histogram counts real positions x on a grid of bins of width 2^level aligned at multiples of the width:
// x falls in the bin with key floor(x · 2^-level). It starts at `minLevel` and, whenever the keys seen would
// span more than `maxBins` bins, coarsens to the next level(s) by merging bins pairwise; floor(floor(x/2^a)/2^b)
// = floor(x/2^(a+b)), so coarsening loses nothing. The level therefore always ends as the smallest level at
// which [min x, max x] fits in maxBins bins, and the counts are exactly those of a direct binning at that
// level — whatever the order of the values or how they were split between workers and merged.
// The result covers the occupied bins only: between maxBins/2 and maxBins of them (one for a single value).
//
// The log-magnitude grid: for |w| > 0, the finest log bin is j = floor(32 · log2|w|), defined exactly by
// the edges logEdge(j) = 2^e · exp2(k/32) (e = floor(j/32), k = j mod 32, exp2 in double). A float's bin
// then depends on its exponent and on which of 31 mantissa thresholds it reaches (LogBinner, a 256-entry
// table on the top mantissa bits: one threshold per cell at most). Pow2Histogram over x = j gives bins
// 2^level/32 octaves wide.

#include "stats/histogram.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace qx {

class Pow2Histogram {
public:
    Pow2Histogram(int maxBins, int minLevel);

    /// Interleaved count arrays: add(x, lane) with lanes taken in turn keeps runs of one bin from
    /// serialising on a single counter. They are summed whenever the counts are read or restructured.
    static constexpr int kLanes = 4;

    /// Counts x (finite; keys are computed in double, exact for scaled floats and small integers).
    void add(double x, int lane = 0)
    {
        const double d = x * m_scale;   // exact: a power-of-two scaling
        if (std::fabs(d) < 0x1p62) {    // integer floor: no libm call on baseline x86-64
            auto k = static_cast<int64_t>(d);
            k -= static_cast<int64_t>(d < static_cast<double>(k));
            const auto i = static_cast<uint64_t>(k - m_baseInt);
            if (i < m_bins) {
                ++m_counts[static_cast<size_t>(lane) * m_bins + i];
                return;
            }
        }
        addKey(std::floor(d), 1);
    }
    /// Counts x `count` times (as add(x), count times over).
    void addCount(double x, uint64_t count);
    /// Adds the counts of `other` (same maxBins and minLevel).
    void merge(const Pow2Histogram& other);

    int level() const { return m_level; }
    /// The fast path's state, for SIMD kernels that do add()'s work 16 values at a time: a value with
    /// key k at this level goes to counts()[lane · bins() + (k - baseInt())] when that is below bins().
    double scale() const { return m_scale; }
    int64_t baseInt() const { return m_baseInt; }
    uint64_t bins() const { return m_bins; }
    uint64_t* counts() { return m_counts.data(); }
    bool empty() const { return m_empty; }
    /// Lowest occupied key and the occupied bins' counts (empty when nothing was added).
    double firstKey() const { return m_base; }
    std::vector<uint64_t> occupiedCounts() const;
    /// As a Histogram whose edges are `unit` · key · 2^level (unit converts grid units, e.g. to log10).
    Histogram toHistogram(double unit, int binsWhenEmpty) const;

private:
    void addKey(double key, uint64_t count);   ///< `key` at the current level
    void coarsen(int steps);
    void setBase(double base);
    void fold();                               ///< sums the lanes into lane 0
    uint64_t total(size_t i) const;            ///< bin i over all lanes
    int64_t lastOccupied() const;

    int m_maxBins;
    uint64_t m_bins;       ///< m_maxBins, unsigned
    int m_level;
    double m_scale;        ///< 2^-level
    double m_base = 0.0;   ///< key of m_counts[0]; the lowest key seen
    int64_t m_baseInt = 0; ///< m_base when |m_base| < 2^61, else far enough to send every key to addKey
    bool m_empty = true;
    std::vector<uint64_t> m_counts;   ///< kLanes arrays of m_bins counts
};

/// Finest log bins of positive finite floats by their bits (see the top of the file).
struct LogBinner {
    uint32_t firstK[256];      ///< thresholds below the cell of the top 8 mantissa bits
    uint32_t threshold[256];   ///< the threshold inside that cell (2^23: none)
    /// threshold << 5 | firstK for cells of the top 6 mantissa bits: thresholds lie at least 2^23/46 apart,
    /// so a cell of 2^17 still holds one at most, and the 64 entries fit in four vector registers (SIMD
    /// look-ups by permutation instead of gathers).
    uint32_t packed64[64];
    /// The same k as bin() from the 64-cell table (the SIMD kernel's way), for the test of the two tables.
    uint32_t octaveStep64(uint32_t mantissa) const
    {
        const uint32_t p = packed64[mantissa >> 17];
        return (p & 31u) + static_cast<uint32_t>(mantissa >= p >> 5);
    }

    /// j with logEdge(j) <= a < logEdge(j + 1), for a > 0 finite.
    int64_t bin(float a) const
    {
        auto bits = std::bit_cast<uint32_t>(a);
        int64_t shift = 0;
        if (bits < 0x00800000u) {   // subnormal: scaling by 2^24 is exact and keeps the bin offset
            bits = std::bit_cast<uint32_t>(a * 16777216.0f);
            shift = -24 * 32;
        }
        const uint32_t m = bits & 0x007fffffu, cell = m >> 15;
        const auto k = firstK[cell] + static_cast<uint32_t>(m >= threshold[cell]);
        return (static_cast<int64_t>(bits >> 23) - 127) * 32 + k + shift;
    }
};
/// The table, built once.
const LogBinner& logBinner();
/// logBinner().bin(a).
inline int64_t logBin32(float a) { return logBinner().bin(a); }
/// 2^(j / 32), the lower edge of log bin j (as computed here: the definition of the bins).
double logEdge(int64_t j);
/// The same bin by a binary search of the edges (the reference for logBin32).
int64_t logBin32Ref(double a);

} // namespace qx
