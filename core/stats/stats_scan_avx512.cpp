// AVX-512 twins of the statistics row loop (StatsEngine::scanRow in tensor_stats.cpp): 16 positions at a time,
// the same lanes and the same arithmetic, so extrema, sums and counts are bit-identical to the scalar loop.
// One block loop (scanBlocks) serves two ways of counting the histograms: straight into the streaming
// power-of-two histograms (Pow2Counts, two increments per value) or into a FineHistogram (FineCounts, one).
// Blocks a way cannot do exactly go back to the scalar loop (see stats_detail.h).
// Twins must match bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "stats/stats_detail.h"

#include <cmath>
#include <cstdint>
#include <limits>

#if defined(__AVX512F__) && defined(__AVX512DQ__)
#if defined(__GNUC__) && !defined(__clang__)
// g++ 12 warns about the _mm512_undefined_* placeholders inside its own intrinsic headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>
#endif

namespace qx::stats_detail {

#if defined(__AVX512F__) && defined(__AVX512DQ__)
namespace {

/// One block of 16 values and the masks every way of counting needs.
struct Block {
    __m512 v, a;          ///< values, magnitudes
    __m512i bits;         ///< magnitude bits
    __m512d lo, hi;       ///< values 0..7, 8..15 in double
    __mmask16 zero, normal;

    explicit Block(const float* p)
    {
        v = _mm512_loadu_ps(p);
        bits = _mm512_and_si512(_mm512_castps_si512(v), _mm512_set1_epi32(0x7fffffff));
        a = _mm512_castsi512_ps(bits);
        const __m512i expo = _mm512_srli_epi32(bits, 23);
        zero = _mm512_cmpeq_epi32_mask(bits, _mm512_setzero_si512());
        normal = _mm512_cmpgt_epi32_mask(expo, _mm512_setzero_si512())
               & _mm512_cmplt_epi32_mask(expo, _mm512_set1_epi32(255));
        lo = _mm512_cvtps_pd(_mm512_castps512_ps256(v));
        hi = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
    }
};

/// A row's extrema and sums of squares in registers (RowLanes while the kernel runs).
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
    /// A block of finite values (zeros or normal): the scalar loop's updates, lane by lane.
    void add(const Block& b, RowLanes& L)
    {
        mn = _mm512_min_ps(b.v, mn);   // (v, acc): the accumulator wins ties, as std::min(acc, v)
        mx = _mm512_max_ps(b.v, mx);
        absMax = _mm512_max_ps(b.a, absMax);
        minNz = _mm512_mask_min_ps(minNz, static_cast<__mmask16>(~b.zero), b.a, minNz);
        L.zeros += static_cast<uint64_t>(__builtin_popcount(b.zero));
        sumLo = _mm512_add_pd(sumLo, _mm512_mul_pd(b.lo, b.lo));
        sumHi = _mm512_add_pd(sumHi, _mm512_mul_pd(b.hi, b.hi));
    }
};

/// Power sums Σ (v - shift)^k, k = 1..4, of a row in registers (RowLanes::power while the kernel runs);
/// a = values 0..7, b = values 8..15.
struct PowerSums {
    __m512d a1, a2, a3, a4, b1, b2, b3, b4;

