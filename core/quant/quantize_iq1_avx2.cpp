// AVX2 twins of the IQ1_S / IQ1_M searches (iq1_search.h), bit-identical to the scalar code in
// quantize_iq1.cpp: lanes hold independent candidates (thresholds, shift choices or codebook neighbours),
// each computed with the scalar float operations in the scalar order.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/iq1_search.h"

#include "quant/simd_avx2_util.h"

#include <cfloat>

namespace qx::quant::iq1::avx2 {
namespace {

/// The scalar searches' "keep the first best" step for one candidate.
inline void consider(Split& best, float& bestScore, int i1, int i2, int shift, float sumqx, float sumq2)
{
    if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
        best = {i1, i2, shift, sumqx / sumq2};
        bestScore = best.scale * sumqx;
    }
}

} // namespace

Split searchS(const float* sumx, const float* sumw, float max)
{
    Split best;
    best.scale = max;
    float bestScore = -FLT_MIN;
    const float* shiftValues[2] = {kXp, kXm};
    const __m256 x32 = _mm256_set1_ps(sumx[32]), w32 = _mm256_set1_ps(sumw[32]);
    for (int i1 = 0; i1 <= 32; ++i1) {
        const __m256 low = _mm256_set1_ps(sumx[i1] - sumx[0]), lowW = _mm256_set1_ps(sumw[i1] - sumw[0]);
        const __m256 x1 = _mm256_set1_ps(sumx[i1]), w1 = _mm256_set1_ps(sumw[i1]);
        for (int base = i1; base <= 32; base += 8) {   // lanes: i2 = base .. base + 7
            const __m256 x2 = _mm256_loadu_ps(sumx + base), w2 = _mm256_loadu_ps(sumw + base);
            const __m256 mid = _mm256_sub_ps(x2, x1), high = _mm256_sub_ps(x32, x2);
            const __m256 midW = _mm256_sub_ps(w2, w1), highW = _mm256_sub_ps(w32, w2);
            alignas(32) float qx[2][8], q2[2][8];
            for (int s = 0; s < 2; ++s) {
                const __m256 v0 = _mm256_set1_ps(shiftValues[s][0]), v1 = _mm256_set1_ps(shiftValues[s][1]),
                             v2 = _mm256_set1_ps(shiftValues[s][2]);
                _mm256_store_ps(qx[s], _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(low, v0), _mm256_mul_ps(mid, v1)),
                                                     _mm256_mul_ps(high, v2)));
                _mm256_store_ps(q2[s], _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(_mm256_mul_ps(lowW, v0), v0),
                                                                   _mm256_mul_ps(_mm256_mul_ps(midW, v1), v1)),
                                                     _mm256_mul_ps(_mm256_mul_ps(highW, v2), v2)));
            }
            for (int j = 0; j < 8 && base + j <= 32; ++j) {
                consider(best, bestScore, i1, base + j, 1, qx[0][j], q2[0][j]);
                consider(best, bestScore, i1, base + j, -1, qx[1][j], q2[1][j]);
            }
        }
    }
    return best;
}

Split searchM(const TermsM& terms, float max)
{
    // The sum for thresholds (i1, i2) adds level-0 terms of positions < i1, level-1 terms up to i2, then
    // level-2 terms: its first two parts are prefixes shared with smaller i2 and i1, so only the level-2
    // tail is added afresh — the same additions in the same order as the scalar loop.
    Split best;
    best.scale = max;
    float bestScore = -FLT_MIN;
    __m256 head = _mm256_setzero_ps();
    for (int i1 = 0; i1 <= 16; ++i1) {
        __m256 mid = head;
        for (int i2 = i1; i2 <= 16; ++i2) {
            __m256 sum = mid;
            for (int j = i2; j < 16; ++j)
                sum = _mm256_add_ps(sum, _mm256_loadu_ps(terms[j][2]));
            alignas(32) float v[8];
            _mm256_store_ps(v, sum);
            for (int k = 0; k < 4; ++k)
                consider(best, bestScore, i1, i2, k, v[k], v[4 + k]);
            if (i2 < 16)
                mid = _mm256_add_ps(mid, _mm256_loadu_ps(terms[i2][1]));
        }
        if (i1 < 16)
            head = _mm256_add_ps(head, _mm256_loadu_ps(terms[i1][0]));
    }
    return best;
}

int nearestRow(const iq::GridSearch& grid, uint32_t code, const float* xb, const float* weight, float scale,
               const float* xs)
{
    const std::span<const uint16_t> nb = grid.neighbours(code);
    const int count = static_cast<int>(nb.size());
    const int8_t* lanes = grid.neighbourLanes(code);
    const __m256 vscale = _mm256_set1_ps(scale);
    const __m256 v0 = _mm256_set1_ps(xs[0]), v1 = _mm256_set1_ps(xs[1]), v2 = _mm256_set1_ps(xs[2]);
    __m256 x[8], w[8];
    for (int i = 0; i < 8; ++i) {
        x[i] = _mm256_set1_ps(xb[i]);
        w[i] = _mm256_set1_ps(weight[i]);
    }
    const __m256i laneIndex = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256 bestD2 = _mm256_set1_ps(FLT_MAX);
    __m256i bestPos = _mm256_set1_epi32(-1);
    for (int p = 0; p < count; p += 8, lanes += 64) {
        __m256 d2 = _mm256_setzero_ps();
        for (int i = 0; i < 8; ++i) {
            // The point's odd value 1 / 3 / 5 picks the level value xs[0] / xs[1] / xs[2].
            const __m256i odd = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(lanes + 8 * i)));
            const __m256 is1 = _mm256_castsi256_ps(_mm256_cmpeq_epi32(odd, _mm256_set1_epi32(1)));
            const __m256 is3 = _mm256_castsi256_ps(_mm256_cmpeq_epi32(odd, _mm256_set1_epi32(3)));
            const __m256 q = _mm256_blendv_ps(_mm256_blendv_ps(v2, v1, is3), v0, is1);
            const __m256 diff = _mm256_sub_ps(_mm256_mul_ps(vscale, q), x[i]);
            d2 = _mm256_add_ps(d2, _mm256_mul_ps(_mm256_mul_ps(w[i], diff), diff));
        }
        const __m256i position = _mm256_add_epi32(_mm256_set1_epi32(p), laneIndex);
        const __m256 valid = _mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(count), position));
        const __m256 better = _mm256_and_ps(_mm256_cmp_ps(d2, bestD2, _CMP_LT_OQ), valid);
        bestD2 = _mm256_blendv_ps(bestD2, d2, better);
        bestPos = _mm256_castps_si256(
            _mm256_blendv_ps(_mm256_castsi256_ps(bestPos), _mm256_castsi256_ps(position), better));
    }
    const int best = qx::quant::avx2::firstMinimumPosition(bestD2, bestPos);
    return best >= 0 ? nb[size_t(best)] : -1;
}

} // namespace qx::quant::iq1::avx2
