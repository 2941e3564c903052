// AVX2 IQ4_NL / IQ4_XS quantizers, bit-identical to the scalar reference (see quantize_simd.h): the
// per-block scale search runs with one lane per 32-weight block; level lookups use a branch-free twin of
// best_index_int8. Blocks with NaN or Inf go to the scalar code.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quantize_simd.h"

#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"
#include "quant/simd_avx2_util.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qx::quant::avx2 {
namespace {

using namespace qx::ggml;

// kIQ4NLValues as floats; constexpr so that no code of this file runs before the CPU check.
struct Levels {
    alignas(32) float v[16];
};
constexpr Levels kLevels{{-127.f, -104.f, -83.f, -65.f, -49.f, -35.f, -22.f, -10.f, 1.f, 13.f, 25.f, 38.f, 53.f, 69.f,
                          89.f, 113.f}};
static_assert(kLevels.v[0] == kIQ4NLValues[0] && kLevels.v[8] == kIQ4NLValues[8] && kLevels.v[15] == kIQ4NLValues[15]);

inline __m256 levelOf(__m256i idx)
{
    const __m256 a = _mm256_permutevar8x32_ps(_mm256_load_ps(kLevels.v), idx);
    const __m256 b = _mm256_permutevar8x32_ps(_mm256_load_ps(kLevels.v + 8), idx);
    return _mm256_blendv_ps(a, b, _mm256_castsi256_ps(_mm256_cmpgt_epi32(idx, _mm256_set1_epi32(7))));
}

/// best_index_int8(16, kIQ4NLValues, x) on 8 lanes. The binary search ends between val[ml] <= x <
/// val[ml+1], i.e. ml = #{j in 1..14 : val[j] <= x}; ends and NaN follow the scalar branches.
inline __m256i bestIndex8(__m256 x)
{
    __m256i ml = _mm256_setzero_si256();
    for (int j = 1; j < 15; ++j)
        ml = _mm256_sub_epi32(ml, _mm256_castps_si256(_mm256_cmp_ps(_mm256_set1_ps(kLevels.v[j]), x, _CMP_LE_OQ)));
    const __m256i mu = _mm256_add_epi32(ml, _mm256_set1_epi32(1));
    const __m256 nearerLow = _mm256_cmp_ps(_mm256_sub_ps(x, levelOf(ml)), _mm256_sub_ps(levelOf(mu), x), _CMP_LT_OQ);
    __m256i idx = _mm256_add_epi32(mu, _mm256_castps_si256(nearerLow));
    const __m256 top = _mm256_or_ps(_mm256_cmp_ps(x, _mm256_set1_ps(kLevels.v[15]), _CMP_GE_OQ),
                                    _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
    idx = _mm256_blendv_epi8(idx, _mm256_set1_epi32(15), _mm256_castps_si256(top));
    const __m256 bottom = _mm256_cmp_ps(x, _mm256_set1_ps(kLevels.v[0]), _CMP_LE_OQ);
    return _mm256_andnot_si256(_mm256_castps_si256(bottom), idx);
}

/// Levels of n (multiple of 8) values scaled by `id`, stored as bytes.
inline void levels(const float* x, int n, float id, uint8_t* L)
{
    for (int i = 0; i < n; i += 8) {
        const __m256i l = bestIndex8(_mm256_mul_ps(_mm256_set1_ps(id), _mm256_loadu_ps(x + i)));
        const __m128i w = _mm_packs_epi32(_mm256_castsi256_si128(l), _mm256_extracti128_si256(l, 1));
        _mm_storel_epi64(reinterpret_cast<__m128i*>(L + i), _mm_packus_epi16(w, w));
    }
}

inline void sums(const float* xt, const float* wt, __m256 id, __m256& sumqx, __m256& sumq2)
{
    sumqx = sumq2 = zeroPs();
    for (int i = 0; i < 32; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i);
        const __m256 q = levelOf(bestIndex8(_mm256_mul_ps(id, xv)));
        const __m256 wq = _mm256_mul_ps(_mm256_load_ps(wt + 8 * i), q);
        sumqx = _mm256_add_ps(sumqx, _mm256_mul_ps(wq, xv));
        sumq2 = _mm256_add_ps(sumq2, _mm256_mul_ps(wq, q));
    }
}

/// The scale search of quantize_row_iq4_nl_impl (ntry 7) for 8 blocks of 32, transposed (t[i*8 + k]).
__m256 blockScales(const float* xt, const float* wt)
{
    __m256 amax = zeroPs(), max = zeroPs();
    for (int i = 0; i < 32; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i);
        const __m256 gt = _mm256_cmp_ps(absPs(xv), amax, _CMP_GT_OQ);
        amax = _mm256_blendv_ps(amax, absPs(xv), gt);
        max = _mm256_blendv_ps(max, xv, gt);
    }
    const __m256 d0 = _mm256_div_ps(_mm256_xor_ps(max, _mm256_set1_ps(-0.f)), _mm256_set1_ps(kLevels.v[0]));
    __m256 sumqx, sumq2;
    sums(xt, wt, _mm256_div_ps(_mm256_set1_ps(1.f), d0), sumqx, sumq2);
    __m256 d = _mm256_div_ps(sumqx, sumq2);
    __m256 best = _mm256_mul_ps(d, sumqx);
    for (int itry = -7; itry <= 7; ++itry) {
        sums(xt, wt, _mm256_div_ps(_mm256_set1_ps(static_cast<float>(itry + kIQ4NLValues[0])), max), sumqx, sumq2);
        const __m256 better = _mm256_and_ps(_mm256_cmp_ps(sumq2, zeroPs(), _CMP_GT_OQ),
                                            _mm256_cmp_ps(_mm256_mul_ps(sumqx, sumqx), _mm256_mul_ps(best, sumq2), _CMP_GT_OQ));
        d = _mm256_blendv_ps(d, _mm256_div_ps(sumqx, sumq2), better);
        best = _mm256_blendv_ps(best, _mm256_mul_ps(d, sumqx), better);
    }
    return _mm256_andnot_ps(_mm256_cmp_ps(amax, _mm256_set1_ps(kGroupMaxEps), _CMP_LT_OQ), d);
}

