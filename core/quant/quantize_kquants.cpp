// Q2_K .. Q6_K: llama.cpp's 256-weight super-blocks, reference and importance-weighted paths.
// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_quantizers.h"
#include "quant/kquant_parts.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qx::quant {
namespace {

using namespace qx::ggml;

constexpr int QK = kQK_K;

inline int clampInt(int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); }

float sumSquares(const float* x, int n)
{
    float s = 0;
    for (int j = 0; j < n; ++j)
        s += x[j] * x[j];
    return s;
}

/// Four 2-bit levels per byte: byte l of each 32-byte half holds L[l], L[l+32], L[l+64], L[l+96].
void pack2Bit(const uint8_t* L, uint8_t* qs)
{
    for (int j = 0; j < QK; j += 128)
        for (int l = 0; l < 32; ++l)
            qs[j / 4 + l] = static_cast<uint8_t>(L[j + l] | (L[j + l + 32] << 2) | (L[j + l + 64] << 4)
                                                 | (L[j + l + 96] << 6));
}

// ----------------------------------------------------------------------------------------- Q2_K

} // namespace

void q2Finish(const float* x, BlockQ2_K& b, uint8_t* L)
{
    for (int j = 0; j < QK / 16; ++j) {
        const float d = fp16ToFp32(b.d) * (b.scales[j] & 0xF);
        if (!d)
            continue;
        const float dm = fp16ToFp32(b.dmin) * (b.scales[j] >> 4);
        for (int ii = 0; ii < 16; ++ii)
            L[16 * j + ii] = static_cast<uint8_t>(clampInt(nearestInt((x[16 * j + ii] + dm) / d), 0, 3));
    }
    pack2Bit(L, b.qs);
}

void q2EncodeScalesRef(const float* scales, const float* mins, BlockQ2_K& b)
{
    float maxScale = 0, maxMin = 0;
    for (int j = 0; j < QK / 16; ++j) {
        if (scales[j] > maxScale) maxScale = scales[j];
        if (mins[j] > maxMin) maxMin = mins[j];
    }
    if (maxScale > 0) {
        const float iscale = 15.f / maxScale;
        for (int j = 0; j < QK / 16; ++j)
            b.scales[j] = static_cast<uint8_t>(nearestInt(iscale * scales[j]));
        b.d = fp32ToFp16(maxScale / 15.f);
    } else {
        std::memset(b.scales, 0, sizeof b.scales);
        b.d = fp32ToFp16(0.f);
    }
    if (maxMin > 0) {
        const float iscale = 15.f / maxMin;
        for (int j = 0; j < QK / 16; ++j)
            b.scales[j] = static_cast<uint8_t>(b.scales[j] | (nearestInt(iscale * mins[j]) << 4));
        b.dmin = fp32ToFp16(maxMin / 15.f);
    } else {
        b.dmin = fp32ToFp16(0.f);
    }
}

void q2EncodeScalesWeighted(const float* scales, const float* mins, const float* sw, BlockQ2_K& b)
{
    uint8_t Ls[QK / 16], Lm[QK / 16];
    const float dm = makeQpQuants(QK / 16, 15, scales, Ls, sw);
    const float mm = makeQpQuants(QK / 16, 15, mins, Lm, sw);
    b.d = fp32ToFp16(dm);
    b.dmin = fp32ToFp16(mm);
    for (int j = 0; j < QK / 16; ++j)
        b.scales[j] = static_cast<uint8_t>(Ls[j] | (Lm[j] << 4));
}

