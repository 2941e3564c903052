// AVX2 twin of make_qp_quants (quant_search.h): its eight trial scales run in the lanes of one vector, each
// lane with the scalar operations in the scalar order, so the chosen scale and levels are the same.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quant_search.h"

#include "quant/simd_avx2_util.h"


namespace qx::quant::avx2 {

float makeQpQuants(int n, int nmax, const float* x, uint8_t* L, const float* qw)
{
    const QpStart start = qpStart(n, nmax, x, L, qw);
    if (start.max < kGroupMaxEps)
        return 0.f;
    // Trials is = -4 .. -1, 1 .. 4 in lanes 0 .. 7.
    alignas(32) float trial[8];
    for (int lane = 0; lane < 8; ++lane) {
        const int is = lane < 4 ? lane - 4 : lane - 3;
        trial[lane] = (0.1f * is + nmax) / start.max;
    }
    const __m256 iscaleIs = _mm256_load_ps(trial);
    const __m256 scaleIs = _mm256_div_ps(_mm256_set1_ps(1.f), iscaleIs);
    __m256 mse = _mm256_setzero_ps();
    for (int i = 0; i < n; ++i) {
        const __m256 xi = _mm256_set1_ps(x[i]);
        const __m256i l = _mm256_min_epi32(_mm256_set1_epi32(nmax), nearestInt8(_mm256_mul_ps(iscaleIs, xi)));
        const __m256 diff = _mm256_sub_ps(xi, _mm256_mul_ps(scaleIs, _mm256_cvtepi32_ps(l)));
        mse = _mm256_add_ps(mse, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(qw[i]), diff), diff));
    }
    alignas(32) float trialMse[8];
    _mm256_store_ps(trialMse, mse);
    float bestMse = start.mse, iscale = start.iscale;
    for (int lane = 0; lane < 8; ++lane)   // the scalar loop's order: the first smaller one wins
        if (trialMse[lane] < bestMse) {
            bestMse = trialMse[lane];
            iscale = trial[lane];
        }
    return qpFinish(n, nmax, x, L, qw, iscale);
}

} // namespace qx::quant::avx2
