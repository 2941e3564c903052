// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/tensor_stats.h"

#include "common/error.h"
#include "common/memory_need.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "common/cpu_features.h"
#include "common/parallel_chunks.h"
#include "stats/stats_detail.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
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

/// Candidates for the outliers, chosen before σ is known: every value with |v - center| > bound. And, from
/// the same sample, whether the histograms are counted in a FineHistogram (fineFirst: its window) or
/// straight into the streaming histograms (fineFirst 0); in the fine mode, the moments are taken in the scan
/// from power sums of v - shift (shift: the sample's mean, or 0 when that lies within σ/2 of 0).
struct OutlierBound {
    double center = 0.0;
    double bound = kInf;
    int fineFirst = 0;
    double shift = 0.0;
};

struct WorkerState {
    explicit WorkerState(const StatsOptions& o)
        : lin(o.histogramBins, kLinearMinLevel), log(o.logHistogramBins, 0) {}
    std::vector<float> buffer;
    Basics basics;
    Pow2Histogram lin, log;
    std::unique_ptr<FineHistogram> fine;   ///< the fine mode's counts (values the kernel takes)
    std::vector<Outlier> candidates;
    bool overflow = false;   ///< more candidates than the budget: the outliers need a second read
    uint64_t outliers = 0;   ///< second read only
    uint64_t rowsSeen = 0;
    uint64_t scalarZeros = 0;   ///< zeros counted by the scalar loop (the fine mode's kernel counts the others)
    double power[4] = {};       ///< the fine mode's power sums of the current chunk
    uint64_t chunkFinite = 0;
};

// The one pass: each chunk is read once (into a worker's buffer, or viewed in place for F32) and every
// figure is taken from it. Outliers beyond the sample's bound and, in the fine mode, a linear histogram
// finer than the fine keys (see finishScan) need a second read (rescan).
class StatsEngine {
public:
    StatsEngine(const RowSource& source, const StatsOptions& options, int workers, OutlierBound bound);
    int64_t chunks() const { return m_chunks; }
    void scan(int64_t chunk, int worker);
    /// Merges the workers; true when a second read (rescan) must run.
    bool finishScan();
    void rescan(int64_t chunk, int worker);
    TensorStats finish();

private:
    std::span<const float> load(int64_t chunk, int worker, int64_t& firstRow);
    void scanRow(std::span<const float> row, int64_t r, WorkerState& w, const LogBinner& logBins);
    void scanValue(float v, size_t j, RowLanes& L, WorkerState& w, const LogBinner& logBins);
    void keep(WorkerState& w, int64_t r, size_t j, float v) const;
    void finishRow(const RowLanes& lanes, int64_t r, size_t n, WorkerState& w);
    bool fineLinearIsExact();
    void rescanOutliers(std::span<const float> values, int64_t first, WorkerState& w) const;
    void mergeHistograms(Pow2Histogram& lin, Pow2Histogram& log);

    const RowSource& m_src;
    StatsOptions m_opt;
    OutlierBound m_bound;
    int64_t m_rowsPerChunk = 1;
    int64_t m_chunks = 0;
    size_t m_candidateBudget = 0;
    bool m_avx512 = false;
    bool m_rescanOutliers = false, m_rescanLinear = false;
    std::vector<WorkerState> m_workers;
    std::vector<Moments> m_chunkMoments;
    TensorStats m_stats;
};

