#pragma once
// Internals shared by uniform_quant.cpp and uniform_clip.cpp; not part of the public API.

#include "quant/uniform_quant.h"

#include <span>
#include <vector>

namespace qx::detail {

/// A clip range; symmetric schemes use c = max(-lo, hi).
struct ClipRange {
    double lo = 0.0;
    double hi = 0.0;
};

/// The step and zero point one group uses.
struct GroupParams {
    float step = 0.0f;
    int32_t zeroPoint = 0;
};

GroupParams paramsForRange(ClipRange range, const UniformScheme& s);
int quantizeValue(float x, GroupParams p, const UniformScheme& s);
inline float dequantizeValue(int q, GroupParams p) { return p.step * static_cast<float>(q - p.zeroPoint); }
/// Σ (x - x̂)² over the group's finite values with the given parameters.
double groupSquaredError(std::span<const float> group, GroupParams p, const UniformScheme& s);

/// The clip range for one group by scheme.clip; `scratch` avoids reallocations.
ClipRange chooseClipRange(std::span<const float> group, const UniformScheme& s, std::vector<float>& scratch);

/// Linear-interpolated p-th quantile (p in [0, 1]) of `v`; reorders v. v must not be empty.
double quantile(std::vector<float>& v, double p);
/// TensorRT entropy calibration: the |x| threshold with minimal KL divergence for `levels` levels.
double klThreshold(std::span<const float> group, int bins, int levels);

} // namespace qx::detail
