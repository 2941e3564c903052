#pragma once
// Worked examples and small computations behind the Learn lab's lessons. Everything here is built on the
// quantizers of core/quant (uniform_quant, float_formats, minifloat, quantizeRows) so a lesson shows the
// very numbers the engine produces; what the engine has no entry point for (a fixed clip ratio, the
// absmean ternary rule, a byte-by-byte block decode) is written out once here and tested against it.
// Units: errors are MSE in the tensor's units², SQNR in dB, sizes in bits per weight or bytes.

#include "quant/ggml_blocks.h"
#include "quant/uniform_quant.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <span>
#include <vector>

namespace qx::learn {

enum class NumberFormat { Fp32, Fp16, Bf16, Fp8E4M3, Fp8E5M2, Int8, Int4 };
inline constexpr std::array<NumberFormat, 7> kNumberFormats{NumberFormat::Fp32, NumberFormat::Fp16,
    NumberFormat::Bf16, NumberFormat::Fp8E4M3, NumberFormat::Fp8E5M2, NumberFormat::Int8, NumberFormat::Int4};

/// Bit fields of a format, most significant first. Integer formats are two's complement: sign 0,
/// exponent 0, mantissa = all bits.
struct FormatLayout { int signBits = 1; int exponentBits = 0; int mantissaBits = 0; int bias = 0; };
FormatLayout formatLayout(NumberFormat f);
inline int formatBits(NumberFormat f) { const auto l = formatLayout(f); return l.signBits + l.exponentBits + l.mantissaBits; }

struct EncodedValue {
    uint32_t code = 0;      ///< the stored bits (low formatBits() bits)
    double decoded = 0.0;   ///< what the code means (integers: step·q)
    double absError = 0.0;  ///< |decoded - x|
    double step = 0.0;      ///< integers only: the scale Δ = intAbsMax / (2^(b-1) - 1)
    int intCode = 0;        ///< integers only: q
};
/// `x` stored in `f`. Integer formats quantize symmetrically (absmax, restricted range) against intAbsMax.
EncodedValue encodeValue(float x, NumberFormat f, float intAbsMax);
/// What a format can represent: the largest finite value, the smallest positive one (subnormal for the
/// floats, Δ for integers) and the gap to the next representable value above |x| (Δ for integers).
struct FormatRange { double maxValue = 0; double minPositive = 0; double spacingAtValue = 0; };
FormatRange formatRange(NumberFormat f, float x, float intAbsMax);
/// Bytes for `parameters` weights at `bitsPerWeight` (rounded up): 70e9 at 32 bits = 280e9.
uint64_t weightBytes(uint64_t parameters, double bitsPerWeight);

/// A deterministic heavy-tailed sample (Student-t-like, ν = 4, scale 0.02, a few outlier columns), row-major.
std::vector<float> heavyTailedSample(int64_t rows, int64_t rowLength, uint32_t seed = 1);

/// Codes and reconstruction of `values` quantized as one group whose range is fixed to [lo, hi]
/// (symmetric modes use max(|lo|, |hi|)); the classic worked examples.
struct WorkedExample { float step = 0; int32_t zeroPoint = 0; std::vector<int> codes; std::vector<float> recon; };
WorkedExample workedExample(std::span<const float> values, float lo, float hi, int bits, UniformMode mode);

/// Two different values of `values` that one scale over [lo, hi] (as workedExample) maps to the same code in
/// `mode` at `bits`: the loss the symmetric worked example shows, on the tensor's own numbers. The positive
/// pair nearest to the values' mean |x| (the typical weight); nullopt when every value keeps a code of its own.
std::optional<std::pair<float, float>> sameCodePair(std::span<const float> values, float lo, float hi, int bits,
                                                    UniformMode mode);

/// The values the integer grid of a worked example can represent (Δ·q, or Δ·(q - z) asymmetric).
std::vector<float> gridLevels(const WorkedExample& w, int bits, UniformMode mode);
/// SQNR (dB) of per-tensor absmax quantization in `mode`.
double perTensorSqnr(std::span<const float> values, int bits, UniformMode mode);

/// Per-tensor symmetric (restricted) fake quantization with the clip c = ratio·absmax.
std::vector<float> fakeQuantClipRatio(std::span<const float> values, int bits, double ratio);
struct ClipPoint { double ratio = 0; double mse = 0; };
/// MSE of fakeQuantClipRatio for `steps`+1 ratios from 1 down to minRatio.
std::vector<ClipPoint> mseVsClipRatio(std::span<const float> values, int bits, double minRatio, int steps);
struct ClipChoice { double ratio = 0; double mse = 0; double sqnrDb = 0; };
/// The ratio (c / absmax) the engine's clip method picks per tensor and the error it gives.
ClipChoice clipChoice(std::span<const float> values, int bits, ClipMethod method, double percentile = 99.9);
/// Grid step and levels the bulk of `values` uses, with and without one outlier of `factor`·absmax.
struct OutlierDemo { double stepClean = 0, stepOutlier = 0; int levelsClean = 0, levelsOutlier = 0;
                     double sqnrClean = 0, sqnrOutlier = 0; };
OutlierDemo outlierDemo(std::span<const float> values, int bits, double factor);

/// One row of the granularity comparison; valid = false when the row length is not a multiple of G.
struct GranularityRow { Granularity granularity = Granularity::PerTensor; int groupSize = 0; bool valid = true;
                        double sqnrDb = 0; double bitsPerWeight = 0; double scaleBitsPerWeight = 0; uint64_t bytes = 0; };
/// Per-tensor, per-channel and per-group 32/64/128, symmetric restricted, F16 scales.
std::vector<GranularityRow> granularityTable(std::span<const float> values, int64_t rowLength, int bits);
/// SQNR (dB) of `recon` against `values` (core compareTensors).
double sqnrOf(std::span<const float> values, std::span<const float> recon);

/// One Q4_K super-block quantized by quantizeRows and decoded field by field.
struct Q4KAnatomy { ggml::BlockQ4_K block{}; float d = 0, dmin = 0; std::array<uint8_t, 8> scales{}, mins{};
                    std::array<uint8_t, 256> q{}; std::array<float, 256> original{}, recon{}; double sqnrDb = 0; };
/// `x` must hold 256 values.
Q4KAnatomy q4kAnatomy(std::span<const float> x);
struct Q6KAnatomy { ggml::BlockQ6_K block{}; float d = 0; std::array<int8_t, 16> scales{};
                    std::array<int8_t, 256> q{}; std::array<float, 256> original{}, recon{}; double sqnrDb = 0; };
Q6KAnatomy q6kAnatomy(std::span<const float> x);

/// NF4 against plain INT4 absmax with the same block of 64, and what double quantization saves.
struct Nf4Lesson { std::array<float, 16> nf4{}; std::vector<float> uniform; double sqnrNf4 = 0, sqnrInt4 = 0,
                   sqnrNf4Dq = 0; double bitsNf4 = 0, bitsNf4Dq = 0; };
Nf4Lesson nf4Lesson(std::span<const float> values);
/// Each value divided by the absmax of its block of `block` consecutive values (what NF4 codes see), in [-1, 1].
std::vector<float> normalizeByBlockAbsMax(std::span<const float> values, int block);

/// BitNet b1.58: γ = mean|x|, q = clamp(round(x/γ), -1, 1), x̂ = γ·q over the whole tensor.
struct TernaryResult { float gamma = 0; std::vector<int8_t> codes; std::vector<float> recon;
                       uint64_t minus = 0, zero = 0, plus = 0; double sqnrDb = 0;
                       double threshold = 0; ///< |x| below this rounds to 0: (γ + ε) / 2
};
TernaryResult ternaryAbsMean(std::span<const float> values);
/// w·x with ternary weights done with additions only; counts the adds/subs and skipped zeros.
struct TernaryDot { double result = 0; double floatResult = 0; int additions = 0, subtractions = 0, skipped = 0; };
TernaryDot ternaryDot(std::span<const int8_t> codes, float gamma, std::span<const float> weights,
                      std::span<const float> x);

} // namespace qx::learn
