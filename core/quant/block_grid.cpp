// The levels must equal the dequantizers' results bit for bit: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_grid.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/dequantize.h"
#include "quant/float_formats.h"
#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

namespace qx {
namespace {

using namespace qx::ggml;

/// Sorted distinct levels of f(q) for q in [qMin, qMax].
std::vector<float> levelsOf(int qMin, int qMax, const std::function<float(int)>& f)
{
    std::vector<float> out;
    for (int q = qMin; q <= qMax; ++q)
        out.push_back(f(q));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

template <typename Block>
Block blockOf(std::span<const std::byte> bytes)
{
    Block b;
    std::memcpy(&b, bytes.data(), sizeof b);
    return b;
}

GridGroup plainGroup(int64_t length, float scale, float offset, std::vector<float> levels)
{
    GridGroup g;
    g.length = length;
    g.scale = scale;
    g.offset = offset;
    g.levels = std::move(levels);
    return g;
}

void legacyGroups(TensorType type, std::span<const std::byte> bytes, BlockGrid& grid)
{
    switch (type) {
    case TensorType::Q4_0: {
        const float d = fp16ToFp32(blockOf<BlockQ4_0>(bytes).d);
        grid.kind = GridKind::Absmax;
        grid.groups.push_back(plainGroup(32, d, -8.0f * d, levelsOf(0, 15, [d](int q) { return (q - 8) * d; })));
        return;
    }
    case TensorType::Q5_0: {
        const float d = fp16ToFp32(blockOf<BlockQ5_0>(bytes).d);
        grid.kind = GridKind::Absmax;
        grid.groups.push_back(plainGroup(32, d, -16.0f * d, levelsOf(0, 31, [d](int q) { return (q - 16) * d; })));
        return;
    }
    case TensorType::Q8_0: {
        const float d = fp16ToFp32(blockOf<BlockQ8_0>(bytes).d);
        grid.kind = GridKind::Absmax;
        grid.groups.push_back(plainGroup(32, d, 0.0f, levelsOf(-128, 127, [d](int q) { return q * d; })));
        return;
    }
    case TensorType::Q4_1:
    case TensorType::Q5_1: {
        const auto b = blockOf<BlockQ4_1>(bytes);   // Q5_1 starts with the same d, m
        const float d = fp16ToFp32(b.d), m = fp16ToFp32(b.m);
        grid.kind = GridKind::ZeroPoint;
        const int qMax = type == TensorType::Q4_1 ? 15 : 31;
        grid.groups.push_back(plainGroup(32, d, m, levelsOf(0, qMax, [d, m](int q) { return q * d + m; })));
        return;
    }
    default:
        return;
    }
}

GridGroup subBlock(int64_t first, int64_t length, float scale, float offset, int scaleCode, int minCode,
                   std::vector<float> levels)
{
    GridGroup g = plainGroup(length, scale, offset, std::move(levels));
    g.first = first;
    g.scaleCode = scaleCode;
    g.minCode = minCode;
    return g;
}

void q2q3Groups(TensorType type, std::span<const std::byte> bytes, BlockGrid& grid)
{
    grid.kind = GridKind::SuperBlock;
    if (type == TensorType::Q2_K) {
        const auto b = blockOf<BlockQ2_K>(bytes);
        const float d = fp16ToFp32(b.d), min = fp16ToFp32(b.dmin);
        grid.superScale = d, grid.superMin = min;
        for (int j = 0; j < 16; ++j) {
            const int sc = b.scales[j] & 0xF, m = b.scales[j] >> 4;
            const float dl = d * sc, ml = min * m;
            grid.groups.push_back(subBlock(16 * j, 16, dl, -ml, sc, m, levelsOf(0, 3, [dl, ml](int q) { return dl * q - ml; })));
        }
        return;
    }
    const auto b = blockOf<BlockQ3_K>(bytes);
    const float d = fp16ToFp32(b.d);
    grid.superScale = d;
    for (int j = 0; j < 16; ++j) {
        const int low = j < 8 ? b.scales[j] & 0xF : b.scales[j - 8] >> 4;
        const int high = (b.scales[8 + j % 4] >> (2 * (j / 4))) & 3;
        const int sc = static_cast<int8_t>(low | (high << 4));
        const float dl = d * (sc - 32);
        grid.groups.push_back(subBlock(16 * j, 16, dl, 0.0f, sc - 32, -1, levelsOf(-4, 3, [dl](int q) { return dl * q; })));
    }
}

void k4Groups(TensorType type, std::span<const std::byte> bytes, BlockGrid& grid)
{
    const auto b = blockOf<BlockQ4_K>(bytes);   // Q5_K starts with the same d, dmin, scales
    const float d = fp16ToFp32(b.d), min = fp16ToFp32(b.dmin);
    grid.kind = GridKind::SuperBlock;
    grid.superScale = d, grid.superMin = min;
    const int qMax = type == TensorType::Q4_K ? 15 : 31;
    for (int j = 0; j < 8; ++j) {
        uint8_t sc = 0, m = 0;
        quant::scaleMinK4(j, b.scales, &sc, &m);
        const float d1 = d * sc, m1 = min * m;
        grid.groups.push_back(subBlock(32 * j, 32, d1, -m1, sc, m, levelsOf(0, qMax, [d1, m1](int q) { return d1 * q - m1; })));
    }
}

void q6Groups(std::span<const std::byte> bytes, BlockGrid& grid)
{
    const auto b = blockOf<BlockQ6_K>(bytes);
    const float d = fp16ToFp32(b.d);
    grid.kind = GridKind::SuperBlock;
    grid.superScale = d;
    for (int j = 0; j < 16; ++j) {
        const int sc = b.scales[j];
        grid.groups.push_back(subBlock(16 * j, 16, d * sc, 0.0f, sc, -1, levelsOf(-32, 31, [d, sc](int q) { return d * sc * q; })));
    }
}

void iq4Groups(TensorType type, std::span<const std::byte> bytes, BlockGrid& grid)
{
    grid.kind = GridKind::Codebook;
    if (type == TensorType::IQ4_NL) {
        const float d = fp16ToFp32(blockOf<BlockIQ4_NL>(bytes).d);
        grid.groups.push_back(plainGroup(32, d, 0.0f, levelsOf(0, 15, [d](int q) { return d * kIQ4NLValues[q]; })));
        return;
    }
    const auto b = blockOf<BlockIQ4_XS>(bytes);
    const float d = fp16ToFp32(b.d);
    grid.superScale = d;
    for (int j = 0; j < 8; ++j) {
        const int ls = ((b.scales_l[j / 2] >> 4 * (j % 2)) & 0xf) | (((b.scales_h >> 2 * j) & 3) << 4);
        const float dl = d * (ls - 32);
        grid.groups.push_back(subBlock(32 * j, 32, dl, 0.0f, ls - 32, -1, levelsOf(0, 15, [dl](int q) { return dl * kIQ4NLValues[q]; })));
    }
}

std::vector<float> distinct(std::span<const float> values)
{
    std::vector<float> v;
    for (float x : values)
        if (std::isfinite(x))
            v.push_back(x);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

} // namespace

size_t BlockGrid::groupOf(int64_t i) const
{
    for (size_t g = 0; g < groups.size(); ++g)
        if (i >= groups[g].first && i < groups[g].first + groups[g].length)
            return g;
    return groups.empty() ? 0 : groups.size() - 1;
}

int BlockGrid::levelOf(int64_t i) const
{
    if (groups.empty() || i < 0 || static_cast<size_t>(i) >= decoded.size())
        return -1;
    const std::vector<float>& levels = groups[groupOf(i)].levels;
    if (levels.empty())
        return -1;
    const float v = decoded[static_cast<size_t>(i)];
    const auto it = std::lower_bound(levels.begin(), levels.end(), v);
    if (it == levels.end())
        return static_cast<int>(levels.size()) - 1;
    if (it != levels.begin() && std::fabs(*(it - 1) - v) < std::fabs(*it - v))
        return static_cast<int>(it - levels.begin()) - 1;
    return static_cast<int>(it - levels.begin());
}

bool hasFieldGrid(TensorType type)
{
    switch (type) {
    case TensorType::Q4_0: case TensorType::Q4_1: case TensorType::Q5_0: case TensorType::Q5_1:
    case TensorType::Q8_0: case TensorType::Q2_K: case TensorType::Q3_K: case TensorType::Q4_K:
    case TensorType::Q5_K: case TensorType::Q6_K: case TensorType::IQ4_NL: case TensorType::IQ4_XS:
        return true;
    default:
        return false;
    }
}

BlockGrid ggufBlockGrid(TensorType type, std::span<const std::byte> block)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    const bool unblocked = info && info->blockSize == 1 && !block.empty() && block.size() % info->typeSize == 0;
    if (!info || !canDequantize(type) || (block.size() != info->typeSize && !unblocked))
        throw Error(ErrorCode::InvalidArgument, "block grid: not one block of a decodable type");
    std::vector<float> decoded(static_cast<size_t>(block.size() / info->typeSize * info->blockSize));
    dequantizeRow(type, block, decoded);
    if (!hasFieldGrid(type)) {
        BlockGrid grid = valuesBlockGrid(decoded);
        return grid;
    }
    BlockGrid grid;
    grid.decoded = std::move(decoded);
    if (type == TensorType::Q2_K || type == TensorType::Q3_K)
        q2q3Groups(type, block, grid);
    else if (type == TensorType::Q4_K || type == TensorType::Q5_K)
        k4Groups(type, block, grid);
    else if (type == TensorType::Q6_K)
        q6Groups(block, grid);
    else if (type == TensorType::IQ4_NL || type == TensorType::IQ4_XS)
        iq4Groups(type, block, grid);
    else
        legacyGroups(type, block, grid);
    return grid;
}

BlockGrid uniformBlockGrid(const UniformScheme& scheme, float step, int32_t zeroPoint, std::span<const float> decoded)
{
    BlockGrid grid;
    grid.kind = GridKind::Uniform;
    grid.decoded.assign(decoded.begin(), decoded.end());
    const int32_t z = scheme.mode == UniformMode::Asymmetric ? zeroPoint : 0;
    GridGroup g = plainGroup(static_cast<int64_t>(decoded.size()), step, -step * static_cast<float>(z),
                             levelsOf(uniformCodeMin(scheme), uniformCodeMax(scheme),
                                      [step, z](int q) { return step * static_cast<float>(q - z); }));
    grid.groups.push_back(std::move(g));
    return grid;
}

BlockGrid nf4BlockGrid(std::span<const float> decoded)
{
    BlockGrid grid;
    grid.kind = GridKind::Codebook;
    grid.decoded.assign(decoded.begin(), decoded.end());
    float absMax = 0.0f;
    for (float v : decoded)
        if (std::isfinite(v))
            absMax = std::max(absMax, std::fabs(v));
    const std::span<const float, 16> nf4 = nf4Levels();
    grid.groups.push_back(plainGroup(static_cast<int64_t>(decoded.size()), absMax, 0.0f,
                                     levelsOf(0, 15, [&nf4, absMax](int q) { return nf4[static_cast<size_t>(q)] * absMax; })));
    return grid;
}

BlockGrid valuesBlockGrid(std::span<const float> decoded)
{
    BlockGrid grid;
    grid.kind = GridKind::Values;
    grid.decoded.assign(decoded.begin(), decoded.end());
    std::vector<float> levels = distinct(decoded);
    grid.tooMany = levels.size() > BlockGrid::kMaxLevels;
    grid.groups.push_back(plainGroup(static_cast<int64_t>(decoded.size()), 0.0f, 0.0f,
                                     grid.tooMany ? std::vector<float>() : std::move(levels)));
    return grid;
}

} // namespace qx