StatsEngine::StatsEngine(const RowSource& source, const StatsOptions& options, int workers, OutlierBound bound)
    : m_src(source), m_opt(options), m_bound(bound), m_rowsPerChunk(rowsPerChunk(source, options))
{
    m_avx512 = options.simd && cpuHasAvx512();
    for (int i = 0; i < workers; ++i) {
        m_workers.emplace_back(options);
        if (m_avx512 && bound.fineFirst > 0)
            m_workers.back().fine = std::make_unique<FineHistogram>(bound.fineFirst);
    }
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
// histogram counters: independent dependency chains. With AVX-512, whole blocks of 16 go to a vector
// kernel, which hands back any block it cannot do exactly (stats_detail.h).
// Column counts are kept as non-finite counts here (finite ones are the rows seen minus those).
void StatsEngine::scanRow(std::span<const float> row, int64_t r, WorkerState& w, const LogBinner& logBins)
{
    RowLanes L;
    const size_t n = row.size();
    auto scalar = [&](size_t j) {
        scanValue(row[j], j, L, w, logBins);
        if (std::isfinite(row[j]) && std::fabs(row[j] - m_bound.center) > m_bound.bound) [[unlikely]]
            keep(w, r, j, row[j]);
    };
    size_t done = 0;
    if (m_avx512) {
        const std::function<void(size_t)> slowBlock = [&scalar](size_t j0) {
            for (size_t j = j0; j < j0 + kRowLanes; ++j)
                scalar(j);
        };
        auto keepAt = [&](size_t j) { keep(w, r, j, row[j]); };
        const std::function<void(size_t)> candidate = [&keepAt](size_t j) { keepAt(j); };   // one pointer: no allocation
        const bool maps = m_opt.channelMaps;
        const RowKernel k{row.data(), n, &L, maps ? w.basics.colAbsMax.data() : nullptr,
                          maps ? w.basics.colSumSq.data() : nullptr, m_bound.center, m_bound.bound, m_bound.shift,
                          &slowBlock, &candidate};
        done = w.fine ? scanRowFineAvx512(k, *w.fine, logBins) : scanRowAvx512(k, w.lin, w.log, logBins);
    }
    for (size_t j = done; j < n; ++j)
        scalar(j);
    finishRow(L, r, n, w);
}

/// An outlier candidate, while the budget lasts.
void StatsEngine::keep(WorkerState& w, int64_t r, size_t j, float v) const
{
    if (w.overflow)
        return;
    w.candidates.push_back({r, static_cast<int64_t>(j), v});
    w.overflow = w.candidates.size() > m_candidateBudget;
}

/// Position j of a row in the scalar loop, but for the outlier candidates (the caller's).
void StatsEngine::scanValue(float v, size_t j, RowLanes& L, WorkerState& w, const LogBinner& logBins)
{
    const size_t l = j % kRowLanes;
    const int hl = static_cast<int>(j % Pow2Histogram::kLanes);
    Basics& b = w.basics;
    if (!std::isfinite(v)) [[unlikely]] {
        ++(std::isnan(v) ? b.nan : b.inf);
        ++L.nonFinite;
        if (m_opt.channelMaps)
            ++b.colCount[j];
        return;
    }
    const float a = std::fabs(v);
    L.mn[l] = std::min(L.mn[l], v);
    L.mx[l] = std::max(L.mx[l], v);
    L.absMax[l] = std::max(L.absMax[l], a);
    const double sq = static_cast<double>(v) * v;
    L.sumSq[l] += sq;
    if (w.fine) {   // the fine mode's moments (the kernel's arithmetic)
        const double d = static_cast<double>(v) - m_bound.shift, d2 = d * d;
        L.power[0][l] += d;
        if (m_bound.shift != 0.0)
            L.power[1][l] += d2;
        L.power[2][l] += d2 * d;
        L.power[3][l] += d2 * d2;
    }
    if (m_opt.channelMaps) {
        b.colAbsMax[j] = std::max(b.colAbsMax[j], a);
        b.colSumSq[j] += sq;
    }
    w.lin.add(v, hl);
    if (a != 0.0f) {
        L.minNz[l] = std::min(L.minNz[l], a);
        w.log.add(static_cast<double>(logBins.bin(a)), hl);
    } else {
        ++L.zeros;
        ++w.scalarZeros;
    }
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
    w.chunkFinite += finite;
    for (int k = 0; k < 4; ++k)
        w.power[k] += rowSum(k == 1 && m_bound.shift == 0.0 ? L.sumSq : L.power[k]);
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
    Moments& moments = m_chunkMoments[static_cast<size_t>(chunk)];
    if (!w.fine)
        moments = Moments::ofValues(values);
    std::fill_n(w.power, 4, 0.0);
    w.chunkFinite = 0;
    if (w.fine)
        w.fine->reserve(values.size());
    const LogBinner& logBins = logBinner();
    const auto len = static_cast<size_t>(m_src.rowLength);
    for (size_t r = 0; r * len < values.size(); ++r)
        scanRow(values.subspan(r * len, len), first + static_cast<int64_t>(r), w, logBins);
    // In the fine mode, from the power sums; a chunk whose mean lies more than σ from the shift (too much
    // cancellation) takes the two-pass moments instead, from the chunk still in cache.
    if (w.fine && !Moments::fromShiftedSums(w.chunkFinite, m_bound.shift, w.power, moments))
        moments = Moments::ofValues(values);
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
    m_rescanLinear = !fineLinearIsExact();
    if (s.stddev > 0) {   // no outliers without a spread
        // Complete when |v - center| > T implies |v - c| > bound: T - |center - c| must not be below the bound.
        const double slack = s.outlierThreshold - std::fabs(outlierCenter(s, m_opt) - m_bound.center);
        const bool overflow = std::any_of(m_workers.begin(), m_workers.end(), [](const auto& w) { return w.overflow; });
        m_rescanOutliers = overflow || !(slack > m_bound.bound * (1.0 + 1e-9));
    }
    for (auto& w : m_workers) {
        if (m_rescanOutliers)
            w.candidates.clear();   // the rescan collects the outliers themselves
        if (m_rescanLinear)
            w.lin = Pow2Histogram(m_opt.histogramBins, kLinearMinLevel);   // the rescan counts every value
    }
    return m_rescanOutliers || m_rescanLinear;
}

// The fine keys give the linear bins exactly at levels >= (largest exponent counted) - 8; the final level
// is known now (from min and max), and a finer one needs the second read. The fine counts are merged into
// the first worker's.
bool StatsEngine::fineLinearIsExact()
{
    FineHistogram* fine = m_workers.front().fine.get();
    if (!fine)
        return true;
    fine->limit(m_stats.minNonZeroAbs, m_stats.absMax);
    for (size_t i = 1; i < m_workers.size(); ++i)
        fine->merge(*m_workers[i].fine);
    const int top = fine->topExponent();
    return top == INT_MIN || top <= levelFor(m_stats.min, m_stats.max, m_opt.histogramBins, kLinearMinLevel) + 8;
}

void StatsEngine::rescan(int64_t chunk, int worker)
{
    int64_t first = 0;
    const auto values = load(chunk, worker, first);
    auto& w = m_workers[static_cast<size_t>(worker)];
    if (m_rescanOutliers)
        rescanOutliers(values, first, w);
    if (m_rescanLinear)
        for (size_t i = 0; i < values.size(); ++i)
            if (std::isfinite(values[i]))
                w.lin.add(values[i], static_cast<int>(i % Pow2Histogram::kLanes));
}

void StatsEngine::rescanOutliers(std::span<const float> values, int64_t first, WorkerState& w) const
{
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

// In the fine mode, the linear histogram starts at its final level (known from min and max: the keys then
// never coarsen it), so that each fine key's representative falls in its values' bin.
void StatsEngine::mergeHistograms(Pow2Histogram& lin, Pow2Histogram& log)
{
    const FineHistogram* fine = m_workers.front().fine.get();
    if (fine && !m_rescanLinear && m_stats.finiteCount)
        lin = Pow2Histogram(m_opt.histogramBins, levelFor(m_stats.min, m_stats.max, m_opt.histogramBins, kLinearMinLevel));
    for (auto& w : m_workers) {
        lin.merge(w.lin);
        log.merge(w.log);
    }
    if (fine)
        fine->addTo(m_rescanLinear ? nullptr : &lin, log);
    if (fine && !m_rescanLinear && m_stats.zeroCount) {   // zeros of the vector kernel, which keeps no key for them
        uint64_t scalarZeros = 0;
        for (auto& w : m_workers)
            scalarZeros += w.scalarZeros;
        lin.addCount(0.0, m_stats.zeroCount - scalarZeros);
    }
}

TensorStats StatsEngine::finish()
{
    TensorStats& s = m_stats;
    Pow2Histogram lin(m_opt.histogramBins, kLinearMinLevel), log(m_opt.logHistogramBins, 0);
    mergeHistograms(lin, log);
    std::vector<Outlier> top;
    for (auto& w : m_workers) {
        top.insert(top.end(), w.candidates.begin(), w.candidates.end());
        s.outlierCount += w.outliers;
    }
    s.histogram = lin.toHistogram(1.0, m_opt.histogramBins);
    s.logHistogram = log.toHistogram(kLogUnit, m_opt.logHistogramBins);
    if (!m_rescanOutliers && s.stddev > 0) {   // keep the candidates beyond the final threshold
        const double center = outlierCenter(s, m_opt), threshold = s.outlierThreshold;
        std::erase_if(top, [&](const Outlier& o) { return !(std::fabs(o.value - center) > threshold); });
        s.outlierCount = top.size();
    } else if (!m_rescanOutliers) {
        top.clear();
    }
    keepTop(top, static_cast<size_t>(m_opt.topOutliers));
    s.topOutliers = std::move(top);
    s.dataPasses = m_rescanOutliers || m_rescanLinear ? 2 : 1;
    return std::move(m_stats);
}

/// The fine mode (FineHistogram counts) for tensors of at least 2^18 values, when the fine keys are exact
/// for the sample (its largest exponent e <= its linear level + 8): data around 0 or spread about as widely
/// as they lie from it. Data far from 0 against their spread (norm weights near 1) count straight into the
/// histograms. The rest of the data can still need a finer level: then the linear histogram takes a
/// second read (finishScan).
int fineWindow(std::span<const float> sample, const RowSource& source, const StatsOptions& options)
{
    if (static_cast<uint64_t>(source.rows) * static_cast<uint64_t>(source.rowLength) < (uint64_t(1) << 18))
        return 0;
    double mn = kInf, mx = -kInf;
    for (float v : sample)
        if (std::isfinite(v)) {
            mn = std::min<double>(mn, v);
            mx = std::max<double>(mx, v);
        }
    const double absMax = std::max(std::fabs(mn), std::fabs(mx));
    if (!(absMax > 0) || absMax == kInf)
        return 0;
    const int e = std::ilogb(absMax);
    return e <= levelFor(mn, mx, options.histogramBins, kLinearMinLevel) + 8 ? FineHistogram::firstExponentFor(absMax) : 0;
}

/// A strided sample of at most 256 rows (about 64 Ki values, never more than 1 Mi; none when single rows
/// exceed 1 Mi values).
std::vector<float> readSample(const RowSource& source)
{
    const int64_t sampleRows = std::min<int64_t>({source.rows, 256, std::max<int64_t>(8, 65536 / source.rowLength),
                                                  (int64_t(1) << 20) / source.rowLength});
    if (sampleRows <= 0)
        return {};
    std::vector<float> sample(static_cast<size_t>(sampleRows * source.rowLength));
    const auto len = static_cast<size_t>(source.rowLength);
    for (int64_t i = 0; i < sampleRows; ++i)
        source.read(i * source.rows / sampleRows, 1, std::span(sample).subspan(static_cast<size_t>(i) * len, len));
    return sample;
}

/// The candidate bound from the sample: 0.8·k·σ of the sample. A sample that overstates σ by more than a
/// quarter only costs the second read of the outliers; so does a tensor without a sample (no bound).
OutlierBound sampleBound(const RowSource& source, const StatsOptions& options)
{
    const std::vector<float> sample = readSample(source);
    if (sample.empty())
        return {};
    const Moments m = Moments::ofValues(sample);
    // power sums of v itself (cheaper: Σ v² is already there) unless the mean is far from 0
    const double shift = std::fabs(m.mean) <= 0.5 * m.stddev() ? 0.0 : m.mean;
    return {options.outlierCentered ? m.mean : 0.0, 0.8 * options.outlierSigma * m.stddev(),
            fineWindow(sample, source, options), shift};
}

} // namespace

int stats_detail::fineWindowOf(const RowSource& source, const StatsOptions& options)
{
    rowsPerChunk(source, options);   // validates
    return options.simd && cpuHasAvx512() ? fineWindow(readSample(source), source, options) : 0;
}

namespace {

/// The statistics, after checking that what they take fits the memory a job may take (`what` and `file`
/// name the data in the refusal).
TensorStats statsWithin(const RowSource& source, const StatsOptions& options, const ProgressFn& progress,
                        const std::string& what, const std::string& file)
{
    const int64_t perChunk = rowsPerChunk(source, options);
    const int workers = resolveWorkerCount(options.threads, (source.rows + perChunk - 1) / perChunk);
    checkMemoryNeed(statsMemoryNeed(source, options, std::max(workers, 1)), what, file);
    StatsEngine engine(source, options, std::max(workers, 1), sampleBound(source, options));
    runChunks(engine.chunks(), workers, progress, 0.0, 1.0, [&](int64_t c, int w) { engine.scan(c, w); });
    if (engine.finishScan())
        runChunks(engine.chunks(), workers, progress, 1.0, 1.0, [&](int64_t c, int w) { engine.rescan(c, w); });
    return engine.finish();
}

std::string shapeOf(const std::vector<int64_t>& ne)
{
    std::string text;
    for (int64_t n : ne)
        text += (text.empty() ? "" : " x ") + std::to_string(n);
    return text.empty() ? "scalar" : text;
}

} // namespace

TensorStats computeTensorStats(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
{
    return statsWithin(source, options, progress,
                       "the statistics of " + std::to_string(source.rows) + " rows of " +
                           std::to_string(source.rowLength) + " values",
                       {});
}

TensorStats computeTensorStats(const TensorInfo& tensor, const StatsOptions& options, const ProgressFn& progress)
{
    const std::string name = "tensor '" + tensor.name + "' (" + shapeOf(tensor.ne) + ")";
    if (tensor.elementCount() == 0)
        throw Error(ErrorCode::Invalid, tensor.sourceFile, kNoOffset,
                    name + " has no elements: there are no statistics to compute");
    return statsWithin(rowSourceFromTensor(tensor), options, progress, "the statistics of " + name,
                       tensor.sourceFile);
}

} // namespace qx
