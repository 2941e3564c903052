#pragma once
// The quantization grids the calibration methods round onto: any uniform integer scheme (uniform_quant.h)
// or a ggml legacy block type (Q4_0, Q4_1, Q5_0, Q5_1, Q8_0).
//
// A grid is chosen per (row, group) from the group's current values, the way the format itself chooses
// it (absmax / min-max, scales rounded to F16 for ggml), and then each value is coded with the format's
// own rounding. For ggml types the element that defines the scale (absmax, or min and max) can be
// "pinned" to its extreme code: then re-quantizing the final block with quantizeRows (no importance)
// rebuilds the same scale and codes, so a GPTQ result exports exactly.

#include "io/tensor_type.h"
#include "quant/uniform_quant.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct QuantGrid {
    bool ggml = false;
    TensorType type = TensorType::F32;  ///< ggml grids
    UniformScheme uniform;              ///< uniform grids
    int64_t groupLength(int64_t rowLength) const; ///< values sharing one scale in a row of rowLength
    std::string name() const;
};

/// Parameters of one group: code = clamp(floor(x·inv + bias), qmin, qmax) for ggml, or the uniform
/// scheme's round-half-away code; value = scale·code + offset.
struct GroupGrid {
    float scale = 0.0f;     ///< stored (F16-rounded for ggml) step
    float offset = 0.0f;    ///< value of code 0 (Q4_0/Q5_0: -half·scale, Q4_1/Q5_1: min; uniform: 0)
    float inv = 0.0f;       ///< 1/d with d the unrounded step (ggml codes use it)
    float bias = 0.0f;      ///< added before flooring (ggml)
    float origin = 0.0f;    ///< subtracted before scaling (Q4_1/Q5_1 min, unrounded)
    int qmin = 0, qmax = 0;  ///< code range (uniform: relative to the zero point)
    int32_t zeroPoint = 0;  ///< uniform
    int pin[2] = {-1, -1};  ///< indices in the group whose code is forced (ggml), or -1
    int pinCode[2] = {0, 0};
};

/// True for Q4_0 Q4_1 Q5_0 Q5_1 Q8_0.
bool isLegacyType(TensorType type);
/// False when a ggml grid's block does not divide the row (such layers stay F32). Uniform grids always
/// fit: a row whose length is not a multiple of the group ends with one shorter group.
bool gridFits(const QuantGrid& grid, int64_t rowLength);
/// Throws Error(InvalidArgument/Unsupported) unless `grid` can code rows of `rowLength`. Calibrated
/// methods (GPTQ, AWQ) need a uniform or legacy grid; round-to-nearest takes any quantizeRows type.
void validateGrid(const QuantGrid& grid, int64_t rowLength, bool calibrated = true);
/// Chooses the parameters of one group from its values.
GroupGrid chooseGroupGrid(const QuantGrid& grid, std::span<const float> group);
/// The code of x (index = position in the group, for pinning).
int gridCode(const QuantGrid& grid, const GroupGrid& g, float x, int index);
/// The value a code stands for.
inline float gridValue(const GroupGrid& g, int code) { return g.scale * static_cast<float>(code) + g.offset; }

/// Round-to-nearest fake quantization of row-major `w` on `grid` (the RTN baseline; for ggml types equals
/// quantizeRows + dequantize; other ggml types, e.g. Q4_K, go through quantizeRows itself).
std::vector<float> fakeQuantGrid(const QuantGrid& grid, std::span<const float> w, int64_t rowLength);
/// Importance-weighted fake quantization ("imatrix"): ggml types use quantizeRows with `importance`;
/// uniform grids pick per group the clip ratio (1 down to 0.5, 21 steps) minimizing Σ imp_j (x_j − x̂_j)².
std::vector<float> fakeQuantGridWeighted(const QuantGrid& grid, std::span<const float> w, int64_t rowLength,
                                         std::span<const float> importance);

/// Parses "int4-g32", "int4-g128", "int3-g32" (asymmetric, F16 step), "int8-pc" (symmetric per-channel)
/// or a ggml legacy type name.
QuantGrid parseGrid(const std::string& text);

} // namespace qx
