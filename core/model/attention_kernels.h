#pragma once
// Inner loops of the attention: scores[j] = q · k[j] for j < n, with the keys stored transposed (kt holds
// headDim rows of ldk floats, ldk a multiple of 8 and >= n rounded up to 8; scores must hold that many), and
// out = Σ_j p[j] · v[j] over n rows of headDim floats. AVX2/FMA versions (attention_avx2.cpp, chosen at run
// time) and portable ones.

#include <cstdint>

namespace qx::detail {

void attnScoresAvx2(const float* q, const float* kt, int64_t ldk, int64_t n, int64_t headDim, float* scores);
void attnWeightedSumAvx2(const float* p, const float* v, int64_t n, int64_t headDim, float* out);

void attnScoresPortable(const float* q, const float* kt, int64_t ldk, int64_t n, int64_t headDim, float* scores);
void attnWeightedSumPortable(const float* p, const float* v, int64_t n, int64_t headDim, float* out);

/// True when the CPU runs the AVX2/FMA kernels.
bool cpuHasAvx2Fma();

} // namespace qx::detail
