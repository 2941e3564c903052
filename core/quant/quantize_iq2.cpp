// IQ2_XXS, IQ2_XS and IQ2_S: groups of 8 weights snapped to an E8-lattice codebook (iq_codebooks.h), one
// scale per 32 (XXS) or 16 (XS, S) weights, as llama.cpp b4748's quantize_row_iq2_*_impl.
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

constexpr int kMaxQ = 3;                 // levels 0..2 (odd values 1, 3, 5)
constexpr float kEpsIQ2S = 1e-8f;        // GROUP_MAX_EPS_IQ2_S

/// The working set of one row: ggml keeps these across groups (a group whose search never improves reuses
/// the previous group's levels), so they live as long as the row.
struct GroupState {
    explicit GroupState(IqSearch search) : search(search) {}
    IqSearch search;
    float weight[32], waux[32], xval[32];
    int8_t L[32] = {};
    bool onGrid[4] = {};
    uint8_t signs[4] = {};
    SweepOut candidates;
};

float groupMax(const float* xval, int n)
{
    float max = xval[0];
    for (int i = 1; i < n; ++i)
        max = maxF(max, xval[i]);
    return max;
}

float blockSigma2(const float* x, float factor)
{
    float sumx2 = 0;
    for (int i = 0; i < kQK_K; ++i)
        sumx2 += x[i] * x[i];
    return factor * sumx2 / kQK_K;
}

/// Rates the inverse scales ids[] in order (one sweep) and keeps each candidate that fits better than the
/// best so far, as ggml's loop over them does.
void tryScales(const GridSearch& grid, GroupState& s, int n, const float* ids, int count, float& scale, float& best)
{
    s.search.sweep({&grid, n, kMaxQ, s.weight, s.xval, s.waux}, ids, count, s.candidates);
    int chosen = -1;
    for (int c = 0; c < count; ++c) {
        const float sumqx = s.candidates.sumqx[c], sumq2 = s.candidates.sumq2[c];
        if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
            scale = sumqx / sumq2;
            best = scale * sumqx;
            chosen = c;
        }
    }
    if (chosen >= 0)   // the levels of the last candidate kept; else those from before stay
        s.candidates.levelsOf(chosen, n, 8, s.L, s.onGrid);
}

/// Re-snaps the rows (all, or those off the codebook) at the found scale and refits the scale.
void refit(const GridSearch& grid, GroupState& s, int n, bool onlyOffGrid, float& scale)
{
    const float id = 1 / scale;
    bool onGrid = false;
    for (int k = 0; k < n / 8; ++k)
        if (!onlyOffGrid || !s.onGrid[k])
            snapToGrid(grid, s.xval + 8 * k, s.waux + 8 * k, id, scale, kMaxQ, s.L + 8 * k, onGrid, s.search.nearest);
    float sumqx = 0, sumq2 = 0;
    oddLevelSums(n, s.weight, s.xval, s.L, sumqx, sumq2);
    if (sumq2 > 0)
        scale = sumqx / sumq2;
}

/// IQ2_XXS's search for one group of 32: start from make_qp_quants, 13 steps, refit every row.
float searchXXS(const GridSearch& grid, GroupState& s)
{
    float scale = s.search.qpQuants(32, kMaxQ + 1, s.xval, reinterpret_cast<uint8_t*>(s.L), s.weight);
    const float effMax = scale * kMaxQ;
    float ids[13], best = 0;
    for (int is = -6; is <= 6; ++is)
        ids[is + 6] = (2 * kMaxQ - 1 + is * 0.1f) / effMax;
    tryScales(grid, s, 32, ids, 13, scale, best);
    if (scale > 0)
        refit(grid, s, 32, false, scale);
    return scale;
}

