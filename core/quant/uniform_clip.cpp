// Clip-range selection for uniform quantization: absmax, percentile, MSE grid search, KL calibration.
#include "quant/uniform_detail.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qx::detail {
namespace {

ClipRange fullRange(std::span<const float> group)
{
    ClipRange r;
    for (float x : group) {
        if (!std::isfinite(x))
            continue;
        r.lo = std::min<double>(r.lo, x);
        r.hi = std::max<double>(r.hi, x);
    }
    return r; // lo <= 0 <= hi by construction
}

bool symmetric(const UniformScheme& s) { return s.mode != UniformMode::Asymmetric; }

ClipRange symmetricOf(double c) { return {-c, c}; }

void finiteValues(std::span<const float> group, std::vector<float>& out, bool magnitudes)
{
    out.clear();
    for (float x : group)
        if (std::isfinite(x))
            out.push_back(magnitudes ? std::fabs(x) : x);
}

ClipRange percentileRange(std::span<const float> group, const UniformScheme& s, std::vector<float>& scratch)
{
    const double p = s.percentile / 100.0;
    finiteValues(group, scratch, symmetric(s));
    if (scratch.empty())
        return {};
    if (symmetric(s))
        return symmetricOf(quantile(scratch, p));
    const double lo = quantile(scratch, 1.0 - p);
    const double hi = quantile(scratch, p);
    return {std::min(lo, 0.0), std::max(hi, 0.0)};
}

ClipRange scaled(ClipRange base, double ratio) { return {base.lo * ratio, base.hi * ratio}; }

ClipRange mseRange(std::span<const float> group, const UniformScheme& s)
{
    ClipRange base = fullRange(group);
    if (symmetric(s))
        base = symmetricOf(std::max(-base.lo, base.hi));
    ClipRange best = base;
    double bestErr = std::numeric_limits<double>::infinity();
    for (int k = 0; k <= s.mseGridSteps; ++k) {
        const double ratio = 1.0 - (1.0 - s.mseMinRatio) * k / s.mseGridSteps;
        const ClipRange r = scaled(base, ratio);
        const double err = groupSquaredError(group, paramsForRange(r, s), s);
        if (err < bestErr) {
            bestErr = err;
            best = r;
        }
    }
    return best;
}

ClipRange klRange(std::span<const float> group, const UniformScheme& s)
{
    ClipRange base = fullRange(group);
    const double absMax = std::max(-base.lo, base.hi);
    if (absMax == 0.0)
        return {};
    const double c = klThreshold(group, s.klBins, 1 << (s.bits - 1));
    if (symmetric(s))
        return symmetricOf(c);
    return scaled(base, c / absMax);
}

} // namespace

double quantile(std::vector<float>& v, double p)
{
    const double pos = std::clamp(p, 0.0, 1.0) * static_cast<double>(v.size() - 1);
    const auto i = static_cast<size_t>(std::floor(pos));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
    const double a = v[i];
    if (i + 1 >= v.size())
        return a;
    const double b = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(i) + 1, v.end());
    return a + (b - a) * (pos - static_cast<double>(i));
}

namespace {

// KL(P‖Q) for the first `kept` bins: P folds the clipped tail into its last bin; Q merges the kept bins
// into `levels` equal chunks and spreads each chunk's mass evenly over the chunk's non-empty bins.
double klForCut(const std::vector<double>& hist, int kept, int levels)
{
    std::vector<double> p(hist.begin(), hist.begin() + kept);
    for (size_t i = static_cast<size_t>(kept); i < hist.size(); ++i)
        p[static_cast<size_t>(kept) - 1] += hist[i];
    std::vector<double> q(static_cast<size_t>(kept), 0.0);
    for (int l = 0; l < levels; ++l) {
        const int b0 = static_cast<int>(static_cast<int64_t>(l) * kept / levels);
        const int b1 = static_cast<int>(static_cast<int64_t>(l + 1) * kept / levels);
        double mass = 0.0;
        int nonEmpty = 0;
        for (int i = b0; i < b1; ++i) {
            mass += hist[static_cast<size_t>(i)];
            nonEmpty += hist[static_cast<size_t>(i)] > 0;
        }
        for (int i = b0; i < b1; ++i)
            if (hist[static_cast<size_t>(i)] > 0)
                q[static_cast<size_t>(i)] = mass / nonEmpty;
    }
    double sp = 0.0, sq = 0.0, kl = 0.0;
    for (int i = 0; i < kept; ++i) {
        sp += p[static_cast<size_t>(i)];
        sq += q[static_cast<size_t>(i)];
    }
    for (int i = 0; i < kept; ++i) {
        const double pi = p[static_cast<size_t>(i)] / sp, qi = q[static_cast<size_t>(i)] / sq;
        if (pi == 0.0)
            continue;
        if (qi == 0.0)
            return std::numeric_limits<double>::infinity();
        kl += pi * std::log(pi / qi);
    }
    return kl;
}

} // namespace

double klThreshold(std::span<const float> group, int bins, int levels)
{
    double absMax = 0.0;
    for (float x : group)
        if (std::isfinite(x))
            absMax = std::max(absMax, std::fabs(static_cast<double>(x)));
    if (absMax == 0.0 || bins <= levels)
        return absMax;
    std::vector<double> hist(static_cast<size_t>(bins), 0.0);
    for (float x : group) {
        if (!std::isfinite(x) || x == 0.0f)
            continue; // zeros are exact in every scheme and would dominate bin 0
        const int i = std::min(bins - 1, static_cast<int>(std::fabs(x) / absMax * bins));
        hist[static_cast<size_t>(i)] += 1.0;
    }
    int bestKept = bins;
    double bestKl = std::numeric_limits<double>::infinity();
    for (int kept = levels; kept <= bins; ++kept) {
        const double kl = klForCut(hist, kept, levels);
        if (kl < bestKl) {
            bestKl = kl;
            bestKept = kept;
        }
    }
    return absMax * bestKept / bins;
}

ClipRange chooseClipRange(std::span<const float> group, const UniformScheme& s, std::vector<float>& scratch)
{
    switch (s.clip) {
    case ClipMethod::Percentile: return percentileRange(group, s, scratch);
    case ClipMethod::MseSearch: return mseRange(group, s);
    case ClipMethod::KlDivergence: return klRange(group, s);
    case ClipMethod::AbsMax: break;
    }
    const ClipRange r = fullRange(group);
    return symmetric(s) ? symmetricOf(std::max(-r.lo, r.hi)) : r;
}

} // namespace qx::detail
