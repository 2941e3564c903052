#pragma once
// Per-tensor weight statistics in one streaming pass over row chunks (never the whole tensor in memory):
// each chunk is read (dequantized) once into a worker's buffer, and moments, extrema, NaN/Inf/zero counts,
// per-row and per-column absmax and RMS, both histograms and the outlier candidates all come from that copy.
//  - Histograms need no range in advance (stats/pow2_histogram.h): the linear one has bins of width 2^e
//    aligned at multiples of 2^e, e the smallest for which [min, max] fits in histogramBins bins; the
//    log10|w| one has bins of 2^e/32 octaves aligned likewise on log2|w|, e the smallest for which
//    [min |w|≠0, absmax] fits in logHistogramBins bins. Both cover their occupied bins only (between half
//    and all of the bins asked for), and their counts are exact — the same as a direct binning.
//  - Outliers |w| > k·σ need σ, known only at the end: a strided sample of at most 256 rows gives a bound
//    0.8·k·σ_sample, every value beyond it is kept as a candidate, and the final threshold filters them. When
//    the data's σ turns out below 0.8·σ_sample (or the candidates exceed 1/32 of the data's size), the
//    outliers are taken in a second read instead, and dataPasses says 2.
// Two ways of counting, chosen from the sample: tensors of 2^18 values and more whose sample the fine keys
// bin exactly (data around 0 — weights; stats/fine_histogram.h) take the fine mode when AVX-512 runs: one
// counter increment per value into a FineHistogram, both histograms built from it at the end, and the
// moments from power sums Σ(v - s)^k in the same pass (s: the sample's mean, or 0 when that lies within σ/2
// of 0; a chunk whose mean lies more than its σ from s takes the two-pass moments from cache). Should the
// whole tensor need a finer linear level than the keys give, the linear histogram takes a second read
// (dataPasses 2). Everything else (small tensors, data far from 0, options.simd false) counts straight into
// the streaming histograms with two-pass moments per chunk.
// Exactness against computeTensorStatsRef (tests tst_tensor_stats, tst_tensor_stats_fine): counts, extrema,
// both histograms, row maps, column absmax, outlier count and list are always identical. The moment
// figures are bit-identical outside the fine mode; in it, the mean agrees within 1e-12·(|mean| + σ), σ and
// the outlier threshold within 1e-12 relative, skewness and excess kurtosis within 1e-10·max(1, |value|)
// (so an outlier list can only differ for a value within that margin of k·σ). Per-chunk results are merged in
// chunk order, so every figure except the per-column RMS (summed per worker; within 1e-6 relative) is
// the same whatever the thread count.
// Non-finite values are counted (nanCount, infCount) and excluded from everything else.
// Rows and columns follow ggml: a row is ne[0] contiguous values; column j is position j within each row.

#include "common/progress.h"
#include "stats/histogram.h"
#include "stats/moments.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace qx {

struct TensorInfo;

/// Where the values come from: `read` fills dst with rows [first, first + count) as F32. Must be callable
/// from several threads at once.
struct RowSource {
    int64_t rows = 0;
    int64_t rowLength = 0;
    std::function<void(int64_t first, int64_t count, std::span<float> dst)> read;
    /// Optional: rows [first, first + count) as a view of values already in memory as F32 (no copy). The
    /// one-pass statistics use it instead of `read` when set.
    std::function<std::span<const float>(int64_t first, int64_t count)> view;
};

/// Rows of a stored tensor, decoded through qx::dequantizeRows (viewed in place for aligned F32 data).
/// `tensor` (and its model) must outlive it.
RowSource rowSourceFromTensor(const TensorInfo& tensor);
/// Rows of plain values (size must be a multiple of rowLength). `values` must outlive the source.
RowSource rowSourceFromSpan(std::span<const float> values, int64_t rowLength);

struct StatsOptions {
    int histogramBins = 256;
    int logHistogramBins = 128;
    double outlierSigma = 6.0;     ///< k in |w| > k·σ
    bool outlierCentered = false;  ///< use |w - mean| > k·σ instead (sensible for norm weights, mean ≠ 0)
    int topOutliers = 32;          ///< length of the top-N list (largest |w| first)
    bool channelMaps = true;       ///< fill per-row / per-column absmax and RMS
    int threads = 0;               ///< 0 = hardware concurrency
    bool simd = true;              ///< false: the portable loop even where AVX-512 runs (for tests)
    int64_t rowsPerChunk = 0;      ///< 0 = about 64 Ki values per chunk; fixes the merge order
    bool operator==(const StatsOptions&) const = default;
};

struct Outlier {
    int64_t row = 0;
    int64_t column = 0;            ///< index along ne[0]
    float value = 0.0f;
    bool operator==(const Outlier&) const = default;
};

struct TensorStats {
    int64_t rows = 0;
    int64_t rowLength = 0;
    uint64_t count = 0;            ///< all elements, finite or not
    uint64_t finiteCount = 0;
    uint64_t nanCount = 0;
    uint64_t infCount = 0;
    uint64_t zeroCount = 0;
    double zeroFraction = 0.0;     ///< zeroCount / count
    double min = 0.0;
    double max = 0.0;
    double absMax = 0.0;
    double minNonZeroAbs = 0.0;    ///< smallest |w| > 0 (0 when there is none)
    double mean = 0.0;
    double stddev = 0.0;           ///< population σ
    double skewness = 0.0;
    double excessKurtosis = 0.0;
    Moments moments;
    Histogram histogram;           ///< linear, power-of-two bins covering [min, max] (see top)
    Histogram logHistogram;        ///< log10|w| of finite non-zero w, bins of 2^e/32 octaves (see top)
    std::vector<float> rowAbsMax, rowRms;         ///< one per row
    std::vector<float> columnAbsMax, columnRms;   ///< one per column (ne[0] axis): the outlier-channel map
    double outlierThreshold = 0.0; ///< k·σ (around the mean when outlierCentered); none when σ == 0
    uint64_t outlierCount = 0;
    std::vector<Outlier> topOutliers; ///< by |value| descending, then row, then column
    int dataPasses = 1;            ///< reads of the data: 2 when the outliers needed a second one
    bool operator==(const TensorStats&) const = default;
};

/// Statistics of every row `source` yields, on worker threads. Throws Error(Cancelled) when `progress`
/// returns false, and passes on errors from `source.read` (e.g. Unsupported for undecodable types).
TensorStats computeTensorStats(const RowSource& source, const StatsOptions& options = {},
                               const ProgressFn& progress = {});
/// The same figures computed directly on the calling thread (a first read for moments and extrema, a
/// second for the histograms, their levels from min/max, bins by a binary search of the log edges, outliers by the final
/// threshold): the reference for the one-pass threaded computation.
TensorStats computeTensorStatsRef(const RowSource& source, const StatsOptions& options = {},
                                  const ProgressFn& progress = {});
/// Convenience: statistics of a stored tensor.
TensorStats computeTensorStats(const TensorInfo& tensor, const StatsOptions& options = {},
                               const ProgressFn& progress = {});

} // namespace qx
