// IQ1_S and IQ1_M: groups of 8 ternary weights (-1, 0, +1, shifted by ±1/8) from a 2048-row codebook, as
// llama.cpp b4748's quantize_row_iq1_s_impl / quantize_row_iq1_m_impl. The levels of a group (32 weights
// for IQ1_S, 16 for IQ1_M) come from an exhaustive search over the two thresholds that split the sorted
// weights into three sets, for each choice of the shift signs.
// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_quantizers.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/iq1_search.h"
#include "quant/iq_quant_common.h"
#include "quant/quantize_simd.h"
#include "quant/quant_search.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace qx::quant {
namespace {

using namespace qx::ggml;
using namespace qx::quant::iq;
using namespace qx::quant::iq1;

constexpr float kEpsIQ1S = 1e-12f, kEpsIQ1M = 1e-7f;

/// The working set of one row; `shifts` outlives a group because ggml reads it for skipped groups too.
/// `fast`: use the AVX2 searches (the whole block is free of NaN, so any stable sort gives ggml's order).
struct RowState {
    bool fast = false;
    float weight[32];
    int8_t L[32];
    int order[32];        ///< group indices sorted by value (stable, like glibc's merge-sort qsort)
    int8_t shifts[16] = {};
};

/// Sorts the group's indices by value (ties keep index order). Without NaN the order is unique and an
/// insertion sort finds it without the allocation of std::stable_sort; with NaN only the merge sort
/// reproduces glibc's qsort.
void sortByValue(const float* xb, int n, int* order, bool noNaN)
{
    for (int j = 0; j < n; ++j)
        order[j] = j;
    if (!noNaN) {
        std::stable_sort(order, order + n, [xb](int a, int b) { return xb[a] < xb[b]; });
        return;
    }
    for (int j = 1; j < n; ++j) {
        const int moving = order[j];
        int at = j;
        for (; at > 0 && xb[moving] < xb[order[at - 1]]; --at)
            order[at] = order[at - 1];
        order[at] = moving;
    }
}

/// Levels 0/1/2 from the two thresholds in sorted order.
void levelsFromSplit(const int* order, int n, int i1, int i2, int8_t* L)
{
    for (int j = 0; j < n; ++j)
        L[order[j]] = static_cast<int8_t>(j < i1 ? 0 : (j < i2 ? 1 : 2));
}

/// iq1_find_best_neighbour2: the neighbour of `code` nearest to xb at `scale` with level values xs.
int nearestRow(const GridSearch& grid, uint32_t code, const float* xb, const float* weight, float scale,
               const float* xs, int8_t* L)
{
    float best = FLT_MAX;
    int bestRow = -1;
    auto consider = [&](int row) {
        const int8_t* pg = grid.point(row);
        float d2 = 0;
        for (int i = 0; i < 8; ++i) {
            const float q = xs[(pg[i] - 1) / 2];
            const float diff = scale * q - xb[i];
            d2 += weight[i] * diff * diff;
        }
        if (d2 < best) {
            best = d2;
            bestRow = row;
        }
    };
    for (const uint16_t row : grid.neighbours(code))
        consider(row);
    for (int row = 0; bestRow < 0 && row < 2048; ++row)   // only when every distance was NaN
        consider(row);
    bestRow = std::max(bestRow, 0);
    for (int i = 0; i < 8; ++i)
        L[i] = static_cast<int8_t>((grid.point(bestRow)[i] - 1) / 2);
    return bestRow;
}

/// The codebook row of each 8 levels; rows off the codebook are replaced by their nearest neighbour.
/// Returns false when any was. `shiftOf(k)` gives the level values of row k.
template <typename ShiftOf>
bool rowsOnGrid(const GridSearch& grid, RowState& s, const float* xb, int n, float scale, ShiftOf shiftOf, uint16_t* index)
{
    bool allOnGrid = true;
    for (int k = 0; k < n / 8; ++k) {
        const uint32_t code = packLevels(s.L + 8 * k, 8, 2);
        int row = grid.rowOf(code);
        if (row < 0) {
            allOnGrid = false;
            row = s.fast ? iq1::avx2::nearestRow(grid, code, xb + 8 * k, s.weight + 8 * k, scale, shiftOf(k)) : -1;
            if (row >= 0)
                for (int i = 0; i < 8; ++i)
                    s.L[8 * k + i] = static_cast<int8_t>((grid.point(row)[i] - 1) / 2);
            else
                row = nearestRow(grid, code, xb + 8 * k, s.weight + 8 * k, scale, shiftOf(k), s.L + 8 * k);
        }
        index[k] = static_cast<uint16_t>(row);
    }
    return allOnGrid;
}

/// The scale that fits the chosen rows best (kept when the fit is not positive).
template <typename ShiftOf>
float refitScale(const GridSearch& grid, const RowState& s, const float* xb, int n, const uint16_t* index,
                 ShiftOf shiftOf, float scale)
{
    float sumqx = 0, sumq2 = 0;
    for (int k = 0; k < n / 8; ++k) {
        const float* xs = shiftOf(k);
        const int8_t* pg = grid.point(index[k]);
        for (int j = 0; j < 8; ++j) {
            const float w = s.weight[8 * k + j];
            const float q = xs[(pg[j] - 1) / 2];
            sumqx += w * q * xb[8 * k + j];
            sumq2 += w * q * q;
        }
    }
    return sumqx > 0 && sumq2 > 0 ? sumqx / sumq2 : scale;
}

/// IQ1_S's search of one group of 32 with prefix sums: both shifts, every pair of thresholds.
Split searchIQ1S(const float* xb, const RowState& s, float max)
{
    float sumx[33 + kPrefixPad] = {}, sumw[33 + kPrefixPad] = {};
    for (int j = 0; j < 32; ++j) {
        const int i = s.order[j];
        sumx[j + 1] = sumx[j] + s.weight[i] * xb[i];
        sumw[j + 1] = sumw[j] + s.weight[i];
    }
    if (s.fast)
        return iq1::avx2::searchS(sumx, sumw, max);
    Split best;
    best.scale = max;
    float bestScore = -FLT_MIN;
    for (int i1 = 0; i1 <= 32; ++i1)
        for (int i2 = i1; i2 <= 32; ++i2)
            for (const int shift : {1, -1}) {
                const float* xs = shift == 1 ? kXp : kXm;
                const float sumqx = (sumx[i1] - sumx[0]) * xs[0] + (sumx[i2] - sumx[i1]) * xs[1] + (sumx[32] - sumx[i2]) * xs[2];
                const float sumq2 = (sumw[i1] - sumw[0]) * xs[0] * xs[0] + (sumw[i2] - sumw[i1]) * xs[1] * xs[1]
                                    + (sumw[32] - sumw[i2]) * xs[2] * xs[2];
                if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
                    best = {i1, i2, shift, sumqx / sumq2};
                    bestScore = best.scale * sumqx;
                }
            }
    return best;
}

