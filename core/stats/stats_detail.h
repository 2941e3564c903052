#pragma once
// Internal pieces shared by the one-pass statistics (tensor_stats.cpp) and their direct reference
// (tensor_stats_ref.cpp): extrema and per-row / per-column maps of one chunk, the outlier order, and the
// grid definitions of both histograms.

#include "stats/fine_histogram.h"
#include "stats/pow2_histogram.h"
#include "stats/tensor_stats.h"

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace qx::stats_detail {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kLinearMinLevel = -149;            ///< bins of 2^-149: every float is a multiple
constexpr int kRowLanes = 16;   ///< a row's extrema and sum of squares: 16 partial results by position j % 16
constexpr double kLogUnit = 0.30102999566398120 / 32.0;   ///< log10 of one finest log bin (1/32 octave)

/// One row's partial results in lanes by position j % 16 (independent dependency chains for the scalar
/// loop, the vector registers of the SIMD one). The row's sum of squares is rowSum(sumSq).
struct RowLanes {
    float mn[kRowLanes], mx[kRowLanes], absMax[kRowLanes], minNz[kRowLanes];
    double sumSq[kRowLanes];
    double power[4][kRowLanes];   ///< Σ (v - shift)^k, k = 1..4, where the moments are taken in the scan;
                                  ///< with shift 0, power[1] stays 0 (Σ v² is sumSq)
    uint64_t zeros = 0, nonFinite = 0;
    RowLanes();
};

/// The row sum from its lanes, in lane order (the one order both computations use).
inline double rowSum(const double (&sumSq)[kRowLanes])
{
    double t = 0.0;
    for (double s : sumSq)
        t += s;
    return t;
}

/// What the AVX-512 row kernels work on: one row, its lanes, the channel maps (both null without maps), the
/// outlier-candidate test |v - center| > bound, and the callbacks. slowBlock(j0) must do positions
/// j0 .. j0 + 15 as the scalar loop does; candidate(j) is called for each candidate of the other blocks, in
/// position order.
struct RowKernel {
    const float* row = nullptr;
    size_t n = 0;
    RowLanes* lanes = nullptr;
    float* colAbsMax = nullptr;
    double* colSumSq = nullptr;
    double center = 0.0, bound = kInf;
    double shift = 0.0;   ///< the fine kernel's power sums are of v - shift (of v alone when 0: see power)
    const std::function<void(size_t)>* slowBlock = nullptr;
    const std::function<void(size_t)>* candidate = nullptr;
};

/// AVX-512 row scan over whole blocks of 16 positions into the streaming histograms (returns how many
/// positions it covered); a block holding a non-finite or subnormal value or a histogram key outside its
/// window goes to slowBlock. Bit-identical to the scalar loop. Only call when cpuHasAvx512().
size_t scanRowAvx512(const RowKernel& k, Pow2Histogram& lin, Pow2Histogram& log, const LogBinner& logBins);
/// The same with one increment per value into `fine` instead of two into the histograms, and the power sums
/// of v - shift in lanes.power (the moments in the same pass); blocks holding a value without a fine key
/// other than 0 (non-finite, subnormal, outside the window) go to slowBlock.
size_t scanRowFineAvx512(const RowKernel& k, FineHistogram& fine, const LogBinner& logBins);

/// Extrema, counts and channel sums of the rows a worker has seen.
struct Basics {
    double min = kInf, max = -kInf, absMax = 0.0, minNonZero = kInf;
    uint64_t nan = 0, inf = 0, zero = 0;
    std::vector<float> colAbsMax;
    std::vector<double> colSumSq;
    std::vector<uint64_t> colCount;
};

/// Rows per chunk (options.rowsPerChunk, else about 64 Ki values); throws for malformed sources/options.
int64_t rowsPerChunk(const RowSource& source, const StatsOptions& options);
/// Bytes the one-pass statistics of `source` take on `workers` threads (row and column maps, chunk buffers,
/// per-chunk moments, fine histograms, the outlier candidates' budget), saturating at UINT64_MAX.
uint64_t statsMemoryNeed(const RowSource& source, const StatsOptions& options, int workers);
/// Fills counts and extrema from `values` and, when options.channelMaps, the row maps of rows
/// [firstRow, ...) in `stats` and the column sums in `b`.
void scanBasics(std::span<const float> values, int64_t firstRow, const StatsOptions& options, Basics& b,
                TensorStats& stats);
/// Sizes the channel maps of `stats` and `b`, and sets rows / rowLength / count.
void initStats(const RowSource& source, const StatsOptions& options, TensorStats& stats, std::vector<Basics*> workers);
/// Merges the workers' extrema and columns into `stats` and derives the moment figures from stats.moments.
void finishBasics(const std::vector<const Basics*>& workers, const StatsOptions& options, TensorStats& stats);
/// The smallest level >= minLevel at which the keys floor(x / 2^level) of [lo, hi] span at most maxBins bins.
int levelFor(double lo, double hi, int maxBins, int minLevel);
/// The fine mode's window (FineHistogram::firstExponent) computeTensorStats uses for this source, 0 when it
/// counts straight into the streaming histograms (small tensors, data far from 0, no AVX-512, !simd).
int fineWindowOf(const RowSource& source, const StatsOptions& options);
/// Sorts by |value| descending, then row, then column, and keeps the first n.
void keepTop(std::vector<Outlier>& list, size_t n);
/// The centre outliers are measured from: the mean when options.outlierCentered, else 0.
inline double outlierCenter(const TensorStats& s, const StatsOptions& o) { return o.outlierCentered ? s.mean : 0.0; }

} // namespace qx::stats_detail
