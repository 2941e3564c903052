// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/tensor_stats.h"

#include "common/error.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "common/cpu_features.h"
#include "common/parallel_chunks.h"
#include "stats/stats_detail.h"

#include <algorithm>
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
    const bool aligned = reinterpret_cast<uintptr_t>(tensor.data.data()) % alignof(float) == 0;
    if (tensor.type == TensorType::F32 && aligned && tensor.data.size() >= tensor.elementCount() * sizeof(float)) {
        const auto* values = reinterpret_cast<const float*>(tensor.data.data());
        const int64_t len = s.rowLength;
        s.view = [values, len](int64_t first, int64_t count) {
            return std::span<const float>(values + first * len, static_cast<size_t>(count * len));
        };
    }
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
    s.view = [values, rowLength](int64_t first, int64_t count) {
        return values.subspan(static_cast<size_t>(first * rowLength), static_cast<size_t>(count * rowLength));
    };
    return s;
}

namespace {

using namespace stats_detail;

/// Candidates for the outliers, chosen before σ is known: every value with |v - center| > bound.
struct OutlierBound {
    double center = 0.0;
    double bound = kInf;
};

struct WorkerState {
    explicit WorkerState(const StatsOptions& o)
        : lin(o.histogramBins, kLinearMinLevel), log(o.logHistogramBins, 0) {}
    std::vector<float> buffer;
    Basics basics;
    Pow2Histogram lin, log;
    std::vector<Outlier> candidates;
    bool overflow = false;   ///< more candidates than the budget: the outliers need a second read
    uint64_t outliers = 0;   ///< second read only
    uint64_t rowsSeen = 0;
};

// The one pass: each chunk is read once (into a worker's buffer, or viewed in place for F32) and every
// figure is taken from it.
class StatsEngine {
public:
    StatsEngine(const RowSource& source, const StatsOptions& options, int workers, OutlierBound bound);
    int64_t chunks() const { return m_chunks; }
    void scan(int64_t chunk, int worker);
    void scanRow(std::span<const float> row, int64_t r, WorkerState& w, const LogBinner& logBins);
    void finishRow(const RowLanes& lanes, int64_t r, size_t n, WorkerState& w);
    /// Merges the workers; true when the outliers are complete, false when rescanOutliers must run.
    bool finishScan();
    void rescanOutliers(int64_t chunk, int worker);
    TensorStats finish(bool rescanned);

private:
    std::span<const float> load(int64_t chunk, int worker, int64_t& firstRow);