void quantizeGroupIQ1S(const GridSearch& grid, const float* xb, int ib, RowState& s, BlockIQ1_S& y, float* scales)
{
    sortByValue(xb, 32, s.order, s.fast);
    Split split = searchIQ1S(xb, s, scales[ib]);
    if (split.i1 < 0)   // no split fits (non-finite input): all zero levels, positive shift
        split = {0, 0, 1, 0.f};
    levelsFromSplit(s.order, 32, split.i1, split.i2, s.L);
    if (split.scale < 0) {
        for (int8_t& l : s.L)
            l = static_cast<int8_t>(2 - l);
        split.scale = -split.scale;
        split.shift = -split.shift;
    }
    const float* xs = split.shift == 1 ? kXp : kXm;
    const auto shiftOf = [xs](int) { return xs; };
    uint16_t index[4];
    if (!rowsOnGrid(grid, s, xb, 32, split.scale, shiftOf, index))
        split.scale = refitScale(grid, s, xb, 32, index, shiftOf, split.scale);
    uint16_t h = 0;
    for (int k = 0; k < 4; ++k) {
        y.qs[4 * ib + k] = static_cast<uint8_t>(index[k] & 255);
        h = static_cast<uint16_t>(h | ((index[k] >> 8) << 3 * k));
    }
    y.qh[ib] = h;
    scales[ib] = split.scale;
    s.shifts[ib] = static_cast<int8_t>(split.shift);
}

float blockSigma2(const float* x)
{
    float sumx2 = 0;
    for (int i = 0; i < kQK_K; ++i)
        sumx2 += x[i] * x[i];
    return 2 * sumx2 / kQK_K;
}

/// Largest |x| of a group, with ggml's MAX.
float absMax(const float* xb, int n)
{
    float max = std::fabs(xb[0]);
    for (int i = 1; i < n; ++i)
        max = maxF(max, std::fabs(xb[i]));
    return max;
}