namespace {

void q2Block(const float* x, BlockQ2_K& b)
{
    uint8_t L[QK], Laux[16];
    float weights[16], mins[QK / 16], scales[QK / 16];
    for (int j = 0; j < QK / 16; ++j) {
        for (int l = 0; l < 16; ++l)
            weights[l] = std::fabs(x[16 * j + l]);
        scales[j] = makeQkx2Quants(16, 3, x + 16 * j, weights, L + 16 * j, &mins[j], Laux, -0.5f, 0.1f, 15, true);
    }
    q2EncodeScalesRef(scales, mins, b);
    q2Finish(x, b, L);
}

void q2BlockWeighted(const float* x, const float* qw, BlockQ2_K& b)
{
    uint8_t L[QK], Laux[16];
    float mins[QK / 16], scales[QK / 16], sw[QK / 16], weight[16];
    const float sigma2 = sumSquares(x, QK) / QK;
    for (int j = 0; j < QK / 16; ++j) {
        sw[j] = 0;
        for (int l = 0; l < 16; ++l)
            weight[l] = qw[16 * j + l] * std::sqrt(sigma2 + x[16 * j + l] * x[16 * j + l]);
        for (int l = 0; l < 16; ++l)
            sw[j] += weight[l];
        scales[j] = makeQkx3Quants(16, 3, x + 16 * j, weight, L + 16 * j, &mins[j], Laux, -0.9f, 0.05f, 36, false);
    }
    q2EncodeScalesWeighted(scales, mins, sw, b);
    q2Finish(x, b, L);
}

// ----------------------------------------------------------------------------------------- Q3_K

/// Stores 6-bit scale j (already offset by 32) in Q3_K's 12-byte packed layout.
void q3PutScale(uint8_t* scales, int j, int l)
{
    if (j < 8)
        scales[j] = static_cast<uint8_t>(l & 0xF);
    else
        scales[j - 8] = static_cast<uint8_t>(scales[j - 8] | ((l & 0xF) << 4));
    l >>= 4;
    scales[j % 4 + 8] = static_cast<uint8_t>(scales[j % 4 + 8] | (l << (2 * (j / 4))));
}

void q3Finish(const float* x, BlockQ3_K& b, int8_t* L)
{
    for (int j = 0; j < QK / 16; ++j) {
        int8_t sc = static_cast<int8_t>(j < 8 ? b.scales[j] & 0xF : b.scales[j - 8] >> 4);
        sc = static_cast<int8_t>((sc | (((b.scales[8 + j % 4] >> (2 * (j / 4))) & 3) << 4)) - 32);
        const float d = fp16ToFp32(b.d) * sc;
        if (!d)
            continue;
        for (int ii = 0; ii < 16; ++ii)
            L[16 * j + ii] = static_cast<int8_t>(clampInt(nearestInt(x[16 * j + ii] / d), -4, 3) + 4);
    }
    std::memset(b.hmask, 0, sizeof b.hmask);
    int m = 0;
    uint8_t hm = 1;
    for (int j = 0; j < QK; ++j) {
        if (L[j] > 3) {
            b.hmask[m] |= hm;
            L[j] = static_cast<int8_t>(L[j] - 4);
        }
        if (++m == QK / 8) {
            m = 0;
            hm = static_cast<uint8_t>(hm << 1);
        }
    }
    pack2Bit(reinterpret_cast<const uint8_t*>(L), b.qs);
}

void q3Block(const float* x, BlockQ3_K& b)
{
    int8_t L[QK];
    float scales[QK / 16];
    float maxScale = 0, amax = 0;
    for (int j = 0; j < QK / 16; ++j) {
        scales[j] = makeQ3Quants(16, 4, x + 16 * j, L + 16 * j, true);
        const float scale = std::fabs(scales[j]);
        if (scale > amax) {
            amax = scale;
            maxScale = scales[j];
        }
    }
    std::memset(b.scales, 0, sizeof b.scales);
    if (maxScale) {
        const float iscale = -32.f / maxScale;
        for (int j = 0; j < QK / 16; ++j) {
            int8_t l = static_cast<int8_t>(nearestInt(iscale * scales[j]));
            l = static_cast<int8_t>(clampInt(l, -32, 31) + 32);
            q3PutScale(b.scales, j, l);
        }
        b.d = fp32ToFp16(1 / iscale);
    } else {
        b.d = fp32ToFp16(0.f);
    }
    q3Finish(x, b, L);
}

void q3BlockWeighted(const float* x, const float* qw, BlockQ3_K& b)
{
    int8_t L[QK], Ls[QK / 16];
    float scales[QK / 16], weight[16], sw[QK / 16];
    const float sigma2 = 2 * sumSquares(x, QK) / QK;
    for (int j = 0; j < QK / 16; ++j) {
        for (int l = 0; l < 16; ++l)
            weight[l] = qw[16 * j + l] * std::sqrt(sigma2 + x[16 * j + l] * x[16 * j + l]);
        float sumw = 0;
        for (int l = 0; l < 16; ++l)
            sumw += weight[l];
        sw[j] = sumw;
        scales[j] = makeQxQuants(16, 4, x + 16 * j, L + 16 * j, 1, weight);
    }
    std::memset(b.scales, 0, sizeof b.scales);
    const float dBlock = makeQxQuants(QK / 16, 32, scales, Ls, 1, sw);
    for (int j = 0; j < QK / 16; ++j)
        q3PutScale(b.scales, j, Ls[j]);
    b.d = fp32ToFp16(dBlock);
    q3Finish(x, b, L);
}

// ------------------------------------------------------------------------------------ Q4_K / Q5_K

/// Stores 6-bit scale ls and min lm of sub-block j in the 12-byte K4 layout.
void k4PutScaleMin(uint8_t* s, int j, uint8_t ls, uint8_t lm)
{
    if (j < 4) {
        s[j] = ls;
        s[j + 4] = lm;
    } else {
        s[j + 4] = static_cast<uint8_t>((ls & 0xF) | ((lm & 0xF) << 4));
        s[j - 4] = static_cast<uint8_t>(s[j - 4] | ((ls >> 4) << 6));
        s[j - 0] = static_cast<uint8_t>(s[j - 0] | ((lm >> 4) << 6));
    }
}

/// Levels of 32-weight sub-blocks from the final scales; nmax 15 (Q4_K) or 31 (Q5_K).
void k4Requantize(const float* x, uint16_t dh, uint16_t dminh, const uint8_t* scales, int nmax, uint8_t* L)
{
    uint8_t sc, m;
    for (int j = 0; j < QK / 32; ++j) {
        scaleMinK4(j, scales, &sc, &m);
        const float d = fp16ToFp32(dh) * sc;
        if (!d)
            continue;
        const float dm = fp16ToFp32(dminh) * m;
        for (int ii = 0; ii < 32; ++ii)
            L[32 * j + ii] = static_cast<uint8_t>(clampInt(nearestInt((x[32 * j + ii] + dm) / d), 0, nmax));
    }
}

/// Reference scale search of Q4_K/Q5_K (no importance): per-32 scales and mins, levels into L.
void k4SearchRef(const float* x, int nmax, float rmin, int nstep, uint8_t* L, float* scales, float* mins)
{
    uint8_t Laux[32];
    float weights[32];
    for (int j = 0; j < QK / 32; ++j) {
        const float avX = std::sqrt(sumSquares(x + 32 * j, 32) / 32);
        for (int l = 0; l < 32; ++l)
            weights[l] = avX + std::fabs(x[32 * j + l]);
        scales[j] = makeQkx2Quants(32, nmax, x + 32 * j, weights, L + 32 * j, &mins[j], Laux, rmin, 0.1f, nstep, false);
    }
}

} // namespace

