// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/dequantize_blocks.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace qx::quant {
namespace {

using namespace qx::ggml;

template <typename Block>
const Block* blocks(const void* src) { return static_cast<const Block*>(src); }

} // namespace

void dequantizeRowQ4_0(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ4_0>(src);
    for (int64_t i = 0; i < n / 32; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 16; ++j) {
            y[j] = ((x[i].qs[j] & 0x0F) - 8) * d;
            y[j + 16] = ((x[i].qs[j] >> 4) - 8) * d;
        }
    }
}

void dequantizeRowQ4_1(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ4_1>(src);
    for (int64_t i = 0; i < n / 32; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d), m = fp16ToFp32(x[i].m);
        for (int j = 0; j < 16; ++j) {
            y[j] = (x[i].qs[j] & 0x0F) * d + m;
            y[j + 16] = (x[i].qs[j] >> 4) * d + m;
        }
    }
}

void dequantizeRowQ5_0(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ5_0>(src);
    for (int64_t i = 0; i < n / 32; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d);
        uint32_t qh;
        std::memcpy(&qh, x[i].qh, sizeof qh);
        for (int j = 0; j < 16; ++j) {
            const int xh0 = ((qh >> (j + 0)) << 4) & 0x10;
            const int xh1 = ((qh >> (j + 12))) & 0x10;
            y[j] = (((x[i].qs[j] & 0x0F) | xh0) - 16) * d;
            y[j + 16] = (((x[i].qs[j] >> 4) | xh1) - 16) * d;
        }
    }
}

void dequantizeRowQ5_1(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ5_1>(src);
    for (int64_t i = 0; i < n / 32; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d), m = fp16ToFp32(x[i].m);
        uint32_t qh;
        std::memcpy(&qh, x[i].qh, sizeof qh);
        for (int j = 0; j < 16; ++j) {
            const int xh0 = ((qh >> (j + 0)) << 4) & 0x10;
            const int xh1 = ((qh >> (j + 12))) & 0x10;
            y[j] = ((x[i].qs[j] & 0x0F) | xh0) * d + m;
            y[j + 16] = ((x[i].qs[j] >> 4) | xh1) * d + m;
        }
    }
}

void dequantizeRowQ8_0(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ8_0>(src);
    for (int64_t i = 0; i < n / 32; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 32; ++j)
            y[j] = x[i].qs[j] * d;
    }
}

void dequantizeRowQ2_K(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ2_K>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d), min = fp16ToFp32(x[i].dmin);
        const uint8_t* q = x[i].qs;
        int is = 0;
        for (int half = 0; half < 2; ++half, q += 32) {
            for (int shift = 0; shift < 8; shift += 2) {
                for (int part = 0; part < 2; ++part) {
                    const uint8_t sc = x[i].scales[is++];
                    const float dl = d * (sc & 0xF), ml = min * (sc >> 4);
                    for (int l = 0; l < 16; ++l)
                        *y++ = dl * ((q[l + 16 * part] >> shift) & 3) - ml;
                }
            }
        }
    }
}

void dequantizeRowQ3_K(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ3_K>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float dAll = fp16ToFp32(x[i].d);
        int8_t scales[16];
        for (int j = 0; j < 16; ++j) {
            const int low = j < 8 ? x[i].scales[j] & 0xF : x[i].scales[j - 8] >> 4;
            const int high = (x[i].scales[8 + j % 4] >> (2 * (j / 4))) & 3;
            scales[j] = static_cast<int8_t>(low | (high << 4));
        }
        const uint8_t* q = x[i].qs;
        const uint8_t* hm = x[i].hmask;
        uint8_t m = 1;
        int is = 0;
        for (int half = 0; half < 2; ++half, q += 32) {
            for (int shift = 0; shift < 8; shift += 2, m = static_cast<uint8_t>(m << 1)) {
                for (int part = 0; part < 2; ++part) {
                    const float dl = dAll * (scales[is++] - 32);
                    for (int l = 0; l < 16; ++l)
                        *y++ = dl * (((q[l + 16 * part] >> shift) & 3) - ((hm[l + 16 * part] & m) ? 0 : 4));
                }
            }
        }
    }
}

