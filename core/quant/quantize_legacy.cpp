// Q4_0, Q4_1, Q5_0, Q5_1, Q8_0: llama.cpp's 32-weight blocks, reference and importance-weighted paths.
// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_quantizers.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace qx::quant {
namespace {

using namespace qx::ggml;

/// Signed value of largest magnitude (first wins), as q4_0/q5_0 pick it.
float signedMax(const float* x, int n)
{
    float amax = 0, max = 0;
    for (int j = 0; j < n; ++j) {
        if (amax < std::fabs(x[j])) {
            amax = std::fabs(x[j]);
            max = x[j];
        }
    }
    return max;
}

void minMax(const float* x, int n, float& min, float& max)
{
    min = FLT_MAX;
    max = -FLT_MAX;
    for (int j = 0; j < n; ++j) {
        if (x[j] < min) min = x[j];
        if (x[j] > max) max = x[j];
    }
}

/// Sum of squares of the row divided by its length: sigma^2 of the *_impl paths.
float rowSigma2(const float* x, int64_t n)
{
    float sumX2 = 0;
    for (int64_t j = 0; j < n; ++j)
        sumX2 += x[j] * x[j];
    return sumX2 / n;
}

void importanceWeights(const float* xb, const float* qw, float sigma2, float* weight)
{
    for (int j = 0; j < 32; ++j)
        weight[j] = qw[j] * std::sqrt(sigma2 + xb[j] * xb[j]);
}

/// Packs 32 5-bit levels into qs (low nibbles) and the 32-bit qh (fifth bits).
template <typename Block>
void packQ5(Block& b, const uint8_t* L)
{
    uint32_t qh = 0;
    for (int j = 0; j < 16; ++j) {
        const uint8_t xi0 = L[j], xi1 = L[j + 16];
        b.qs[j] = static_cast<uint8_t>((xi0 & 0x0F) | ((xi1 & 0x0F) << 4));
        qh |= ((xi0 & 0x10u) >> 4) << (j + 0);
        qh |= ((xi1 & 0x10u) >> 4) << (j + 16);
    }
    std::memcpy(b.qh, &qh, sizeof qh);
}

void q4_0Block(const float* x, BlockQ4_0& b)
{
    const float d = signedMax(x, 32) / -8;
    const float id = d ? 1.0f / d : 0.0f;
    b.d = fp32ToFp16(d);
    for (int j = 0; j < 16; ++j) {
        const float x0 = x[j] * id, x1 = x[16 + j] * id;
        const uint8_t xi0 = std::min<int>(15, static_cast<int8_t>(truncToInt(x0 + 8.5f)));
        const uint8_t xi1 = std::min<int>(15, static_cast<int8_t>(truncToInt(x1 + 8.5f)));
        b.qs[j] = static_cast<uint8_t>(xi0 | (xi1 << 4));
    }
}

void q4_1Block(const float* x, BlockQ4_1& b)
{
    float min, max;
    minMax(x, 32, min, max);
    const float d = (max - min) / 15;
    const float id = d ? 1.0f / d : 0.0f;
    b.d = fp32ToFp16(d);
    b.m = fp32ToFp16(min);
    for (int j = 0; j < 16; ++j) {
        const float x0 = (x[j] - min) * id, x1 = (x[16 + j] - min) * id;
        const uint8_t xi0 = std::min<int>(15, static_cast<int8_t>(truncToInt(x0 + 0.5f)));
        const uint8_t xi1 = std::min<int>(15, static_cast<int8_t>(truncToInt(x1 + 0.5f)));
        b.qs[j] = static_cast<uint8_t>(xi0 | (xi1 << 4));
    }
}

void q5_0Block(const float* x, BlockQ5_0& b)
{
    const float d = signedMax(x, 32) / -16;
    const float id = d ? 1.0f / d : 0.0f;
    b.d = fp32ToFp16(d);
    uint8_t L[32];
    for (int j = 0; j < 32; ++j)
        L[j] = std::min<int>(31, static_cast<int8_t>(truncToInt(x[j] * id + 16.5f)));
    packQ5(b, L);
}

void q5_1Block(const float* x, BlockQ5_1& b)
{
    float min, max;
    minMax(x, 32, min, max);
    const float d = (max - min) / 31;
    const float id = d ? 1.0f / d : 0.0f;
    b.d = fp32ToFp16(d);
    b.m = fp32ToFp16(min);
    uint8_t L[32];
    for (int j = 0; j < 32; ++j)
        L[j] = static_cast<uint8_t>(truncToInt((x[j] - min) * id + 0.5f));
    packQ5(b, L);
}

} // namespace

