// AVX2 twin of the i-quant scale sweep (iq_sweep.h): one lane per candidate scale for the levels and the
// sums, one lane per neighbour in the codebook search. Each lane performs the scalar reference's float
// operations in its order, so the bits are the same; NaN and Inf need no special path (the integer
// rounding trick and the ordered comparisons behave as the scalar code does).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/iq_sweep.h"

#include "quant/simd_avx2_util.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>

namespace qx::quant::iq::avx2 {
namespace {

using qx::quant::avx2::clampEpi32;
using qx::quant::avx2::nearestInt8;

inline __m256i laneIndex() { return _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7); }

/// The low byte of each of 8 lanes, stored as 8 consecutive bytes.
inline void storeLowBytes(int8_t* dst, __m256i v)
{
    const __m256i pick = _mm256_setr_epi8(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,   //
                                          0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m256i b = _mm256_shuffle_epi8(v, pick);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst),
                     _mm_unpacklo_epi32(_mm256_castsi256_si128(b), _mm256_extracti128_si256(b, 1)));
}

/// One codebook row's |x| and sqrt(weight), broadcast.
template <int Dims>
struct RowVectors {
    __m256 x[Dims], w[Dims];
    RowVectors(const float* xval, const float* waux)
    {
        for (int i = 0; i < Dims; ++i) {
            x[i] = _mm256_set1_ps(xval[i]);
            w[i] = _mm256_set1_ps(waux[i]);
        }
    }
};

/// bestNeighbour's row for codebooks of Dims (4 or 8) elements, 8 neighbours per step.
template <int Dims>
[[gnu::always_inline]] inline int nearestRow(const GridSearch& grid, uint32_t code, const RowVectors<Dims>& v, float scale)
{
    const std::span<const uint16_t> nb = grid.neighbours(code);
    const int count = static_cast<int>(nb.size());
    const int8_t* lanes = grid.neighbourLanes(code);
    const __m256 vscale = _mm256_set1_ps(scale);
    __m256 bestD2 = _mm256_set1_ps(FLT_MAX);
    __m256i bestPos = _mm256_set1_epi32(-1);
    // A codebook element is one of 8 odd values q = 1, 3, …, 15 (2-bit codebooks use the first three, 3-bit
    // ones all eight): element i's term w·(scale·q − x)·(scale·q − x) for each of them is computed once (the
    // same operations as the scalar loop) and looked up per neighbour by (q − 1) / 2.
    __m256 term[Dims];
    const __m256 q = _mm256_setr_ps(1.f, 3.f, 5.f, 7.f, 9.f, 11.f, 13.f, 15.f);
    for (int i = 0; i < Dims; ++i) {
        const __m256 diff = _mm256_sub_ps(_mm256_mul_ps(vscale, q), v.x[i]);
        term[i] = _mm256_mul_ps(_mm256_mul_ps(v.w[i], diff), diff);
    }
    for (int p = 0; p < count; p += 8, lanes += 8 * Dims) {
        __m256 d2 = _mm256_setzero_ps();
        for (int i = 0; i < Dims; ++i) {
            const __m256i odd = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(lanes + 8 * i)));
            d2 = _mm256_add_ps(d2, _mm256_permutevar8x32_ps(term[i], _mm256_srli_epi32(odd, 1)));
        }
        const __m256i position = _mm256_add_epi32(_mm256_set1_epi32(p), laneIndex());
        const __m256 valid = _mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(count), position));
        const __m256 better = _mm256_and_ps(_mm256_cmp_ps(d2, bestD2, _CMP_LT_OQ), valid);
        bestD2 = _mm256_blendv_ps(bestD2, d2, better);
        bestPos = _mm256_castps_si256(
            _mm256_blendv_ps(_mm256_castsi256_ps(bestPos), _mm256_castsi256_ps(position), better));
    }
    // Each lane holds its first strict minimum; without one anywhere the scalar loop keeps the first neighbour.
    if (count <= 8) {   // one step: lane order is position order, so the first lane holding the minimum wins
        __m128 m = _mm_min_ps(_mm256_castps256_ps128(bestD2), _mm256_extractf128_ps(bestD2, 1));
        m = _mm_min_ps(m, _mm_movehl_ps(m, m));
        m = _mm_min_ss(m, _mm_movehdup_ps(m));
        const int atMin = _mm256_movemask_ps(_mm256_cmp_ps(bestD2, _mm256_broadcastss_ps(m), _CMP_EQ_OQ))
                        & _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(bestPos, _mm256_set1_epi32(-1))));
        return atMin ? nb[size_t(__builtin_ctz(static_cast<unsigned>(atMin)))] : (nb.empty() ? 0 : nb[0]);
    }
    const int best = qx::quant::avx2::firstMinimumPosition(bestD2, bestPos);
    return best >= 0 ? nb[size_t(best)] : (nb.empty() ? 0 : nb[0]);
}

