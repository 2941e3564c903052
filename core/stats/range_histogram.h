#pragma once
// Exact counts of a tensor's values over a chosen range — what a zoomed histogram shows, re-binned at every
// zoom instead of stretching a fixed one. Bins follow qx::Histogram: `bins` equal bins over [lo, hi], bin i
// = [lo + i·w, lo + (i + 1)·w), the last one also holding hi; values below lo and above hi are counted in
// `below` and `above`. Non-finite values are left out (the statistics count them separately).
//
// rangeHistogram reads the rows in chunks on worker threads (a view of F32 data in place, else the rows
// decoded into a buffer) and bins with a multiplication; a value within 1e-6 of a bin's edge takes
// Histogram::binOf's division instead, so every count equals the single-threaded reference
// rangeHistogramRef (Histogram::add per value), whatever the thread count.

#include "common/progress.h"
#include "stats/histogram.h"
#include "stats/tensor_stats.h"

#include <cstdint>
#include <utility>

namespace qx {

struct RangeHistogramOptions {
    int threads = 0;            ///< 0 = hardware concurrency
    int64_t rowsPerChunk = 0;   ///< 0 = about 64 Ki values per chunk
};

/// Counts of every finite value of `source` in `bins` bins over [lo, hi] (see the top). Throws
/// InvalidArgument for bins <= 0 or hi < lo, Cancelled when `progress` returns false.
Histogram rangeHistogram(const RowSource& source, double lo, double hi, int bins,
                         const RangeHistogramOptions& options = {}, const ProgressFn& progress = {});
/// The same counts on the calling thread, one Histogram::add per finite value: the reference twin.
Histogram rangeHistogramRef(const RowSource& source, double lo, double hi, int bins, const ProgressFn& progress = {});

/// The value range holding the central `coverage` of the values counted in `h` (below/above included in
/// the total): from the left edge of the bin where the lower tail (1 − coverage)/2 ends to the right edge of
/// the bin where the upper tail begins, so at least `coverage` of the values lie inside (limited by the bin
/// width). Tails that fall into h.below / h.above give h.lo / h.hi. An empty histogram gives {h.lo, h.hi}.
std::pair<double, double> centralRange(const Histogram& h, double coverage);

/// The central `coverage` of the finite values of `source`, refined from `coarse` (any histogram of the same
/// values, e.g. the statistics' own): one pass of kCentralBins bins over the span between coarse's tail
/// bins, so the ends are known to 1/kCentralBins of that span even when outliers make coarse's bins wide.
std::pair<double, double> centralRangeOf(const RowSource& source, const Histogram& coarse, double coverage,
                                         const RangeHistogramOptions& options = {}, const ProgressFn& progress = {});
inline constexpr int kCentralBins = 4096;

} // namespace qx
