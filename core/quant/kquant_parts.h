#pragma once
// The scalar tails of the Q4_K and Q6_K reference quantizers (internal to core/quant), shared by the
// scalar kernels and the SIMD kernels that vectorize only the scale searches.

#include "io/tensor_type.h"
#include "quant/ggml_blocks.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace qx::quant {

/// Q2_K reference: 4-bit sub-block scales and mins against fp16 d / dmin (max-based).
void q2EncodeScalesRef(const float* scales, const float* mins, ggml::BlockQ2_K& b);
/// Q2_K with importance: make_qp_quants of scales and mins against the sub-block weight sums `sw`.
void q2EncodeScalesWeighted(const float* scales, const float* mins, const float* sw, ggml::BlockQ2_K& b);
/// Q2_K: levels from the encoded scales (keeping L where a scale is 0), then packing.
void q2Finish(const float* x, ggml::BlockQ2_K& b, uint8_t* L);
/// Q4_K/Q5_K reference: quantizes the 8 sub-block scales and mins to 6 bits against fp16 d / dmin.
void k4EncodeScalesRef(const float* scales, const float* mins, uint8_t* scaleBytes, uint16_t& d, uint16_t& dmin);
/// Q4_K/Q5_K with importance: make_qp_quants of scales and mins against the sub-block weight sums `sw`;
/// only Q5_K clamps the 6-bit levels to 63 (`clamp63`), as ggml does.
void k4EncodeScalesWeighted(const float* scales, const float* mins, const float* sw, bool clamp63,
                            uint8_t* scaleBytes, uint16_t& d, uint16_t& dmin);
/// Q5_K: packs 256 5-bit levels (low nibbles + high-bit plane).
void q5Pack(const uint8_t* L, ggml::BlockQ5_K& b);
/// Q4_K: packs 256 4-bit levels.
void q4Pack(const uint8_t* L, ggml::BlockQ4_K& b);
/// Q6_K: 8-bit sub-block scales and fp16 d from the 16 float scales; false (block zeroed) when all ~0.
bool q6EncodeScales(const float* scales, ggml::BlockQ6_K& b);
/// Q6_K: packs 256 6-bit levels (0..63).
void q6Pack(const int8_t* L, ggml::BlockQ6_K& b);
/// Q4_K: re-derives the levels from the encoded scales (keeping L where a scale is 0) and packs them.
void q4Finish(const float* x, uint8_t* L, ggml::BlockQ4_K& b);
/// Q6_K: from the 16 sub-block scales (and their levels L, kept where a scale rounds to 0) to the block.
void q6Finish(const float* x, const float* scales, int8_t* L, ggml::BlockQ6_K& b);

/// packed_tensor.h's encodeOnBlockScales.
bool encodeOnBlockScales(TensorType type, std::span<const float> values, std::span<std::byte> block);

} // namespace qx::quant
