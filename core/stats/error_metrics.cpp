#include "stats/error_metrics.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace qx {

double sqnrDb(double signalEnergy, double noiseEnergy)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (noiseEnergy == 0.0)
        return inf;
    if (signalEnergy == 0.0)
        return -inf;
    return 10.0 * std::log10(signalEnergy / noiseEnergy);
}

namespace {

struct Sums {
    double xx = 0, yy = 0, xy = 0, ee = 0, wee = 0, w = 0, maxAbs = 0;
    uint64_t n = 0, bad = 0;
};

void validate(std::span<const float> a, std::span<const float> b, const ErrorOptions& o)
{
    if (a.size() != b.size())
        throw Error(ErrorCode::InvalidArgument, "compareTensors: " + std::to_string(a.size()) + " vs "
                                                    + std::to_string(b.size()) + " values");
    if (o.histogramBins < 0)
        throw Error(ErrorCode::InvalidArgument, "compareTensors: histogramBins must not be negative");
    if (o.columnWeights.empty())
        return;
    if (o.rowLength <= 0 || o.columnWeights.size() != static_cast<size_t>(o.rowLength)
        || a.size() % static_cast<size_t>(o.rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "compareTensors: column weights need one weight per column of "
                                                    "whole rows");
}

void accumulate(Sums& s, std::span<const float> original, std::span<const float> reconstructed,
                std::span<const float> weights)
{
    const size_t cols = weights.empty() ? 1 : weights.size();
    for (size_t i = 0; i < original.size(); ++i) {
        const double x = original[i], y = reconstructed[i];
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++s.bad;
            continue;
        }
        const double e = y - x;
        const double w = weights.empty() ? 1.0 : weights[i % cols];
        s.xx += x * x;
        s.yy += y * y;
        s.xy += x * y;
        s.ee += e * e;
        s.wee += w * e * e;
        s.w += w;
        s.maxAbs = std::max(s.maxAbs, std::fabs(e));
        ++s.n;
    }
}

void addErrors(Histogram& h, std::span<const float> original, std::span<const float> reconstructed)
{
    for (size_t i = 0; i < original.size(); ++i)
        if (std::isfinite(original[i]) && std::isfinite(reconstructed[i]))
            h.add(static_cast<double>(reconstructed[i]) - original[i]);
}

TensorError finish(const Sums& s)
{
    TensorError r;
    r.count = s.n;
    r.nonFinite = s.bad;
    r.mse = s.n ? s.ee / static_cast<double>(s.n) : 0.0;
    r.rmse = std::sqrt(r.mse);
    r.sqnrDb = sqnrDb(s.xx, s.ee);
    if (s.xx == 0.0 || s.yy == 0.0)
        r.cosine = (s.xx == 0.0 && s.yy == 0.0) ? 1.0 : 0.0;
    else
        r.cosine = s.xy / std::sqrt(s.xx * s.yy);
    r.maxAbsError = s.maxAbs;
    r.relativeFrobenius = s.xx > 0 ? std::sqrt(s.ee / s.xx) : (s.ee > 0 ? std::numeric_limits<double>::infinity() : 0.0);
    r.weightedMse = s.w > 0 ? s.wee / s.w : r.mse;
    r.signalEnergy = s.xx;
    r.noiseEnergy = s.ee;
    return r;
}

} // namespace

TensorError compareTensors(std::span<const float> original, std::span<const float> reconstructed,
                           const ErrorOptions& options)
{
    validate(original, reconstructed, options);
    Sums s;
    accumulate(s, original, reconstructed, options.columnWeights);
    TensorError r = finish(s);
    if (options.histogramBins == 0)
        return r;
    r.errorHistogram = Histogram::make(-s.maxAbs, s.maxAbs, options.histogramBins);
    addErrors(r.errorHistogram, original, reconstructed);
    return r;
}

TensorError compareRows(const RowSource& original, const RowSource& reconstructed, const ErrorOptions& options,
                        const ProgressFn& progress)
{
    if (original.rows != reconstructed.rows || original.rowLength != reconstructed.rowLength)
        throw Error(ErrorCode::Mismatch, "compareRows: the two tensors have different shapes");
    ErrorOptions o = options;
    o.rowLength = original.rowLength;
    const int64_t chunkRows = std::max<int64_t>(1, 65536 / std::max<int64_t>(1, original.rowLength));
    const int64_t chunks = (original.rows + chunkRows - 1) / chunkRows;
    validate({}, {}, o);
    std::vector<float> a, b;
    Sums s;
    Histogram h;
    const int64_t steps = o.histogramBins == 0 ? chunks : 2 * chunks;   // no histogram: one read
    for (int64_t step = 0; step < steps; ++step) {
        const int64_t first = (step % chunks) * chunkRows, count = std::min(chunkRows, original.rows - first);
        a.resize(static_cast<size_t>(count * original.rowLength));
        b.resize(a.size());
        original.read(first, count, a);
        reconstructed.read(first, count, b);
        if (step < chunks)
            accumulate(s, a, b, o.columnWeights);
        else
            addErrors(h, a, b);
        if (step + 1 == chunks && o.histogramBins > 0)
            h = Histogram::make(-s.maxAbs, s.maxAbs, o.histogramBins);
        if (progress && !progress(static_cast<double>(step + 1) / static_cast<double>(steps)))
            throw Error(ErrorCode::Cancelled, "cancelled");
    }
    TensorError r = finish(s);
    if (o.histogramBins > 0)
        r.errorHistogram = chunks ? h : Histogram::make(0.0, 0.0, o.histogramBins);
    return r;
}

} // namespace qx
