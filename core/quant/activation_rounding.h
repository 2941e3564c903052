#pragma once
// How ggml's CPU backend (b4748) rounds the activations of a matrix multiplication with a quantized
// weight: src1 rows are first converted to the weight type's vec_dot_type, and the dot product runs on
// those codes with the block scales. Up to float summation order, that equals an F32 matmul of the
// dequantized weight with the activations passed through quantize→dequantize of vec_dot_type, which is
// what roundActivations does, with the kernels ggml runs on x86-64 (AVX2):
//   Q8_0 / Q8_1 (32 values): d = amax/127 stored as F16, codes = round-half-even(x · (127/amax)), x̂ = F16(d)·q
//   Q8_K (256 values, quantize_row_q8_K_ref): iscale = -127/x_amax (signed), q = min(127, nearest_int(iscale·x)),
//                                             x̂ = (1/iscale)·q in F32
//   F16 / BF16: x rounded to half / bfloat16 (round to nearest even);  F32: unchanged.

#include "io/tensor_type.h"

#include <cstdint>
#include <span>

namespace qx {

/// ggml's vec_dot_type of weight type `weightType` (F32 for F32 and types without a CPU dot product).
TensorType vecDotType(TensorType weightType);

/// Rounds rows of `cols` activations in place through `dotType` (see top of file). Throws
/// Error(InvalidArgument) when cols is not a multiple of the type's block or the type is not one above.
void roundActivations(TensorType dotType, std::span<float> rows, int64_t cols);

} // namespace qx
