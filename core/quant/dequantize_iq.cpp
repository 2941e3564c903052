// Decoders of the codebook i-quants, the ternary types and MXFP4, with ggml's float operations in ggml's
// order (llama.cpp b4748 dequantize_row_*), so the values are bit-identical to ggml's.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/dequantize_blocks.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/iq_codebooks.h"

#include <bit>
#include <cstring>
#include <limits>

namespace qx::quant {
namespace {

using namespace qx::ggml;
using iq::rowByte;

template <typename Block>
const Block* blocks(const void* src) { return static_cast<const Block*>(src); }

/// ±1 for element j of a sign byte.
inline float signOf(uint8_t signs, int j) { return (signs >> j) & 1 ? -1.f : 1.f; }

/// 8 values of an IQ2 codebook row with its sign byte: y = db * magnitude * sign.
inline void decodeRow8(float* y, float db, uint64_t row, uint8_t signs)
{
    for (int j = 0; j < 8; ++j)
        y[j] = db * rowByte(row, j) * signOf(signs, j);
}

/// 8 values from two IQ3 codebook rows of 4 with their shared sign byte.
inline void decodeRows4(float* y, float db, uint32_t first, uint32_t second, uint8_t signs)
{
    for (int j = 0; j < 4; ++j) {
        y[j] = db * rowByte(first, j) * signOf(signs, j);
        y[j + 4] = db * rowByte(second, j) * signOf(signs, j + 4);
    }
}

/// 8 values of an IQ1 codebook row (int8 -1/0/+1) shifted by delta: y = dl * (g + delta).
inline void decodeRowIQ1(float* y, float dl, uint64_t row, float delta)
{
    for (int j = 0; j < 8; ++j)
        y[j] = dl * (static_cast<int8_t>(rowByte(row, j)) + delta);
}

inline uint32_t loadU32(const uint8_t* p)
{
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace

void dequantizeRowIQ2_XXS(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ2_XXS>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const auto* q = reinterpret_cast<const uint8_t*>(x[i].qs);
        for (int ib = 0; ib < kQK_K / 32; ++ib) {
            const uint32_t indices = loadU32(q + 8 * ib), signsAndScale = loadU32(q + 8 * ib + 4);
            const float db = d * (0.5f + (signsAndScale >> 28)) * 0.25f;
            for (int l = 0; l < 4; ++l, y += 8)
                decodeRow8(y, db, iq::kIQ2XXSGrid[(indices >> 8 * l) & 255], iq::evenSigns(signsAndScale >> 7 * l));
        }
    }
}

void dequantizeRowIQ2_XS(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ2_XS>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int ib = 0; ib < kQK_K / 32; ++ib) {
            const float db[2] = {d * (0.5f + (x[i].scales[ib] & 0xf)) * 0.25f, d * (0.5f + (x[i].scales[ib] >> 4)) * 0.25f};
            for (int l = 0; l < 4; ++l, y += 8) {
                const uint16_t q = x[i].qs[4 * ib + l];
                decodeRow8(y, db[l / 2], iq::kIQ2XSGrid[q & 511], iq::evenSigns(q >> 9));
            }
        }
    }
}

void dequantizeRowIQ2_S(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ2_S>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* signs = qs + kQK_K / 8;
        for (int ib = 0; ib < kQK_K / 32; ++ib, qs += 4, signs += 4) {
            const float db[2] = {d * (0.5f + (x[i].scales[ib] & 0xf)) * 0.25f, d * (0.5f + (x[i].scales[ib] >> 4)) * 0.25f};
            for (int l = 0; l < 4; ++l, y += 8) {
                const int index = qs[l] | ((x[i].qh[ib] << (8 - 2 * l)) & 0x300);
                decodeRow8(y, db[l / 2], iq::kIQ2SGrid[static_cast<size_t>(index)], signs[l]);
            }
        }
    }
}

void dequantizeRowIQ3_XXS(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ3_XXS>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* signsAndScales = x[i].qs + kQK_K / 4;
        for (int ib = 0; ib < kQK_K / 32; ++ib, qs += 8) {
            const uint32_t aux = loadU32(signsAndScales + 4 * ib);
            const float db = d * (0.5f + (aux >> 28)) * 0.5f;
            for (int l = 0; l < 4; ++l, y += 8)
                decodeRows4(y, db, iq::kIQ3XXSGrid[qs[2 * l]], iq::kIQ3XXSGrid[qs[2 * l + 1]], iq::evenSigns(aux >> 7 * l));
        }
    }
}

void dequantizeRowIQ3_S(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ3_S>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* signs = x[i].signs;
        for (int ib = 0; ib < kQK_K / 32; ++ib, qs += 8, signs += 4) {
            const uint8_t scale = (x[i].scales[ib / 2] >> 4 * (ib % 2)) & 0xf;
            const float db = d * (1 + 2 * scale);
            const uint8_t qh = x[i].qh[ib];
            for (int l = 0; l < 4; ++l, y += 8) {
                const int first = qs[2 * l] | ((qh << (8 - 2 * l)) & 256);
                const int second = qs[2 * l + 1] | ((qh << (7 - 2 * l)) & 256);
                decodeRows4(y, db, iq::kIQ3SGrid[static_cast<size_t>(first)], iq::kIQ3SGrid[static_cast<size_t>(second)],
                            signs[l]);
            }
        }
    }
}