/// IQ2_XS / IQ2_S's search for one group of 16: 19 steps around max/5, refit the rows off the codebook.
float search16(const GridSearch& grid, GroupState& s, float max)
{
    float scale = max / (2 * kMaxQ - 1), best = 0, ids[19];
    s.onGrid[0] = s.onGrid[1] = true;
    for (int is = -9; is <= 9; ++is)
        ids[is + 9] = (2 * kMaxQ - 1 + is * 0.1f) / max;
    tryScales(grid, s, 16, ids, 19, scale, best);
    if ((!s.onGrid[0] || !s.onGrid[1]) && scale > 0)
        refit(grid, s, 16, true, scale);
    return scale;
}

/// Weights, |x| and signs of a group; returns its largest |x| (after the parity flip where there is one).
float prepareGroup(GroupState& s, const float* xb, const float* qw, int n, float sigma2, bool evenSigns)
{
    if (qw)
        importanceWeights(n, xb, qw, sigma2, s.weight);
    else
        for (int i = 0; i < n; ++i)
            s.weight[i] = 0.25f * sigma2 + xb[i] * xb[i];   // only IQ2_S runs without importance
    for (int i = 0; i < n; ++i)
        s.waux[i] = std::sqrt(s.weight[i]);
    for (int k = 0; k < n / 8; ++k)
        s.signs[k] = foldSigns(xb + 8 * k, s.weight + 8 * k, s.xval + 8 * k, evenSigns);
    return groupMax(s.xval, n);
}

/// A negative fitted scale (ggml: "should never happen") becomes positive with every sign flipped.
void makeScalePositive(GroupState& s, int rows8, uint8_t signMask, float& scale)
{
    if (scale >= 0)
        return;
    scale = -scale;
    for (int k = 0; k < rows8; ++k)
        s.signs[k] = static_cast<uint8_t>(~s.signs[k] & signMask);
}

void quantizeBlockXXS(const float* x, const float* qw, BlockIQ2_XXS& y, GroupState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ2XXS);
    y.d = fp32ToFp16(0.f);
    uint32_t q2[2 * (kQK_K / 32)] = {};
    float scales[kQK_K / 32], maxScale = 0;
    const float sigma2 = blockSigma2(x, 1.f);
    for (int ib = 0; ib < kQK_K / 32; ++ib) {
        const float max = prepareGroup(s, x + 32 * ib, qw + 32 * ib, 32, sigma2, true);
        if (max < kGroupMaxEps) {
            scales[ib] = 0;
            std::memset(s.L, 0, 32);
            continue;
        }
        float scale = searchXXS(grid, s);
        makeScalePositive(s, 4, 127, scale);
        for (int k = 0; k < 4; ++k) {
            q2[2 * ib] |= static_cast<uint32_t>(rowOfLevels(grid, s.L + 8 * k)) << 8 * k;
            q2[2 * ib + 1] |= static_cast<uint32_t>(s.signs[k]) << 7 * k;
        }
        scales[ib] = scale;
        maxScale = maxF(maxScale, scale);
    }
    if (!maxScale) {
        std::memset(y.qs, 0, sizeof y.qs);
        return;
    }
    const float d = maxScale / 31;
    y.d = fp32ToFp16(d);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 32; ++ib)
        q2[2 * ib + 1] |= static_cast<uint32_t>(scaleCode(id, scales[ib], 15)) << 28;
    std::memcpy(y.qs, q2, sizeof y.qs);
}

void quantizeBlockXS(const float* x, const float* qw, BlockIQ2_XS& y, GroupState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ2XS);
    y.d = fp32ToFp16(0.f);
    std::memset(y.scales, 0, sizeof y.scales);
    uint16_t q2[2 * (kQK_K / 16)] = {};
    float scales[kQK_K / 16], maxScale = 0;
    const float sigma2 = blockSigma2(x, 1.f);
    for (int ib = 0; ib < kQK_K / 16; ++ib) {
        const float max = prepareGroup(s, x + 16 * ib, qw + 16 * ib, 16, sigma2, true);
        if (max < kGroupMaxEps) {
            scales[ib] = 0;
            std::memset(s.L, 0, 16);
            continue;
        }
        float scale = search16(grid, s, max);
        makeScalePositive(s, 2, 127, scale);
        for (int k = 0; k < 2; ++k)
            q2[2 * ib + k] = static_cast<uint16_t>(rowOfLevels(grid, s.L + 8 * k) | (s.signs[k] << 9));
        scales[ib] = scale;
        maxScale = maxF(maxScale, scale);
    }
    if (!maxScale) {
        std::memset(y.qs, 0, sizeof y.qs);
        return;
    }
    const float d = maxScale / 31;
    y.d = fp32ToFp16(d);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 16; ++ib)
        y.scales[ib / 2] = static_cast<uint8_t>(y.scales[ib / 2] | (scaleCode(id, scales[ib], 15) << 4 * (ib % 2)));
    std::memcpy(y.qs, q2, sizeof y.qs);
}

