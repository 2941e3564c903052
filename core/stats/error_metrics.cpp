#include "stats/error_metrics.h"

#include "common/error.h"

#include <cmath>
#include <limits>
#include <string>

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
    if (o.histogramBins <= 0)
        throw Error(ErrorCode::InvalidArgument, "compareTensors: histogramBins must be positive");
    if (o.columnWeights.empty())
        return;
    if (o.rowLength <= 0 || o.columnWeights.size() != static_cast<size_t>(o.rowLength)
        || a.size() % static_cast<size_t>(o.rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "compareTensors: column weights need one weight per column of "
                                                    "whole rows");
}

} // namespace

TensorError compareTensors(std::span<const float> original, std::span<const float> reconstructed,
                           const ErrorOptions& options)
{
    validate(original, reconstructed, options);
    const bool weighted = !options.columnWeights.empty();
    const size_t cols = weighted ? static_cast<size_t>(options.rowLength) : 1;
    Sums s;
    for (size_t i = 0; i < original.size(); ++i) {
        const double x = original[i], y = reconstructed[i];
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++s.bad;
            continue;
        }
        const double e = y - x;
        const double w = weighted ? options.columnWeights[i % cols] : 1.0;
        s.xx += x * x;
        s.yy += y * y;
        s.xy += x * y;
        s.ee += e * e;
        s.wee += w * e * e;
        s.w += w;
        s.maxAbs = std::max(s.maxAbs, std::fabs(e));
        ++s.n;
    }
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
    r.errorHistogram = Histogram::make(-s.maxAbs, s.maxAbs, options.histogramBins);
    for (size_t i = 0; i < original.size(); ++i)
        if (std::isfinite(original[i]) && std::isfinite(reconstructed[i]))
            r.errorHistogram.add(static_cast<double>(reconstructed[i]) - original[i]);
    return r;
}

} // namespace qx