    void load(const RowLanes& L)
    {
        a1 = _mm512_loadu_pd(L.power[0]), b1 = _mm512_loadu_pd(L.power[0] + 8);
        a2 = _mm512_loadu_pd(L.power[1]), b2 = _mm512_loadu_pd(L.power[1] + 8);
        a3 = _mm512_loadu_pd(L.power[2]), b3 = _mm512_loadu_pd(L.power[2] + 8);
        a4 = _mm512_loadu_pd(L.power[3]), b4 = _mm512_loadu_pd(L.power[3] + 8);
    }
    void store(RowLanes& L) const
    {
        _mm512_storeu_pd(L.power[0], a1), _mm512_storeu_pd(L.power[0] + 8, b1);
        _mm512_storeu_pd(L.power[1], a2), _mm512_storeu_pd(L.power[1] + 8, b2);
        _mm512_storeu_pd(L.power[2], a3), _mm512_storeu_pd(L.power[2] + 8, b3);
        _mm512_storeu_pd(L.power[3], a4), _mm512_storeu_pd(L.power[3] + 8, b4);
    }
    /// Shifted (kShifted) or of v itself, when the sum of squares is the row's (RowLanes::sumSq).
    template <bool kShifted>
    static void add(__m512d x, __m512d shift, __m512d& s1, __m512d& s2, __m512d& s3, __m512d& s4)
    {
        const __m512d d = kShifted ? _mm512_sub_pd(x, shift) : x, d2 = _mm512_mul_pd(d, d);
        s1 = _mm512_add_pd(s1, d);
        if (kShifted)
            s2 = _mm512_add_pd(s2, d2);
        s3 = _mm512_add_pd(s3, _mm512_mul_pd(d2, d));
        s4 = _mm512_add_pd(s4, _mm512_mul_pd(d2, d2));
    }
    template <bool kShifted>
    void add(const Block& b, __m512d shift)
    {
        add<kShifted>(b.lo, shift, a1, a2, a3, a4);
        add<kShifted>(b.hi, shift, b1, b2, b3, b4);
    }
};

/// The per-column absmax and sum of squares of positions j0 .. j0 + 15.
inline void addColumns(const Block& b, float* colAbsMax, double* colSumSq, size_t j0)
{
    _mm512_storeu_ps(colAbsMax + j0, _mm512_max_ps(b.a, _mm512_loadu_ps(colAbsMax + j0)));
    _mm512_storeu_pd(colSumSq + j0, _mm512_add_pd(_mm512_loadu_pd(colSumSq + j0), _mm512_mul_pd(b.lo, b.lo)));
    _mm512_storeu_pd(colSumSq + j0 + 8, _mm512_add_pd(_mm512_loadu_pd(colSumSq + j0 + 8), _mm512_mul_pd(b.hi, b.hi)));
}

/// The outlier-candidate test |v - center| > bound. Around 0 it is a float comparison: for a float a,
/// a > bound exactly when a > (the largest float <= bound).
class CandidateTest {
public:
    CandidateTest(double center, double bound)
        : m_centered(center != 0.0), m_center(_mm512_set1_pd(center)), m_bound(_mm512_set1_pd(bound))
    {
        float below = static_cast<float>(bound);
        if (static_cast<double>(below) > bound)
            below = std::nextafter(below, -std::numeric_limits<float>::infinity());
        m_below = _mm512_set1_ps(below);
    }
    unsigned operator()(const Block& b) const
    {
        if (!m_centered)
            return _mm512_cmp_ps_mask(b.a, m_below, _CMP_GT_OQ);
        return _mm512_cmp_pd_mask(_mm512_abs_pd(_mm512_sub_pd(b.lo, m_center)), m_bound, _CMP_GT_OQ)
             | unsigned(_mm512_cmp_pd_mask(_mm512_abs_pd(_mm512_sub_pd(b.hi, m_center)), m_bound, _CMP_GT_OQ)) << 8;
    }

private:
    bool m_centered;
    __m512d m_center, m_bound;
    __m512 m_below;
};

/// Hands block j0 to the scalar loop, which works on the RowLanes: registers out, then back in.
[[gnu::always_inline]] inline void slowBlock(const RowKernel& k, size_t j0, Accumulators& acc, PowerSums& power,
                                             bool moments)
{
    acc.store(*k.lanes);
    if (moments)
        power.store(*k.lanes);
    (*k.slowBlock)(j0);
    acc.load(*k.lanes);
    if (moments)
        power.load(*k.lanes);
}

constexpr size_t kPrefetchBytes = 4096;   ///< how far ahead the row loop prefetches

/// The block loop shared by both ways of counting: `counts.prepare(block)` computes the block's counter
/// offsets (false: the block goes to slowBlock), `counts.count(block)` does its increments. kMoments: 0 none,
/// 1 power sums of v (the sum of squares being the row's), 2 power sums of v - k.shift.
template <int kMoments, class Counts>
size_t scanBlocks(const RowKernel& k, Counts& counts)
{
    const size_t whole = k.n / 16 * 16;
    RowLanes& lanes = *k.lanes;
    Accumulators acc;
    PowerSums power;
    acc.load(lanes);
    if constexpr (kMoments > 0)
        power.load(lanes);
    const __m512d shift = _mm512_set1_pd(k.shift);
    const CandidateTest candidates(k.center, k.bound);
    for (size_t j0 = 0; j0 < whole; j0 += 16) {
        // 4 KiB ahead (the next row's start near the end: rows are contiguous in a chunk; a prefetch never
        // faults): with ~140 instructions per cache line the out-of-order window alone reaches too few lines
        // ahead to keep the memory busy.
        const uintptr_t ahead = reinterpret_cast<uintptr_t>(k.row + j0) + kPrefetchBytes;
        _mm_prefetch(reinterpret_cast<const char*>(ahead), _MM_HINT_T0);
        const Block b(k.row + j0);
        const unsigned found = candidates(b);
        if (!counts.prepare(b)) {
            counts.flush();
            slowBlock(k, j0, acc, power, kMoments > 0);
            continue;
        }
        acc.add(b, lanes);
        if constexpr (kMoments > 0)
            power.add<kMoments == 2>(b, shift);
        if (k.colAbsMax)
            addColumns(b, k.colAbsMax, k.colSumSq, j0);
        counts.count(b);
        for (unsigned c = found; c; c &= c - 1) [[unlikely]]
            (*k.candidate)(j0 + static_cast<size_t>(__builtin_ctz(c)));
    }
    counts.flush();
    acc.store(lanes);
    if constexpr (kMoments > 0)
        power.store(lanes);
    return whole;
}

/// The finest log bin's step k inside its octave (0..31) from the 64-cell table, by two permutations.
inline __mmask16 logStepUp(__m512i m, const LogBinner& lb, __m512i* firstK)
{
    const __m512i cell = _mm512_srli_epi32(m, 17);
    const __m512i low = _mm512_permutex2var_epi32(_mm512_loadu_si512(lb.packed64), cell,
                                                  _mm512_loadu_si512(lb.packed64 + 16));
    const __m512i high = _mm512_permutex2var_epi32(_mm512_loadu_si512(lb.packed64 + 32), cell,
                                                   _mm512_loadu_si512(lb.packed64 + 48));
    const __m512i packed = _mm512_mask_mov_epi32(low, _mm512_test_epi32_mask(cell, _mm512_set1_epi32(32)), high);
    if (firstK)
        *firstK = _mm512_and_si512(packed, _mm512_set1_epi32(31));
    return _mm512_cmpge_epu32_mask(m, _mm512_srli_epi32(packed, 5));
}

/// Two increments per value, straight into the streaming histograms.
class Pow2Counts {
public:
    Pow2Counts(Pow2Histogram& lin, Pow2Histogram& log, const LogBinner& lb) : m_lin(lin), m_log(log), m_lb(lb) {}
    bool prepare(const Block& b)
    {
        m_normal = b.normal;
        return (b.normal | b.zero) == 0xffff && linearBins(b.lo, m_linIdx) && linearBins(b.hi, m_linIdx + 8)
            && logBins(b.bits, b.normal);
    }
    void count(const Block&)
    {
        // Fixed-length, branch-free increments (a zero adds 0 to counter 0): no per-value branch to mispredict.
        // The indices are read back from memory (cheap loads) rather than extracted lane by lane with
        // shuffles, which the compiler would otherwise choose and which are the slower way on these cores.
        asm volatile("" : : "m"(m_linIdx), "m"(m_logIdx) : "memory");
        uint64_t* lin = m_lin.counts();
        uint64_t* log = m_log.counts();
        for (size_t l = 0; l < 16; ++l)
            ++lin[m_linIdx[l]];
        if (m_normal == 0xffff) {
            for (size_t l = 0; l < 16; ++l)
                ++log[static_cast<uint32_t>(m_logIdx[l])];
        } else {
            for (unsigned l = 0; l < 16; ++l)
                log[static_cast<uint32_t>(m_logIdx[l])] += (m_normal >> l) & 1u;
        }
    }

