// AVX-512 twin of the statistics row loop (StatsEngine::scanRow in tensor_stats.cpp): 16 positions at a time,
// the same lanes and the same arithmetic, so results are bit-identical to the scalar loop. Blocks it cannot
// do exactly go back to the scalar loop (see stats_detail.h).
// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/stats_detail.h"

#include <cmath>
#include <limits>

#if defined(__AVX512F__) && defined(__AVX512DQ__)
#if defined(__GNUC__) && !defined(__clang__)
// g++ 12 warns about the _mm512_undefined_* placeholders inside its own intrinsic headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace qx::stats_detail {

#if defined(__AVX512F__) && defined(__AVX512DQ__)
namespace {

struct Accumulators {
    __m512 mn, mx, absMax, minNz;
    __m512d sumLo, sumHi;

    void load(const RowLanes& L)
    {
        mn = _mm512_loadu_ps(L.mn);
        mx = _mm512_loadu_ps(L.mx);
        absMax = _mm512_loadu_ps(L.absMax);
        minNz = _mm512_loadu_ps(L.minNz);
        sumLo = _mm512_loadu_pd(L.sumSq);
        sumHi = _mm512_loadu_pd(L.sumSq + 8);
    }
    void store(RowLanes& L) const
    {
        _mm512_storeu_ps(L.mn, mn);
        _mm512_storeu_ps(L.mx, mx);
        _mm512_storeu_ps(L.absMax, absMax);
        _mm512_storeu_ps(L.minNz, minNz);
        _mm512_storeu_pd(L.sumSq, sumLo);
        _mm512_storeu_pd(L.sumSq + 8, sumHi);
    }
};

/// Linear histogram bin offsets of 8 values; false when one falls outside the window (or is too large).
bool linearBins(__m512d x, const Pow2Histogram& h, int64_t* out)
{
    const __m512d t = _mm512_mul_pd(x, _mm512_set1_pd(h.scale()));
    if (_mm512_cmp_pd_mask(_mm512_abs_pd(t), _mm512_set1_pd(0x1p62), _CMP_LT_OQ) != 0xff)
        return false;
    const __m512i k = _mm512_cvtpd_epi64(_mm512_roundscale_pd(t, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC));
    const __m512i i = _mm512_sub_epi64(k, _mm512_set1_epi64(h.baseInt()));
    const auto bins = static_cast<long long>(h.bins());
    // counter of value l: lane l % 4's array (the 8 values here are l = 0..7 or 8..15: the same pattern)
    _mm512_storeu_si512(out, _mm512_add_epi64(i, _mm512_set_epi64(3 * bins, 2 * bins, bins, 0, 3 * bins, 2 * bins, bins, 0)));
    return _mm512_cmplt_epu64_mask(i, _mm512_set1_epi64(bins)) == 0xff;
}

/// Log histogram bin offsets of the `normal` lanes; false when one falls outside the window.
bool logBins(__m512i bits, __mmask16 normal, const Pow2Histogram& h, const LogBinner& lb, int32_t* out)
{
    if (h.baseInt() < -(int64_t(1) << 30) || h.baseInt() > (int64_t(1) << 30))
        return false;   // empty so far
    const __m512i m = _mm512_and_si512(bits, _mm512_set1_epi32(0x007fffff));
    const __m512i cell = _mm512_srli_epi32(m, 17);   // 0..63: LogBinner::packed64 by two permutations
    const __m512i low = _mm512_permutex2var_epi32(_mm512_loadu_si512(lb.packed64), cell, _mm512_loadu_si512(lb.packed64 + 16));
    const __m512i high = _mm512_permutex2var_epi32(_mm512_loadu_si512(lb.packed64 + 32), cell,
                                                   _mm512_loadu_si512(lb.packed64 + 48));
    const __m512i packed = _mm512_mask_mov_epi32(low, _mm512_test_epi32_mask(cell, _mm512_set1_epi32(32)), high);
    const __m512i firstK = _mm512_and_si512(packed, _mm512_set1_epi32(31));
    const __mmask16 up = _mm512_cmpge_epu32_mask(m, _mm512_srli_epi32(packed, 5));
    const __m512i k = _mm512_mask_add_epi32(firstK, up, firstK, _mm512_set1_epi32(1));
    const __m512i e = _mm512_sub_epi32(_mm512_srli_epi32(bits, 23), _mm512_set1_epi32(127));
    const __m512i j = _mm512_add_epi32(_mm512_slli_epi32(e, 5), k);
    const __m512i key = _mm512_sra_epi32(j, _mm_cvtsi32_si128(h.level()));   // floor(j / 2^level)
    const __m512i i = _mm512_sub_epi32(key, _mm512_set1_epi32(static_cast<int32_t>(h.baseInt())));
    const auto bins = static_cast<int32_t>(h.bins());
    const __mmask16 inside = _mm512_cmplt_epu32_mask(i, _mm512_set1_epi32(bins));
    // counter of value l: lane l % 4's array; lanes that are not normal (zeros) point at counter 0
    const __m512i lane = _mm512_and_si512(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                                          _mm512_set1_epi32(3));
    _mm512_storeu_si512(out, _mm512_maskz_add_epi32(normal, i, _mm512_mullo_epi32(lane, _mm512_set1_epi32(bins))));
    return (inside & normal) == normal;
}

/// The histogram increments of one block of 16 (offsets from linearBins / logBins).
inline void countBlock(uint64_t* linCounts, const int64_t* linIdx, uint64_t* logCounts, const int32_t* logIdx,
                       unsigned normal)
{
    for (size_t l = 0; l < 16; ++l)
        ++linCounts[linIdx[l]];
    if (normal == 0xffff) {
        for (size_t l = 0; l < 16; ++l)
            ++logCounts[static_cast<uint32_t>(logIdx[l])];
    } else {
        for (unsigned l = 0; l < 16; ++l)
            logCounts[static_cast<uint32_t>(logIdx[l])] += (normal >> l) & 1u;
    }
}

} // namespace

