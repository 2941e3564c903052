// IQ4_NL and IQ4_XS: 4-bit indices into llama.cpp's non-uniform level table, with a per-block scale search.
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

#include <cmath>
#include <cstring>

namespace qx::quant {
namespace {

using namespace qx::ggml;

constexpr int kNtry = 7;   // ggml_quantize_chunk always searches ±7 steps for these types
constexpr const int8_t* kValues = kIQ4NLValues;

/// Best scale of one 32-weight block (0 for an all-zero block); its levels go to Lb.
float iq4BlockScale(const float* xb, const float* weight, uint8_t* Lb)
{
    float amax = 0, max = 0;
    for (int j = 0; j < 32; ++j) {
        const float ax = std::fabs(xb[j]);
        if (ax > amax) {
            amax = ax;
            max = xb[j];
        }
    }
    if (amax < kGroupMaxEps)
        return 0;
    float d = -max / kValues[0];
    float id = 1 / d;
    float sumqx = 0, sumq2 = 0;
    for (int j = 0; j < 32; ++j) {
        const int l = bestIndexInt8(16, kValues, id * xb[j]);
        Lb[j] = static_cast<uint8_t>(l);
        const float q = kValues[l];
        sumqx += weight[j] * q * xb[j];
        sumq2 += weight[j] * q * q;
    }
    d = sumqx / sumq2;
    float best = d * sumqx;
    for (int itry = -kNtry; itry <= kNtry; ++itry) {
        id = (itry + kValues[0]) / max;
        sumqx = sumq2 = 0;
        for (int j = 0; j < 32; ++j) {
            const float q = kValues[bestIndexInt8(16, kValues, id * xb[j])];
            sumqx += weight[j] * q * xb[j];
            sumq2 += weight[j] * q * q;
        }
        if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
            d = sumqx / sumq2;
            best = d * sumqx;
        }
    }
    return d;
}

/// quantize_row_iq4_nl_impl for `superBlock` weights (32 for IQ4_NL, 256 for IQ4_XS): per-32 scales, then
/// for IQ4_XS a 6-bit quantization of them against one fp16 super-scale. Writes d, qs and (XS) scales.
void iq4SuperBlock(const float* x, int superBlock, const float* qw, uint16_t* dh, uint8_t* q4, uint16_t* scalesH,
                   uint8_t* scalesL)
{
    float sigma2 = 0;
    for (int j = 0; j < superBlock; ++j)
        sigma2 += x[j] * x[j];
    sigma2 *= 2.f / superBlock;
    std::memset(q4, 0, superBlock / 2);
    *dh = fp32ToFp16(0.f);

    uint8_t L[kQK_K];
    float scales[kQK_K / 32], weight[32];
    float maxScale = 0, amaxScale = 0;
    const int nb = superBlock / 32;
    for (int ib = 0; ib < nb; ++ib) {
        const float* xb = x + 32 * ib;
        for (int j = 0; j < 32; ++j)
            weight[j] = qw ? qw[32 * ib + j] * std::sqrt(sigma2 + xb[j] * xb[j]) : xb[j] * xb[j];
        scales[ib] = iq4BlockScale(xb, weight, L + 32 * ib);
        if (std::fabs(scales[ib]) > amaxScale) {
            amaxScale = std::fabs(scales[ib]);
            maxScale = scales[ib];
        }
    }
    if (nb > 1) {
        *scalesH = 0;
        const float d = -maxScale / 32;
        *dh = fp32ToFp16(d);
        const float id = d ? 1 / d : 0.f;
        for (int ib = 0; ib < nb; ++ib) {
            int l = nearestInt(id * scales[ib]);
            l = l < -32 ? -32 : (l > 31 ? 31 : l);
            const float dl = d * l;
            const float idl = dl ? 1 / dl : 0.f;
            for (int j = 0; j < 32; ++j)
                L[32 * ib + j] = static_cast<uint8_t>(bestIndexInt8(16, kValues, idl * x[32 * ib + j]));
            l += 32;
            const auto lLow = static_cast<uint8_t>(l & 0xf), lHigh = static_cast<uint8_t>(l >> 4);
            if (ib % 2 == 0)
                scalesL[ib / 2] = lLow;
            else
                scalesL[ib / 2] = static_cast<uint8_t>(scalesL[ib / 2] | (lLow << 4));
            *scalesH = static_cast<uint16_t>(*scalesH | (lHigh << 2 * (ib % 8)));
        }
    } else {
        *dh = fp32ToFp16(scales[0]);
        const float id = scales[0] ? 1 / scales[0] : 0;
        for (int j = 0; j < superBlock; ++j)
            L[j] = static_cast<uint8_t>(bestIndexInt8(16, kValues, id * x[j]));
    }
    for (int i = 0; i < superBlock / 32; ++i)
        for (int j = 0; j < 16; ++j)
            q4[16 * i + j] = static_cast<uint8_t>(L[32 * i + j] | (L[32 * i + 16 + j] << 4));
}

} // namespace

void quantizeRowIQ4_NLRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockIQ4_NL*>(dst);
    for (int64_t ib = 0; ib < n / kQK4_NL; ++ib)
        iq4SuperBlock(x + kQK4_NL * ib, kQK4_NL, qw ? qw + kQK4_NL * ib : nullptr, &y[ib].d, y[ib].qs, nullptr,
                      nullptr);
}

void quantizeRowIQ4_XSRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockIQ4_XS*>(dst);
    for (int64_t ib = 0; ib < n / kQK_K; ++ib)
        iq4SuperBlock(x + kQK_K * ib, kQK_K, qw ? qw + kQK_K * ib : nullptr, &y[ib].d, y[ib].qs, &y[ib].scales_h,
                      y[ib].scales_l);
}

} // namespace qx::quant