void dequantizeRowIQ1_S(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ1_S>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        for (int ib = 0; ib < kQK_K / 32; ++ib, qs += 4) {
            const uint16_t qh = x[i].qh[ib];
            const float dl = d * (2 * ((qh >> 12) & 7) + 1);
            const float delta = qh & 0x8000 ? -iq::kIQ1Delta : iq::kIQ1Delta;
            for (int l = 0; l < 4; ++l, y += 8)
                decodeRowIQ1(y, dl, iq::kIQ1SGrid[qs[l] | (((qh >> 3 * l) & 7) << 8)], delta);
        }
    }
}

void dequantizeRowIQ1_M(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockIQ1_M>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        uint16_t sc[4];
        std::memcpy(sc, x[i].scales, sizeof sc);
        const auto scale = static_cast<uint16_t>((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000));
        const float d = fp16ToFp32(scale);
        const uint8_t* qs = x[i].qs;
        const uint8_t* qh = x[i].qh;
        for (int ib = 0; ib < kQK_K / 32; ++ib, qs += 4, qh += 2) {
            const float dl[2] = {d * (2 * ((sc[ib / 2] >> (6 * (ib % 2) + 0)) & 0x7) + 1),
                                 d * (2 * ((sc[ib / 2] >> (6 * (ib % 2) + 3)) & 0x7) + 1)};
            for (int l = 0; l < 4; ++l, y += 8) {
                const uint8_t h = qh[l / 2];
                const int index = qs[l] | ((l % 2 == 0 ? h << 8 : h << 4) & 0x700);
                const bool negative = h & (l % 2 == 0 ? 0x08 : 0x80);
                decodeRowIQ1(y, dl[l / 2], iq::kIQ1SGrid[static_cast<size_t>(index)], negative ? -iq::kIQ1Delta : iq::kIQ1Delta);
            }
        }
    }
}

void dequantizeRowTQ1_0(const void* src, float* y, int64_t n)
{
    static constexpr uint8_t kPow3[6] = {1, 3, 9, 27, 81, 243};
    // The trit in base-3 position p of a byte q holding a fraction of 256: the top bits of (q * 3^p mod 256) * 3.
    const auto trit = [](uint8_t q, int p) { return ((static_cast<uint16_t>(static_cast<uint8_t>(q * kPow3[p])) * 3) >> 8) - 1; };
    const auto* x = blocks<BlockTQ1_0>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int p = 0; p < 5; ++p)        // the first 32 bytes: 5 values each, 32 apart
            for (int m = 0; m < 32; ++m)
                *y++ = static_cast<float>(trit(x[i].qs[m], p)) * d;
        for (int p = 0; p < 5; ++p)        // the next 16 bytes: 5 values each, 16 apart
            for (int m = 0; m < 16; ++m)
                *y++ = static_cast<float>(trit(x[i].qs[32 + m], p)) * d;
        for (int p = 0; p < 4; ++p)        // qh: 4 values each, 4 apart
            for (int m = 0; m < 4; ++m)
                *y++ = static_cast<float>(trit(x[i].qh[m], p)) * d;
    }
}

void dequantizeRowTQ2_0(const void* src, float* y, int64_t n)
{
    const auto* x = blocks<BlockTQ2_0>(src);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < kQK_K / 4; j += 32)
            for (int l = 0; l < 4; ++l)
                for (int m = 0; m < 32; ++m)
                    *y++ = static_cast<float>(((x[i].qs[j + m] >> (2 * l)) & 3) - 1) * d;
    }
}

float e8m0HalfToFp32(uint8_t e)
{
    if (e == 0xff)   // the OCP spec's NaN scale (ggml, which ignores it, gives 2^127)
        return std::numeric_limits<float>::quiet_NaN();
    const uint32_t bits = e < 2 ? 0x00200000u << e : static_cast<uint32_t>(e - 1) << 23;   // 2^(e - 128)
    return std::bit_cast<float>(bits);
}

void dequantizeRowMXFP4(const void* src, float* y, int64_t n)
{
    // E2M1 values doubled (0, 0.5, 1, 1.5, 2, 3, 4, 6 and negatives), as ggml stores them; the scale is halved.
    static constexpr int8_t kValues[16] = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};
    const auto* x = blocks<BlockMXFP4>(src);
    for (int64_t i = 0; i < n / kQKMXFP4; ++i, y += kQKMXFP4) {
        const float d = e8m0HalfToFp32(x[i].e);
        for (int j = 0; j < kQKMXFP4 / 2; ++j) {
            y[j] = kValues[x[i].qs[j] & 0x0f] * d;
            y[j + kQKMXFP4 / 2] = kValues[x[i].qs[j] >> 4] * d;
        }
    }
}

} // namespace qx::quant