void quantizeBlockIQ1S(const float* x, const float* qw, BlockIQ1_S& y, RowState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ1S);
    y.d = fp32ToFp16(0.f);
    std::memset(y.qs, 0, sizeof y.qs);
    std::memset(y.qh, 0, sizeof y.qh);
    float scales[kQK_K / 32], maxScale = 0;
    const float sigma2 = blockSigma2(x);
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        const float* xb = x + 32 * ib;
        importanceWeights(32, xb, qw + 32 * ib, sigma2, s.weight);
        scales[ib] = absMax(xb, 32);
        if (scales[ib] < kEpsIQ1S) {
            scales[ib] = 0;
            std::memset(s.L, 1, 32);
            continue;
        }
        quantizeGroupIQ1S(grid, xb, ib, s, y, scales);
        maxScale = maxF(maxScale, scales[ib]);
    }
    if (!maxScale)
        return;
    const float d = maxScale / 15;
    y.d = fp32ToFp16(d * 1.125f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        int l = scaleCode(id, scales[ib], 7);
        if (s.shifts[ib] == -1)
            l |= 8;
        y.qh[ib] = static_cast<uint16_t>(y.qh[ib] | (l << 12));
    }
}

/// True when none of the n values is NaN.
bool noNaN(const float* x, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        if (std::isnan(x[i]))
            return false;
    return true;
}

void quantizeRowIQ1S(const float* x, void* dst, int64_t n, const float* qw, bool fast)
{
    auto* y = static_cast<BlockIQ1_S*>(dst);
    RowState state;
    for (int64_t ib = 0; ib < n / kQK_K; ++ib) {
        state.fast = fast && noNaN(x + kQK_K * ib, kQK_K);
        quantizeBlockIQ1S(x + kQK_K * ib, qw + kQK_K * ib, y[ib], state);
    }
}

} // namespace

void quantizeRowIQ1_SRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowIQ1S(x, dst, n, qw, false);
}

