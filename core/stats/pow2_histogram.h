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
// The log-magnitude grid: for |w| > 0, the finest log bin is j = floor(32 · log2|w|), found exactly against
// the edge table 2^(j/32) (logEdge). Pow2Histogram over x = j then gives bins 2^level/32 octaves wide.

#include "stats/histogram.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace qx {

class Pow2Histogram {
public:
    Pow2Histogram(int maxBins, int minLevel);

    /// Counts x (finite; keys are computed in double, exact for scaled floats and small integers).
    void add(double x)
    {
        const double d = x * m_scale;   // exact: a power-of-two scaling
        if (std::fabs(d) < 0x1p62) {    // integer floor: no libm call on baseline x86-64
            auto k = static_cast<int64_t>(d);
            k -= static_cast<int64_t>(d < static_cast<double>(k));
            const auto i = static_cast<uint64_t>(k - m_baseInt);
            if (i < m_counts.size()) {
                ++m_counts[i];
                return;
            }
        }
        addKey(std::floor(d), 1);
    }
    /// Adds the counts of `other` (same maxBins and minLevel).
    void merge(const Pow2Histogram& other);

    int level() const { return m_level; }
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
    int64_t lastOccupied() const;

    int m_maxBins;
    int m_level;
    double m_scale;        ///< 2^-level
    double m_base = 0.0;   ///< key of m_counts[0]; the lowest key seen
    int64_t m_baseInt = 0; ///< m_base when |m_base| < 2^61, else far enough to send every key to addKey
    bool m_empty = true;
    std::vector<uint64_t> m_counts;
};

/// Finest log bin of a positive finite float magnitude: j with logEdge(j) <= a < logEdge(j + 1).
int64_t logBin32(float a);
/// 2^(j / 32), the lower edge of log bin j (as computed here: the definition of the bins).
double logEdge(int64_t j);
/// The same bin by a binary search of the edges (the reference for logBin32).
int64_t logBin32Ref(double a);

} // namespace qx
