#pragma once
// Streaming GGUF v3 writer with llama.cpp's layout (see io/gguf_format.h): header, key/values, tensor
// infos, zero padding to the alignment, then each tensor's data followed by zero padding to the alignment
// (after the last tensor too). Offsets are the running padded sum. Like ggml's writer, trailing
// dimensions of size 1 are not written (ne {64, 1} is stored as {64}); at least one dimension always is.
//
// Tensor data are produced one tensor at a time by `fill` into a reused buffer, so a file far larger than
// memory can be written. The file goes through an AtomicFile (common/atomic_file.h): on any error or
// cancellation its temporary file is removed and `path` is left untouched.

#include "common/progress.h"
#include "io/gguf_value.h"
#include "io/tensor_type.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct GgufTensorToWrite {
    std::string name;
    std::vector<int64_t> ne;       ///< ggml axis order (ne[0] = row length)
    TensorType type = TensorType::F32;
    /// Writes the tensor's bytes (exactly tensorBytes(type, elements) of them, or foreignBytes) into `dst`.
    std::function<void(std::span<std::byte> dst)> fill;
    /// A type newer than ours (isForeignGgufTypeId) has no size we can compute: its stored byte count.
    std::optional<uint64_t> foreignBytes;
};

/// Writes a GGUF v3 file. `alignment` must be a power of two; when it is not 32 and `metadata` has no
/// `general.alignment`, that key is appended (a reader needs it to find the data). Throws
/// Error(InvalidArgument) for metadata/tensors no reader would accept, Error(Io) on write failures and
/// Error(Cancelled) when `progress` returns false.
void writeGguf(const std::string& path, const std::vector<KeyValue>& metadata,
               const std::vector<GgufTensorToWrite>& tensors, uint64_t alignment = 32,
               const ProgressFn& progress = {});

/// The exact size in bytes writeGguf would produce for these arguments (`fill` is not called).
uint64_t predictGgufFileSize(const std::vector<KeyValue>& metadata, const std::vector<GgufTensorToWrite>& tensors,
                             uint64_t alignment = 32);

/// The encoded header (magic through the padding before the data section), as writeGguf writes it.
std::vector<std::byte> encodeGgufHeader(const std::vector<KeyValue>& metadata,
                                        const std::vector<GgufTensorToWrite>& tensors, uint64_t alignment = 32);

} // namespace qx