namespace {

/// Q4_K/Q5_K: 32-weight sub-block pairs; `high(l, pair)` returns the fifth bit value (0 or 16) or 0 for Q4_K.
template <typename Block, typename HighBits>
void dequantizeK4(const Block* x, float* y, int64_t n, HighBits high)
{
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d), min = fp16ToFp32(x[i].dmin);
        const uint8_t* q = x[i].qs;
        for (int pair = 0; pair < 4; ++pair, q += 32) {
            uint8_t sc, m;
            scaleMinK4(2 * pair, x[i].scales, &sc, &m);
            const float d1 = d * sc, m1 = min * m;
            scaleMinK4(2 * pair + 1, x[i].scales, &sc, &m);
            const float d2 = d * sc, m2 = min * m;
            for (int l = 0; l < 32; ++l)
                *y++ = d1 * ((q[l] & 0xF) + high(x[i], l, 2 * pair)) - m1;
            for (int l = 0; l < 32; ++l)
                *y++ = d2 * ((q[l] >> 4) + high(x[i], l, 2 * pair + 1)) - m2;
        }
    }
}

} // namespace

void dequantizeRowQ4_K(const void* src, float* y, int64_t n)
{
    dequantizeK4(blocks<BlockQ4_K>(src), y, n, [](const BlockQ4_K&, int, int) { return 0; });
}

void dequantizeRowQ5_K(const void* src, float* y, int64_t n)
{
    dequantizeK4(blocks<BlockQ5_K>(src), y, n,
                 [](const BlockQ5_K& b, int l, int bit) { return (b.qh[l] >> bit) & 1 ? 16 : 0; });
}

void dequantizeRowQ6_K(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockQ6_K>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* ql = x[i].ql;
        const uint8_t* qh = x[i].qh;
        const int8_t* sc = x[i].scales;
        for (int half = 0; half < 2; ++half, y += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; ++l) {
                const int is = l / 16;
                const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                y[l] = d * sc[is + 0] * q1;
                y[l + 32] = d * sc[is + 2] * q2;
                y[l + 64] = d * sc[is + 4] * q3;
                y[l + 96] = d * sc[is + 6] * q4;
            }
        }
    }
}

void dequantizeRowIQ4_NL(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ4_NL>(src);
    for (int64_t i = 0; i < n / kQK4_NL; ++i, y += 32) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 16; ++j) {
            y[j] = d * kIQ4NLValues[x[i].qs[j] & 0xf];
            y[j + 16] = d * kIQ4NLValues[x[i].qs[j] >> 4];
        }
    }
}

void dequantizeRowIQ4_XS(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ4_XS>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        for (int ib = 0; ib < kQK_K / 32; ++ib, y += 32, qs += 16) {
            const int ls = ((x[i].scales_l[ib / 2] >> 4 * (ib % 2)) & 0xf) | (((x[i].scales_h >> 2 * ib) & 3) << 4);
            const float dl = d * (ls - 32);
            for (int j = 0; j < 16; ++j) {
                y[j] = dl * kIQ4NLValues[qs[j] & 0xf];
                y[j + 16] = dl * kIQ4NLValues[qs[j] >> 4];
            }
        }
    }
}

float fp8E4M3ToFp32(uint8_t v)
{
    const float sign = (v & 0x80) ? -1.f : 1.f;
    const int exp = (v >> 3) & 0xF;
    const int man = v & 0x7;
    if (exp == 0xF && man == 0x7)
        return std::copysign(std::numeric_limits<float>::quiet_NaN(), sign);
    if (exp == 0)
        return sign * std::ldexp(static_cast<float>(man), -9);   // subnormal: man/8 * 2^-6
    return sign * std::ldexp(static_cast<float>(8 + man), exp - 10);   // (1 + man/8) * 2^(exp-7)
}

float fp8E5M2ToFp32(uint8_t v) { return fp16ToFp32(static_cast<uint16_t>(v << 8)); }

void dequantizeRowF8E4M3(const void* src, float* y, int64_t n)
{
    const auto* p = static_cast<const uint8_t*>(src);
    for (int64_t i = 0; i < n; ++i)
        y[i] = fp8E4M3ToFp32(p[i]);
}

void dequantizeRowF8E5M2(const void* src, float* y, int64_t n)
{
    const auto* p = static_cast<const uint8_t*>(src);
    for (int64_t i = 0; i < n; ++i)
        y[i] = fp8E5M2ToFp32(p[i]);
}

} // namespace qx::quant
