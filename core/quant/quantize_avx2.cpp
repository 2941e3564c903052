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
#include "quant/kquant_parts.h"
#include "quant/quant_search.h"

#include <immintrin.h>

#include <cmath>
#include <cstring>

namespace qx::quant::avx2 {
namespace {

using namespace qx::ggml;

const __m256 kZero = _mm256_setzero_ps();

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

inline float hmax(__m256 v)
{
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
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

/// Transposes `lanes` sub-blocks of `len` values (sub-block k at x + k*len) into t[i*8 + k].
inline void transpose(const float* x, int len, float* t)
{
    for (int k = 0; k < 8; ++k)
        for (int i = 0; i < len; ++i)
            t[i * 8 + k] = x[k * len + i];
}

} // namespace

// ------------------------------------------------------------------------------------------- Q8_0 / Q4_0

void quantizeRowQ8_0(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ8_0*>(dst);
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        if (hasNaN(x, 32)) {
            quantizeRowQ8_0Ref(x, &y[i], 32, qw);
            continue;
        }
        __m256 v[4], amax = kZero;
        for (int k = 0; k < 4; ++k) {
            v[k] = _mm256_loadu_ps(x + 8 * k);
            amax = _mm256_max_ps(absPs(v[k]), amax);
        }
        const float d = hmax(amax) / 127;
        const float id = d ? 1.0f / d : 0.0f;
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
        if (hasNaN(x, 32)) {
            quantizeRowQ4_0Ref(x, &y[i], 32, nullptr);
            continue;
        }
        __m256 v[4], amaxV = kZero;
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

// ------------------------------------------------------------------------------------------ Q6_K / Q4_K

namespace {

/// make_qx_quants(16, nmax, x, L, 1, qw) for 8 sub-blocks at once (lane k = sub-block k). xt/wt are
/// transposed (value i of lane k at [i*8 + k]); levels go to Lt the same way.
__m256 qxQuantsLanes(int nmax, const float* xt, const float* wt, int32_t* Lt)
{
    constexpr int n = 16;
    __m256 amax = kZero, max = kZero;
    for (int i = 0; i < n; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i);
        const __m256 gt = _mm256_cmp_ps(absPs(xv), amax, _CMP_GT_OQ);
        amax = _mm256_blendv_ps(amax, absPs(xv), gt);
        max = _mm256_blendv_ps(max, xv, gt);
    }
    const __m256 zeroLane = _mm256_cmp_ps(amax, _mm256_set1_ps(kGroupMaxEps), _CMP_LT_OQ);
    auto sums = [&](__m256 iscale, __m256& sumlx, __m256& suml2, int32_t* out) {
        sumlx = suml2 = kZero;
        for (int i = 0; i < n; ++i) {
            const __m256 xv = _mm256_load_ps(xt + 8 * i), w = _mm256_load_ps(wt + 8 * i);
            const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(iscale, xv)), -nmax, nmax - 1);
            _mm256_store_si256(reinterpret_cast<__m256i*>(out + 8 * i), _mm256_add_epi32(l, _mm256_set1_epi32(nmax)));
            const __m256 lf = _mm256_cvtepi32_ps(l);
            sumlx = _mm256_add_ps(sumlx, _mm256_mul_ps(_mm256_mul_ps(w, xv), lf));
            suml2 = _mm256_add_ps(suml2, _mm256_mul_ps(_mm256_mul_ps(w, lf), lf));
        }
    };
    __m256 sumlx, suml2;
    sums(_mm256_div_ps(_mm256_set1_ps(static_cast<float>(-nmax)), max), sumlx, suml2, Lt);
    __m256 scale = _mm256_and_ps(_mm256_div_ps(sumlx, suml2), _mm256_cmp_ps(suml2, kZero, _CMP_NEQ_UQ));
    __m256 best = _mm256_mul_ps(scale, sumlx);
    alignas(32) int32_t Ltry[16 * 8];
    for (int is = -9; is <= 9; ++is) {
        if (is == 0)
            continue;
        const float num = -(nmax + 0.1f * is);
        sums(_mm256_div_ps(_mm256_set1_ps(num), max), sumlx, suml2, Ltry);
        const __m256 better = _mm256_and_ps(_mm256_cmp_ps(suml2, kZero, _CMP_GT_OQ),
                                            _mm256_cmp_ps(_mm256_mul_ps(sumlx, sumlx), _mm256_mul_ps(best, suml2), _CMP_GT_OQ));
        if (!_mm256_movemask_ps(better))
            continue;
        for (int i = 0; i < n; ++i) {
            const __m256i old = _mm256_load_si256(reinterpret_cast<const __m256i*>(Lt + 8 * i));
            const __m256i neu = _mm256_load_si256(reinterpret_cast<const __m256i*>(Ltry + 8 * i));
            _mm256_store_si256(reinterpret_cast<__m256i*>(Lt + 8 * i),
                               _mm256_blendv_epi8(old, neu, _mm256_castps_si256(better)));
        }
        scale = _mm256_blendv_ps(scale, _mm256_div_ps(sumlx, suml2), better);
        best = _mm256_blendv_ps(best, _mm256_mul_ps(scale, sumlx), better);
    }
    for (int i = 0; i < n; ++i) {
        const __m256i l = _mm256_load_si256(reinterpret_cast<const __m256i*>(Lt + 8 * i));
        _mm256_store_si256(reinterpret_cast<__m256i*>(Lt + 8 * i), _mm256_andnot_si256(_mm256_castps_si256(zeroLane), l));
    }
    return _mm256_andnot_ps(zeroLane, scale);
}

void q6SuperBlock(const float* x, const float* qw, BlockQ6_K& b)
{
    alignas(32) float xt[16 * 8], wt[16 * 8], sc[16];
    alignas(32) int32_t Lt[16 * 8];
    int8_t L[kQK_K];
    for (int half = 0; half < 2; ++half) {
        const float* xh = x + 128 * half;
        transpose(xh, 16, xt);
        if (qw) {
            transpose(qw + 128 * half, 16, wt);
        } else {
            for (int i = 0; i < 16 * 8; ++i)
                wt[i] = xt[i] * xt[i];
        }
        _mm256_store_ps(sc + 8 * half, qxQuantsLanes(32, xt, wt, Lt));
        for (int k = 0; k < 8; ++k)
            for (int i = 0; i < 16; ++i)
                L[128 * half + 16 * k + i] = static_cast<int8_t>(Lt[i * 8 + k]);
    }
    if (!q6EncodeScales(sc, b))
        return;
    for (int j = 0; j < 16; ++j) {
        const float d = fp16ToFp32(b.d) * b.scales[j];
        if (!d)
            continue;
        storeLevels(x + 16 * j, 16, _mm256_set1_ps(d), kZero, -32, 31, 32, L + 16 * j);
    }
    q6Pack(L, b);
}

/// make_qkx2_quants(32, nmax, ...) for 8 sub-blocks at once with Q4_K's reference weights
/// (av_x + |x|); returns the scales, writes the mins (negated, as the_min) and the transposed levels.
__m256 qkx2Lanes(int nmax, float rmin, float rdelta, int nstep, const float* xt, __m256& theMin, int32_t* Lt)
{
    constexpr int n = 32;
    alignas(32) float wt[n * 8];
    __m256 sumX2 = kZero;
    for (int i = 0; i < n; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i);
        sumX2 = _mm256_add_ps(sumX2, _mm256_mul_ps(xv, xv));
    }
    const __m256 avX = _mm256_sqrt_ps(_mm256_div_ps(sumX2, _mm256_set1_ps(32.f)));
    for (int i = 0; i < n; ++i)
        _mm256_store_ps(wt + 8 * i, _mm256_add_ps(avX, absPs(_mm256_load_ps(xt + 8 * i))));
    __m256 min = _mm256_load_ps(xt), max = min;
    __m256 sumW = _mm256_load_ps(wt), sumX = _mm256_mul_ps(sumW, min);
    for (int i = 1; i < n; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i), w = _mm256_load_ps(wt + 8 * i);
        min = _mm256_min_ps(xv, min);
        max = _mm256_max_ps(xv, max);
        sumW = _mm256_add_ps(sumW, w);
        sumX = _mm256_add_ps(sumX, _mm256_mul_ps(w, xv));
    }
    min = _mm256_blendv_ps(min, kZero, _mm256_cmp_ps(min, kZero, _CMP_GT_OQ));
    const __m256 flat = _mm256_cmp_ps(max, min, _CMP_EQ_OQ);
    const __m256 min0 = min;
    const __m256 fnmax = _mm256_set1_ps(static_cast<float>(nmax));
    __m256 iscale = _mm256_div_ps(fnmax, _mm256_sub_ps(max, min));
    __m256 scale = _mm256_div_ps(_mm256_set1_ps(1.f), iscale);
    __m256 bestError = kZero;
    for (int i = 0; i < n; ++i) {
        const __m256 xv = _mm256_load_ps(xt + 8 * i);
        const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(iscale, _mm256_sub_ps(xv, min))), 0, nmax);
        _mm256_store_si256(reinterpret_cast<__m256i*>(Lt + 8 * i), l);
        const __m256 diff = _mm256_sub_ps(_mm256_add_ps(_mm256_mul_ps(scale, _mm256_cvtepi32_ps(l)), min), xv);
        bestError = _mm256_add_ps(bestError, _mm256_mul_ps(_mm256_load_ps(wt + 8 * i), _mm256_mul_ps(diff, diff)));
    }
    alignas(32) int32_t Laux[n * 8];
    for (int is = 0; is <= nstep; ++is) {
        iscale = _mm256_div_ps(_mm256_set1_ps(rmin + rdelta * is + nmax), _mm256_sub_ps(max, min));
        __m256 sumL = kZero, sumL2 = kZero, sumXL = kZero;
        for (int i = 0; i < n; ++i) {
            const __m256 xv = _mm256_load_ps(xt + 8 * i), w = _mm256_load_ps(wt + 8 * i);
            const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(iscale, _mm256_sub_ps(xv, min))), 0, nmax);
            _mm256_store_si256(reinterpret_cast<__m256i*>(Laux + 8 * i), l);
            const __m256 wl = _mm256_mul_ps(w, _mm256_cvtepi32_ps(l));
            sumL = _mm256_add_ps(sumL, wl);
            sumL2 = _mm256_add_ps(sumL2, _mm256_mul_ps(wl, _mm256_cvtepi32_ps(l)));
            sumXL = _mm256_add_ps(sumXL, _mm256_mul_ps(wl, xv));
        }
        const __m256 D = _mm256_sub_ps(_mm256_mul_ps(sumW, sumL2), _mm256_mul_ps(sumL, sumL));
        const __m256 dPos = _mm256_cmp_ps(D, kZero, _CMP_GT_OQ);
        if (!_mm256_movemask_ps(dPos))
            continue;
        __m256 thisScale = _mm256_div_ps(_mm256_sub_ps(_mm256_mul_ps(sumW, sumXL), _mm256_mul_ps(sumX, sumL)), D);
        __m256 thisMin = _mm256_div_ps(_mm256_sub_ps(_mm256_mul_ps(sumL2, sumX), _mm256_mul_ps(sumL, sumXL)), D);
        const __m256 minPos = _mm256_cmp_ps(thisMin, kZero, _CMP_GT_OQ);
        thisMin = _mm256_blendv_ps(thisMin, kZero, minPos);
        thisScale = _mm256_blendv_ps(thisScale, _mm256_div_ps(sumXL, sumL2), minPos);
        __m256 curError = kZero;
        for (int i = 0; i < n; ++i) {
            const __m256 xv = _mm256_load_ps(xt + 8 * i);
            const __m256 lf = _mm256_cvtepi32_ps(_mm256_load_si256(reinterpret_cast<const __m256i*>(Laux + 8 * i)));
            const __m256 diff = _mm256_sub_ps(_mm256_add_ps(_mm256_mul_ps(thisScale, lf), thisMin), xv);
            curError = _mm256_add_ps(curError, _mm256_mul_ps(_mm256_load_ps(wt + 8 * i), _mm256_mul_ps(diff, diff)));
        }
        const __m256 better = _mm256_and_ps(dPos, _mm256_cmp_ps(curError, bestError, _CMP_LT_OQ));
        if (!_mm256_movemask_ps(better))
            continue;
        const __m256i mask = _mm256_castps_si256(better);
        for (int i = 0; i < n; ++i) {
            const __m256i old = _mm256_load_si256(reinterpret_cast<const __m256i*>(Lt + 8 * i));
            const __m256i neu = _mm256_load_si256(reinterpret_cast<const __m256i*>(Laux + 8 * i));
            _mm256_store_si256(reinterpret_cast<__m256i*>(Lt + 8 * i), _mm256_blendv_epi8(old, neu, mask));
        }
        bestError = _mm256_blendv_ps(bestError, curError, better);
        scale = _mm256_blendv_ps(scale, thisScale, better);
        min = _mm256_blendv_ps(min, thisMin, better);
    }
    for (int i = 0; i < n; ++i) {
        const __m256i l = _mm256_load_si256(reinterpret_cast<const __m256i*>(Lt + 8 * i));
        _mm256_store_si256(reinterpret_cast<__m256i*>(Lt + 8 * i), _mm256_andnot_si256(_mm256_castps_si256(flat), l));
    }
    theMin = _mm256_xor_ps(_mm256_set1_ps(-0.f), _mm256_blendv_ps(min, min0, flat));   // -min, signed zeros too
    return _mm256_andnot_ps(flat, scale);
}

} // namespace