    const RowSource& m_src;
    StatsOptions m_opt;
    OutlierBound m_bound;
    int64_t m_rowsPerChunk = 1;
    int64_t m_chunks = 0;
    size_t m_candidateBudget = 0;
    bool m_avx512 = false;
    std::vector<WorkerState> m_workers;
    std::vector<Moments> m_chunkMoments;
    TensorStats m_stats;
};

StatsEngine::StatsEngine(const RowSource& source, const StatsOptions& options, int workers, OutlierBound bound)
    : m_src(source), m_opt(options), m_bound(bound), m_rowsPerChunk(rowsPerChunk(source, options))
{
    for (int i = 0; i < workers; ++i)
        m_workers.emplace_back(options);
    m_avx512 = options.simd && cpuHasAvx512();
    m_chunks = (source.rows + m_rowsPerChunk - 1) / m_rowsPerChunk;
    m_chunkMoments.resize(static_cast<size_t>(m_chunks));
    std::vector<Basics*> basics;
    for (auto& w : m_workers)
        basics.push_back(&w.basics);
    initStats(source, options, m_stats, basics);
    // 16 bytes per candidate: at most 1/32 of the F32 data per worker (and at least 64 Ki candidates)
    m_candidateBudget = std::max<size_t>(size_t(1) << 16, static_cast<size_t>(m_stats.count / 128));
}

std::span<const float> StatsEngine::load(int64_t chunk, int worker, int64_t& firstRow)
{
    firstRow = chunk * m_rowsPerChunk;
    const int64_t rowCount = std::min(m_rowsPerChunk, m_src.rows - firstRow);
    if (m_src.view)
        return m_src.view(firstRow, rowCount);
    auto& buf = m_workers[static_cast<size_t>(worker)].buffer;
    buf.resize(static_cast<size_t>(rowCount * m_src.rowLength));
    m_src.read(firstRow, rowCount, buf);
    return buf;
}

// One row: extrema, counts, row and column maps, both histograms and the outlier candidates, in one loop.
// Position j works in lane j % 16 for extrema and the row's sum of squares and in lane j % 4 of the
// histogram counters: independent dependency chains. With AVX-512, whole blocks of 16 go to the vector
// kernel, which hands back any block it cannot do exactly (scanRowAvx512).
// Column counts are kept as non-finite counts here (finite ones are the rows seen minus those).
void StatsEngine::scanRow(std::span<const float> row, int64_t r, WorkerState& w, const LogBinner& logBins)
{
    Basics& b = w.basics;
    RowLanes L;
    const bool maps = m_opt.channelMaps;
    const double center = m_bound.center, bound = m_bound.bound;
    auto keep = [&](size_t j) {   // an outlier candidate, while the budget lasts
        if (w.overflow)
            return;
        w.candidates.push_back({r, static_cast<int64_t>(j), row[j]});
        w.overflow = w.candidates.size() > m_candidateBudget;
    };
    auto body = [&](size_t j) {
        const size_t l = j % kRowLanes;
        const int hl = static_cast<int>(j % Pow2Histogram::kLanes);
        const float v = row[j];
        if (!std::isfinite(v)) [[unlikely]] {
            ++(std::isnan(v) ? b.nan : b.inf);
            ++L.nonFinite;
            if (maps)
                ++b.colCount[j];
            return;
        }
        const float a = std::fabs(v);
        L.mn[l] = std::min(L.mn[l], v);
        L.mx[l] = std::max(L.mx[l], v);
        L.absMax[l] = std::max(L.absMax[l], a);
        const double sq = static_cast<double>(v) * v;
        L.sumSq[l] += sq;
        if (maps) {
            b.colAbsMax[j] = std::max(b.colAbsMax[j], a);
            b.colSumSq[j] += sq;
        }
        w.lin.add(v, hl);
        if (a != 0.0f) {
            L.minNz[l] = std::min(L.minNz[l], a);
            w.log.add(static_cast<double>(logBins.bin(a)), hl);
        } else {
            ++L.zeros;
        }
        if (std::fabs(v - center) > bound) [[unlikely]]
            keep(j);
    };
    const size_t n = row.size();
    size_t done = 0;
    if (m_avx512)
        done = scanRowAvx512(row.data(), n, L, maps ? b.colAbsMax.data() : nullptr, maps ? b.colSumSq.data() : nullptr,
                             w.lin, w.log, logBins, center, bound, [&](size_t j0) {
                                 for (size_t j = j0; j < j0 + kRowLanes; ++j)
                                     body(j);
                             }, keep);
    for (size_t j = done; j < n; ++j)
        body(j);
    finishRow(L, r, n, w);
}

void StatsEngine::finishRow(const RowLanes& L, int64_t r, size_t n, WorkerState& w)
{
    Basics& b = w.basics;
    float mn = L.mn[0], mx = L.mx[0], absMax = L.absMax[0], minNz = L.minNz[0];
    for (int l = 1; l < kRowLanes; ++l) {
        mn = std::min(mn, L.mn[l]);
        mx = std::max(mx, L.mx[l]);
        absMax = std::max(absMax, L.absMax[l]);
        minNz = std::min(minNz, L.minNz[l]);
    }
    const uint64_t finite = n - L.nonFinite;
    if (finite) {
        b.min = std::min<double>(b.min, mn);
        b.max = std::max<double>(b.max, mx);
        b.absMax = std::max<double>(b.absMax, absMax);
        b.minNonZero = std::min<double>(b.minNonZero, minNz);
    }
    b.zero += L.zeros;
    ++w.rowsSeen;
    if (m_opt.channelMaps) {
        m_stats.rowAbsMax[static_cast<size_t>(r)] = absMax;
        m_stats.rowRms[static_cast<size_t>(r)] =
            finite ? static_cast<float>(std::sqrt(rowSum(L.sumSq) / static_cast<double>(finite))) : 0.0f;
    }
}

void StatsEngine::scan(int64_t chunk, int worker)
{
    int64_t first = 0;
    const auto values = load(chunk, worker, first);
    auto& w = m_workers[static_cast<size_t>(worker)];
    m_chunkMoments[static_cast<size_t>(chunk)] = Moments::ofValues(values);
    const LogBinner& logBins = logBinner();
    const auto len = static_cast<size_t>(m_src.rowLength);
    for (size_t r = 0; r * len < values.size(); ++r)
        scanRow(values.subspan(r * len, len), first + static_cast<int64_t>(r), w, logBins);
}

bool StatsEngine::finishScan()
{
    TensorStats& s = m_stats;
    for (const auto& m : m_chunkMoments)
        s.moments.merge(m);
    std::vector<const Basics*> basics;
    for (auto& w : m_workers) {
        for (uint64_t& c : w.basics.colCount)   // non-finite counts -> finite counts
            c = w.rowsSeen - c;
        basics.push_back(&w.basics);
    }
    finishBasics(basics, m_opt, s);
    if (s.stddev <= 0)
        return true;   // no outliers without a spread
    // Complete when |v - center| > T implies |v - c| > bound: T - |center - c| must not be below the bound.
    const double slack = s.outlierThreshold - std::fabs(outlierCenter(s, m_opt) - m_bound.center);
    const bool overflow = std::any_of(m_workers.begin(), m_workers.end(), [](const auto& w) { return w.overflow; });
    if (!overflow && slack > m_bound.bound * (1.0 + 1e-9))
        return true;
    for (auto& w : m_workers)
        w.candidates.clear();   // rescanOutliers collects the outliers themselves
    return false;
}

void StatsEngine::rescanOutliers(int64_t chunk, int worker)
{
    int64_t first = 0;
    const auto values = load(chunk, worker, first);
    auto& w = m_workers[static_cast<size_t>(worker)];
    const auto len = static_cast<size_t>(m_src.rowLength);
    const double center = outlierCenter(m_stats, m_opt), threshold = m_stats.outlierThreshold;
    const auto n = static_cast<size_t>(m_opt.topOutliers);
    for (size_t i = 0; i < values.size(); ++i) {
        const float v = values[i];
        if (std::isfinite(v) && std::fabs(v - center) > threshold) {
            ++w.outliers;
            w.candidates.push_back({first + static_cast<int64_t>(i / len), static_cast<int64_t>(i % len), v});
            if (w.candidates.size() >= 4 * n + 64)
                keepTop(w.candidates, n);
        }
    }
}

TensorStats StatsEngine::finish(bool rescanned)
{
    TensorStats& s = m_stats;
    Pow2Histogram lin(m_opt.histogramBins, kLinearMinLevel), log(m_opt.logHistogramBins, 0);
    std::vector<Outlier> top;
    for (auto& w : m_workers) {
        lin.merge(w.lin);
        log.merge(w.log);
        top.insert(top.end(), w.candidates.begin(), w.candidates.end());
        s.outlierCount += w.outliers;
    }
    s.histogram = lin.toHistogram(1.0, m_opt.histogramBins);
    s.logHistogram = log.toHistogram(kLogUnit, m_opt.logHistogramBins);
    if (!rescanned && s.stddev > 0) {   // keep the candidates beyond the final threshold
        const double center = outlierCenter(s, m_opt), threshold = s.outlierThreshold;
        std::erase_if(top, [&](const Outlier& o) { return !(std::fabs(o.value - center) > threshold); });
        s.outlierCount = top.size();
    } else if (!rescanned) {
        top.clear();
    }
    keepTop(top, static_cast<size_t>(m_opt.topOutliers));
    s.topOutliers = std::move(top);
    s.dataPasses = rescanned ? 2 : 1;
    return std::move(m_stats);
}

/// The candidate bound from a strided sample of at most 256 rows (about 64 Ki values, never more than
/// 1 Mi): 0.8·k·σ of the sample. A sample that overstates σ by more than a quarter only costs the second
/// read of the outliers; so does a tensor whose single rows exceed 1 Mi values (no sample, no bound).
OutlierBound sampleBound(const RowSource& source, const StatsOptions& options)
{
    const int64_t sampleRows = std::min<int64_t>({source.rows, 256, std::max<int64_t>(8, 65536 / source.rowLength),
                                                  (int64_t(1) << 20) / source.rowLength});
    if (sampleRows <= 0)
        return {};
    std::vector<float> sample(static_cast<size_t>(sampleRows * source.rowLength));
    for (int64_t i = 0; i < sampleRows; ++i)
        source.read(i * source.rows / sampleRows, 1,
                    std::span(sample).subspan(static_cast<size_t>(i * source.rowLength), static_cast<size_t>(source.rowLength)));
    const Moments m = Moments::ofValues(sample);
    return {options.outlierCentered ? m.mean : 0.0, 0.8 * options.outlierSigma * m.stddev()};
}

} // namespace

TensorStats computeTensorStats(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
{
    const int64_t perChunk = rowsPerChunk(source, options);
    const int workers = resolveWorkerCount(options.threads, (source.rows + perChunk - 1) / perChunk);
    StatsEngine engine(source, options, std::max(workers, 1), sampleBound(source, options));
    runChunks(engine.chunks(), workers, progress, 0.0, 1.0, [&](int64_t c, int w) { engine.scan(c, w); });
    const bool complete = engine.finishScan();
    if (!complete)
        runChunks(engine.chunks(), workers, progress, 1.0, 1.0, [&](int64_t c, int w) { engine.rescanOutliers(c, w); });
    return engine.finish(!complete);
}

TensorStats computeTensorStats(const TensorInfo& tensor, const StatsOptions& options, const ProgressFn& progress)
{
    return computeTensorStats(rowSourceFromTensor(tensor), options, progress);
}

} // namespace qx