    void flush() {}

private:
    bool linearBins(__m512d x, int64_t* out) const;
    bool logBins(__m512i bits, __mmask16 normal);

    Pow2Histogram& m_lin;
    Pow2Histogram& m_log;
    const LogBinner& m_lb;
    unsigned m_normal = 0;
    alignas(64) int64_t m_linIdx[16];
    alignas(64) int32_t m_logIdx[16];
};

/// Linear histogram bin offsets of 8 values; false when one falls outside the window (or is too large).
bool Pow2Counts::linearBins(__m512d x, int64_t* out) const
{
    const Pow2Histogram& h = m_lin;
    const __m512d t = _mm512_mul_pd(x, _mm512_set1_pd(h.scale()));
    if (_mm512_cmp_pd_mask(_mm512_abs_pd(t), _mm512_set1_pd(0x1p62), _CMP_LT_OQ) != 0xff)
        return false;
    const __m512i k = _mm512_cvtpd_epi64(_mm512_roundscale_pd(t, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC));
    const __m512i i = _mm512_sub_epi64(k, _mm512_set1_epi64(h.baseInt()));
    const auto bins = static_cast<long long>(h.bins());
    // counter of value l: lane l % 4's array (the 8 values here are l = 0..7 or 8..15: the same pattern)
    const __m512i laneOffset = _mm512_set_epi64(3 * bins, 2 * bins, bins, 0, 3 * bins, 2 * bins, bins, 0);
    _mm512_storeu_si512(out, _mm512_add_epi64(i, laneOffset));
    return _mm512_cmplt_epu64_mask(i, _mm512_set1_epi64(bins)) == 0xff;
}

/// Log histogram bin offsets of the `normal` lanes; false when one falls outside the window.
bool Pow2Counts::logBins(__m512i bits, __mmask16 normal)
{
    const Pow2Histogram& h = m_log;
    if (h.baseInt() < -(int64_t(1) << 30) || h.baseInt() > (int64_t(1) << 30))
        return false;   // empty so far
    __m512i firstK;
    const __mmask16 up = logStepUp(_mm512_and_si512(bits, _mm512_set1_epi32(0x007fffff)), m_lb, &firstK);
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
    _mm512_storeu_si512(m_logIdx, _mm512_maskz_add_epi32(normal, i, _mm512_mullo_epi32(lane, _mm512_set1_epi32(bins))));
    return (inside & normal) == normal;
}

/// One increment per value into a FineHistogram (keys as FineHistogram::keyOf; zeros go to the discard slot).
class FineCounts {
public:
    FineCounts(FineHistogram& fine, const LogBinner& lb)
        : m_fine(fine), m_windowLo(_mm512_set1_epi32(fine.firstExponent() << 23)),
          m_cellLo(_mm512_set1_epi32(fine.firstExponent() << 8))
    {
        for (int i = 0; i < 4; ++i)   // the log-bin thresholds of the 64 cells (LogBinner::packed64 >> 5)
            m_threshold[i] = _mm512_srli_epi32(_mm512_loadu_si512(lb.packed64 + 16 * i), 5);
    }
    bool prepare(const Block& b)
    {
        const __m512i rel = _mm512_sub_epi32(b.bits, m_windowLo);   // (E - first) << 23 | mantissa
        const __mmask16 inside = _mm512_cmplt_epu32_mask(rel, _mm512_set1_epi32(FineHistogram::kExponents << 23));
        if ((inside | b.zero) != 0xffff)
            return false;
        const __m512i m = _mm512_and_si512(b.bits, _mm512_set1_epi32(0x007fffff));
        const __m512i cell = _mm512_srli_epi32(b.bits, 17);   // permutations read bits 0..4, the test bit 5
        const __m512i threshold = _mm512_mask_mov_epi32(_mm512_permutex2var_epi32(m_threshold[0], cell, m_threshold[1]),
                                                        _mm512_test_epi32_mask(cell, _mm512_set1_epi32(32)),
                                                        _mm512_permutex2var_epi32(m_threshold[2], cell, m_threshold[3]));
        const __mmask16 up = _mm512_cmpge_epu32_mask(m, threshold);
        const __mmask16 rz = _mm512_testn_epi32_mask(m, _mm512_set1_epi32(0x7fff));
        __m512i key = _mm512_slli_epi32(_mm512_sub_epi32(_mm512_srli_epi32(_mm512_castps_si512(b.v), 15), m_cellLo), 2);
        key = _mm512_mask_or_epi32(key, up, key, _mm512_set1_epi32(2));
        key = _mm512_mask_or_epi32(key, rz, key, _mm512_set1_epi32(1));
        key = _mm512_mask_mov_epi32(key, b.zero, _mm512_set1_epi32(static_cast<int32_t>(FineHistogram::kDiscard)));
        _mm512_store_si512(m_key[m_next], key);
        return true;
    }
    /// Counts the previous block's keys (if any) and keeps this block's for the next call: the keys are read
    /// back from memory a block after they were stored, when the store no longer has to be forwarded.
    void count(const Block&)
    {
        flush();
        m_pending = true;
        m_next ^= 1;
    }
    void flush()
    {
        if (!m_pending)
            return;
        asm volatile("" : : "m"(m_key) : "memory");
        const int32_t* key = m_key[m_next ^ 1];
        uint32_t* c = m_fine.counts();
        for (size_t l = 0; l < 16; ++l)
            ++c[static_cast<uint32_t>(key[l])];
        m_pending = false;
    }

private:
    FineHistogram& m_fine;
    __m512i m_windowLo, m_cellLo, m_threshold[4];
    bool m_pending = false;
    int m_next = 0;
    alignas(64) int32_t m_key[2][16];
};

} // namespace

size_t scanRowAvx512(const RowKernel& k, Pow2Histogram& lin, Pow2Histogram& log, const LogBinner& lb)
{
    Pow2Counts counts(lin, log, lb);
    return scanBlocks<0>(k, counts);
}

size_t scanRowFineAvx512(const RowKernel& k, FineHistogram& fine, const LogBinner& lb)
{
    FineCounts counts(fine, lb);
    return k.shift == 0.0 ? scanBlocks<1>(k, counts) : scanBlocks<2>(k, counts);
}

#else

size_t scanRowAvx512(const RowKernel&, Pow2Histogram&, Pow2Histogram&, const LogBinner&) { return 0; }
size_t scanRowFineAvx512(const RowKernel&, FineHistogram&, const LogBinner&) { return 0; }

#endif

} // namespace qx::stats_detail
