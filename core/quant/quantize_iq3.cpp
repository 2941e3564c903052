// IQ3_XXS and IQ3_S: groups of 4 weights snapped to a D4-lattice codebook (iq_codebooks.h), one scale per
// 32 weights, as llama.cpp b4748's quantize_row_iq3_xxs_impl / quantize_row_iq3_s_impl.
// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_quantizers.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/iq_quant_common.h"
#include "quant/iq_sweep.h"
#include "quant/quantize_simd.h"
#include "quant/quant_search.h"

#include <cmath>
#include <cstring>

namespace qx::quant {
namespace {

using namespace qx::ggml;
using namespace qx::quant::iq;

constexpr int kMaxQ = 8;                  // levels 0..7
constexpr float kEpsIQ3XXS = 1e-8f;       // GROUP_MAX_EPS_IQ3_XXS

/// The working set of one row. ggml keeps levels and the on-codebook flags across groups (IQ3_XXS does not
/// reset the flags), so they live as long as the row.
struct GroupState {
    explicit GroupState(IqSearch search) : search(search) {}
    IqSearch search;
    float weight[32], waux[32], xval[32];
    int8_t L[32] = {};
    bool onGrid[8] = {};
    uint8_t signs[4] = {};
    SweepOut candidates;
};

/// Weights (importance or x^2), |x| and signs of a group of 32; returns the largest |x|.
float prepareGroup(GroupState& s, const float* xb, const float* qw, float sigma2, bool evenSigns)
{
    if (qw)
        importanceWeights(32, xb, qw, sigma2, s.weight);
    else
        for (int i = 0; i < 32; ++i)
            s.weight[i] = xb[i] * xb[i];
    for (int i = 0; i < 32; ++i)
        s.waux[i] = std::sqrt(s.weight[i]);
    for (int k = 0; k < 4; ++k)
        s.signs[k] = foldSigns(xb + 8 * k, s.weight + 8 * k, s.xval + 8 * k, evenSigns);
    float max = s.xval[0];
    for (int i = 1; i < 32; ++i)
        max = maxF(max, s.xval[i]);
    return max;
}

/// The scale search of a group: `steps` steps of 0.2 either side of max/15, then a refit of the rows
/// off the codebook (IQ3_XXS) or of every row (IQ3_S) when any was off it.
float searchGroup(const GridSearch& grid, GroupState& s, float max, int steps, bool refitAllRows)
{
    float scale = max / (2 * kMaxQ - 1), best = 0, ids[kMaxSweep];
    const int count = 2 * steps + 1;
    for (int is = -steps; is <= steps; ++is)
        ids[is + steps] = (2 * kMaxQ - 1 + is * 0.2f) / max;
    s.search.sweep({&grid, 32, kMaxQ, s.weight, s.xval, s.waux}, ids, count, s.candidates);
    int chosen = -1;
    for (int c = 0; c < count; ++c) {   // ggml's order: the first best candidate wins
        const float sumqx = s.candidates.sumqx[c], sumq2 = s.candidates.sumq2[c];
        if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
            scale = sumqx / sumq2;
            best = scale * sumqx;
            chosen = c;
        }
    }
    if (chosen >= 0)   // else the levels and flags stay those of the group before, as in ggml
        s.candidates.levelsOf(chosen, 32, 4, s.L, s.onGrid);
    int offGrid = 0;
    for (const bool on : s.onGrid)
        offGrid += on ? 0 : 1;
    if (offGrid == 0 || scale <= 0)
        return scale;
    const float id = 1 / scale;
    bool onGrid = false;
    for (int k = 0; k < 8; ++k)
        if (refitAllRows || !s.onGrid[k])
            snapToGrid(grid, s.xval + 4 * k, s.waux + 4 * k, id, scale, kMaxQ, s.L + 4 * k, onGrid, s.search.nearest);
    float sumqx = 0, sumq2 = 0;
    oddLevelSums(32, s.weight, s.xval, s.L, sumqx, sumq2);
    return sumq2 > 0 ? sumqx / sumq2 : scale;
}

float blockSigma2(const float* x)
{
    float sumx2 = 0;
    for (int i = 0; i < kQK_K; ++i)
        sumx2 += x[i] * x[i];
    return 2 * sumx2 / kQK_K;
}

void quantizeBlockXXS(const float* x, const float* qw, BlockIQ3_XXS& y, GroupState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ3XXS);
    y.d = fp32ToFp16(0.f);
    uint8_t q3[kQK_K / 4 + kQK_K / 8] = {};   // row indices, then one u32 of signs and scale per group
    float scales[kQK_K / 32], maxScale = 0;
    const float sigma2 = blockSigma2(x);
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        const float max = prepareGroup(s, x + 32 * ib, qw ? qw + 32 * ib : nullptr, sigma2, true);
        if (max < kEpsIQ3XXS) {
            scales[ib] = 0;
            std::memset(s.L, 0, sizeof s.L);
            continue;
        }
        float scale = searchGroup(grid, s, max, 15, false);
        if (scale < 0) {
            scale = -scale;
            for (uint8_t& sign : s.signs)
                sign = static_cast<uint8_t>(~sign & 127);
        }
        for (int k = 0; k < 8; ++k)
            q3[8 * ib + k] = static_cast<uint8_t>(rowOfLevels(grid, s.L + 4 * k));
        const uint32_t signs = s.signs[0] | (s.signs[1] << 7) | (s.signs[2] << 14) | (s.signs[3] << 21);
        std::memcpy(q3 + kQK_K / 4 + 4 * ib, &signs, 4);
        scales[ib] = scale;
        maxScale = maxF(maxScale, scale);
    }
    if (!maxScale) {
        std::memset(y.qs, 0, sizeof y.qs);
        return;
    }
    const float d = maxScale / 31;
    y.d = fp32ToFp16(d * 1.0125f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        uint32_t word;
        std::memcpy(&word, q3 + kQK_K / 4 + 4 * ib, 4);
        word |= static_cast<uint32_t>(scaleCode(id, scales[ib], 15)) << 28;
        std::memcpy(q3 + kQK_K / 4 + 4 * ib, &word, 4);
    }
    std::memcpy(y.qs, q3, sizeof y.qs);
}

