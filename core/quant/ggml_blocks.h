#pragma once
// Byte layouts of ggml's block-quantized types, exactly as llama.cpp writes them into GGUF files
// (little-endian; `d`/`dmin` are IEEE half floats stored as uint16_t). Each block covers kQK* weights of
// one row; a row is a sequence of blocks.

#include "io/tensor_type.h"

#include <cstdint>

namespace qx::ggml {

constexpr int kQK4_0 = 32, kQK4_1 = 32, kQK5_0 = 32, kQK5_1 = 32, kQK8_0 = 32, kQK4_NL = 32;
constexpr int kQK_K = 256;        ///< super-block size of the K-quants, the IQ and TQ types
constexpr int kKScaleSize = 12;   ///< packed 6-bit scales of Q4_K / Q5_K

struct BlockQ4_0 { uint16_t d; uint8_t qs[kQK4_0 / 2]; };
struct BlockQ4_1 { uint16_t d; uint16_t m; uint8_t qs[kQK4_1 / 2]; };
struct BlockQ5_0 { uint16_t d; uint8_t qh[4]; uint8_t qs[kQK5_0 / 2]; };
struct BlockQ5_1 { uint16_t d; uint16_t m; uint8_t qh[4]; uint8_t qs[kQK5_1 / 2]; };
struct BlockQ8_0 { uint16_t d; int8_t qs[kQK8_0]; };

struct BlockQ2_K { uint8_t scales[kQK_K / 16]; uint8_t qs[kQK_K / 4]; uint16_t d; uint16_t dmin; };
struct BlockQ3_K { uint8_t hmask[kQK_K / 8]; uint8_t qs[kQK_K / 4]; uint8_t scales[12]; uint16_t d; };
struct BlockQ4_K { uint16_t d; uint16_t dmin; uint8_t scales[kKScaleSize]; uint8_t qs[kQK_K / 2]; };
struct BlockQ5_K { uint16_t d; uint16_t dmin; uint8_t scales[kKScaleSize]; uint8_t qh[kQK_K / 8]; uint8_t qs[kQK_K / 2]; };
struct BlockQ6_K { uint8_t ql[kQK_K / 2]; uint8_t qh[kQK_K / 4]; int8_t scales[kQK_K / 16]; uint16_t d; };
struct BlockQ8_K { float d; int8_t qs[kQK_K]; int16_t bsums[kQK_K / 16]; };

struct BlockIQ4_NL { uint16_t d; uint8_t qs[kQK4_NL / 2]; };
struct BlockIQ4_XS { uint16_t d; uint16_t scales_h; uint8_t scales_l[kQK_K / 64]; uint8_t qs[kQK_K / 2]; };

// Codebook i-quants (iq_codebooks.h). Per 32 weights: IQ2_XXS 4 row indices + 4×7 sign bits + a 4-bit scale
// in two u32; IQ2_XS 9-bit index + 7 sign bits per u16, 4-bit scales per 16; IQ2_S 10-bit indices (8 low bits
// in qs, 2 high in qh), sign bytes in the second half of qs; IQ3_XXS 8 byte indices then a u32 of signs and
// scale per 32; IQ3_S 9-bit indices, sign bytes, 4-bit scales per 32; IQ1_S 11-bit indices (3 high bits in
// qh with a 3-bit scale and the delta sign); IQ1_M 11-bit indices, delta signs in qh, 3-bit scales per 16
// whose spare top nibbles hold the fp16 super-scale.
struct BlockIQ2_XXS { uint16_t d; uint16_t qs[kQK_K / 8]; };
struct BlockIQ2_XS { uint16_t d; uint16_t qs[kQK_K / 8]; uint8_t scales[kQK_K / 32]; };
struct BlockIQ2_S { uint16_t d; uint8_t qs[kQK_K / 4]; uint8_t qh[kQK_K / 32]; uint8_t scales[kQK_K / 32]; };
struct BlockIQ3_XXS { uint16_t d; uint8_t qs[3 * kQK_K / 8]; };
struct BlockIQ3_S { uint16_t d; uint8_t qs[kQK_K / 4]; uint8_t qh[kQK_K / 32]; uint8_t signs[kQK_K / 8]; uint8_t scales[kQK_K / 64]; };
struct BlockIQ1_S { uint16_t d; uint8_t qs[kQK_K / 8]; uint16_t qh[kQK_K / 32]; };
struct BlockIQ1_M { uint8_t qs[kQK_K / 8]; uint8_t qh[kQK_K / 16]; uint8_t scales[kQK_K / 32]; };

// Ternary types (BitNet b1.58, TriLMs): values -1, 0, +1 times d. TQ1_0 packs 5 trits per byte (qs, as a
// base-3 fraction of 256) and 4 per byte (qh); TQ2_0 2 bits per value.
struct BlockTQ1_0 { uint8_t qs[(kQK_K - 4 * kQK_K / 64) / 5]; uint8_t qh[kQK_K / 64]; uint16_t d; };
struct BlockTQ2_0 { uint8_t qs[kQK_K / 4]; uint16_t d; };

// OCP Microscaling MXFP4 (GGUF type 39, newer than b4748): an E8M0 exponent and 32 E2M1 values.
constexpr int kQKMXFP4 = 32;
struct BlockMXFP4 { uint8_t e; uint8_t qs[kQKMXFP4 / 2]; };

static_assert(sizeof(BlockQ4_0) == tensorTypeRow(TensorType::Q4_0).typeSize);
static_assert(sizeof(BlockQ4_1) == tensorTypeRow(TensorType::Q4_1).typeSize);
static_assert(sizeof(BlockQ5_0) == tensorTypeRow(TensorType::Q5_0).typeSize);
static_assert(sizeof(BlockQ5_1) == tensorTypeRow(TensorType::Q5_1).typeSize);
static_assert(sizeof(BlockQ8_0) == tensorTypeRow(TensorType::Q8_0).typeSize);
static_assert(sizeof(BlockQ2_K) == tensorTypeRow(TensorType::Q2_K).typeSize);
static_assert(sizeof(BlockQ3_K) == tensorTypeRow(TensorType::Q3_K).typeSize);
static_assert(sizeof(BlockQ4_K) == tensorTypeRow(TensorType::Q4_K).typeSize);
static_assert(sizeof(BlockQ5_K) == tensorTypeRow(TensorType::Q5_K).typeSize);
static_assert(sizeof(BlockQ6_K) == tensorTypeRow(TensorType::Q6_K).typeSize);
static_assert(sizeof(BlockQ8_K) == tensorTypeRow(TensorType::Q8_K).typeSize);
static_assert(sizeof(BlockIQ4_NL) == tensorTypeRow(TensorType::IQ4_NL).typeSize);
static_assert(sizeof(BlockIQ4_XS) == tensorTypeRow(TensorType::IQ4_XS).typeSize);
static_assert(sizeof(BlockIQ2_XXS) == tensorTypeRow(TensorType::IQ2_XXS).typeSize);
static_assert(sizeof(BlockIQ2_XS) == tensorTypeRow(TensorType::IQ2_XS).typeSize);
static_assert(sizeof(BlockIQ2_S) == tensorTypeRow(TensorType::IQ2_S).typeSize);
static_assert(sizeof(BlockIQ3_XXS) == tensorTypeRow(TensorType::IQ3_XXS).typeSize);
static_assert(sizeof(BlockIQ3_S) == tensorTypeRow(TensorType::IQ3_S).typeSize);
static_assert(sizeof(BlockIQ1_S) == tensorTypeRow(TensorType::IQ1_S).typeSize);
static_assert(sizeof(BlockIQ1_M) == tensorTypeRow(TensorType::IQ1_M).typeSize);
static_assert(sizeof(BlockTQ1_0) == tensorTypeRow(TensorType::TQ1_0).typeSize);
static_assert(sizeof(BlockTQ2_0) == tensorTypeRow(TensorType::TQ2_0).typeSize);
static_assert(sizeof(BlockMXFP4) == tensorTypeRow(TensorType::MXFP4).typeSize);

/// The 16 non-uniform levels shared by IQ4_NL and IQ4_XS.
constexpr int8_t kIQ4NLValues[16] = {-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113};

} // namespace qx::ggml
