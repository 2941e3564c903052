#pragma once
// Non-integer weight formats as fake quantization (x -> nearest representable x̂, in F32) plus exact
// storage bits per weight. Blocks run over the values in row-major order.
//
//  FP16 / BF16: qx::fp32ToFp16 / fp32ToBf16 (round to nearest even). NaN stays NaN; ±Inf stays ±Inf;
//    FP16 overflows to ±Inf from 65520 up; BF16 has F32's range. 16 bits per weight.
//  FP8 (E4M3, E5M2; see minifloat.h): x̂ = s·fp8(x / s), s = absmax / fp8max per tensor or per row (F32),
//    or s = 1 without scaling. 8 + 32·scales / n bits.
//  FP4 E2M1 with a block scale:
//    E8M0 (OCP MXFP4, block 32): s = 2^(floor(log2 absmax) - 2), elements saturate at ±6 — the spec's rule;
//    E4M3 (NVFP4, block 16): s_t = absmax_tensor / (6·448) in F32, block s = s_t·e4m3(absmax_block / 6 / s_t);
//    F16 / F32: s = absmax_block / 6 rounded to the storage type.
//  NF4 (QLoRA): x̂ = absmax·level[nearest], the 16 NormalFloat levels, absmax per block of 64 (F32).
//    Double quantization (bitsandbytes compress_statistics): offset = mean of the absmaxes (F32, once);
//    the centred absmaxes are quantized in blocks of 256 to 8-bit codes of bitsandbytes' signed dynamic
//    map (the "FP8" of the QLoRA paper) with one F32 scale per block:
//    4 + 8/64 + 32/(64·256) = 4.127 bits (+ 32/n for the offset). NaN/Inf inputs become 0.
//  Fixed point Qm.n: sign + m integer + n fraction bits; x̂ = round(x·2^n)/2^n saturated to
//    [-2^m, 2^m - 2^-n]; round half away from zero; NaN -> 0.

#include "quant/minifloat.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qx {

/// out[i] = x rounded through FP16 / BF16.
void fakeQuantFp16(std::span<const float> in, std::span<float> out);
void fakeQuantBf16(std::span<const float> in, std::span<float> out);

enum class FloatScaling { None, PerTensor, PerChannel };

/// FP8 (or any MiniFloatFormat) with an F32 scale per tensor / per row of rowLength values.
void fakeQuantFp8(std::span<const float> in, std::span<float> out, int64_t rowLength, const MiniFloatFormat& format,
                  FloatScaling scaling);
double fp8BitsPerWeight(FloatScaling scaling, int64_t rows, int64_t rowLength);

enum class Fp4ScaleFormat { E8M0, E4M3, F16, F32 };

struct Fp4Scheme {
    int blockSize = 32;
    Fp4ScaleFormat scale = Fp4ScaleFormat::E8M0;
    bool operator==(const Fp4Scheme&) const = default;
};
inline constexpr Fp4Scheme kMxFp4{32, Fp4ScaleFormat::E8M0};
inline constexpr Fp4Scheme kNvFp4{16, Fp4ScaleFormat::E4M3};

void fakeQuantFp4(std::span<const float> in, std::span<float> out, const Fp4Scheme& scheme);
double fp4BitsPerWeight(const Fp4Scheme& scheme, uint64_t values);

/// The 16 NF4 levels in code order (code 7 is 0).
std::span<const float, 16> nf4Levels();
/// bitsandbytes' signed 8-bit dynamic quantization map (create_dynamic_map), sorted ascending.
std::span<const float, 256> dynamicMap8();

struct Nf4Scheme {
    int blockSize = 64;
    bool doubleQuant = false;
    int dqBlockSize = 256;
    bool operator==(const Nf4Scheme&) const = default;
};

void fakeQuantNf4(std::span<const float> in, std::span<float> out, const Nf4Scheme& scheme);
double nf4BitsPerWeight(const Nf4Scheme& scheme, uint64_t values);
/// The absmax values double quantization reconstructs (exposed for tests and views).
std::vector<float> nf4DoubleQuantAbsMax(std::span<const float> absMax, int dqBlockSize);

struct FixedPointFormat {
    int integerBits = 3;   ///< m, excluding the sign
    int fractionBits = 4;  ///< n
    bool operator==(const FixedPointFormat&) const = default;
};

void fakeQuantFixedPoint(std::span<const float> in, std::span<float> out, const FixedPointFormat& format);
inline double fixedPointBitsPerWeight(const FixedPointFormat& f) { return 1.0 + f.integerBits + f.fractionBits; }

} // namespace qx