void quantizeBlockS(const float* x, const float* qw, BlockIQ2_S& y, GroupState& s)
{
    const GridSearch& grid = GridSearch::of(Codebook::IQ2S);
    std::memset(&y, 0, sizeof y);
    y.d = fp32ToFp16(0.f);
    float scales[kQK_K / 16], maxScale = 0;
    const float sigma2 = blockSigma2(x, 2.f);
    for (int ib = 0; ib < kQK_K / 16; ++ib) {
        const float max = prepareGroup(s, x + 16 * ib, qw ? qw + 16 * ib : nullptr, 16, sigma2, false);
        if (max < kEpsIQ2S) {
            scales[ib] = 0;
            continue;
        }
        float scale = search16(grid, s, max);
        makeScalePositive(s, 2, 255, scale);
        for (int k = 0; k < 2; ++k) {
            const int row = rowOfLevels(grid, s.L + 8 * k), i8 = 2 * ib + k;
            y.qs[i8] = static_cast<uint8_t>(row & 255);
            y.qh[i8 / 4] = static_cast<uint8_t>(y.qh[i8 / 4] | ((row >> 8) << 2 * (i8 % 4)));
            y.qs[kQK_K / 8 + i8] = s.signs[k];
        }
        scales[ib] = scale;
        maxScale = maxF(maxScale, scale);
    }
    if (!maxScale)
        return;
    const float d = maxScale / 31;
    y.d = fp32ToFp16(d * 0.9875f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQK_K / 16; ++ib)
        y.scales[ib / 2] = static_cast<uint8_t>(y.scales[ib / 2] | (scaleCode(id, scales[ib], 15) << 4 * (ib % 2)));
}

} // namespace

namespace {

void quantizeRowXXS(const float* x, void* dst, int64_t n, const float* qw, IqSearch search)
{
    auto* y = static_cast<BlockIQ2_XXS*>(dst);
    GroupState state(search);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        quantizeBlockXXS(x + kQK_K * ib, qw + kQK_K * ib, y[ib], state);
}

void quantizeRowXS(const float* x, void* dst, int64_t n, const float* qw, IqSearch search)
{
    auto* y = static_cast<BlockIQ2_XS*>(dst);
    GroupState state(search);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        quantizeBlockXS(x + kQK_K * ib, qw + kQK_K * ib, y[ib], state);
}

void quantizeRowS(const float* x, void* dst, int64_t n, const float* qw, IqSearch search)
{
    auto* y = static_cast<BlockIQ2_S*>(dst);
    GroupState state(search);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        quantizeBlockS(x + kQK_K * ib, qw ? qw + kQK_K * ib : nullptr, y[ib], state);
}

} // namespace

void quantizeRowIQ2_XXSRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXXS(x, dst, n, qw, kScalarSearch);
}

void quantizeRowIQ2_XSRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXS(x, dst, n, qw, kScalarSearch);
}

void quantizeRowIQ2_SRef(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowS(x, dst, n, qw, kScalarSearch);
}

namespace avx2 {

void quantizeRowIQ2_XXS(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXXS(x, dst, n, qw, kAvx2Search);
}

void quantizeRowIQ2_XS(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowXS(x, dst, n, qw, kAvx2Search);
}

void quantizeRowIQ2_S(const float* x, void* dst, int64_t n, const float* qw)
{
    quantizeRowS(x, dst, n, qw, kAvx2Search);
}

} // namespace avx2

} // namespace qx::quant