/// Transposed values and weights of 8 blocks of 32 at x; sigma2 per block (IQ4_NL) or shared (IQ4_XS).
void prepare(const float* x, const float* qw, const float* sigma2, float* xt, float* wt)
{
    transpose(x, 32, 8, xt);
    for (int k = 0; k < 8; ++k)
        for (int i = 0; i < 32; ++i) {
            const float xv = x[32 * k + i];
            wt[i * 8 + k] = qw ? qw[32 * k + i] * std::sqrt(sigma2[k] + xv * xv) : xv * xv;
        }
}

float sumSquares(const float* x, int n)
{
    float s = 0;
    for (int j = 0; j < n; ++j)
        s += x[j] * x[j];
    return s;
}

void pack(const uint8_t* L, uint8_t* q4, int n)
{
    for (int i = 0; i < n / 32; ++i)
        for (int j = 0; j < 16; ++j)
            q4[16 * i + j] = static_cast<uint8_t>(L[32 * i + j] | (L[32 * i + 16 + j] << 4));
}

void xsSuperBlock(const float* x, const float* qw, BlockIQ4_XS& b)
{
    alignas(32) float xt[256], wt[256], scales[8];
    float sigma2[8];
    sigma2[0] = sumSquares(x, kQK_K);
    sigma2[0] *= 2.f / kQK_K;
    std::fill(sigma2 + 1, sigma2 + 8, sigma2[0]);
    prepare(x, qw, sigma2, xt, wt);
    _mm256_store_ps(scales, blockScales(xt, wt));
    float maxScale = 0, amaxScale = 0;
    for (int ib = 0; ib < 8; ++ib)
        if (std::fabs(scales[ib]) > amaxScale) {
            amaxScale = std::fabs(scales[ib]);
            maxScale = scales[ib];
        }
    const float d = -maxScale / 32;
    b.d = fp32ToFp16(d);
    b.scales_h = 0;
    const float id = d ? 1 / d : 0.f;
    uint8_t L[kQK_K];
    for (int ib = 0; ib < 8; ++ib) {
        int l = nearestInt(id * scales[ib]);
        l = l < -32 ? -32 : (l > 31 ? 31 : l);
        const float dl = d * l;
        levels(x + 32 * ib, 32, dl ? 1 / dl : 0.f, L + 32 * ib);
        l += 32;
        const auto lLow = static_cast<uint8_t>(l & 0xf);
        b.scales_l[ib / 2] = ib % 2 == 0 ? lLow : static_cast<uint8_t>(b.scales_l[ib / 2] | (lLow << 4));
        b.scales_h = static_cast<uint16_t>(b.scales_h | ((l >> 4) << 2 * (ib % 8)));
    }
    pack(L, b.qs, kQK_K);
}

void nlEightBlocks(const float* x, const float* qw, BlockIQ4_NL* y)
{
    alignas(32) float xt[256], wt[256], scales[8];
    float sigma2[8];
    for (int k = 0; k < 8; ++k) {
        sigma2[k] = sumSquares(x + 32 * k, 32);
        sigma2[k] *= 2.f / 32;
    }
    prepare(x, qw, sigma2, xt, wt);
    _mm256_store_ps(scales, blockScales(xt, wt));
    for (int k = 0; k < 8; ++k) {
        y[k].d = fp32ToFp16(scales[k]);
        uint8_t L[32];
        levels(x + 32 * k, 32, scales[k] ? 1 / scales[k] : 0, L);
        pack(L, y[k].qs, 32);
    }
}

} // namespace

void quantizeRowIQ4_XS(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockIQ4_XS*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float* xb = x + kQK_K * i;
        const float* wb = qw ? qw + kQK_K * i : nullptr;
        if (hasNonFinite(xb, kQK_K))
            quantizeRowIQ4_XSRef(xb, &y[i], kQK_K, wb);
        else
            xsSuperBlock(xb, wb, y[i]);
    }
}

void quantizeRowIQ4_NL(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockIQ4_NL*>(dst);
    int64_t i = 0;
    for (; i + 8 <= n / 32; i += 8) {
        const float* xb = x + 32 * i;
        const float* wb = qw ? qw + 32 * i : nullptr;
        if (hasNonFinite(xb, 256))
            quantizeRowIQ4_NLRef(xb, &y[i], 256, wb);
        else
            nlEightBlocks(xb, wb, y + i);
    }
    if (i < n / 32)
        quantizeRowIQ4_NLRef(x + 32 * i, &y[i], n - 32 * i, qw ? qw + 32 * i : nullptr);
}

} // namespace qx::quant::avx2
