#pragma once
// Inner loops of the attention for a tile of up to kQueryTile queries of one head, which share every key
// and value load:
//   scores[r][j] = q[r] · k[j] for j < nKeys, keys stored transposed (kt: headDim rows of ldk floats,
//                  ldk a multiple of 16 with zero padding; scores rows are ldk floats),
//   out[r]       = Σ_{j < nKeys} p[r][j] · v[j] (v: rows of headDim floats; p rows are ldk floats;
//                  out rows are outStride floats apart).
// Rows of the tile beyond nQueries are ignored. AVX2/FMA/F16C versions (attention_avx2.cpp, chosen at run
// time) and portable ones.

#include <cstdint>

namespace qx::detail {

constexpr int kQueryTile = 4;

struct AttentionTile {
    const float* q;      ///< kQueryTile rows of headDim floats
    int nQueries;
    int64_t nKeys;
    int64_t headDim;
    int64_t ldk;         ///< row length of kt, scores and p
};

void attnScoresAvx2(const AttentionTile& t, const float* kt, float* scores);
void attnWeightedSumAvx2(const AttentionTile& t, const float* p, const float* v, float* out, int64_t outStride);
/// x[i] = fp16(x[i]) for n values (round to nearest even).
void roundToFp16Avx2(float* x, int64_t n);
/// ggml's soft_max of one row: p = exp(s·scale − max) / Σ, the sum in double over float partial sums.
void softmaxRowAvx2(const float* s, float* p, int64_t n, float scale);

void attnScoresPortable(const AttentionTile& t, const float* kt, float* scores);
void attnWeightedSumPortable(const AttentionTile& t, const float* p, const float* v, float* out, int64_t outStride);
void roundToFp16Portable(float* x, int64_t n);
void softmaxRowPortable(const float* s, float* p, int64_t n, float scale);

/// True when the CPU runs the AVX2/FMA/F16C kernels.
bool cpuHasAvx2Fma();

} // namespace qx::detail
