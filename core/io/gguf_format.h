#pragma once
// GGUF byte layout (versions 2 and 3 share it; all integers little-endian):
//
//   "GGUF" | u32 version | u64 tensor_count | u64 kv_count
//   kv_count     x { string key | u32 value_type | value }
//   tensor_count x { string name | u32 n_dims | i64 ne[n_dims] | u32 ggml_type | u64 offset }
//   zero padding up to a multiple of `general.alignment` (u32, default 32)  <- data section starts here
//   tensor data, each tensor followed by zero padding to the alignment
//
// string = u64 byte length + bytes (no terminator). An array value is u32 element_type | u64 count |
// elements; elements may themselves be arrays. Tensor offsets are relative to the data section and equal
// the running sum of the preceding tensors' sizes, each padded to the alignment. Limits follow llama.cpp
// b4748: names shorter than 64 bytes (GGML_MAX_NAME includes the terminator), at most 4 dimensions.

#include "io/gguf_value.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace qx::gguf {

constexpr char kMagic[4] = {'G', 'G', 'U', 'F'};
constexpr uint32_t kVersion = 3;                ///< the version we write
constexpr uint64_t kDefaultAlignment = 32;
constexpr uint64_t kMaxNameBytes = 63;          ///< GGML_MAX_NAME (64) minus the terminator
constexpr uint32_t kMaxDims = 4;
constexpr int kMaxArrayDepth = 8;               ///< nesting limit that keeps hostile files off the stack
/// Array elements a file's metadata may hold in all (real models: ~1M; each costs ~50 bytes in memory).
constexpr uint64_t kMaxArrayElements = uint64_t(1) << 24;
constexpr std::string_view kAlignmentKey = "general.alignment";

/// Bytes one value of a fixed-size type occupies; 0 for String and Array.
uint64_t fixedSize(GgufType type);
/// The fewest bytes a value of `type` can occupy on disk (strings: the length field; arrays: type + count).
uint64_t minEncodedSize(GgufType type);
/// True for the 13 value type ids GGUF defines.
inline bool isValidType(uint32_t id) { return id < kGgufTypeCount; }
/// `x` rounded up to a multiple of `alignment` (a power of two); nullopt on 64-bit overflow.
std::optional<uint64_t> padTo(uint64_t x, uint64_t alignment);

} // namespace qx::gguf
