// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/stats_detail.h"

#include "common/error.h"
#include "common/memory_need.h"

#include <algorithm>
#include <string>

namespace qx::stats_detail {
namespace {

bool byMagnitude(const Outlier& a, const Outlier& b)
{
    const float ma = std::fabs(a.value), mb = std::fabs(b.value);
    if (ma != mb)
        return ma > mb;
    return a.row != b.row ? a.row < b.row : a.column < b.column;
}

void rowMaps(std::span<const float> row, int64_t r, Basics& b, TensorStats& s)
{
    float absMax = 0.0f;
    double sumSq[kRowLanes] = {};   // partial sums by position j % 16, added by rowSum()
    uint64_t n = 0;
    for (size_t j = 0; j < row.size(); ++j) {
        const float v = row[j];
        if (!std::isfinite(v))
            continue;
        const float a = std::fabs(v);
        const double sq = static_cast<double>(v) * v;
        absMax = std::max(absMax, a);
        sumSq[j % kRowLanes] += sq;
        ++n;
        b.colAbsMax[j] = std::max(b.colAbsMax[j], a);
        b.colSumSq[j] += sq;
        ++b.colCount[j];
    }
    s.rowAbsMax[static_cast<size_t>(r)] = absMax;
    const double total = rowSum(sumSq);
    s.rowRms[static_cast<size_t>(r)] = n ? static_cast<float>(std::sqrt(total / static_cast<double>(n))) : 0.0f;
}

} // namespace

RowLanes::RowLanes()
{
    std::fill_n(mn, kRowLanes, std::numeric_limits<float>::infinity());
    std::fill_n(mx, kRowLanes, -std::numeric_limits<float>::infinity());
    std::fill_n(absMax, kRowLanes, 0.0f);
    std::fill_n(minNz, kRowLanes, std::numeric_limits<float>::infinity());
    std::fill_n(sumSq, kRowLanes, 0.0);
    std::fill_n(&power[0][0], 4 * kRowLanes, 0.0);
}

int64_t rowsPerChunk(const RowSource& source, const StatsOptions& options)
{
    if (source.rows < 0 || source.rowLength <= 0 || !source.read)
        throw Error(ErrorCode::InvalidArgument, "computeTensorStats: empty or malformed row source");
    if (options.histogramBins < 2 || options.logHistogramBins < 2 || options.topOutliers < 0)
        throw Error(ErrorCode::InvalidArgument, "computeTensorStats: histograms need at least 2 bins");
    return options.rowsPerChunk > 0 ? options.rowsPerChunk : std::max<int64_t>(1, 65536 / source.rowLength);
}

uint64_t statsMemoryNeed(const RowSource& source, const StatsOptions& options, int workers)
{
    const auto rows = uint64_t(source.rows), cols = uint64_t(source.rowLength), w = uint64_t(std::max(workers, 1));
    const uint64_t perChunk = uint64_t(rowsPerChunk(source, options));
    const uint64_t chunks = rows / perChunk + 1;
    uint64_t need = saturatingProduct({chunks, sizeof(Moments)});
    if (!source.view)   // each worker decodes one chunk at a time
        need = saturatingSum(need, saturatingProduct({w, std::min(perChunk, std::max<uint64_t>(rows, 1)), cols, 4}));
    need = saturatingSum(need, saturatingProduct({w, FineHistogram::kSize, 4}));
    // candidates: 16 bytes each, at most count/128 per worker (stats count them against that budget)
    need = saturatingSum(need, saturatingProduct({w, saturatingProduct({rows, cols}) / 128 + 65536, 16}));
    if (options.channelMaps) {
        need = saturatingSum(need, saturatingProduct({rows, 8}));                 // row absmax and RMS
        need = saturatingSum(need, saturatingProduct({w + 1, cols, 4 + 8 + 8}));  // column sums per worker
    }
    return need;
}

void initStats(const RowSource& source, const StatsOptions& options, TensorStats& s, std::vector<Basics*> workers)
{
    s.rows = source.rows;
    s.rowLength = source.rowLength;
    s.count = static_cast<uint64_t>(source.rows) * static_cast<uint64_t>(source.rowLength);
    if (!options.channelMaps)
        return;
    const auto cols = static_cast<size_t>(source.rowLength);
    s.rowAbsMax.assign(static_cast<size_t>(source.rows), 0.0f);
    s.rowRms.assign(static_cast<size_t>(source.rows), 0.0f);
    for (Basics* b : workers) {
        b->colAbsMax.assign(cols, 0.0f);
        b->colSumSq.assign(cols, 0.0);
        b->colCount.assign(cols, 0);
    }
}

void scanBasics(std::span<const float> values, int64_t firstRow, const StatsOptions& options, Basics& b, TensorStats& s)
{
    for (float v : values) {
        if (std::isnan(v)) {
            ++b.nan;
        } else if (std::isinf(v)) {
            ++b.inf;
        } else {
            const double a = std::fabs(static_cast<double>(v));
            b.min = std::min<double>(b.min, v);
            b.max = std::max<double>(b.max, v);
            b.absMax = std::max(b.absMax, a);
            if (a == 0.0)
                ++b.zero;
            else
                b.minNonZero = std::min(b.minNonZero, a);
        }
    }
    if (!options.channelMaps)
        return;
    const auto len = static_cast<size_t>(s.rowLength);
    for (size_t r = 0; r * len < values.size(); ++r)
        rowMaps(values.subspan(r * len, len), firstRow + static_cast<int64_t>(r), b, s);
}

void finishBasics(const std::vector<const Basics*>& workers, const StatsOptions& options, TensorStats& s)
{
    double mn = kInf, mx = -kInf, minNz = kInf;
    for (const Basics* w : workers) {
        mn = std::min(mn, w->min);
        mx = std::max(mx, w->max);
        minNz = std::min(minNz, w->minNonZero);
        s.absMax = std::max(s.absMax, w->absMax);
        s.nanCount += w->nan;
        s.infCount += w->inf;
        s.zeroCount += w->zero;
    }
    s.finiteCount = s.moments.n;
    s.min = s.finiteCount ? mn : 0.0;
    s.max = s.finiteCount ? mx : 0.0;
    s.minNonZeroAbs = minNz < kInf ? minNz : 0.0;
    s.zeroFraction = s.count ? static_cast<double>(s.zeroCount) / static_cast<double>(s.count) : 0.0;
    s.mean = s.moments.mean;
    s.stddev = s.moments.stddev();
    s.skewness = s.moments.skewness();
    s.excessKurtosis = s.moments.excessKurtosis();
    s.outlierThreshold = options.outlierSigma * s.stddev;
    if (!options.channelMaps)
        return;
    const auto cols = static_cast<size_t>(s.rowLength);
    s.columnAbsMax.assign(cols, 0.0f);
    s.columnRms.assign(cols, 0.0f);
    for (size_t j = 0; j < cols; ++j) {
        double sumSq = 0.0;
        uint64_t n = 0;
        for (const Basics* w : workers) {
            s.columnAbsMax[j] = std::max(s.columnAbsMax[j], w->colAbsMax[j]);
            sumSq += w->colSumSq[j];
            n += w->colCount[j];
        }
        s.columnRms[j] = n ? static_cast<float>(std::sqrt(sumSq / static_cast<double>(n))) : 0.0f;
    }
}

int levelFor(double lo, double hi, int maxBins, int minLevel)
{
    int level = minLevel;
    while (std::floor(std::ldexp(hi, -level)) - std::floor(std::ldexp(lo, -level)) + 1.0 > maxBins)
        ++level;
    return level;
}

void keepTop(std::vector<Outlier>& list, size_t n)
{
    if (list.size() > n) {   // the first n of the full order (which breaks every tie): no need to sort the rest
        std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(n), list.end(), byMagnitude);
        list.resize(n);
    } else {
        std::sort(list.begin(), list.end(), byMagnitude);
    }
}

} // namespace qx::stats_detail