void quantizeRowQ6_K(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ6_K*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float* xb = x + kQK_K * i;
        if (hasNaN(xb, kQK_K))
            quantizeRowQ6_KRef(xb, &y[i], kQK_K, qw ? qw + kQK_K * i : nullptr);
        else
            q6SuperBlock(xb, qw ? qw + kQK_K * i : nullptr, y[i]);
    }
}

void quantizeRowQ4_K(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw) {
        quantizeRowQ4_KRef(x, dst, n, qw);
        return;
    }
    auto* y = static_cast<BlockQ4_K*>(dst);
    alignas(32) float xt[32 * 8], scales[8], mins[8];
    alignas(32) int32_t Lt[32 * 8];
    uint8_t L[kQK_K];
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float* xb = x + kQK_K * i;
        if (hasNaN(xb, kQK_K)) {
            quantizeRowQ4_KRef(xb, &y[i], kQK_K, nullptr);
            continue;
        }
        transpose(xb, 32, xt);
        __m256 theMin;
        _mm256_store_ps(scales, qkx2Lanes(15, -1.f, 0.1f, 20, xt, theMin, Lt));
        _mm256_store_ps(mins, theMin);
        for (int k = 0; k < 8; ++k)
            for (int l = 0; l < 32; ++l)
                L[32 * k + l] = static_cast<uint8_t>(Lt[l * 8 + k]);
        k4EncodeScalesRef(scales, mins, y[i].scales, y[i].d, y[i].dmin);
        for (int j = 0; j < 8; ++j) {
            uint8_t sc, m;
            scaleMinK4(j, y[i].scales, &sc, &m);
            const float d = fp16ToFp32(y[i].d) * sc;
            if (!d)
                continue;
            const float dm = fp16ToFp32(y[i].dmin) * m;
            storeLevels(xb + 32 * j, 32, _mm256_set1_ps(d), _mm256_set1_ps(dm), 0, 15, 0,
                        reinterpret_cast<int8_t*>(L + 32 * j));
        }
        q4Pack(L, y[i]);
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