void quantizeRowQ4_0Ref(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ4_0*>(dst);
    const int64_t nb = n / 32;
    if (!qw) {
        for (int64_t i = 0; i < nb; ++i)
            q4_0Block(x + 32 * i, y[i]);
        return;
    }
    const float sigma2 = rowSigma2(x, n);
    float weight[32];
    int8_t L[32];
    for (int64_t ib = 0; ib < nb; ++ib) {
        importanceWeights(x + 32 * ib, qw + 32 * ib, sigma2, weight);
        const float d = makeQxQuants(32, 8, x + 32 * ib, L, 1, weight);
        y[ib].d = fp32ToFp16(d);
        for (int j = 0; j < 16; ++j)
            y[ib].qs[j] = static_cast<uint8_t>(L[j] | (L[j + 16] << 4));
    }
}

void quantizeRowQ4_1Ref(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ4_1*>(dst);
    const int64_t nb = n / 32;
    if (!qw) {
        for (int64_t i = 0; i < nb; ++i)
            q4_1Block(x + 32 * i, y[i]);
        return;
    }
    const float sigma2 = rowSigma2(x, n);
    float weight[32];
    uint8_t L[32], Laux[32];
    for (int64_t ib = 0; ib < nb; ++ib) {
        importanceWeights(x + 32 * ib, qw + 32 * ib, sigma2, weight);
        float min;
        const float d = makeQkx3Quants(32, 15, x + 32 * ib, weight, L, &min, Laux, -0.9f, 0.05f, 36, false);
        y[ib].d = fp32ToFp16(d);
        y[ib].m = fp32ToFp16(-min);
        for (int j = 0; j < 16; ++j)
            y[ib].qs[j] = static_cast<uint8_t>(L[j] | (L[j + 16] << 4));
    }
}

void quantizeRowQ5_0Ref(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ5_0*>(dst);
    const int64_t nb = n / 32;
    if (!qw) {
        for (int64_t i = 0; i < nb; ++i)
            q5_0Block(x + 32 * i, y[i]);
        return;
    }
    const float sigma2 = rowSigma2(x, n);
    float weight[32];
    int8_t L[32];
    for (int64_t ib = 0; ib < nb; ++ib) {
        importanceWeights(x + 32 * ib, qw + 32 * ib, sigma2, weight);
        const float d = makeQxQuants(32, 16, x + 32 * ib, L, 1, weight);
        y[ib].d = fp32ToFp16(d);
        packQ5(y[ib], reinterpret_cast<const uint8_t*>(L));
    }
}

void quantizeRowQ5_1Ref(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ5_1*>(dst);
    const int64_t nb = n / 32;
    if (!qw) {
        for (int64_t i = 0; i < nb; ++i)
            q5_1Block(x + 32 * i, y[i]);
        return;
    }
    const float sigma2 = rowSigma2(x, n);
    float weight[32];
    uint8_t L[32], Laux[32];
    for (int64_t ib = 0; ib < nb; ++ib) {
        importanceWeights(x + 32 * ib, qw + 32 * ib, sigma2, weight);
        float min;
        const float d = makeQkx3Quants(32, 31, x + 32 * ib, weight, L, &min, Laux, -0.9f, 0.05f, 36, false);
        y[ib].d = fp32ToFp16(d);
        y[ib].m = fp32ToFp16(-min);
        packQ5(y[ib], L);
    }
}

void quantizeRowQ8_0Ref(const float* x, void* dst, int64_t n, const float* /*qw: ignored, as in ggml*/)
{
    auto* y = static_cast<BlockQ8_0*>(dst);
    for (int64_t i = 0; i < n / 32; ++i) {
        const float* xb = x + 32 * i;
        float amax = 0;
        for (int j = 0; j < 32; ++j)
            amax = maxF(amax, std::fabs(xb[j]));
        const float d = amax / 127;
        const float id = d ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        for (int j = 0; j < 32; ++j)
            y[i].qs[j] = static_cast<int8_t>(truncToInt(std::round(xb[j] * id)));
    }
}

} // namespace qx::quant
