// K-quant grids for calibrated quantization: the parameters of one 256-value super-block are taken from
// the bit-exact quantizer (quantizeRows, one row: no threads) run on the block's current values, and read back from the
// block bytes as one affine grid per sub-block (value = a·code + b, the float operations of ggml's
// dequantizer). Codes are then assigned as ggml's final pass does: nearest_int((x − b) / a), clamped.
#include "calib/quant_grid.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/quantize.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace qx {
namespace {

using namespace ggml;

constexpr int kSuper = static_cast<int>(kQK_K);

// ggml's get_scale_min_k4: the 6-bit scale and min of sub-block j of a Q4_K/Q5_K block.
void scaleMinK4(int j, const uint8_t* q, int& sc, int& m)
{
    if (j < 4) {
        sc = q[j] & 63;
        m = q[j + 4] & 63;
    } else {
        sc = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

GroupGrid affine(float a, float b, int qmin, int qmax)
{
    GroupGrid g;
    g.scale = a;
    g.offset = b;
    g.qmin = qmin;
    g.qmax = qmax;
    g.nearest = true;
    return g;
}

template <typename Block>
Block decodeBlock(const std::array<std::byte, 256>& bytes)
{
    static_assert(sizeof(Block) <= 256);
    Block b;
    std::memcpy(&b, bytes.data(), sizeof b);
    return b;
}

// One affine grid per sub-block, read from the quantized bytes of the block.
void gridsFromBytes(TensorType type, const std::array<std::byte, 256>& bytes, std::span<GroupGrid> out)
{
    switch (type) {
    case TensorType::Q2_K: {
        const auto b = decodeBlock<BlockQ2_K>(bytes);
        const float d = fp16ToFp32(b.d), min = fp16ToFp32(b.dmin);
        for (int j = 0; j < 16; ++j)
            out[static_cast<size_t>(j)] = affine(d * (b.scales[j] & 0xF), -(min * (b.scales[j] >> 4)), 0, 3);
        return;
    }
    case TensorType::Q3_K: {
        const auto b = decodeBlock<BlockQ3_K>(bytes);
        const float d = fp16ToFp32(b.d);
        for (int j = 0; j < 16; ++j) {
            const int low = j < 8 ? b.scales[j] & 0xF : b.scales[j - 8] >> 4;
            const int high = (b.scales[8 + j % 4] >> (2 * (j / 4))) & 3;
            out[static_cast<size_t>(j)] = affine(d * ((low | (high << 4)) - 32), 0.0f, -4, 3);
        }
        return;
    }
    case TensorType::Q4_K:
    case TensorType::Q5_K: {
        const auto b = decodeBlock<BlockQ4_K>(bytes); // Q5_K starts with the same d, dmin, scales
        const float d = fp16ToFp32(b.d), min = fp16ToFp32(b.dmin);
        for (int j = 0; j < 8; ++j) {
            int sc = 0, m = 0;
            scaleMinK4(j, b.scales, sc, m);
            out[static_cast<size_t>(j)] = affine(d * sc, -(min * m), 0, type == TensorType::Q4_K ? 15 : 31);
        }
        return;
    }
    default: {
        const auto b = decodeBlock<BlockQ6_K>(bytes);
        const float d = fp16ToFp32(b.d);
        for (int j = 0; j < 16; ++j)
            out[static_cast<size_t>(j)] = affine(d * b.scales[j], 0.0f, -32, 31);
        return;
    }
    }
}

// Pins each sub-block's extreme elements to the extreme codes: min and max to 0 and qmax (Q2_K, Q4_K,
// Q5_K), the value of largest magnitude to qmin (Q3_K, Q6_K: ggml's searches map it to −nmax). The final
// values then span the range that the quantizer's search starts from, so re-quantizing them finds this
// grid again at zero error (see the re-quantization test in tst_calib_kquant).
void pinExtremes(TensorType type, std::span<const float> block, int64_t subLen, std::span<GroupGrid> grids)
{
    const bool symmetric = type == TensorType::Q3_K || type == TensorType::Q6_K;
    for (size_t j = 0; j < grids.size(); ++j) {
        GroupGrid& g = grids[j];
        const float* sub = block.data() + j * static_cast<size_t>(subLen);
        int lo = 0, hi = 0;
        for (int i = 1; i < static_cast<int>(subLen); ++i) {
            const float v = symmetric ? std::fabs(sub[i]) : sub[i];
            if (v < (symmetric ? std::fabs(sub[lo]) : sub[lo])) lo = i;
            if (v > (symmetric ? std::fabs(sub[hi]) : sub[hi])) hi = i;
        }
        const QuantGrid none;
        if (symmetric) {
            if (gridCode(none, g, sub[hi], -1) <= 0) { // the scale's sign maps it to the negative end
                g.pin[0] = hi;
                g.pinCode[0] = g.qmin;
            }
        } else if (lo != hi) {
            g.pin[0] = hi;
            g.pinCode[0] = g.qmax;
            g.pin[1] = lo;
            g.pinCode[1] = g.qmin;
        }
    }
}

} // namespace

bool isKQuantType(TensorType t)
{
    return t == TensorType::Q2_K || t == TensorType::Q3_K || t == TensorType::Q4_K || t == TensorType::Q5_K
           || t == TensorType::Q6_K;
}

int64_t kQuantSubBlock(TensorType t)
{
    return t == TensorType::Q4_K || t == TensorType::Q5_K ? 32 : 16;
}

void chooseKQuantGrids(TensorType type, std::span<const float> block, std::span<GroupGrid> out,
                       std::span<std::byte> bytesOut)
{
    const int64_t sub = kQuantSubBlock(type);
    if (!isKQuantType(type) || block.size() != static_cast<size_t>(kSuper)
        || out.size() != static_cast<size_t>(kSuper / sub))
        throw Error(ErrorCode::InvalidArgument, "a K-quant grid needs one block of 256 values");
    std::array<std::byte, 256> bytes{};
    const uint64_t blockBytes = *tensorBytes(type, kQK_K);
    quantizeRows(type, block, kSuper, std::span<std::byte>(bytes.data(), blockBytes));
    gridsFromBytes(type, bytes, out);
    pinExtremes(type, block, sub, out);
    if (!bytesOut.empty()) {
        if (bytesOut.size() != blockBytes)
            throw Error(ErrorCode::InvalidArgument, "chooseKQuantGrids: room for one block is needed");
        std::copy_n(bytes.begin(), blockBytes, bytesOut.begin());
    }
}

} // namespace qx
