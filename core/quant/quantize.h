#pragma once
// Quantizing F32 rows into llama.cpp's storage types, byte-identical to ggml_quantize_chunk (b4748).
//
// `src` holds whole rows of `rowLength` floats (ggml's ne[0]); `dst` receives each row's blocks back to
// back (tensorBytes(type, rowLength) bytes per row). `importance` is an optional per-column weight
// (llama-quantize's imatrix entry for the tensor, already divided by its call count — see
// imatrix_file.h); with it the K-quants, IQ4_*, Q4_0/Q4_1/Q5_0/Q5_1 and the codebook i-quants take ggml's
// weighted search, as `llama-quantize --imatrix` does. Q8_0, TQ1_0, TQ2_0, F16, BF16 and F32 ignore it
// (ggml does too); IQ2_XXS, IQ2_XS and IQ1_S require it.
//
// Non-finite input never crashes: NaN/Inf propagate into scales as ggml's arithmetic makes them (the
// resulting blocks are what llama.cpp would write, and decode to NaN/Inf or garbage levels).

#include "io/tensor_type.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace qx {

/// True for the types quantizeRows can write: Q4_0 Q4_1 Q5_0 Q5_1 Q8_0 Q2_K..Q6_K IQ4_NL IQ4_XS, the
/// codebook i-quants IQ1_S IQ1_M IQ2_XXS IQ2_XS IQ2_S IQ3_XXS IQ3_S, TQ1_0 TQ2_0, F16 BF16 F32.
bool canQuantize(TensorType type);

/// True for IQ2_XXS, IQ2_XS and IQ1_S, which ggml cannot quantize without importance data.
bool quantizeNeedsImportance(TensorType type);

/// Quantizes rows (see top of file), using the fastest kernels and worker threads available. Throws
/// qx::Error(InvalidArgument) for a row width that is not a multiple of the block size, mismatched span
/// sizes, an importance vector whose length is not rowLength or a missing one that the type requires;
/// Error(Unsupported) when !canQuantize.
void quantizeRows(TensorType type, std::span<const float> src, int64_t rowLength, std::span<std::byte> dst,
                  std::span<const float> importance = {});

/// The plain scalar, single-threaded twin of quantizeRows (same results, byte for byte).
void quantizeRowsRef(TensorType type, std::span<const float> src, int64_t rowLength, std::span<std::byte> dst,
                     std::span<const float> importance = {});

} // namespace qx
