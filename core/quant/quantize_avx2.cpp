// AVX2 quantizers, bit-identical to the scalar reference (see quantize_simd.h). Compiled with -mavx2
// -mfma -mf16c (core/CMakeLists.txt); called only after a run-time CPU check. FMA must never be used:
// g++ contracts a*b+c (even written as intrinsics) into FMA by default in C++ modes, which would change
// the rounding, so contraction is switched off for this whole file (inline helpers from headers too).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quantize_simd.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/simd_avx2_util.h"
#include "quant/quant_search.h"

#include <immintrin.h>

#include <cmath>


namespace qx::quant::avx2 {
namespace {

using namespace qx::ggml;

} // namespace

// ------------------------------------------------------------------------------------------- Q8_0 / Q4_0

void quantizeRowQ8_0(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ8_0*>(dst);
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        if (hasNonFinite(x, 32)) {
            quantizeRowQ8_0Ref(x, &y[i], 32, qw);
            continue;
        }
        __m256 v[4], amax = zeroPs();
        for (int k = 0; k < 4; ++k) {
            v[k] = _mm256_loadu_ps(x + 8 * k);
            amax = _mm256_max_ps(absPs(v[k]), amax);
        }
        const float d = hmax(amax) / 127;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id)) {   // subnormal d: x * id leaves the int8 range, cast rules differ
            quantizeRowQ8_0Ref(x, &y[i], 32, qw);
            continue;
        }
        y[i].d = toFp16(d);
        __m256i q[4];
        for (int k = 0; k < 4; ++k)
            q[k] = _mm256_cvttps_epi32(roundAway(_mm256_mul_ps(v[k], _mm256_set1_ps(id))));
        const __m256i p16a = _mm256_packs_epi32(q[0], q[1]), p16b = _mm256_packs_epi32(q[2], q[3]);
        __m256i p8 = _mm256_packs_epi16(p16a, p16b);
        p8 = _mm256_permutevar8x32_epi32(p8, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(y[i].qs), p8);
    }
}

void quantizeRowQ4_0(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw) {
        quantizeRowQ4_0Ref(x, dst, n, qw);
        return;
    }
    auto* y = static_cast<BlockQ4_0*>(dst);
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        if (hasNonFinite(x, 32)) {
            quantizeRowQ4_0Ref(x, &y[i], 32, nullptr);
            continue;
        }
        __m256 v[4], amaxV = zeroPs();
        for (int k = 0; k < 4; ++k) {
            v[k] = _mm256_loadu_ps(x + 8 * k);
            amaxV = _mm256_max_ps(absPs(v[k]), amaxV);
        }
        const float amax = hmax(amaxV);
        float max = 0;
        if (amax > 0) {   // the first value of largest magnitude, as the scalar scan keeps it
            uint32_t hits = 0;
            for (int k = 0; k < 4; ++k)
                hits |= static_cast<uint32_t>(_mm256_movemask_ps(
                            _mm256_cmp_ps(absPs(v[k]), _mm256_set1_ps(amax), _CMP_EQ_OQ))) << (8 * k);
            max = x[__builtin_ctz(hits)];
        }
        const float d = max / -8;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id)) {
            quantizeRowQ4_0Ref(x, &y[i], 32, nullptr);
            continue;
        }
        y[i].d = toFp16(d);
        __m256i q[4];
        for (int k = 0; k < 4; ++k) {
            const __m256 t = _mm256_add_ps(_mm256_mul_ps(v[k], _mm256_set1_ps(id)), _mm256_set1_ps(8.5f));
            q[k] = _mm256_min_epi32(_mm256_cvttps_epi32(t), _mm256_set1_epi32(15));
        }
        // qs[j] = q[j] | q[j + 16] << 4; packs interleave 128-bit halves, the permute restores j order.
        const __m256i r = _mm256_or_si256(_mm256_packs_epi32(q[0], q[1]),
                                          _mm256_slli_epi16(_mm256_packs_epi32(q[2], q[3]), 4));
        const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packus_epi16(r, r),
                                                          _mm256_setr_epi32(0, 4, 1, 5, 0, 4, 1, 5));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(y[i].qs), _mm256_castsi256_si128(bytes));
    }
}

void quantizeRowF16(const float* x, void* dst, int64_t n, const float*)
{
    auto* y = static_cast<uint16_t*>(dst);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 v = _mm256_loadu_ps(x + i);
        if (_mm256_movemask_ps(_mm256_cmp_ps(v, v, _CMP_UNORD_Q))) {   // NaN payloads differ: scalar
            for (int k = 0; k < 8; ++k)
                y[i + k] = fp32ToFp16(x[i + k]);
            continue;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(y + i), _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT));
    }
    for (; i < n; ++i)
        y[i] = fp32ToFp16(x[i]);
}

} // namespace qx::quant::avx2
