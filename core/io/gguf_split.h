#pragma once
// Split GGUF models as llama.cpp's gguf-split and `llama-quantize --keep-split` write them: the parts are
// PREFIX-00001-of-0000N.gguf ... PREFIX-0000N-of-0000N.gguf; every part holds the keys split.no (u16, 0-based),
// split.count (u16, N) and split.tensors.count (i32, tensors in all parts); the first part holds all other
// metadata, each part its own tensors and data.
//
// Opening any part opens the whole model: the other parts are found by name, each is checked (its split.no,
// split.count, no tensor in two parts, the tensor total), and the tensors are merged in part order. Each
// TensorInfo's sourceFile names its part; ModelFile::splitPaths lists the parts.

#include "io/model_file.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace qx {

constexpr const char* kSplitNoKey = "split.no";
constexpr const char* kSplitCountKey = "split.count";
constexpr const char* kSplitTensorsCountKey = "split.tensors.count";

/// "PREFIX-0000I-of-0000N.gguf" for 0-based part `index` of `count` (llama_split_path).
std::string splitPartPath(const std::string& prefix, int index, int count);
/// PREFIX when `path` is part `index` (0-based) of `count` by name (llama_split_prefix), else nullopt.
std::optional<std::string> splitPrefix(const std::string& path, int index, int count);

/// Opens a GGUF file; when it is one part of a split model (split.count > 1), the whole model. Throws
/// qx::Error naming the file: a missing part, a part that disagrees (split.no, split.count), a tensor in two
/// parts, a tensor total other than split.tensors.count, or a name that does not follow the pattern.
std::shared_ptr<const ModelFile> openGgufModel(const std::string& path);

} // namespace qx
