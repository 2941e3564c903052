// Compiled with -mavx2 -mfma; only called when cpuHasAvx2Fma().
#include "model/attention_kernels.h"

#include <immintrin.h>

namespace qx::detail {
namespace {

// scores[j0 .. j0 + 8R) += Σ_d q[d] · kt[d][j], R vectors of 8 keys kept in registers.
template <int R>
void scoreBlock(const float* q, const float* kt, int64_t ldk, int64_t hd, int64_t j0, float* scores)
{
    __m256 acc[R];
    for (int r = 0; r < R; ++r)
        acc[r] = _mm256_setzero_ps();
    for (int64_t d = 0; d < hd; ++d) {
        const __m256 qd = _mm256_set1_ps(q[d]);
        const float* row = kt + d * ldk + j0;
        for (int r = 0; r < R; ++r)
            acc[r] = _mm256_fmadd_ps(qd, _mm256_loadu_ps(row + 8 * r), acc[r]);
    }
    for (int r = 0; r < R; ++r)
        _mm256_storeu_ps(scores + j0 + 8 * r, acc[r]);
}

// out[d0 .. d0 + 8R) = Σ_j p[j] · v[j][d], R vectors of 8 dimensions kept in registers.
template <int R>
void sumBlock(const float* p, const float* v, int64_t n, int64_t hd, int64_t d0, float* out)
{
    __m256 acc[R];
    for (int r = 0; r < R; ++r)
        acc[r] = _mm256_setzero_ps();
    for (int64_t j = 0; j < n; ++j) {
        const __m256 pj = _mm256_set1_ps(p[j]);
        const float* row = v + j * hd + d0;
        for (int r = 0; r < R; ++r)
            acc[r] = _mm256_fmadd_ps(pj, _mm256_loadu_ps(row + 8 * r), acc[r]);
    }
    for (int r = 0; r < R; ++r)
        _mm256_storeu_ps(out + d0 + 8 * r, acc[r]);
}

} // namespace

void attnScoresAvx2(const float* q, const float* kt, int64_t ldk, int64_t n, int64_t hd, float* scores)
{
    int64_t j = 0;
    for (; j + 32 <= n; j += 32)
        scoreBlock<4>(q, kt, ldk, hd, j, scores);
    for (; j < n; j += 8) // kt rows are padded to a multiple of 8 keys, so the last block may overrun n
        scoreBlock<1>(q, kt, ldk, hd, j, scores);
}

void attnWeightedSumAvx2(const float* p, const float* v, int64_t n, int64_t hd, float* out)
{
    int64_t d = 0;
    for (; d + 64 <= hd; d += 64)
        sumBlock<8>(p, v, n, hd, d, out);
    for (; d + 32 <= hd; d += 32)
        sumBlock<4>(p, v, n, hd, d, out);
    for (; d + 8 <= hd; d += 8)
        sumBlock<1>(p, v, n, hd, d, out);
    for (; d < hd; ++d) {
        float sum = 0.0f;
        for (int64_t j = 0; j < n; ++j)
            sum += p[j] * v[j * hd + d];
        out[d] = sum;
    }
}

} // namespace qx::detail
