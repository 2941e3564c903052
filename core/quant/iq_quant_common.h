#pragma once
// Steps shared by the codebook i-quant quantizers (internal to core/quant), each with ggml's float
// operations in ggml's order (llama.cpp b4748 ggml-quants.c), because the levels chosen depend on rounding.
//
// Vocabulary: a group of 8 (IQ2, IQ1) or 4 (IQ3) weights is one codebook row; its levels L (0..kMaxQ-1)
// stand for the odd integers q = 2L + 1, so a weight is reconstructed as scale * (2L + 1) * sign.

#include "quant/iq_grid_search.h"

#include <cstdint>

namespace qx::quant::iq {

/// ggml's per-weight importance of the i-quants: qw[i] * sqrt(sigma2 + x[i]^2).
void importanceWeights(int n, const float* x, const float* qw, float sigma2, float* weight);

/// |x| of 8 weights into xval and their signs as a bit mask. With `evenSigns` (IQ2_XXS, IQ2_XS, IQ3_XXS:
/// only 7 signs are stored) an odd count of negatives is made even by flipping the weight of least
/// weight * x^2; the result then holds 7 bits.
uint8_t foldSigns(const float* x, const float* weight, float* xval, bool evenSigns);

/// sum(w * x * q) and sum(w * q * q) over n weights with q = 2L + 1.
void oddLevelSums(int n, const float* weight, const float* xval, const int8_t* L, float& sumqx, float& sumq2);

/// The neighbour of `code` nearest to xval at `scale` under weights `waux` (ggml's iq2/iq3_find_best_neighbour);
/// writes its levels to L and returns its row.
int bestNeighbour(const GridSearch& grid, uint32_t code, const float* xval, const float* waux, float scale, int8_t* L);

/// A bestNeighbour implementation (this scalar one or a SIMD twin).
using NeighbourSearch = int (*)(const GridSearch& grid, uint32_t code, const float* xval, const float* waux,
                                float scale, int8_t* L);

/// Rounds one group at inverse scale `id` to levels 0..kMaxQ-1 (into L) and puts them on the codebook:
/// unchanged when they form a row, else replaced by the nearest neighbour at `scale` (found by `search`).
/// Returns the row; `onGrid` tells which case it was.
int snapToGrid(const GridSearch& grid, const float* xval, const float* waux, float id, float scale, int kMaxQ,
               int8_t* L, bool& onGrid, NeighbourSearch search = &bestNeighbour);

/// The codebook row of L's levels; 0 when they form none (only non-finite input gets there).
int rowOfLevels(const GridSearch& grid, const int8_t* L);

/// ggml's 4-bit sub-scale code of IQ2/IQ3: nearest_int(0.5 * (id * scale - 1)) clamped to [0, maxCode].
int scaleCode(float id, float scale, int maxCode);

} // namespace qx::quant::iq
