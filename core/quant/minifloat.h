#pragma once
// Small binary floating-point formats (FP8, FP4) described by exponent and mantissa widths, with
// bias = 2^(expBits-1) - 1 and subnormals. Three flavours of special values:
//   Ieee          — the top exponent holds ±Inf (mantissa 0) and NaN (E5M2, like IEEE half);
//   FiniteNanOnly — no Inf; only S.1111.111 is NaN, so the top exponent still holds numbers (E4M3 "FN",
//                   max 448, the OCP/NVIDIA FP8 used for weights);
//   None          — every code is a number (E2M1: 0, 0.5, 1, 1.5, 2, 3, 4, 6).
// Encoding rounds to nearest, ties to even (the even mantissa), and saturates finite values beyond the
// largest number to ±max (E4M3 ±448, E5M2 ±57344, E2M1 ±6). ±Inf becomes ±Inf in Ieee formats and ±max
// otherwise; NaN becomes the positive quiet NaN code (0x7F for E4M3 and E5M2), or +0 when there is none.
// -0 keeps its sign bit.

#include <cstdint>

namespace qx {

enum class MiniFloatSpecials { Ieee, FiniteNanOnly, None };

struct MiniFloatFormat {
    int expBits = 4;
    int manBits = 3;
    MiniFloatSpecials specials = MiniFloatSpecials::FiniteNanOnly;
    constexpr int bias() const { return (1 << (expBits - 1)) - 1; }
    constexpr int totalBits() const { return 1 + expBits + manBits; }
    bool operator==(const MiniFloatFormat&) const = default;
};

inline constexpr MiniFloatFormat kFp8E4M3{4, 3, MiniFloatSpecials::FiniteNanOnly};
inline constexpr MiniFloatFormat kFp8E5M2{5, 2, MiniFloatSpecials::Ieee};
inline constexpr MiniFloatFormat kFp4E2M1{2, 1, MiniFloatSpecials::None};

/// The value of `code` (low totalBits() bits) in format `f`.
float decodeMiniFloat(uint8_t code, const MiniFloatFormat& f);
/// The code nearest to `x` (ties to even), saturating as described above.
uint8_t encodeMiniFloat(float x, const MiniFloatFormat& f);
/// Largest finite value of `f`.
float miniFloatMax(const MiniFloatFormat& f);
/// x rounded to the nearest value of `f` (encode then decode).
inline float roundToMiniFloat(float x, const MiniFloatFormat& f) { return decodeMiniFloat(encodeMiniFloat(x, f), f); }

inline uint8_t fp32ToFp8E4M3(float x) { return encodeMiniFloat(x, kFp8E4M3); }
inline float fp8E4M3ToFp32(uint8_t c) { return decodeMiniFloat(c, kFp8E4M3); }
inline uint8_t fp32ToFp8E5M2(float x) { return encodeMiniFloat(x, kFp8E5M2); }
inline float fp8E5M2ToFp32(uint8_t c) { return decodeMiniFloat(c, kFp8E5M2); }
inline uint8_t fp32ToFp4E2M1(float x) { return encodeMiniFloat(x, kFp4E2M1); }
inline float fp4E2M1ToFp32(uint8_t c) { return decodeMiniFloat(c, kFp4E2M1); }

} // namespace qx