void k4EncodeScalesRef(const float* scales, const float* mins, uint8_t* scaleBytes, uint16_t& d, uint16_t& dmin)
{
    float maxScale = 0, maxMin = 0;
    for (int j = 0; j < QK / 32; ++j) {
        if (scales[j] > maxScale) maxScale = scales[j];
        if (mins[j] > maxMin) maxMin = mins[j];
    }
    const float invScale = maxScale > 0 ? 63.f / maxScale : 0.f;
    const float invMin = maxMin > 0 ? 63.f / maxMin : 0.f;
    for (int j = 0; j < QK / 32; ++j) {
        const auto ls = static_cast<uint8_t>(nearestInt(invScale * scales[j]));
        const auto lm = static_cast<uint8_t>(nearestInt(invMin * mins[j]));
        k4PutScaleMin(scaleBytes, j, std::min<uint8_t>(63, ls), std::min<uint8_t>(63, lm));
    }
    d = fp32ToFp16(maxScale / 63.f);
    dmin = fp32ToFp16(maxMin / 63.f);
}

namespace {

/// Importance-weighted scale search of Q4_K/Q5_K (qw may be null: then the ref-style weights). Only
/// Q5_K clamps the 6-bit scales to 63 here (`clamp63`); Q4_K stores make_qp_quants' levels as they are.
void k4ScalesWeighted(const float* x, const float* qw, int nmax, bool clamp63, uint8_t* L, uint8_t* scaleBytes,
                      uint16_t& d, uint16_t& dmin)
{
    uint8_t Laux[32];
    float weights[32], sw[QK / 32], mins[QK / 32], scales[QK / 32];
    const float sigma2 = 2 * sumSquares(x, QK) / QK;
    const float avX = std::sqrt(sigma2);
    for (int j = 0; j < QK / 32; ++j) {
        for (int l = 0; l < 32; ++l)
            weights[l] = qw ? qw[32 * j + l] * std::sqrt(sigma2 + x[32 * j + l] * x[32 * j + l])
                            : avX + std::fabs(x[32 * j + l]);
        float sumw = 0;
        for (int l = 0; l < 32; ++l)
            sumw += weights[l];
        sw[j] = sumw;
        scales[j] = makeQkx3Quants(32, nmax, x + 32 * j, weights, L + 32 * j, &mins[j], Laux, -0.9f, 0.05f, 36, false);
    }
    k4EncodeScalesWeighted(scales, mins, sw, clamp63, scaleBytes, d, dmin);
}

} // namespace

