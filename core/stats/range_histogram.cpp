#include "stats/range_histogram.h"

#include "common/error.h"
#include "common/parallel_chunks.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qx {
namespace {

int64_t chunkRowsOf(const RowSource& source, const RangeHistogramOptions& options)
{
    if (options.rowsPerChunk > 0)
        return options.rowsPerChunk;
    return std::max<int64_t>(1, (int64_t(1) << 16) / std::max<int64_t>(1, source.rowLength));
}

/// Bin of finite v within [lo, hi] by a multiplication; a value within 1e-6 of an edge takes the
/// reference's own arithmetic (Histogram::binOf).
inline int binOfValue(const Histogram& h, double v, double lo, double scale, int bins)
{
    const double t = (v - lo) * scale;
    const int i = static_cast<int>(t);
    const double frac = t - i;
    if (frac < 1e-6 || frac > 1.0 - 1e-6)
        return h.binOf(v);
    return i < bins ? i : bins - 1;
}

constexpr int kLanes = 4;

/// One worker's counts: kLanes interleaved arrays of the bins, so runs of one bin do not wait on a single
/// counter, plus the values below and above the range.
struct LaneCounts {
    std::vector<uint64_t> lanes;
    uint64_t below = 0, above = 0;
    std::vector<float> buffer;   ///< decoded rows
};

/// Counts `values` into `c` with the bins of `h` (as Histogram::add; see the top of the header).
void countValues(std::span<const float> values, const Histogram& h, LaneCounts& c)
{
    const double lo = h.lo, hi = h.hi;
    const int bins = static_cast<int>(h.counts.size());
    const double scale = hi > lo ? bins / (hi - lo) : 0.0;
    if (c.lanes.empty())
        c.lanes.assign(static_cast<size_t>(kLanes) * static_cast<size_t>(bins), 0);
    uint64_t* lanes = c.lanes.data();
    const size_t n = values.size();
    for (size_t k = 0; k < n; ++k) {
        const float x = values[k];
        if (!std::isfinite(x))
            continue;
        const double v = x;
        if (v < lo)
            ++c.below;
        else if (v > hi)
            ++c.above;
        else
            ++lanes[(k % kLanes) * static_cast<size_t>(bins) + static_cast<size_t>(binOfValue(h, v, lo, scale, bins))];
    }
}

/// Adds a worker's counts to `h`.
void fold(const LaneCounts& c, Histogram& h)
{
    const size_t bins = h.counts.size();
    for (size_t lane = 0; lane < c.lanes.size() / std::max<size_t>(1, bins); ++lane)
        for (size_t i = 0; i < bins; ++i)
            h.counts[i] += c.lanes[lane * bins + i];
    h.below += c.below;
    h.above += c.above;
}

void checkArguments(const RowSource& source, double lo, double hi, int bins)
{
    if (bins <= 0 || !(hi >= lo) || !std::isfinite(lo) || !std::isfinite(hi))
        throw Error(ErrorCode::InvalidArgument, "range histogram: needs bins > 0 and a finite range with hi >= lo");
    if (source.rows < 0 || source.rowLength < 0 || (source.rows > 0 && !source.read && !source.view))
        throw Error(ErrorCode::InvalidArgument, "range histogram: the row source cannot be read");
}

} // namespace

Histogram rangeHistogram(const RowSource& source, double lo, double hi, int bins, const RangeHistogramOptions& options,
                         const ProgressFn& progress)
{
    checkArguments(source, lo, hi, bins);
    const Histogram empty = Histogram::make(lo, hi, bins);
    const int64_t chunkRows = chunkRowsOf(source, options);
    const int64_t chunks = (source.rows + chunkRows - 1) / chunkRows;
    if (chunks == 0)
        return empty;
    const int workers = resolveWorkerCount(options.threads, chunks);
    std::vector<LaneCounts> local(static_cast<size_t>(workers));
    runChunks(chunks, workers, progress, 0.0, 1.0, [&](int64_t chunk, int worker) {
        const int64_t first = chunk * chunkRows, count = std::min(chunkRows, source.rows - first);
        LaneCounts& c = local[static_cast<size_t>(worker)];
        std::span<const float> values;
        if (source.view) {
            values = source.view(first, count);
        } else {
            c.buffer.resize(static_cast<size_t>(count * source.rowLength));
            source.read(first, count, c.buffer);
            values = c.buffer;
        }
        countValues(values, empty, c);
    });
    Histogram out = empty;
    for (const LaneCounts& c : local)
        fold(c, out);
    return out;
}

Histogram rangeHistogramRef(const RowSource& source, double lo, double hi, int bins, const ProgressFn& progress)
{
    checkArguments(source, lo, hi, bins);
    Histogram h = Histogram::make(lo, hi, bins);
    std::vector<float> row(static_cast<size_t>(source.rowLength));
    for (int64_t r = 0; r < source.rows; ++r) {
        if (progress && r % 256 == 0 && !progress(static_cast<double>(r) / static_cast<double>(source.rows)))
            throw Error(ErrorCode::Cancelled, "range histogram cancelled");
        source.read(r, 1, row);
        for (const float x : row)
            if (std::isfinite(x))
                h.add(x);
    }
    return h;
}

std::pair<double, double> centralRange(const Histogram& h, double coverage)
{
    const uint64_t total = h.total();
    if (total == 0 || h.counts.empty())
        return {h.lo, h.hi};
    const double tail = std::clamp((1.0 - coverage) / 2.0, 0.0, 0.5) * static_cast<double>(total);
    const int bins = static_cast<int>(h.counts.size());
    // Lower edge: the first bin in which the running count exceeds the tail.
    double lo = h.lo;
    uint64_t seen = h.below;
    if (static_cast<double>(seen) <= tail)
        for (int i = 0; i < bins; ++i) {
            seen += h.counts[static_cast<size_t>(i)];
            if (static_cast<double>(seen) > tail) {
                lo = h.binLo(i);
                break;
            }
        }
    double hi = h.hi;
    seen = h.above;
    if (static_cast<double>(seen) <= tail)
        for (int i = bins - 1; i >= 0; --i) {
            seen += h.counts[static_cast<size_t>(i)];
            if (static_cast<double>(seen) > tail) {
                hi = i == bins - 1 ? h.hi : h.binLo(i + 1);
                break;
            }
        }
    return {lo, std::max(lo, hi)};
}

std::pair<double, double> centralRangeOf(const RowSource& source, const Histogram& coarse, double coverage,
                                         const RangeHistogramOptions& options, const ProgressFn& progress)
{
    const auto [lo, hi] = centralRange(coarse, coverage);
    if (!(hi > lo))
        return {lo, hi};
    return centralRange(rangeHistogram(source, lo, hi, kCentralBins, options, progress), coverage);
}

} // namespace qx
