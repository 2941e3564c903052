#pragma once
// Uniform integer quantization (the textbook INT2..INT8 schemes, not ggml's block formats).
//
// Values are split into groups that share one scale Δ (and, asymmetric, one zero point z):
//   PerTensor: one group;  PerChannel: one group per row (ne[0] values);  PerGroup: G consecutive values
//   of a row (the row length must be a multiple of G).
// Codes and reconstruction (b bits):
//   SymmetricRestricted: q ∈ [-(2^(b-1)-1), 2^(b-1)-1], Δ = c / (2^(b-1)-1), x̂ = Δ·q
//   SymmetricFull:       q ∈ [-2^(b-1), 2^(b-1)-1],     Δ = c / 2^(b-1),     x̂ = Δ·q (+c clips to c - Δ)
//   Asymmetric:          q ∈ [0, 2^b - 1], range [lo, hi] widened to contain 0, Δ = (hi - lo)/(2^b - 1),
//                        z = round(-lo/Δ), x̂ = Δ·(q - z)  (0 is always exact)
// with q = clamp(round(x / Δ) [+ z]), round half away from zero, c the clip magnitude chosen by the clip
// method. Δ is the step (the classic "scale" 127/absmax is 1/Δ). With ScaleFormat::F16 the step is
// rounded to half precision before it is used, so codes and reconstruction see the stored value.
// Storage: codes packed at b bits, Δ as F32/F16 per group, z packed at b bits per group.
// NaN inputs quantize to the code of 0; ±Inf clamp to the extreme codes; neither affects the ranges.

#include "common/progress.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

enum class UniformMode { SymmetricRestricted, SymmetricFull, Asymmetric };
enum class Granularity { PerTensor, PerChannel, PerGroup };
enum class ScaleFormat { F32, F16 };
/// How the clip range of each group is chosen.
///  AbsMax: the full range. Percentile: the p-th percentile of |x| (symmetric) or the (100-p)-th and p-th
///  percentiles of x (asymmetric). MseSearch: the ratio r·range, r on a grid from 1 down to mseMinRatio,
///  that minimizes the group's squared error. KlDivergence: TensorRT's entropy calibration on a histogram
///  of |x| (klBins bins; the threshold minimizing KL(P‖Q) with 2^(b-1) levels), applied as a ratio of the
///  range; costs O(klBins²) per group, meant for PerTensor/PerChannel.
enum class ClipMethod { AbsMax, Percentile, MseSearch, KlDivergence };

struct UniformScheme {
    int bits = 8;                                ///< 2..8
    UniformMode mode = UniformMode::SymmetricRestricted;
    Granularity granularity = Granularity::PerChannel;
    int groupSize = 128;                         ///< PerGroup only; 32/64/128/256 are the usual choices
    ScaleFormat scaleFormat = ScaleFormat::F32;
    ClipMethod clip = ClipMethod::AbsMax;
    double percentile = 99.99;                   ///< Percentile, in percent (0, 100]
    int mseGridSteps = 100;                      ///< MseSearch: candidates 1, 1-δ, ..., mseMinRatio
    double mseMinRatio = 0.3;
    int klBins = 2048;
    bool operator==(const UniformScheme&) const = default;
};

struct UniformQuantized {
    UniformScheme scheme;
    int64_t rows = 0;
    int64_t rowLength = 0;
    int64_t groupLength = 0;            ///< values sharing one scale (consecutive in row-major order)
    std::vector<int16_t> codes;         ///< one per value: signed (symmetric) or 0..2^b-1 (asymmetric)
    std::vector<float> steps;           ///< Δ per group, exactly as stored (F16-rounded when F16)
    std::vector<int32_t> zeroPoints;    ///< asymmetric only, one per group
    bool operator==(const UniformQuantized&) const = default;
};

/// Smallest and largest code of `scheme`.
int uniformCodeMin(const UniformScheme& scheme);
int uniformCodeMax(const UniformScheme& scheme);

/// Throws Error(InvalidArgument) unless `scheme` is usable for `values` values in rows of `rowLength`.
void validateUniform(const UniformScheme& scheme, uint64_t values, int64_t rowLength);

/// Quantizes row-major `values` (rows of rowLength), groups spread over `threads` workers (0 = all cores;
/// the result does not depend on the count). Throws InvalidArgument for bad shapes/schemes, Cancelled when
/// `progress` returns false (progress is reported from the calling thread only).
UniformQuantized quantizeUniform(std::span<const float> values, int64_t rowLength, const UniformScheme& scheme,
                                 const ProgressFn& progress = {}, int threads = 0);
/// The same on the calling thread with a plain loop: the reference for the threaded version.
UniformQuantized quantizeUniformRef(std::span<const float> values, int64_t rowLength, const UniformScheme& scheme,
                                    const ProgressFn& progress = {});
/// Reconstructs the values (Δ·q or Δ·(q - z)).
std::vector<float> dequantizeUniform(const UniformQuantized& q);
/// Quantize then dequantize in one go: out[i] = x̂[i]. `in` and `out` must have the same size.
void fakeQuantUniform(std::span<const float> in, std::span<float> out, int64_t rowLength, const UniformScheme& scheme,
                      const ProgressFn& progress = {}, int threads = 0);

/// Number of groups (scales) for a rows × rowLength tensor.
uint64_t uniformGroupCount(const UniformScheme& scheme, int64_t rows, int64_t rowLength);
/// Exact bytes: codes packed at b bits + scales + zero points packed at b bits, each part rounded up to bytes.
uint64_t uniformStorageBytes(const UniformScheme& scheme, int64_t rows, int64_t rowLength);
/// Exact bits per weight (no byte padding): b + groups·(scale bits + zero-point bits) / values.
double uniformBitsPerWeight(const UniformScheme& scheme, int64_t rows, int64_t rowLength);

/// Short label such as "INT4 asym g128 f16 mse".
std::string uniformSchemeName(const UniformScheme& scheme);

} // namespace qx