/// The sweep for codebooks of Dims (4 or 8) elements.
template <int Dims>
void sweepOf(const SweepGroup& g, const float* ids, int count, SweepOut& out)
{
    const GridSearch& grid = *g.grid;
    const int rows = g.n / Dims, levelBits = grid.levelBits();
    const int32_t* map = grid.codeMap();
    for (int c0 = 0; c0 < count; c0 += 8) {   // candidates c0 .. c0+7 (kMaxSweep leaves room for all 8)
        const int lanes = std::min(8, count - c0);
        alignas(32) float id[8];
        for (int j = 0; j < 8; ++j)
            id[j] = ids[c0 + std::min(j, lanes - 1)];
        const __m256 vid = _mm256_load_ps(id);
        alignas(32) float scale[8];
        _mm256_store_ps(scale, _mm256_div_ps(_mm256_set1_ps(1.f), vid));
        for (int k = 0; k < rows; ++k) {
            const int first = Dims * k;
            __m256i code = _mm256_setzero_si256();
            for (int i = 0; i < Dims; ++i) {
                // nearestInt(0.5f * (id * xval - 1)) clamped to [0, maxQ - 1]
                const __m256 t = _mm256_mul_ps(_mm256_set1_ps(0.5f),
                                               _mm256_sub_ps(_mm256_mul_ps(vid, _mm256_set1_ps(g.xval[first + i])), _mm256_set1_ps(1.f)));
                const __m256i l = clampEpi32(nearestInt8(t), 0, g.maxQ - 1);
                storeLowBytes(out.L[first + i] + c0, l);
                code = _mm256_or_si256(code, _mm256_sll_epi32(l, _mm_cvtsi32_si128(levelBits * i)));
            }
            const __m256i offGrid = _mm256_cmpgt_epi32(_mm256_setzero_si256(), _mm256_i32gather_epi32(map, code, 4));
            const int offMask = _mm256_movemask_ps(_mm256_castsi256_ps(offGrid)) & ((1 << lanes) - 1);
            for (int j = 0; j < lanes; ++j)
                out.onGrid[k][c0 + j] = !(offMask >> j & 1);
            if (!offMask)
                continue;
            alignas(32) int32_t codes[8];
            _mm256_store_si256(reinterpret_cast<__m256i*>(codes), code);
            const RowVectors<Dims> v(g.xval + first, g.waux + first);
            for (int j = 0; j < lanes; ++j) {
                if (!(offMask >> j & 1))
                    continue;
                const int8_t* lv = grid.levels(nearestRow<Dims>(grid, static_cast<uint32_t>(codes[j]), v, scale[j]));
                for (int i = 0; i < Dims; ++i)
                    out.L[first + i][c0 + j] = lv[i];
            }
        }
        // sum(w·x·q) and sum(w·q·q), q = 2L + 1, in weight order as oddLevelSums adds them.
        __m256 sumqx = _mm256_setzero_ps(), sumq2 = _mm256_setzero_ps();
        for (int i = 0; i < g.n; ++i) {
            const __m256i l = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(out.L[i] + c0)));
            const __m256 q = _mm256_cvtepi32_ps(_mm256_add_epi32(_mm256_add_epi32(l, l), _mm256_set1_epi32(1)));
            const __m256 w = _mm256_set1_ps(g.weight[i]);
            sumqx = _mm256_add_ps(sumqx, _mm256_mul_ps(_mm256_mul_ps(w, _mm256_set1_ps(g.xval[i])), q));
            sumq2 = _mm256_add_ps(sumq2, _mm256_mul_ps(_mm256_mul_ps(w, q), q));
        }
        alignas(32) float sx[8], s2[8];
        _mm256_store_ps(sx, sumqx);
        _mm256_store_ps(s2, sumq2);
        for (int j = 0; j < lanes; ++j) {
            out.sumqx[c0 + j] = sx[j];
            out.sumq2[c0 + j] = s2[j];
        }
    }
}

} // namespace

int bestNeighbour(const GridSearch& grid, uint32_t code, const float* xval, const float* waux, float scale, int8_t* L)
{
    const int dims = grid.dims();
    const int row = dims == 8 ? nearestRow<8>(grid, code, RowVectors<8>(xval, waux), scale)
                              : nearestRow<4>(grid, code, RowVectors<4>(xval, waux), scale);
    const int8_t* lv = grid.levels(row);
    for (int i = 0; i < dims; ++i)
        L[i] = lv[i];
    return row;
}

void scaleSweep(const SweepGroup& g, const float* ids, int count, SweepOut& out)
{
    if (g.grid->dims() == 8)
        sweepOf<8>(g, ids, count, out);
    else
        sweepOf<4>(g, ids, count, out);
}

} // namespace qx::quant::iq::avx2
