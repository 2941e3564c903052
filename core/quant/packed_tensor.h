#pragma once
// A tensor's values held as the GGUF blocks of one quantized type instead of F32: Q4_K keeps 4.5 bits per
// weight where F32 keeps 32, which is what lets a calibrated 7B model (GPTQ on a K-quant grid) stay in a few
// GB. Only values that lie on the type's grid can be packed without loss: pack() quantizes them (no
// importance, as an export would) and keeps the blocks only when decoding them gives every value back
// (equal as floats: a zero may come back as −0), so unpack() returns what was packed.
//
// W8A8 weights (SmoothQuant, LLM.int8: calib/int8_matmul.h) use the same holder with type I8: one int8 code
// per value and one float step per row (value = step · code), and optionally some columns kept as float
// (LLM.int8's outlier columns). Those are not GGUF blocks: ggmlBlocks() is false and an export quantizes
// their unpacked values.

#include "io/tensor_type.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct PackedTensor {
    TensorType type = TensorType::F32;
    int64_t rows = 0;
    int64_t rowLength = 0;                ///< values per row (ggml's ne[0]), a whole number of blocks
    std::vector<std::byte> blocks;        ///< rows × tensorBytes(type, rowLength), row-major
    std::vector<float> rowSteps;          ///< I8 with steps: one step per row (value = step · code)
    std::vector<int64_t> floatColumns;    ///< I8 with steps: columns kept as float, ascending
    std::vector<float> floatValues;       ///< rows × floatColumns.size(): those columns' values

    int64_t valueCount() const { return rows * rowLength; }
    /// The blocks are a GGUF tensor of `type` as they stand (not int8 codes with row steps).
    bool ggmlBlocks() const { return rowSteps.empty(); }
    /// The values, decoded.
    std::vector<float> unpack() const;
    bool operator==(const PackedTensor&) const = default;
};

/// Calibrated tensors held packed, by GGUF name.
using PackedTensors = std::map<std::string, PackedTensor>;

/// `values` (rows of rowLength) quantized into blocks of `type` (quantizeRows, no importance: as an export
/// writes them). Throws Error(InvalidArgument) when the values are not whole rows or a row is not whole
/// blocks, and what quantizeRows throws.
PackedTensor packRows(TensorType type, std::span<const float> values, int64_t rowLength);

/// `values` (rows of rowLength) as blocks of `type`, or nullopt when `type` cannot hold them exactly (they
/// are not on its grid, or rowLength is not a whole number of its blocks). Throws Error(InvalidArgument)
/// when values.size() is not a multiple of rowLength.
std::optional<PackedTensor> packExactly(TensorType type, std::span<const float> values, int64_t rowLength);

/// The last pass of a K-quant quantizer alone (Q2_K Q4_K Q5_K Q6_K): `block` (one block of `type`) already
/// holds its scales (d, dmin, sub-block scales and mins); its levels are derived from the 256 `values` as
/// ggml's final pass derives them, and packed. Values on that block's grid come back exactly, whatever the
/// quantizer's own search would choose for them. False (block untouched) for other types. GPTQ writes its
/// blocks this way, on the scales it chose at each block's start.
bool encodeOnBlockScales(TensorType type, std::span<const float> values, std::span<std::byte> block);
/// The types encodeOnBlockScales writes.
bool canEncodeOnBlockScales(TensorType type);

} // namespace qx
