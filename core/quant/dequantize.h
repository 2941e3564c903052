#pragma once
// Decoding stored tensor values to F32, for every type whose values we can read.

#include "io/model_file.h"
#include "io/tensor_type.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// True when dequantizeRow can decode `type`; other types are listed with name and size only
/// ("values not decodable yet").
bool canDequantize(TensorType type);

/// Why `type`'s values cannot be read: "type 40, not decodable (a type newer than this program)" for a GGUF
/// type id beyond our table, "values of type X are not decodable yet" for a known one.
std::string undecodableReason(TensorType type);

/// Decodes `dst.size()` consecutive values of `type` from `src` (which must hold exactly their bytes).
/// Throws qx::Error(Unsupported) for types canDequantize() rejects and InvalidArgument on size mismatch.
void dequantizeRow(TensorType type, std::span<const std::byte> src, std::span<float> dst);

/// The plain scalar twin of dequantizeRow (same results, bit for bit).
void dequantizeRowRef(TensorType type, std::span<const std::byte> src, std::span<float> dst);

/// Decodes rows [firstRow, firstRow + rowCount) of a tensor (row = ne[0] values) into `dst`.
void dequantizeRows(const TensorInfo& tensor, int64_t firstRow, int64_t rowCount, std::span<float> dst);

/// The whole tensor as F32 (ggml order: row-major with rows of ne[0]).
std::vector<float> dequantizeTensor(const TensorInfo& tensor);

} // namespace qx