void k4EncodeScalesWeighted(const float* scales, const float* mins, const float* sw, bool clamp63,
                            uint8_t* scaleBytes, uint16_t& d, uint16_t& dmin)
{
    uint8_t Ls[QK / 32], Lm[QK / 32];
    const float dBlock = makeQpQuants(QK / 32, 63, scales, Ls, sw);
    const float mBlock = makeQpQuants(QK / 32, 63, mins, Lm, sw);
    for (int j = 0; j < QK / 32; ++j)
        k4PutScaleMin(scaleBytes, j, clamp63 ? std::min<uint8_t>(63, Ls[j]) : Ls[j],
                      clamp63 ? std::min<uint8_t>(63, Lm[j]) : Lm[j]);
    d = fp32ToFp16(dBlock);
    dmin = fp32ToFp16(mBlock);
}

void q4Pack(const uint8_t* L, BlockQ4_K& b)
{
    uint8_t* q = b.qs;
    for (int j = 0; j < QK; j += 64) {
        for (int l = 0; l < 32; ++l)
            q[l] = static_cast<uint8_t>(L[j + l] | (L[j + l + 32] << 4));
        q += 32;
    }
}

void q4Finish(const float* x, uint8_t* L, BlockQ4_K& b)
{
    k4Requantize(x, b.d, b.dmin, b.scales, 15, L);
    q4Pack(L, b);
}

namespace {

} // namespace

void q5Pack(const uint8_t* L, BlockQ5_K& b)
{
    uint8_t* qh = b.qh;
    uint8_t* ql = b.qs;
    std::memset(qh, 0, QK / 8);
    uint8_t m1 = 1, m2 = 2;
    for (int n = 0; n < QK; n += 64) {
        for (int j = 0; j < 32; ++j) {
            int l1 = L[n + j], l2 = L[n + j + 32];
            if (l1 > 15) { l1 -= 16; qh[j] |= m1; }
            if (l2 > 15) { l2 -= 16; qh[j] |= m2; }
            ql[j] = static_cast<uint8_t>(l1 | (l2 << 4));
        }
        m1 = static_cast<uint8_t>(m1 << 2);
        m2 = static_cast<uint8_t>(m2 << 2);
        ql += 32;
    }
}

namespace {

// ----------------------------------------------------------------------------------------- Q6_K

void q6Block(const float* x, const float* qw, BlockQ6_K& b)
{
    int8_t L[QK];
    float scales[QK / 16];
    for (int ib = 0; ib < QK / 16; ++ib)
        scales[ib] = makeQxQuants(16, 32, x + 16 * ib, L + 16 * ib, 1, qw ? qw + 16 * ib : nullptr);
    q6Finish(x, scales, L, b);
}

} // namespace

bool q6EncodeScales(const float* scales, BlockQ6_K& b)
{
    float maxScale = 0, maxAbsScale = 0;
    for (int ib = 0; ib < QK / 16; ++ib) {
        if (std::fabs(scales[ib]) > maxAbsScale) {
            maxAbsScale = std::fabs(scales[ib]);
            maxScale = scales[ib];
        }
    }
    if (maxAbsScale < kGroupMaxEps) {
        std::memset(&b, 0, sizeof b);
        b.d = fp32ToFp16(0.f);
        return false;
    }
    const float iscale = -128.f / maxScale;
    b.d = fp32ToFp16(1 / iscale);
    for (int ib = 0; ib < QK / 16; ++ib)
        b.scales[ib] = static_cast<int8_t>(std::min(127, nearestInt(iscale * scales[ib])));
    return true;
}

void q6Pack(const int8_t* L, BlockQ6_K& b)
{
    uint8_t* ql = b.ql;
    uint8_t* qh = b.qh;
    for (int j = 0; j < QK; j += 128) {
        for (int l = 0; l < 32; ++l) {
            const int q1 = L[j + l] & 0xF, q2 = L[j + l + 32] & 0xF;
            const int q3 = L[j + l + 64] & 0xF, q4 = L[j + l + 96] & 0xF;
            ql[l] = static_cast<uint8_t>(q1 | (q3 << 4));
            ql[l + 32] = static_cast<uint8_t>(q2 | (q4 << 4));
            qh[l] = static_cast<uint8_t>((L[j + l] >> 4) | ((L[j + l + 32] >> 4) << 2) | ((L[j + l + 64] >> 4) << 4)
                                         | ((L[j + l + 96] >> 4) << 6));
        }
        ql += 64;
        qh += 32;
    }
}

