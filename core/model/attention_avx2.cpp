// Compiled with -mavx2 -mfma -mf16c; only called when cpuHasAvx2Fma().
#include "model/attention_kernels.h"
#include "model/avx2_math.h"

#include <algorithm>
#include <cmath>

#include <immintrin.h>

namespace qx::detail {
namespace {

// scores[r][j0 .. j0 + 8C) for every query r of the tile; kQueryTile × C accumulators stay in registers.
template <int C>
void scoreColumns(const AttentionTile& t, const float* kt, int64_t j0, float* scores)
{
    __m256 acc[kQueryTile][C];
    for (int r = 0; r < kQueryTile; ++r)
        for (int c = 0; c < C; ++c)
            acc[r][c] = _mm256_setzero_ps();
    for (int64_t d = 0; d < t.headDim; ++d) {
        __m256 k[C];
        for (int c = 0; c < C; ++c)
            k[c] = _mm256_loadu_ps(kt + d * t.ldk + j0 + 8 * c);
        for (int r = 0; r < kQueryTile; ++r) {
            const __m256 qd = _mm256_set1_ps(t.q[r * t.headDim + d]);
            for (int c = 0; c < C; ++c)
                acc[r][c] = _mm256_fmadd_ps(qd, k[c], acc[r][c]);
        }
    }
    for (int r = 0; r < t.nQueries; ++r)
        for (int c = 0; c < C; ++c)
            _mm256_storeu_ps(scores + r * t.ldk + j0 + 8 * c, acc[r][c]);
}

// out[r][d0 .. d0 + 8C) for every query r of the tile.
template <int C>
void sumColumns(const AttentionTile& t, const float* p, const float* v, int64_t d0, float* out, int64_t outStride)
{
    __m256 acc[kQueryTile][C];
    for (int r = 0; r < kQueryTile; ++r)
        for (int c = 0; c < C; ++c)
            acc[r][c] = _mm256_setzero_ps();
    for (int64_t j = 0; j < t.nKeys; ++j) {
        __m256 vj[C];
        for (int c = 0; c < C; ++c)
            vj[c] = _mm256_loadu_ps(v + j * t.headDim + d0 + 8 * c);
        for (int r = 0; r < kQueryTile; ++r) {
            const __m256 pr = _mm256_set1_ps(p[r * t.ldk + j]);
            for (int c = 0; c < C; ++c)
                acc[r][c] = _mm256_fmadd_ps(pr, vj[c], acc[r][c]);
        }
    }
    for (int r = 0; r < t.nQueries; ++r)
        for (int c = 0; c < C; ++c)
            _mm256_storeu_ps(out + r * outStride + d0 + 8 * c, acc[r][c]);
}

} // namespace

void attnScoresAvx2(const AttentionTile& t, const float* kt, float* scores)
{
    // ldk is a multiple of 16 and kt is zero-padded, so whole 16-key blocks never read out of bounds.
    for (int64_t j = 0; j < t.nKeys; j += 16)
        scoreColumns<2>(t, kt, j, scores);
}

void attnWeightedSumAvx2(const AttentionTile& t, const float* p, const float* v, float* out, int64_t outStride)
{
    int64_t d = 0;
    for (; d + 16 <= t.headDim; d += 16)
        sumColumns<2>(t, p, v, d, out, outStride);
    for (; d + 8 <= t.headDim; d += 8)
        sumColumns<1>(t, p, v, d, out, outStride);
    for (; d < t.headDim; ++d)
        for (int r = 0; r < t.nQueries; ++r) {
            float sum = 0.0f;
            for (int64_t j = 0; j < t.nKeys; ++j)
                sum += p[r * t.ldk + j] * v[j * t.headDim + d];
            out[r * outStride + d] = sum;
        }
}

void roundToFp16Avx2(float* x, int64_t n)
{
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT);
        _mm256_storeu_ps(x + i, _mm256_cvtph_ps(h));
    }
    for (; i < n; ++i) {
        const __m128i h = _mm_cvtps_ph(_mm_set_ss(x[i]), _MM_FROUND_TO_NEAREST_INT);
        x[i] = _mm_cvtss_f32(_mm_cvtph_ps(h));
    }
}

void softmaxRowAvx2(const float* s, float* p, int64_t n, float scale)
{
    const __m256 vScale = _mm256_set1_ps(scale);
    __m256 vMax = _mm256_set1_ps(-INFINITY);
    int64_t j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m256 x = _mm256_mul_ps(_mm256_loadu_ps(s + j), vScale);
        _mm256_storeu_ps(p + j, x);
        vMax = _mm256_max_ps(vMax, x);
    }
    float maxV = -INFINITY;
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, vMax);
    for (float l : lanes)
        maxV = std::max(maxV, l);
    for (int64_t t = j; t < n; ++t) {
        p[t] = s[t] * scale;
        maxV = std::max(maxV, p[t]);
    }
    double sum = 0.0;
    const __m256 vMaxB = _mm256_set1_ps(maxV);
    for (j = 0; j + 8 <= n; j += 8) {
        const __m256 e = expAvx2(_mm256_sub_ps(_mm256_loadu_ps(p + j), vMaxB));
        _mm256_storeu_ps(p + j, e);
        sum += static_cast<double>(horizontalSumAvx2(e));
    }
    for (; j < n; ++j) {
        p[j] = std::exp(p[j] - maxV);
        sum += static_cast<double>(p[j]);
    }
    const __m256 inv = _mm256_set1_ps(static_cast<float>(1.0 / sum));
    for (j = 0; j + 8 <= n; j += 8)
        _mm256_storeu_ps(p + j, _mm256_mul_ps(_mm256_loadu_ps(p + j), inv));
    for (; j < n; ++j)
        p[j] *= static_cast<float>(1.0 / sum);
}

} // namespace qx::detail