void quantizeBlockS(const float* x, const float* qw, BlockIQ3_S& y, GroupState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ3S);
    std::memset(&y, 0, sizeof y);
    y.d = fp32ToFp16(0.f);
    float scales[kQK_K / 32], maxScale = 0;
    const float sigma2 = blockSigma2(x);
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        const float max = prepareGroup(s, x + 32 * ib, qw ? qw + 32 * ib : nullptr, sigma2, false);
        if (!max) {
            scales[ib] = 0;
            continue;
        }
        std::memset(s.onGrid, 0, sizeof s.onGrid);
        float scale = searchGroup(grid, s, max, 9, true);
        if (scale < 0) {
            scale = -scale;
            for (uint8_t& sign : s.signs)
                sign = static_cast<uint8_t>(~sign);
        }
        for (int k = 0; k < 8; ++k) {
            const int row = rowOfLevels(grid, s.L + 4 * k);
            y.qs[8 * ib + k] = static_cast<uint8_t>(row & 255);
            y.qh[ib] = static_cast<uint8_t>(y.qh[ib] | ((row >> 8) << k));
        }
        std::memcpy(y.signs + 4 * ib, s.signs, 4);
        scales[ib] = scale;
        maxScale = maxF(maxScale, scale);
    }
    if (!maxScale)
        return;
    const float d = maxScale / 31;
    y.d = fp32ToFp16(d * 1.033f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 32; ib += 2)
        y.scales[ib / 2] = static_cast<uint8_t>(scaleCode(id, scales[ib], 15) | (scaleCode(id, scales[ib + 1], 15) << 4));
}

} // namespace

namespace {

void quantizeRowXXS(const float* x, void* dst, int64_t n, const float* qw, IqSearch search)
{
    auto* y = static_cast<BlockIQ3_XXS*>(dst);
    GroupState state(search);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        quantizeBlockXXS(x + kQK_K * ib, qw ? qw + kQK_K * ib : nullptr, y[ib], state);
}

void quantizeRowS(const float* x, void* dst, int64_t n, const float* qw, IqSearch search)
{
    auto* y = static_cast<BlockIQ3_S*>(dst);
    GroupState state(search);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        quantizeBlockS(x + kQK_K * ib, qw ? qw + kQK_K * ib : nullptr, y[ib], state);
}

} // namespace

void quantizeRowIQ3_XXSRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXXS(x, dst, n, qw, kScalarSearch);
}

void quantizeRowIQ3_SRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowS(x, dst, n, qw, kScalarSearch);
}

namespace avx2 {

void quantizeRowIQ3_XXS(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXXS(x, dst, n, qw, kAvx2Search);
}

void quantizeRowIQ3_S(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowS(x, dst, n, qw, kAvx2Search);
}

} // namespace avx2

} // namespace qx::quant
