#pragma once
// Block dequantizers (internal to core/quant; use dequantize.h). Each decodes `n` values (a multiple of
// the type's block size) from packed blocks, with the same float operations as llama.cpp b4748's
// dequantize_row_* so the results are bit-identical to ggml's. Also the two OCP FP8 formats and MXFP4.

#include "io/tensor_type.h"

#include <cstdint>

namespace qx::quant {

using RowDequantizer = void (*)(const void* src, float* y, int64_t n);

void dequantizeRowQ4_0(const void* src, float* y, int64_t n);
void dequantizeRowQ4_1(const void* src, float* y, int64_t n);
void dequantizeRowQ5_0(const void* src, float* y, int64_t n);
void dequantizeRowQ5_1(const void* src, float* y, int64_t n);
void dequantizeRowQ8_0(const void* src, float* y, int64_t n);
void dequantizeRowQ2_K(const void* src, float* y, int64_t n);
void dequantizeRowQ3_K(const void* src, float* y, int64_t n);
void dequantizeRowQ4_K(const void* src, float* y, int64_t n);
void dequantizeRowQ5_K(const void* src, float* y, int64_t n);
void dequantizeRowQ6_K(const void* src, float* y, int64_t n);
void dequantizeRowIQ4_NL(const void* src, float* y, int64_t n);
void dequantizeRowIQ4_XS(const void* src, float* y, int64_t n);
void dequantizeRowIQ2_XXS(const void* src, float* y, int64_t n);
void dequantizeRowIQ2_XS(const void* src, float* y, int64_t n);
void dequantizeRowIQ2_S(const void* src, float* y, int64_t n);
void dequantizeRowIQ3_XXS(const void* src, float* y, int64_t n);
void dequantizeRowIQ3_S(const void* src, float* y, int64_t n);
void dequantizeRowIQ1_S(const void* src, float* y, int64_t n);
void dequantizeRowIQ1_M(const void* src, float* y, int64_t n);
void dequantizeRowTQ1_0(const void* src, float* y, int64_t n);
void dequantizeRowTQ2_0(const void* src, float* y, int64_t n);

/// OCP E8M0 scale halved (2^(e-128)), ggml's GGML_E8M0_TO_FP32_HALF; 0xFF is the spec's NaN.
float e8m0HalfToFp32(uint8_t e);
/// MXFP4 (type 39): per 32 values an E8M0 scale byte and 16 bytes of E2M1 nibbles (low nibbles first half).
void dequantizeRowMXFP4(const void* src, float* y, int64_t n);

/// OCP FP8 E4M3 (bias 7, no infinities; S.1111.111 is NaN; max finite 448).
float fp8E4M3ToFp32(uint8_t v);
/// OCP FP8 E5M2 (bias 15, IEEE-style infinities and NaNs; the top byte of an fp16).
float fp8E5M2ToFp32(uint8_t v);

void dequantizeRowF8E4M3(const void* src, float* y, int64_t n);
void dequantizeRowF8E5M2(const void* src, float* y, int64_t n);

/// The dequantizer of a block type, or nullptr when there is none (a column of type_kernels.h).
RowDequantizer blockDequantizer(TensorType type);

namespace avx2 {
void dequantizeRowF16(const void* src, float* y, int64_t n);
} // namespace avx2

/// A faster decoder of `type` for this CPU (same results as the scalar one), or nullptr.
RowDequantizer simdRowDequantizer(TensorType type);

} // namespace qx::quant
