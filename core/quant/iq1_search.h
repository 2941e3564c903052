#pragma once
// The searches of IQ1_S and IQ1_M (internal to core/quant), shared by the scalar quantizer
// (quantize_iq1.cpp) and its AVX2 twins (quantize_iq1_avx2.cpp), which give the same bits: every SIMD
// lane performs the scalar sequence of float operations, and sums are added in ggml's order.

#include "quant/iq_codebooks.h"
#include "quant/iq_grid_search.h"

#include <cstdint>

namespace qx::quant::iq1 {

inline constexpr float kXp[3] = {-1 + iq::kIQ1Delta, iq::kIQ1Delta, 1 + iq::kIQ1Delta};    // levels with a positive shift
inline constexpr float kXm[3] = {-1 - iq::kIQ1Delta, -iq::kIQ1Delta, 1 - iq::kIQ1Delta};   // levels with a negative shift

/// The thresholds i1 <= i2 splitting the sorted group into levels 0 / 1 / 2, the shift choice and the scale.
struct Split {
    int i1 = -1, i2 = -1, shift = 0;
    float scale = 0;
};

/// IQ1_S's search inputs: prefix sums over the sorted group of 32, sumx[j] = sum of w·x and sumw[j] = sum
/// of w over the first j (33 entries; kPrefixPad more, zero, for 8-wide loads).
constexpr int kPrefixPad = 8;

/// IQ1_M's search input: for sorted position j and level l, the 8 products w·v·x (shift choices 0..3) then
/// w·v·v (0..3), v the level's value under that shift choice.
using TermsM = float[16][3][8];

namespace avx2 {
/// IQ1_S's exhaustive search (both shifts, every pair of thresholds) from prefix sums.
Split searchS(const float* sumx, const float* sumw, float max);
/// IQ1_M's exhaustive search (four shift choices, every pair of thresholds) from its terms.
Split searchM(const TermsM& terms, float max);
/// iq1_find_best_neighbour2 over the neighbours of `code`; -1 when every distance is NaN (the caller then
/// runs the scalar search, which scans the whole codebook).
int nearestRow(const iq::GridSearch& grid, uint32_t code, const float* xb, const float* weight, float scale,
               const float* xs);
} // namespace avx2

} // namespace qx::quant::iq1
