#pragma once
// The grid of one quantization block — every value each part of the block can decode to — for the
// Distribution view's comb and its "one block" picture (the absmax, zero-point and k-quant super-block
// figures of the usual quantization guides, on the tensor's own numbers).
//
// A block is split into groups: the values sharing one affine map or scaled codebook.
//  - Absmax (Q4_0, Q5_0, Q8_0): one group, levels d·(q − offset).
//  - Zero point (Q4_1, Q5_1): one group, levels d·q + m.
//  - Super-block (Q2_K, Q3_K, Q6_K: 16 sub-blocks of 16; Q4_K, Q5_K: 8 of 32): each sub-block's scale
//    (and min) is itself quantized against the super-block's d (and dmin): levels (d·sc)·q − dmin·m.
//  - Codebook (IQ4_NL: d·kv[q]; IQ4_XS: 8 sub-blocks of 32 with (d·(ls − 32))·kv[q]; NF4: absmax·nf4[q]).
//  - Uniform (the integer schemes): Δ·(q − z) over the scheme's codes.
//  - Values (anything else: F16, BF16, FP8, FP4, the codebook-grid i-quants): the distinct decoded values
//    of the block, or none when there are more than kMaxLevels of them.
// Groups are contiguous runs of the block. GGUF levels are computed with the dequantizers' float arithmetic
// (no FMA), so every decoded value of a block is exactly one of its group's levels.

#include "io/tensor_type.h"
#include "quant/uniform_quant.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

enum class GridKind { Absmax, ZeroPoint, SuperBlock, Codebook, Uniform, Values };

struct GridGroup {
    int64_t first = 0;          ///< offset of the group's first value within the block
    int64_t length = 0;
    float scale = 0.0f;         ///< step between codes (d·sc, Δ) or the codebook's multiplier; 0 when none
    float offset = 0.0f;        ///< added to scale·q: m (Q4_1), −dmin·m (k-quants), −Δ·z (asymmetric)
    int scaleCode = -1;         ///< super-blocks: the sub-block's stored scale (−1 when none)
    int minCode = -1;           ///< super-blocks with mins: the sub-block's stored min (−1 when none)
    std::vector<float> levels;  ///< ascending, distinct: every value the group can decode to
    bool operator==(const GridGroup&) const = default;
};

struct BlockGrid {
    static constexpr size_t kMaxLevels = 256;
    GridKind kind = GridKind::Values;
    float superScale = 0.0f;    ///< super-blocks: d, the scale of the sub-block scales
    float superMin = 0.0f;      ///< super-blocks with mins: dmin
    std::vector<GridGroup> groups;
    std::vector<float> decoded; ///< the block's values after the round trip
    bool tooMany = false;       ///< Values: more than kMaxLevels distinct values (levels left empty)
    /// Index of the group holding value `i` of the block.
    size_t groupOf(int64_t i) const;
    /// Index of decoded[i] within its group's levels (the nearest level; -1 when the group has none).
    int levelOf(int64_t i) const;
    bool operator==(const BlockGrid&) const = default;
};

/// True when ggufBlockGrid decodes `type` field by field (else it falls back to the distinct values).
bool hasFieldGrid(TensorType type);
/// The grid of one stored block of `type` (its bytes, blockSize values; for unblocked types such as F16 any
/// number of values). Throws InvalidArgument for a wrong byte count or a type dequantizeRow cannot decode.
BlockGrid ggufBlockGrid(TensorType type, std::span<const std::byte> block);
/// The grid of one group of a uniform scheme: Δ = step, z = zeroPoint (0 when symmetric), `decoded` the
/// group's reconstructed values.
BlockGrid uniformBlockGrid(const UniformScheme& scheme, float step, int32_t zeroPoint, std::span<const float> decoded);
/// The grid of one NF4 block: the stored absmax is the largest |decoded| (the absmax value is coded ±1).
BlockGrid nf4BlockGrid(std::span<const float> decoded);
/// The distinct values of `decoded` as one group (GridKind::Values).
BlockGrid valuesBlockGrid(std::span<const float> decoded);

} // namespace qx
