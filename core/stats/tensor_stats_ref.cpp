// computeTensorStatsRef: the tensor statistics straight from their definitions, single-threaded, reading the
// data twice — the reference the one-pass computation (tensor_stats.cpp) is tested against.
// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/stats_detail.h"
#include "stats/tensor_stats.h"

#include "common/error.h"

#include <functional>

namespace qx {
namespace {

using namespace stats_detail;

/// Bins of width 2^level from floor(lo / 2^level) to floor(hi / 2^level), edges scaled by `unit`.
Histogram gridHistogram(double lo, double hi, int level, double unit)
{
    const double first = std::floor(std::ldexp(lo, -level));
    const double last = std::floor(std::ldexp(hi, -level));
    Histogram h;
    h.counts.assign(static_cast<size_t>(last - first + 1.0), 0);
    h.lo = unit * std::ldexp(first, level);
    h.hi = unit * std::ldexp(last + 1.0, level);
    return h;
}

class RefScan {
public:
    RefScan(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
        : m_src(source), m_opt(options), m_progress(progress), m_rowsPerChunk(rowsPerChunk(source, options))
    {
        m_chunks = (source.rows + m_rowsPerChunk - 1) / m_rowsPerChunk;
    }

    /// Calls fn(values, firstRow) for every chunk in order; `step` of 2 numbers the read for the progress.
    void forEachChunk(int step, const std::function<void(std::span<const float>, int64_t)>& fn)
    {
        std::vector<float> buf;
        for (int64_t c = 0; c < m_chunks; ++c) {
            const int64_t first = c * m_rowsPerChunk, count = std::min(m_rowsPerChunk, m_src.rows - first);
            buf.resize(static_cast<size_t>(count * m_src.rowLength));
            m_src.read(first, count, buf);
            fn(buf, first);
            const double done = (step + static_cast<double>(c + 1) / static_cast<double>(m_chunks)) / 2.0;
            if (m_progress && !m_progress(done))
                throw Error(ErrorCode::Cancelled, "cancelled");
        }
    }

private:
    const RowSource& m_src;
    const StatsOptions& m_opt;
    const ProgressFn& m_progress;
    int64_t m_rowsPerChunk;
    int64_t m_chunks = 0;
};

void fillHistograms(RefScan& scan, const StatsOptions& opt, TensorStats& s)
{
    const int linLevel = levelFor(s.min, s.max, opt.histogramBins, kLinearMinLevel);
    s.histogram = s.finiteCount ? gridHistogram(s.min, s.max, linLevel, 1.0) : Histogram::make(0, 0, opt.histogramBins);
    const bool anyNonZero = s.minNonZeroAbs > 0;
    const double jLo = anyNonZero ? static_cast<double>(logBin32Ref(s.minNonZeroAbs)) : 0.0;
    const double jHi = anyNonZero ? static_cast<double>(logBin32Ref(s.absMax)) : 0.0;
    const int logLevel = levelFor(jLo, jHi, opt.logHistogramBins, 0);
    s.logHistogram = anyNonZero ? gridHistogram(jLo, jHi, logLevel, kLogUnit) : Histogram::make(0, 0, opt.logHistogramBins);
    const double linFirst = std::floor(std::ldexp(s.min, -linLevel));
    const double logFirst = std::floor(std::ldexp(jLo, -logLevel));
    const double center = outlierCenter(s, opt), threshold = s.stddev > 0 ? s.outlierThreshold : kInf;
    scan.forEachChunk(1, [&](std::span<const float> values, int64_t first) {
        for (size_t i = 0; i < values.size(); ++i) {
            const float v = values[i];
            if (!std::isfinite(v))
                continue;
            ++s.histogram.counts[static_cast<size_t>(std::floor(std::ldexp(double(v), -linLevel)) - linFirst)];
            if (v != 0.0f) {
                const auto j = static_cast<double>(logBin32Ref(std::fabs(double(v))));
                ++s.logHistogram.counts[static_cast<size_t>(std::floor(std::ldexp(j, -logLevel)) - logFirst)];
            }
            if (std::fabs(v - center) > threshold) {
                ++s.outlierCount;
                const auto len = static_cast<size_t>(s.rowLength);
                s.topOutliers.push_back({first + static_cast<int64_t>(i / len), static_cast<int64_t>(i % len), v});
            }
        }
    });
    keepTop(s.topOutliers, static_cast<size_t>(opt.topOutliers));
}

} // namespace

TensorStats computeTensorStatsRef(const RowSource& source, const StatsOptions& options, const ProgressFn& progress)
{
    RefScan scan(source, options, progress);
    TensorStats s;
    Basics basics;
    initStats(source, options, s, {&basics});
    scan.forEachChunk(0, [&](std::span<const float> values, int64_t first) {
        s.moments.merge(Moments::ofValuesRef(values));
        scanBasics(values, first, options, basics, s);
    });
    finishBasics({&basics}, options, s);
    fillHistograms(scan, options, s);
    return s;
}

} // namespace qx
