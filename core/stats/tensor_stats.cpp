#include "stats/tensor_stats.h"

#include "common/error.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "common/parallel_chunks.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <string>

namespace qx {

RowSource rowSourceFromTensor(const TensorInfo& tensor)
{
    RowSource s;
    s.rows = tensor.rows();
    s.rowLength = tensor.rowLength();
    s.read = [&tensor](int64_t first, int64_t count, std::span<float> dst) {
        dequantizeRows(tensor, first, count, dst);
    };
    return s;
}

RowSource rowSourceFromSpan(std::span<const float> values, int64_t rowLength)
{
    if (rowLength <= 0 || values.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "rowSourceFromSpan: " + std::to_string(values.size())
                                                    + " values are not whole rows of " + std::to_string(rowLength));
    RowSource s;
    s.rows = static_cast<int64_t>(values.size()) / rowLength;
    s.rowLength = rowLength;
    s.read = [values, rowLength](int64_t first, int64_t count, std::span<float> dst) {
        const auto src = values.subspan(static_cast<size_t>(first * rowLength), static_cast<size_t>(count * rowLength));
        std::copy(src.begin(), src.end(), dst.begin());
    };
    return s;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool byMagnitude(const Outlier& a, const Outlier& b)
{
    const float ma = std::fabs(a.value), mb = std::fabs(b.value);
    if (ma != mb)
        return ma > mb;
    return a.row != b.row ? a.row < b.row : a.column < b.column;
}

void keepTop(std::vector<Outlier>& list, size_t n)
{
    std::sort(list.begin(), list.end(), byMagnitude);
    if (list.size() > n)
        list.resize(n);
}

struct WorkerState {
    std::vector<float> buffer;
    double min = kInf, max = -kInf, absMax = 0.0, minNonZero = kInf;
    uint64_t nan = 0, inf = 0, zero = 0;
    std::vector<float> colAbsMax;
    std::vector<double> colSumSq;
    std::vector<uint64_t> colCount;
    Histogram lin, log;
    uint64_t outliers = 0;
    std::vector<Outlier> top;
};

// The per-chunk work of both sweeps; shared by the threaded and the reference drivers.
class StatsEngine {
public:
    StatsEngine(const RowSource& source, const StatsOptions& options, int workers);
    int64_t chunks() const { return m_chunks; }
    void sweep1(int64_t chunk, int worker);
    void finishSweep1();
    void sweep2(int64_t chunk, int worker);
    TensorStats finish();

private:
    std::span<float> load(int64_t chunk, int worker, int64_t& firstRow, int64_t& rowCount);
    size_t logBin(double magnitude) const;
    void rowMaps(std::span<const float> row, int64_t r, WorkerState& w);

    const RowSource& m_src;
    StatsOptions m_opt;
    int64_t m_rowsPerChunk = 1;
    int64_t m_chunks = 0;
    std::vector<WorkerState> m_workers;
    std::vector<Moments> m_chunkMoments;
    std::vector<double> m_logEdges; ///< |w| at the inner edges of the log10 histogram (no log10 per value)
    double m_logLo = 0.0, m_logScale = 0.0; ///< bins per decade, for the first guess of a bin
    TensorStats m_stats;
};

StatsEngine::StatsEngine(const RowSource& source, const StatsOptions& options, int workers)
    : m_src(source), m_opt(options), m_workers(static_cast<size_t>(workers))
{
    if (source.rows < 0 || source.rowLength <= 0 || !source.read)
        throw Error(ErrorCode::InvalidArgument, "computeTensorStats: empty or malformed row source");
    if (options.histogramBins <= 0 || options.logHistogramBins <= 0 || options.topOutliers < 0)
        throw Error(ErrorCode::InvalidArgument, "computeTensorStats: bin counts must be positive");
    m_rowsPerChunk = options.rowsPerChunk > 0 ? options.rowsPerChunk : std::max<int64_t>(1, 65536 / source.rowLength);
    m_chunks = (source.rows + m_rowsPerChunk - 1) / m_rowsPerChunk;
    m_chunkMoments.resize(static_cast<size_t>(m_chunks));
    m_stats.rows = source.rows;
    m_stats.rowLength = source.rowLength;
    m_stats.count = static_cast<uint64_t>(source.rows) * static_cast<uint64_t>(source.rowLength);
    const auto cols = static_cast<size_t>(source.rowLength);
    if (m_opt.channelMaps) {
        m_stats.rowAbsMax.assign(static_cast<size_t>(source.rows), 0.0f);
        m_stats.rowRms.assign(static_cast<size_t>(source.rows), 0.0f);
        for (auto& w : m_workers) {
            w.colAbsMax.assign(cols, 0.0f);
            w.colSumSq.assign(cols, 0.0);
            w.colCount.assign(cols, 0);
        }
    }
}

std::span<float> StatsEngine::load(int64_t chunk, int worker, int64_t& firstRow, int64_t& rowCount)
{
    firstRow = chunk * m_rowsPerChunk;
    rowCount = std::min(m_rowsPerChunk, m_src.rows - firstRow);
    auto& buf = m_workers[static_cast<size_t>(worker)].buffer;
    buf.resize(static_cast<size_t>(rowCount * m_src.rowLength));
    m_src.read(firstRow, rowCount, buf);
    return buf;
}

void StatsEngine::rowMaps(std::span<const float> row, int64_t r, WorkerState& w)
{
    float absMax = 0.0f;
    double sumSq = 0.0;
    uint64_t n = 0;
    for (size_t j = 0; j < row.size(); ++j) {
        const float v = row[j];
        if (!std::isfinite(v))
            continue;
        const float a = std::fabs(v);
        const double sq = static_cast<double>(v) * v;
        absMax = std::max(absMax, a);
        sumSq += sq;
        ++n;
        w.colAbsMax[j] = std::max(w.colAbsMax[j], a);
        w.colSumSq[j] += sq;
        ++w.colCount[j];
    }
    m_stats.rowAbsMax[static_cast<size_t>(r)] = absMax;
    m_stats.rowRms[static_cast<size_t>(r)] = n ? static_cast<float>(std::sqrt(sumSq / static_cast<double>(n))) : 0.0f;
}

void StatsEngine::sweep1(int64_t chunk, int worker)
{
    int64_t first = 0, count = 0;
    const auto values = load(chunk, worker, first, count);
    auto& w = m_workers[static_cast<size_t>(worker)];
    m_chunkMoments[static_cast<size_t>(chunk)] = Moments::ofValues(values);
    for (float v : values) {
        if (std::isnan(v)) {
            ++w.nan;
        } else if (std::isinf(v)) {
            ++w.inf;
        } else {
            const double a = std::fabs(static_cast<double>(v));
            w.min = std::min<double>(w.min, v);
            w.max = std::max<double>(w.max, v);
            w.absMax = std::max(w.absMax, a);
            if (a == 0.0)
                ++w.zero;
            else
                w.minNonZero = std::min(w.minNonZero, a);
        }
    }
    if (m_opt.channelMaps)
        for (int64_t r = 0; r < count; ++r)
            rowMaps(values.subspan(static_cast<size_t>(r * m_src.rowLength), static_cast<size_t>(m_src.rowLength)),
                    first + r, w);
}

void StatsEngine::finishSweep1()
{
    TensorStats& s = m_stats;
    double mn = kInf, mx = -kInf, minNz = kInf;
    for (const auto& w : m_workers) {
        mn = std::min(mn, w.min);
        mx = std::max(mx, w.max);
        minNz = std::min(minNz, w.minNonZero);
        s.absMax = std::max(s.absMax, w.absMax);
        s.nanCount += w.nan;
        s.infCount += w.inf;
        s.zeroCount += w.zero;
    }
    for (const auto& m : m_chunkMoments)
        s.moments.merge(m);
    s.finiteCount = s.moments.n;
    s.min = s.finiteCount ? mn : 0.0;
    s.max = s.finiteCount ? mx : 0.0;
    s.minNonZeroAbs = minNz < kInf ? minNz : 0.0;
    s.zeroFraction = s.count ? static_cast<double>(s.zeroCount) / static_cast<double>(s.count) : 0.0;
    s.mean = s.moments.mean;
    s.stddev = s.moments.stddev();
    s.skewness = s.moments.skewness();
    s.excessKurtosis = s.moments.excessKurtosis();
    s.outlierThreshold = m_opt.outlierSigma * s.stddev;
    const double logLo = s.minNonZeroAbs > 0 ? std::log10(s.minNonZeroAbs) : 0.0;
    const double logHi = s.absMax > 0 ? std::log10(s.absMax) : 0.0;
    const auto logBins = m_opt.logHistogramBins;
    m_logLo = logLo;
    m_logScale = logHi > logLo ? logBins / (logHi - logLo) : 0.0;
    m_logEdges.clear();
    for (int i = 1; i < logBins; ++i)
        m_logEdges.push_back(std::pow(10.0, logLo + (logHi - logLo) * i / logBins));
    for (auto& w : m_workers) {
        w.lin = Histogram::make(s.min, s.max, m_opt.histogramBins);
        w.log = Histogram::make(logLo, logHi, m_opt.logHistogramBins);
    }
}

// log10 of a positive normal float to about ±0.002: exponent plus a quadratic fit of log2 on [1, 2).
double approxLog10(float a)
{
    const auto bits = std::bit_cast<uint32_t>(a);
    const int e = static_cast<int>((bits >> 23) & 0xffu) - 127;
    const float m = std::bit_cast<float>((bits & 0x007fffffu) | 0x3f800000u);
    const float log2m = (-0.34484843f * m + 2.02466578f) * m - 1.67487759f;
    return (e + log2m) * 0.30102999566398120;
}

// The bin whose edges hold `magnitude`: a guess from approxLog10, corrected against the exact edges, so
// the result equals a binary search of m_logEdges at a fraction of its cost.
size_t StatsEngine::logBin(double magnitude) const
{
    const auto last = static_cast<int64_t>(m_logEdges.size());
    auto i = std::clamp<int64_t>(static_cast<int64_t>((approxLog10(static_cast<float>(magnitude)) - m_logLo) * m_logScale),
                                 0, last);
    while (i > 0 && magnitude < m_logEdges[static_cast<size_t>(i - 1)])
        --i;
    while (i < last && magnitude >= m_logEdges[static_cast<size_t>(i)])
        ++i;
    return static_cast<size_t>(i);
}

void StatsEngine::sweep2(int64_t chunk, int worker)
{
    int64_t first = 0, count = 0;
    const auto values = load(chunk, worker, first, count);
    auto& w = m_workers[static_cast<size_t>(worker)];
    const double threshold = m_stats.stddev > 0 ? m_stats.outlierThreshold : kInf;
    const auto n = static_cast<size_t>(m_opt.topOutliers);
    const double center = m_opt.outlierCentered ? m_stats.mean : 0.0;
    for (size_t i = 0; i < values.size(); ++i) {
        const float v = values[i];
        if (!std::isfinite(v))
            continue;
        const double a = std::fabs(static_cast<double>(v));
        w.lin.add(v);
        if (a > 0)
            ++w.log.counts[logBin(a)];
        if (std::fabs(v - center) > threshold) {
            ++w.outliers;
            const auto len = static_cast<size_t>(m_src.rowLength);
            w.top.push_back({first + static_cast<int64_t>(i / len), static_cast<int64_t>(i % len), v});
            if (w.top.size() >= 4 * n + 64)
                keepTop(w.top, n);
        }
    }
    keepTop(w.top, n);
}

TensorStats StatsEngine::finish()
{
    TensorStats& s = m_stats;
    s.histogram = m_workers[0].lin;
    s.logHistogram = m_workers[0].log;
    s.outlierCount = m_workers[0].outliers;
    s.topOutliers = m_workers[0].top;
    for (size_t i = 1; i < m_workers.size(); ++i) {
        const auto& w = m_workers[i];
        s.histogram.merge(w.lin);
        s.logHistogram.merge(w.log);
        s.outlierCount += w.outliers;
        s.topOutliers.insert(s.topOutliers.end(), w.top.begin(), w.top.end());
    }
    keepTop(s.topOutliers, static_cast<size_t>(m_opt.topOutliers));
    if (m_opt.channelMaps) {
        const auto cols = static_cast<size_t>(m_src.rowLength);
        s.columnAbsMax.assign(cols, 0.0f);
        s.columnRms.assign(cols, 0.0f);
        for (size_t j = 0; j < cols; ++j) {
            double sumSq = 0.0;
            uint64_t n = 0;
            for (const auto& w : m_workers) {
                s.columnAbsMax[j] = std::max(s.columnAbsMax[j], w.colAbsMax[j]);
                sumSq += w.colSumSq[j];
                n += w.colCount[j];
            }
            s.columnRms[j] = n ? static_cast<float>(std::sqrt(sumSq / static_cast<double>(n))) : 0.0f;
        }
    }
    return std::move(m_stats);
}

} // namespace

TensorStats computeTensorStats(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
{
    const int64_t rowsPerChunk = options.rowsPerChunk > 0 ? options.rowsPerChunk
                                                          : std::max<int64_t>(1, 65536 / std::max<int64_t>(1, source.rowLength));
    const int workers = resolveWorkerCount(options.threads, (source.rows + rowsPerChunk - 1) / rowsPerChunk);
    StatsEngine engine(source, options, workers);
    runChunks(engine.chunks(), workers, progress, 0.0, 0.5, [&](int64_t c, int w) { engine.sweep1(c, w); });
    engine.finishSweep1();
    runChunks(engine.chunks(), workers, progress, 0.5, 1.0, [&](int64_t c, int w) { engine.sweep2(c, w); });
    return engine.finish();
}

TensorStats computeTensorStatsRef(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
{
    StatsEngine engine(source, options, 1);
    const int64_t chunks = engine.chunks();
    for (int64_t c = 0; c < 2 * chunks; ++c) {
        if (c < chunks)
            engine.sweep1(c, 0);
        else
            engine.sweep2(c - chunks, 0);
        if (c + 1 == chunks)
            engine.finishSweep1();
        if (progress && !progress(static_cast<double>(c + 1) / static_cast<double>(2 * chunks)))
            throw Error(ErrorCode::Cancelled, "cancelled");
    }
    if (chunks == 0)
        engine.finishSweep1();
    return engine.finish();
}

TensorStats computeTensorStats(const TensorInfo& tensor, const StatsOptions& options, const ProgressFn& progress)
{
    return computeTensorStats(rowSourceFromTensor(tensor), options, progress);
}

} // namespace qx