namespace iq1m {

/// Level values of the rows of a 16-weight group for shift choice k: 0 (+,+), 1 (+,-), 2 (-,+), 3 (-,-).
const float* shiftValues(int k, int row) { return (row == 0 ? k < 2 : k % 2 == 0) ? kXp : kXm; }

/// IQ1_M's search of one group of 16: every pair of thresholds, all four shift choices at once. The
/// products w * v * x and w * v * v do not depend on the thresholds, so they are formed once; the sums
/// then add them in ggml's order.
Split search(const float* xb, const RowState& s, float max)
{
    TermsM terms;   // [sorted position][level][w·v·x for shift choice 0..3, then w·v·v]
    for (int j = 0; j < 16; ++j) {
        const int i = s.order[j];
        for (int level = 0; level < 3; ++level)
            for (int k = 0; k < 4; ++k) {
                const float v = shiftValues(k, i / 8)[level];
                terms[j][level][k] = s.weight[i] * v * xb[i];
                terms[j][level][4 + k] = s.weight[i] * v * v;
            }
    }
    if (s.fast)
        return iq1::avx2::searchM(terms, max);
    Split best;
    best.scale = max;
    float bestScore = -FLT_MIN;
    for (int i1 = 0; i1 <= 16; ++i1)
        for (int i2 = i1; i2 <= 16; ++i2) {
            float sumqx[4] = {}, sumq2[4] = {};
            for (int j = 0; j < 16; ++j) {
                const int level = j < i1 ? 0 : (j < i2 ? 1 : 2);
                for (int k = 0; k < 4; ++k) {
                    sumqx[k] += terms[j][level][k];
                    sumq2[k] += terms[j][level][4 + k];
                }
            }
            for (int k = 0; k < 4; ++k)
                if (sumq2[k] > 0 && sumqx[k] * sumqx[k] > bestScore * sumq2[k]) {
                    best = {i1, i2, k, sumqx[k] / sumq2[k]};
                    bestScore = best.scale * sumqx[k];
                }
        }
    return best;
}

void quantizeGroup(const GridSearch& grid, const float* xb, int ib, RowState& s, BlockIQ1_M& y, float* scales)
{
    sortByValue(xb, 16, s.order, s.fast);
    Split split = search(xb, s, scales[ib]);
    if (split.i1 < 0)   // no split fits (non-finite input)
        split = {0, 0, 0, 0.f};
    levelsFromSplit(s.order, 16, split.i1, split.i2, s.L);
    if (split.scale < 0) {
        for (int j = 0; j < 16; ++j)
            s.L[j] = static_cast<int8_t>(2 - s.L[j]);
        split.scale = -split.scale;
        split.shift = 3 - split.shift;
    }
    const auto shiftOf = [k = split.shift](int row) { return shiftValues(k, row); };
    uint16_t index[2];
    if (!rowsOnGrid(grid, s, xb, 16, split.scale, shiftOf, index))
        split.scale = refitScale(grid, s, xb, 16, index, shiftOf, split.scale);
    y.qs[2 * ib] = static_cast<uint8_t>(index[0] & 255);
    y.qs[2 * ib + 1] = static_cast<uint8_t>(index[1] & 255);
    y.qh[ib] = static_cast<uint8_t>((index[0] >> 8) | ((index[1] >> 8) << 4));
    scales[ib] = split.scale;
    s.shifts[ib] = static_cast<int8_t>(split.shift);
}

/// Weights of a group of 16: importance or x^2.
void groupWeights(const float* xb, const float* qw, float sigma2, float* weight)
{
    if (qw)
        importanceWeights(16, xb, qw, sigma2, weight);
    else
        for (int i = 0; i < 16; ++i)
            weight[i] = xb[i] * xb[i];
}

/// The 3-bit group scales, shift bits and the fitted super-scale (its fp16 spread over the scales' top nibbles).
void finishBlock(const GridSearch& grid, const float* x, const float* qw, float sigma2, const float* scales,
                 float maxScale, RowState& s, BlockIQ1_M& y)
{
    static constexpr uint8_t kMasks[4] = {0x00, 0x80, 0x08, 0x88};
    uint16_t sc[4] = {};
    float d = maxScale / 15;
    const float id = 1 / d;
    float sumqx = 0, sumq2 = 0;
    for (int ib = 0; ib < kQK_K / 16; ++ib) {
        const int l = scaleCode(id, scales[ib], 7);
        sc[ib / 4] = static_cast<uint16_t>(sc[ib / 4] | (l << 3 * (ib % 4)));
        y.qh[ib] = static_cast<uint8_t>(y.qh[ib] | kMasks[s.shifts[ib] & 3]);
        const float* xb = x + 16 * ib;
        groupWeights(xb, qw ? qw + 16 * ib : nullptr, sigma2, s.weight);
        for (int k = 0; k < 2; ++k) {
            const float* xs = shiftValues(s.shifts[ib] & 3, k);
            const int8_t* pg = grid.point(y.qs[2 * ib + k] + ((y.qh[ib] << (8 - 4 * k)) & 0x700));
            for (int j = 0; j < 8; ++j) {
                const float w = s.weight[8 * k + j];
                const float q = xs[(pg[j] - 1) / 2] * (2 * l + 1);
                sumqx += w * q * xb[8 * k + j];
                sumq2 += w * q * q;
            }
        }
    }
    if (sumq2 > 0)
        d = sumqx / sumq2;
    const uint16_t f16 = fp32ToFp16(d * 1.1125f);
    sc[0] = static_cast<uint16_t>(sc[0] | ((f16 & 0x000f) << 12));
    sc[1] = static_cast<uint16_t>(sc[1] | ((f16 & 0x00f0) << 8));
    sc[2] = static_cast<uint16_t>(sc[2] | ((f16 & 0x0f00) << 4));
    sc[3] = static_cast<uint16_t>(sc[3] | (f16 & 0xf000));
    std::memcpy(y.scales, sc, sizeof sc);
}

void quantizeBlock(const float* x, const float* qw, BlockIQ1_M& y, RowState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ1S);
    std::memset(&y, 0, sizeof y);
    float scales[kQK_K / 16], maxScale = 0;
    const float sigma2 = blockSigma2(x);
    for (int ib = 0; ib < kQK_K / 16; ++ib) {
        const float* xb = x + 16 * ib;
        groupWeights(xb, qw ? qw + 16 * ib : nullptr, sigma2, s.weight);
        scales[ib] = absMax(xb, 16);
        if (scales[ib] < kEpsIQ1M) {
            scales[ib] = 0;
            std::memset(s.L, 1, 16);
            continue;
        }
        quantizeGroup(grid, xb, ib, s, y, scales);
        maxScale = maxF(maxScale, scales[ib]);
    }
    if (maxScale)
        finishBlock(grid, x, qw, sigma2, scales, maxScale, s, y);
}

void quantizeRow(const float* x, void* dst, int64_t n, const float* qw, bool fast)
{
    auto* y = static_cast<BlockIQ1_M*>(dst);
    RowState state;
    for (int64_t ib = 0; ib < n / kQK_K; ++ib) {
        state.fast = fast && noNaN(x + kQK_K * ib, kQK_K);
        quantizeBlock(x + kQK_K * ib, qw ? qw + kQK_K * ib : nullptr, y[ib], state);
    }
}

} // namespace iq1m

namespace {
void quantizeRowIQ1M(const float* x, void* dst, int64_t n, const float* qw, bool fast)
{
    iq1m::quantizeRow(x, dst, n, qw, fast);
}
} // namespace

void quantizeRowIQ1_MRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowIQ1M(x, dst, n, qw, false);
}

namespace avx2 {

void quantizeRowIQ1_S(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowIQ1S(x, dst, n, qw, true);
}

void quantizeRowIQ1_M(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowIQ1M(x, dst, n, qw, true);
}

} // namespace avx2

} // namespace qx::quant
