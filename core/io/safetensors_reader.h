#pragma once
// Reader for safetensors files (https://github.com/huggingface/safetensors), single or sharded.
//
// Byte layout (all little-endian):
//   [0, 8)        u64 N: length of the JSON header
//   [8, 8+N)      UTF-8 JSON object: { "__metadata__": {str: str}?,
//                   "<tensor name>": {"dtype": "F32", "shape": [d0, d1, ...], "data_offsets": [begin, end]}, ... }
//                 (may be padded with trailing spaces)
//   [8+N, EOF)    data; begin/end are relative to 8+N, shape is row-major (d_last is contiguous)
//
// Rules checked (each failure is a qx::Error naming the file, the absolute byte offset and the rule): header
// length within the file, valid JSON object, no duplicate names, every field present and well typed, dtype
// known, begin <= end, end within the data, (end - begin) == elements x dtype size, and no two non-empty
// tensors sharing a byte. Gaps between tensors are allowed.
//
// Names are kept as stored (name == originalName). Tensors are listed in data order. A `__metadata__` entry
// whose key is not a tensor but whose value names one (what safetensors' save_model writes for tied weights,
// e.g. "model.embed_tokens.weight": "lm_head.weight") becomes an extra TensorInfo with the same data view and
// aliasOf set to the stored tensor, so ModelFile totals count the data once. Every `__metadata__` entry is
// also kept as a string metadata key/value, verbatim.
//
// Sharded sets are opened through their `*.index.json` ({"metadata": {...}, "weight_map": {tensor: shard}}):
// each shard file is mapped once; every tensor of the weight map must be found in the shard it names.

#include "io/model_file.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>

namespace qx {

/// Opens a `.safetensors` file, or a sharded set given its `model.safetensors.index.json`.
std::shared_ptr<const ModelFile> openSafetensors(const std::string& path);

/// Same as openSafetensors, returned by value for readers that build on it (e.g. the HF folder reader).
ModelFile readSafetensors(const std::string& path);

/// Parses a whole safetensors file held in `bytes` (views point into it; no mapping is recorded).
/// `fileName` is used in errors and as TensorInfo::sourceFile. The fuzzing entry point.
ModelFile parseSafetensors(std::span<const std::byte> bytes, const std::string& fileName);

/// The TensorType of a safetensors dtype name ("F32", "BF16", "F8_E4M3", ...); throws Error(Unsupported)
/// naming it when unknown.
TensorType safetensorsDtype(const std::string& dtype);

} // namespace qx