size_t scanRowAvx512(const float* row, size_t n, RowLanes& lanes, float* colAbsMax, double* colSumSq,
                     Pow2Histogram& lin, Pow2Histogram& log, const LogBinner& lb, double center, double bound,
                     const std::function<void(size_t)>& slowBlock, const std::function<void(size_t)>& candidate)
{
    const size_t whole = n / 16 * 16;
    Accumulators acc;
    acc.load(lanes);
    const __m512d vCenter = _mm512_set1_pd(center), vBound = _mm512_set1_pd(bound);
    // Around 0, |v| > bound is a float comparison: for a float a, a > bound exactly when a > (the largest
    // float <= bound).
    const bool centered = center != 0.0;
    float below = static_cast<float>(bound);
    if (static_cast<double>(below) > bound)
        below = std::nextafter(below, -std::numeric_limits<float>::infinity());
    const __m512 vBoundBelow = _mm512_set1_ps(below);
    alignas(64) int64_t linIdx[16];
    alignas(64) int32_t logIdx[16];
    for (size_t j0 = 0; j0 < whole; j0 += 16) {
        const __m512 v = _mm512_loadu_ps(row + j0);
        const __m512i bits = _mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7fffffff));
        const __m512 a = _mm512_castsi512_ps(bits);
        const __m512i expo = _mm512_srli_epi32(bits, 23);
        const __mmask16 zero = _mm512_cmpeq_epi32_mask(bits, _mm512_setzero_si512());
        const __mmask16 normal = _mm512_cmpgt_epi32_mask(expo, _mm512_setzero_si512())
                               & _mm512_cmplt_epi32_mask(expo, _mm512_set1_epi32(255));
        const __m512d lo = _mm512_cvtps_pd(_mm512_castps512_ps256(v));
        const __m512d hi = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
        const unsigned candidates = centered
            ? _mm512_cmp_pd_mask(_mm512_abs_pd(_mm512_sub_pd(lo, vCenter)), vBound, _CMP_GT_OQ)
                  | unsigned(_mm512_cmp_pd_mask(_mm512_abs_pd(_mm512_sub_pd(hi, vCenter)), vBound, _CMP_GT_OQ)) << 8
            : _mm512_cmp_ps_mask(a, vBoundBelow, _CMP_GT_OQ);
        if ((normal | zero) != 0xffff || !linearBins(lo, lin, linIdx) || !linearBins(hi, lin, linIdx + 8)
            || !logBins(bits, normal, log, lb, logIdx)) {
            acc.store(lanes);
            slowBlock(j0);
            acc.load(lanes);
            continue;
        }
        acc.mn = _mm512_min_ps(v, acc.mn);   // (v, acc): the accumulator wins ties, as std::min(acc, v)
        acc.mx = _mm512_max_ps(v, acc.mx);
        acc.absMax = _mm512_max_ps(a, acc.absMax);
        acc.minNz = _mm512_mask_min_ps(acc.minNz, normal, a, acc.minNz);
        lanes.zeros += static_cast<uint64_t>(__builtin_popcount(zero));
        const __m512d sqLo = _mm512_mul_pd(lo, lo), sqHi = _mm512_mul_pd(hi, hi);
        acc.sumLo = _mm512_add_pd(acc.sumLo, sqLo);
        acc.sumHi = _mm512_add_pd(acc.sumHi, sqHi);
        if (colAbsMax) {
            _mm512_storeu_ps(colAbsMax + j0, _mm512_max_ps(a, _mm512_loadu_ps(colAbsMax + j0)));
            _mm512_storeu_pd(colSumSq + j0, _mm512_add_pd(_mm512_loadu_pd(colSumSq + j0), sqLo));
            _mm512_storeu_pd(colSumSq + j0 + 8, _mm512_add_pd(_mm512_loadu_pd(colSumSq + j0 + 8), sqHi));
        }
        // Fixed-length, branch-free increments (a zero adds 0 to counter 0): no per-value branch to mispredict.
        // The indices are read back from memory (cheap loads) rather than extracted lane by lane with
        // shuffles, which the compiler would otherwise choose and which are the slower way on these cores.
        asm volatile("" : : "m"(linIdx), "m"(logIdx) : "memory");
        countBlock(lin.counts(), linIdx, log.counts(), logIdx, normal);
        for (unsigned c = candidates; c; c &= c - 1) [[unlikely]]
            candidate(j0 + static_cast<size_t>(__builtin_ctz(c)));
    }
    acc.store(lanes);
    return whole;
}

#else

size_t scanRowAvx512(const float*, size_t, RowLanes&, float*, double*, Pow2Histogram&, Pow2Histogram&,
                     const LogBinner&, double, double, const std::function<void(size_t)>&,
                     const std::function<void(size_t)>&)
{
    return 0;
}

#endif

} // namespace qx::stats_detail