namespace {

// Q6_K: the levels from the block's encoded scales (kept in L where a scale is 0), then packing.
void q6Requantize(const float* x, int8_t* L, BlockQ6_K& b)
{
    for (int j = 0; j < QK / 16; ++j) {
        const float d = fp16ToFp32(b.d) * b.scales[j];
        if (!d)
            continue;
        for (int ii = 0; ii < 16; ++ii)
            L[16 * j + ii] = static_cast<int8_t>(clampInt(nearestInt(x[16 * j + ii] / d), -32, 31) + 32);
    }
    q6Pack(L, b);
}

} // namespace

void q6Finish(const float* x, const float* scales, int8_t* L, BlockQ6_K& b)
{
    if (q6EncodeScales(scales, b))
        q6Requantize(x, L, b);
}

void quantizeRowQ2_KRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ2_K*>(dst);
    for (int64_t i = 0; i < n / QK; ++i) {
        if (qw)
            q2BlockWeighted(x + QK * i, qw + QK * i, y[i]);
        else
            q2Block(x + QK * i, y[i]);
    }
}

void quantizeRowQ3_KRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ3_K*>(dst);
    for (int64_t i = 0; i < n / QK; ++i) {
        if (qw)
            q3BlockWeighted(x + QK * i, qw + QK * i, y[i]);
        else
            q3Block(x + QK * i, y[i]);
    }
}

void quantizeRowQ4_KRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ4_K*>(dst);
    uint8_t L[QK];
    for (int64_t i = 0; i < n / QK; ++i) {
        const float* xb = x + QK * i;
        if (qw)
            k4ScalesWeighted(xb, qw + QK * i, 15, false, L, y[i].scales, y[i].d, y[i].dmin);
        else {
            float scales[QK / 32], mins[QK / 32];
            k4SearchRef(xb, 15, -1.f, 20, L, scales, mins);
            k4EncodeScalesRef(scales, mins, y[i].scales, y[i].d, y[i].dmin);
        }
        q4Finish(xb, L, y[i]);
    }
}

void quantizeRowQ5_KRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ5_K*>(dst);
    uint8_t L[QK];
    for (int64_t i = 0; i < n / QK; ++i) {
        const float* xb = x + QK * i;
        if (qw)
            k4ScalesWeighted(xb, qw + QK * i, 31, true, L, y[i].scales, y[i].d, y[i].dmin);
        else {
            float scales[QK / 32], mins[QK / 32];
            k4SearchRef(xb, 31, -0.5f, 15, L, scales, mins);
            k4EncodeScalesRef(scales, mins, y[i].scales, y[i].d, y[i].dmin);
        }
        k4Requantize(xb, y[i].d, y[i].dmin, y[i].scales, 31, L);
        q5Pack(L, y[i]);
    }
}

void quantizeRowQ6_KRef(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ6_K*>(dst);
    for (int64_t i = 0; i < n / QK; ++i)
        q6Block(x + QK * i, qw ? qw + QK * i : nullptr, y[i]);
}

// ------------------------------------------------------------------ levels on a block's own scales

namespace {

// Reads the block in `bytes`, lets `encode` set its levels, writes it back.
template <typename Block, typename Encode>
bool rewriteBlock(std::span<std::byte> bytes, Encode&& encode)
{
    Block b;
    std::memcpy(&b, bytes.data(), sizeof b);
    encode(b);
    std::memcpy(bytes.data(), &b, sizeof b);
    return true;
}

} // namespace

bool encodeOnBlockScales(TensorType type, std::span<const float> values, std::span<std::byte> block)
{
    const float* x = values.data();
    switch (type) {
    case TensorType::Q2_K:
        return rewriteBlock<BlockQ2_K>(block, [&](BlockQ2_K& b) {
            uint8_t L[QK] = {};
            q2Finish(x, b, L);
        });
    case TensorType::Q4_K:
        return rewriteBlock<BlockQ4_K>(block, [&](BlockQ4_K& b) {
            uint8_t L[QK] = {};
            q4Finish(x, L, b);
        });
    case TensorType::Q5_K:
        return rewriteBlock<BlockQ5_K>(block, [&](BlockQ5_K& b) {
            uint8_t L[QK] = {};
            k4Requantize(x, b.d, b.dmin, b.scales, 31, L);
            q5Pack(L, b);
        });
    case TensorType::Q6_K:
        return rewriteBlock<BlockQ6_K>(block, [&](BlockQ6_K& b) {
            int8_t L[QK];
            std::fill(L, L + QK, int8_t(32)); // level 32 is code 0 (any level decodes to 0 where a scale is 0)
            q6Requantize(x, L, b);
        });
    default:
        return false;
    }
}

} // namespace qx::quant
