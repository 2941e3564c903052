#pragma once
// Run-time dispatched SIMD quantizers (internal to core/quant). Every kernel here produces exactly the
// bytes of its scalar twin in block_quantizers.h: the K-quant kernels run ggml's scale searches with one
// SIMD lane per sub-block, so each lane performs the scalar sequence of float operations unchanged
// (no reassociation, no FMA). Blocks holding NaN fall back to the scalar code.

#include "io/tensor_type.h"
#include "quant/block_quantizers.h"

namespace qx::quant {

namespace avx2 {
void quantizeRowQ4_0(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ4_1(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_0(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_1(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ8_0(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ2_K(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ4_K(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_K(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ6_K(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ4_NL(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ4_XS(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowF16(const float* x, void* dst, int64_t n, const float* qw);
// The codebook i-quants: the scalar block code around the AVX2 scale sweep (iq_sweep.h).
void quantizeRowIQ2_XXS(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ2_XS(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ2_S(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ3_XXS(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ3_S(const float* x, void* dst, int64_t n, const float* qw);
// IQ1: the scalar block code around the AVX2 searches of iq1_search.h.
void quantizeRowIQ1_S(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ1_M(const float* x, void* dst, int64_t n, const float* qw);
} // namespace avx2

/// True when the AVX2 kernels run here: the CPU has AVX2 + FMA + F16C and QX_NO_SIMD is not set.
bool simdQuantizersEnabled();

/// The fastest kernel this CPU runs for `type`, or nullptr when only the scalar one exists.
RowQuantizer simdRowQuantizer(TensorType type);

} // namespace qx::quant
