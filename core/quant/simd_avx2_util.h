#pragma once
// Small AVX2 helpers shared by the *_avx2.cpp kernels (include only from files compiled with -mavx2).
// Each mirrors one scalar ggml idiom exactly (nearest_int, C roundf, MIN/MAX clamps).

#include "common/half.h"

#include <immintrin.h>

#include <cstdint>

namespace qx::quant::avx2 {

/// Zero vector (a function, not a global: no AVX instruction may run before the CPU check).
inline __m256 zeroPs() { return _mm256_setzero_ps(); }

inline __m256 absPs(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.f), v); }

/// nearest_int() on 8 lanes: add 1.5*2^23 and read the mantissa.
inline __m256i nearestInt8(__m256 v)
{
    const __m256i bits = _mm256_castps_si256(_mm256_add_ps(v, _mm256_set1_ps(12582912.f)));
    return _mm256_sub_epi32(_mm256_and_si256(bits, _mm256_set1_epi32(0x007fffff)), _mm256_set1_epi32(0x00400000));
}

inline __m256i clampEpi32(__m256i v, int lo, int hi)
{
    return _mm256_max_epi32(_mm256_set1_epi32(lo), _mm256_min_epi32(v, _mm256_set1_epi32(hi)));
}

inline bool hasNaN(const float* x, int n)
{
    for (int i = 0; i < n; i += 8) {
        const __m256 v = _mm256_loadu_ps(x + i);
        if (_mm256_movemask_ps(_mm256_cmp_ps(v, v, _CMP_UNORD_Q)))
            return true;
    }
    return false;
}

/// True when any of x[0..n) (n a multiple of 8) is NaN or infinite.
inline bool hasNonFinite(const float* x, int n)
{
    for (int i = 0; i < n; i += 8) {
        const __m256 v = absPs(_mm256_loadu_ps(x + i));
        if (_mm256_movemask_ps(_mm256_cmp_ps(v, _mm256_set1_ps(3.4028235e38f), _CMP_NLE_UQ)))
            return true;
    }
    return false;
}

inline float hmax(__m256 v)
{
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

/// The position a scalar "first strict minimum" loop picks, from 8 lanes that each ran that loop over
/// their share of the positions: the smallest value, and among equal values the earliest position; -1
/// when no lane found one (its position lane is -1 and its value FLT_MAX).
inline int firstMinimumPosition(__m256 bestValue, __m256i bestPos)
{
    __m128 m = _mm_min_ps(_mm256_castps256_ps128(bestValue), _mm256_extractf128_ps(bestValue, 1));
    m = _mm_min_ps(m, _mm_movehl_ps(m, m));
    m = _mm_min_ss(m, _mm_movehdup_ps(m));
    const __m256 isMin = _mm256_cmp_ps(bestValue, _mm256_broadcastss_ps(m), _CMP_EQ_OQ);
    const __m256i pos = _mm256_blendv_epi8(_mm256_set1_epi32(INT32_MAX), bestPos, _mm256_castps_si256(isMin));
    __m128i p = _mm_min_epu32(_mm256_castsi256_si128(pos), _mm256_extracti128_si256(pos, 1));
    p = _mm_min_epu32(p, _mm_shuffle_epi32(p, _MM_SHUFFLE(1, 0, 3, 2)));
    p = _mm_min_epu32(p, _mm_shuffle_epi32(p, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(p);   // -1 is the largest unsigned: it wins only when every lane has it
}

/// fp32 -> fp16 with F16C: round to nearest even like fp32ToFp16 (callers never pass NaN).
inline uint16_t toFp16(float f) { return static_cast<uint16_t>(_cvtss_sh(f, _MM_FROUND_TO_NEAREST_INT)); }

/// C's roundf (half away from zero) on 8 lanes: truncate, then step away from zero when |frac| >= 0.5.
inline __m256 roundAway(__m256 v)
{
    const __m256 t = _mm256_round_ps(v, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256 big = _mm256_cmp_ps(absPs(_mm256_sub_ps(v, t)), _mm256_set1_ps(0.5f), _CMP_GE_OQ);
    const __m256 step = _mm256_or_ps(_mm256_set1_ps(1.f), _mm256_and_ps(v, _mm256_set1_ps(-0.f)));
    return _mm256_add_ps(t, _mm256_and_ps(big, step));
}

/// L[i] = clamp(nearest_int((x[i] + add) / d), lo, hi) + offset for n (multiple of 8) values.
inline void storeLevels(const float* x, int n, __m256 d, __m256 add, int lo, int hi, int offset, int8_t* L)
{
    for (int i = 0; i < n; i += 8) {
        const __m256 q = _mm256_div_ps(_mm256_add_ps(_mm256_loadu_ps(x + i), add), d);
        const __m256i l = _mm256_add_epi32(clampEpi32(nearestInt8(q), lo, hi), _mm256_set1_epi32(offset));
        const __m128i w = _mm_packs_epi32(_mm256_castsi256_si128(l), _mm256_extracti128_si256(l, 1));
        _mm_storel_epi64(reinterpret_cast<__m128i*>(L + i), _mm_packs_epi16(w, w));
    }
}

/// Transposes `lanes` sub-blocks of `len` values (sub-block k at x + k*len) into t[i*lanes + k].
inline void transpose(const float* x, int len, int lanes, float* t)
{
    for (int k = 0; k < lanes; ++k)
        for (int i = 0; i < len; ++i)
            t[i * lanes + k] = x[k * len + i];
}

} // namespace qx::quant::avx2
