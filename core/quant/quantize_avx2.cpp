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
#include <cstddef>
#include <cstring>


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

namespace {

/// The first value of largest magnitude (0 when all are 0), as the scalar scan keeps it.
inline float firstSignedMax(const __m256* v, const float* x)
{
    __m256 amaxV = zeroPs();
    for (int k = 0; k < 4; ++k)
        amaxV = _mm256_max_ps(absPs(v[k]), amaxV);
    const float amax = hmax(amaxV);
    if (!(amax > 0))
        return 0;
    uint32_t hits = 0;
    for (int k = 0; k < 4; ++k)
        hits |= static_cast<uint32_t>(_mm256_movemask_ps(_mm256_cmp_ps(absPs(v[k]), _mm256_set1_ps(amax), _CMP_EQ_OQ)))
                << (8 * k);
    return x[__builtin_ctz(hits)];
}

/// Index of the first of the 32 values equal to `value`.
inline int firstEqual(const __m256* v, float value)
{
    uint32_t hits = 0;
    for (int k = 0; k < 4; ++k)
        hits |= static_cast<uint32_t>(_mm256_movemask_ps(_mm256_cmp_ps(v[k], _mm256_set1_ps(value), _CMP_EQ_OQ)))
                << (8 * k);
    return __builtin_ctz(hits);
}

/// Block min and max as the scalar scan finds them: the first value reaching the extreme, which only
/// matters for the sign of a zero.
inline void minMax(const __m256* v, const float* x, float& min, float& max)
{
    __m256 lo = v[0], hi = v[0];
    for (int k = 1; k < 4; ++k) {
        lo = _mm256_min_ps(lo, v[k]);
        hi = _mm256_max_ps(hi, v[k]);
    }
    max = hmax(hi);
    min = -hmax(_mm256_xor_ps(lo, _mm256_set1_ps(-0.f)));
    if (max == 0)
        max = x[firstEqual(v, 0.f)];
    if (min == 0)
        min = x[firstEqual(v, 0.f)];
}

/// Levels (trunc(v * id + offset), as C's float -> int8 cast, capped at `cap`) of a 32-value block.
inline void levels32(const __m256* v, __m256 sub, float id, float offset, int cap, __m256i* q)
{
    for (int k = 0; k < 4; ++k) {
        const __m256 t = _mm256_add_ps(_mm256_mul_ps(_mm256_sub_ps(v[k], sub), _mm256_set1_ps(id)), _mm256_set1_ps(offset));
        q[k] = _mm256_min_epi32(_mm256_cvttps_epi32(t), _mm256_set1_epi32(cap));
    }
}

/// qs[j] = (q[j] & 15) | (q[j + 16] & 15) << 4; packs interleave 128-bit halves, the permute restores order.
inline void storeNibbles(const __m256i* q, uint8_t* qs)
{
    const __m256i m = _mm256_set1_epi32(0xF);
    const __m256i lo = _mm256_packs_epi32(_mm256_and_si256(q[0], m), _mm256_and_si256(q[1], m));
    const __m256i hi = _mm256_packs_epi32(_mm256_and_si256(q[2], m), _mm256_and_si256(q[3], m));
    const __m256i r = _mm256_or_si256(lo, _mm256_slli_epi16(hi, 4));
    const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packus_epi16(r, r), _mm256_setr_epi32(0, 4, 1, 5, 0, 4, 1, 5));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(qs), _mm256_castsi256_si128(bytes));
}

/// Bit 4 of the 32 levels, level j at bit j (Q5's qh).
inline uint32_t fifthBits(const __m256i* q)
{
    uint32_t bits = 0;
    for (int k = 0; k < 4; ++k)
        bits |= static_cast<uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(q[k], 27)))) << (8 * k);
    return bits;
}

/// Runs `block(v, x, blockIndex)` on every 32-value block; a block with NaN/Inf, or whose `block` returns
/// false (scale too small for the SIMD casts), is redone by the scalar `ref`.
template <typename BlockFn>
void forBlocks(const float* x, void* dst, int64_t n, size_t blockBytes, RowQuantizer ref, BlockFn block)
{
    auto* out = static_cast<std::byte*>(dst);
    for (int64_t i = 0; i < n / 32; ++i, x += 32) {
        __m256 v[4];
        for (int k = 0; k < 4; ++k)
            v[k] = _mm256_loadu_ps(x + 8 * k);
        if (hasNonFinite(x, 32) || !block(v, x, i))
            ref(x, out + blockBytes * i, 32, nullptr);
    }
}

} // namespace

void quantizeRowQ4_0(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw)
        return quantizeRowQ4_0Ref(x, dst, n, qw);
    auto* y = static_cast<BlockQ4_0*>(dst);
    forBlocks(x, dst, n, sizeof(BlockQ4_0), &quantizeRowQ4_0Ref, [y](const __m256* v, const float* xb, int64_t i) {
        const float d = firstSignedMax(v, xb) / -8;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id))
            return false;
        y[i].d = toFp16(d);
        __m256i q[4];
        levels32(v, zeroPs(), id, 8.5f, 15, q);
        storeNibbles(q, y[i].qs);
        return true;
    });
}

void quantizeRowQ4_1(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw)
        return quantizeRowQ4_1Ref(x, dst, n, qw);
    auto* y = static_cast<BlockQ4_1*>(dst);
    forBlocks(x, dst, n, sizeof(BlockQ4_1), &quantizeRowQ4_1Ref, [y](const __m256* v, const float* xb, int64_t i) {
        float min, max;
        minMax(v, xb, min, max);
        const float d = (max - min) / 15;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id))
            return false;
        y[i].d = toFp16(d);
        y[i].m = toFp16(min);
        __m256i q[4];
        levels32(v, _mm256_set1_ps(min), id, 0.5f, 15, q);
        storeNibbles(q, y[i].qs);
        return true;
    });
}

void quantizeRowQ5_0(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw)
        return quantizeRowQ5_0Ref(x, dst, n, qw);
    auto* y = static_cast<BlockQ5_0*>(dst);
    forBlocks(x, dst, n, sizeof(BlockQ5_0), &quantizeRowQ5_0Ref, [y](const __m256* v, const float* xb, int64_t i) {
        const float d = firstSignedMax(v, xb) / -16;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id))
            return false;
        y[i].d = toFp16(d);
        __m256i q[4];
        levels32(v, zeroPs(), id, 16.5f, 31, q);
        storeNibbles(q, y[i].qs);
        const uint32_t qh = fifthBits(q);
        std::memcpy(y[i].qh, &qh, 4);
        return true;
    });
}

void quantizeRowQ5_1(const float* x, void* dst, int64_t n, const float* qw)
{
    if (qw)
        return quantizeRowQ5_1Ref(x, dst, n, qw);
    auto* y = static_cast<BlockQ5_1*>(dst);
    forBlocks(x, dst, n, sizeof(BlockQ5_1), &quantizeRowQ5_1Ref, [y](const __m256* v, const float* xb, int64_t i) {
        float min, max;
        minMax(v, xb, min, max);
        const float d = (max - min) / 31;
        const float id = d ? 1.0f / d : 0.0f;
        if (!std::isfinite(id))
            return false;
        y[i].d = toFp16(d);
        y[i].m = toFp16(min);
        __m256i q[4];
        levels32(v, _mm256_set1_ps(min), id, 0.5f, 255, q);   // no cap in ggml (levels stay <= 31)
        storeNibbles(q, y[i].qs);
        const uint32_t qh = fifthBits(q);
        std::memcpy(y[i].qh, &qh, 4);
        return true;
    });
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
