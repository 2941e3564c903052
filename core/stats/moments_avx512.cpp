// AVX-512 twin of Moments::ofValuesRef: one double lane per position i % 8, the same operations in the same
// order per lane (no fused multiply-add), so the result is bit-identical.
// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/moments.h"

#if defined(__AVX512F__) && defined(__AVX512DQ__)
#if defined(__GNUC__) && !defined(__clang__)
// g++ 12 warns about the _mm512_undefined_* placeholders inside its own intrinsic headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

#include <cmath>

namespace qx {

#if defined(__AVX512F__) && defined(__AVX512DQ__)

namespace {

/// Lanes of 8 values that are finite (exponent not all ones).
__mmask8 finiteLanes(__m256 v)
{
    const __m256i expo = _mm256_and_si256(_mm256_castps_si256(v), _mm256_set1_epi32(0x7f800000));
    return static_cast<__mmask8>(_mm256_cmpneq_epi32_mask(expo, _mm256_set1_epi32(0x7f800000)));
}

} // namespace

Moments momentsOfValuesAvx512(std::span<const float> values)
{
    const size_t n = values.size(), whole = n / 8 * 8;
    const float* p = values.data();
    __m512d sum = _mm512_setzero_pd();
    __m512i count = _mm512_setzero_si512();
    for (size_t i = 0; i < whole; i += 8) {
        const __m256 v = _mm256_loadu_ps(p + i);
        const __mmask8 f = finiteLanes(v);
        sum = _mm512_add_pd(sum, _mm512_maskz_cvtps_pd(f, v));
        count = _mm512_mask_add_epi64(count, f, count, _mm512_set1_epi64(1));
    }
    alignas(64) double sums[8];
    alignas(64) uint64_t counts[8];
    _mm512_store_pd(sums, sum);
    _mm512_store_si512(counts, count);
    for (size_t i = whole; i < n; ++i)
        if (std::isfinite(p[i])) {
            sums[i % 8] += static_cast<double>(p[i]);
            ++counts[i % 8];
        }
    Moments m;
    double total = 0.0;
    for (size_t l = 0; l < 8; ++l) {
        total += sums[l];
        m.n += counts[l];
    }
    if (m.n == 0)
        return m;
    m.mean = total / static_cast<double>(m.n);
    const __m512d mean = _mm512_set1_pd(m.mean);
    __m512d s2 = _mm512_setzero_pd(), s3 = s2, s4 = s2;
    for (size_t i = 0; i < whole; i += 8) {
        const __m256 v = _mm256_loadu_ps(p + i);
        const __m512d d = _mm512_maskz_sub_pd(finiteLanes(v), _mm512_cvtps_pd(v), mean);
        const __m512d d2 = _mm512_mul_pd(d, d);
        s2 = _mm512_add_pd(s2, d2);
        s3 = _mm512_add_pd(s3, _mm512_mul_pd(d2, d));
        s4 = _mm512_add_pd(s4, _mm512_mul_pd(d2, d2));
    }
    alignas(64) double a2[8], a3[8], a4[8];
    _mm512_store_pd(a2, s2);
    _mm512_store_pd(a3, s3);
    _mm512_store_pd(a4, s4);
    for (size_t i = whole; i < n; ++i) {
        const double d = std::isfinite(p[i]) ? static_cast<double>(p[i]) - m.mean : 0.0;
        const double d2 = d * d;
        a2[i % 8] += d2;
        a3[i % 8] += d2 * d;
        a4[i % 8] += d2 * d2;
    }
    for (size_t l = 0; l < 8; ++l) {
        m.m2 += a2[l];
        m.m3 += a3[l];
        m.m4 += a4[l];
    }
    return m;
}

#else

Moments momentsOfValuesAvx512(std::span<const float> values) { return Moments::ofValuesRef(values); }

#endif

} // namespace qx
