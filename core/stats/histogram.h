#pragma once
// A fixed-bin histogram over [lo, hi]: bin i covers [lo + i·w, lo + (i+1)·w) with w = (hi - lo) / bins; the
// last bin also holds hi itself. Values outside the range are counted in `below` / `above`, never dropped
// silently. A degenerate range (lo == hi) puts every in-range value in bin 0.

#include <cstdint>
#include <vector>

namespace qx {

struct Histogram {
    double lo = 0.0;
    double hi = 0.0;
    std::vector<uint64_t> counts;
    uint64_t below = 0;   ///< values < lo
    uint64_t above = 0;   ///< values > hi

    /// Empty histogram with `bins` zero counts over [lo, hi].
    static Histogram make(double lo, double hi, int bins);
    /// Bin index of `v` (caller checks the range first).
    int binOf(double v) const;
    /// Counts one value.
    void add(double v);
    /// Adds the counts of `other`, which must have the same range and bin count.
    void merge(const Histogram& other);
    /// Left edge of bin i.
    double binLo(int i) const;
    double binWidth() const;
    uint64_t total() const;
    bool operator==(const Histogram&) const = default;
};

} // namespace qx
