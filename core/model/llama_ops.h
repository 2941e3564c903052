#pragma once
// Element-wise steps of the Llama forward pass, written to round as ggml's CPU kernels do. They are
// O(tokens × width), so one plain implementation serves both the fast and the reference forward.

#include "model/llama_weights.h"

#include <cstdint>
#include <vector>

namespace qx {

/// y[r] = x[r] / sqrt(mean(x[r]²) + eps) ⊙ weight for `rows` rows of weight.cols floats (sum in double).
void rmsNormRows(const float* x, int64_t rows, const WeightView& weight, double eps, float* y);

/// cos/sin of every (position, pair) for positions [0, seqLen): table[(p · nRot/2 + i) · 2 + {0, 1}].
/// `freqFactors` (nRot/2 values, rope_freqs.weight of Llama 3.1+) divide each pair's angle, as ggml does.
std::vector<float> ropeTable(int64_t seqLen, const LlamaConfig& config, const float* freqFactors = nullptr);

/// Rotates the first nRot dimensions of every head of `x` (seqLen rows of nHeads · headDim floats) in
/// place, adjacent pairs (GGUF llama) or rotate-half pairs (neox), using a ropeTable().
void applyRope(float* x, int64_t seqLen, int64_t nHeads, const LlamaConfig& config, const std::vector<float>& table);

/// gate[i] = silu(gate[i]) · up[i] for n values.
void siluMul(float* gate, const float* up, int64_t n);

/// siluMul with a vectorized exponential where the CPU has AVX2/FMA (results differ by an ulp or so).
void siluMulFast(float* gate, const float* up, int64_t n);

namespace detail {
void siluMulAvx2(float* gate, const float* up, int64_t n);
} // namespace detail

/// a[i] += b[i] for n values.
void addInPlace(float* a, const float* b, int64_t n);

/// Rows of the token embedding for `tokens` (seqLen rows of nEmbd floats). Throws Error(InvalidArgument)
/// for ids outside [0, nVocab).
void embedTokens(const WeightView& embedding, const int32_t* tokens, int64_t count, float* out);

/// True when any of the n values is NaN.
bool hasNaN(const float* x, int64_t n);

} // namespace qx
