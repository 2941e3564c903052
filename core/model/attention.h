#pragma once
// Causal multi-head attention of one sequence, as llama.cpp computes it without flash attention:
// scores = q·k × scale, causal mask, softmax (f32 exponentials summed in double), output = probs · v.
// With grouped-query attention, query head h reads key/value head h / (nHead / nHeadKv).
//
// Layouts: q and out are seqLen rows of nHead·headDim floats; k and v are seqLen rows of nHeadKv·headDim
// floats (heads concatenated within a row, as the projections produce them).
//
// roundF16 reproduces llama.cpp's default F16 KV cache on the CPU: k and v are stored as fp16, q is
// converted to fp16 for the q·k product and the probabilities to fp16 for the probs·v product.

#include <cstdint>
#include <vector>

namespace qx {

struct AttentionShape {
    int64_t seqLen = 0;
    int64_t nHead = 0;
    int64_t nHeadKv = 0;
    int64_t headDim = 0;
    float scale = 1.0f;     ///< usually 1/sqrt(headDim)
    bool roundF16 = true;
};

/// Scratch memory reused between calls (packed keys and values), so that repeated calls do not fault in
/// fresh pages.
struct AttentionWorkspace {
    std::vector<float> keys, values;
};

/// Multithreaded attention over tiles of queries; `workspace` may be null.
void causalAttention(const float* q, const float* k, const float* v, float* out, const AttentionShape& shape,
                     int threads, AttentionWorkspace* workspace = nullptr);

/// Plain scalar twin of causalAttention.
void causalAttentionRef(const float* q, const float* k, const float* v, float* out, const AttentionShape& shape);

} // namespace qx
