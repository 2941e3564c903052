#pragma once
// GGUF reader (layout in io/gguf_format.h). Accepts versions 2 and 3 and enforces the rules of llama.cpp
// b4748's reader: no duplicate keys or tensor names, names < 64 bytes, at most 4 dimensions, non-negative
// shapes whose element count fits in int64, rows of whole blocks, tensor offsets equal to the running padded
// sum, data inside the file. Unlike llama.cpp, a tensor of a type id we do not know (newer than our table,
// up to kMaxForeignTypeId) does not stop the file: it keeps the id as its type (tensor_type.h) and its data
// span reaches to the next tensor's data (or the end of the file), padding included. Nested arrays (which llama.cpp rejects) are accepted up
// to gguf::kMaxArrayDepth levels; metadata arrays may hold gguf::kMaxArrayElements elements in all. Every
// violation throws qx::Error with the file, the byte offset and the rule broken; nothing is allocated from
// a count before checking it against the bytes left.

#include "io/model_file.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>

namespace qx {

/// Memory-maps and parses a GGUF file; tensor data are views into the mapping, which the result keeps.
std::shared_ptr<const ModelFile> openGguf(const std::string& path);

/// Parses a GGUF image held in memory (for tests and fuzzers). Tensor `data` views point into `bytes`,
/// which must outlive the result; `fileName` names the input in errors, `path` and `sourceFile`.
ModelFile parseGguf(std::span<const std::byte> bytes, const std::string& fileName);

} // namespace qx
