#include "compare/pair_histograms.h"

#include "common/error.h"
#include "io/model_file.h"
#include "stats/tensor_stats.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace qx {
namespace {

/// Calls `fn` on every chunk of finite-or-not values of `t`; `step` counts chunks for progress.
void forEachChunk(const TensorInfo& t, const std::function<void(std::span<const float>)>& fn,
                  const std::function<bool()>& step)
{
    const RowSource s = rowSourceFromTensor(t);
    const int64_t chunkRows = std::max<int64_t>(1, 65536 / std::max<int64_t>(1, s.rowLength));
    std::vector<float> buffer;
    for (int64_t first = 0; first < s.rows; first += chunkRows) {
        const int64_t count = std::min(chunkRows, s.rows - first);
        buffer.resize(size_t(count * s.rowLength));
        s.read(first, count, buffer);
        fn(buffer);
        if (!step())
            throw Error(ErrorCode::Cancelled, "histograms cancelled");
    }
}

} // namespace

PairHistograms pairHistograms(const TensorInfo& a, const TensorInfo& b, int bins, const ProgressFn& progress)
{
    const auto chunks = [](const TensorInfo& t) {
        const int64_t rowsPer = std::max<int64_t>(1, 65536 / std::max<int64_t>(1, t.rowLength()));
        return (t.rows() + rowsPer - 1) / rowsPer;
    };
    const double total = double(std::max<int64_t>(1, 2 * (chunks(a) + chunks(b))));
    int64_t done = 0;
    const auto step = [&] { return !progress || progress(double(++done) / total); };
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    const auto range = [&](std::span<const float> v) {
        for (const float x : v)
            if (std::isfinite(x)) {
                lo = std::min(lo, double(x));
                hi = std::max(hi, double(x));
            }
    };
    forEachChunk(a, range, step);
    forEachChunk(b, range, step);
    if (lo > hi)
        lo = hi = 0.0;
    PairHistograms r{Histogram::make(lo, hi, bins), Histogram::make(lo, hi, bins)};
    for (Histogram* h : {&r.a, &r.b})
        forEachChunk(h == &r.a ? a : b, [h](std::span<const float> v) {
            for (const float x : v)
                if (std::isfinite(x))
                    h->add(x);
        }, step);
    return r;
}

} // namespace qx
