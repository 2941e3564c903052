#pragma once
// Scalar reference quantizers, one per ggml block type (internal to core/quant; use quantize.h).
//
// Each function quantizes ONE row of `n` floats (n a multiple of the block size) into `dst`, exactly as
// llama.cpp b4748's ggml_quantize_chunk does for that row: with `qw == nullptr` the *_ref path, otherwise
// the importance-weighted *_impl path (qw = the row's per-column importance, length n). Q8_0 ignores qw,
// as ggml does; IQ4_NL / IQ4_XS always take their search path (ntry 7), with or without qw.

#include <cstdint>

namespace qx::quant {

using RowQuantizer = void (*)(const float* x, void* dst, int64_t n, const float* qw);

void quantizeRowQ4_0Ref(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ4_1Ref(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_0Ref(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_1Ref(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ8_0Ref(const float* x, void* dst, int64_t n, const float* qw);

void quantizeRowQ2_KRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ3_KRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ4_KRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ5_KRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowQ6_KRef(const float* x, void* dst, int64_t n, const float* qw);

void quantizeRowIQ4_NLRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ4_XSRef(const float* x, void* dst, int64_t n, const float* qw);

// Codebook i-quants: IQ2_XXS, IQ2_XS and IQ1_S need qw (ggml asserts it); the others run ggml's plain
// search without it. ggml keeps a few working arrays across the groups of a call; here they live for
// one row and start zeroed, which only matters for groups ggml itself leaves undefined.
void quantizeRowIQ2_XXSRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ2_XSRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ2_SRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ3_XXSRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ3_SRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ1_SRef(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowIQ1_MRef(const float* x, void* dst, int64_t n, const float* qw);

// Ternary types (qw ignored).
void quantizeRowTQ1_0Ref(const float* x, void* dst, int64_t n, const float* qw);
void quantizeRowTQ2_0Ref(const float* x, void* dst, int64_t n, const float* qw);

} // namespace qx::quant
