#pragma once
// The kernels of one transformer block applied to a sub-batch of token rows (internal to the forward
// pass): the attention stage (norm, Q/K/V, RoPE, causal attention per sequence, output projection,
// residual) and the feed-forward stage (norm, gate/up, SwiGLU, down, residual), plus the output head.
// A Stage holds the working matrices one stage needs, loaded from a WeightSource by the caller.
//
// Every projection goes through project(): activation hook, transform, ggml activation rounding or W8A8,
// then oneDNN. Scratch buffers are kept between calls (the blocks repeat the same shapes).

#include "model/attention.h"
#include "model/dnnl_int8_linear.h"
#include "model/dnnl_linear.h"
#include "model/llama_forward.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace qx {

/// The working matrices of one stage, by GGUF name (plus W8A8's int8 copies).
struct Stage {
    std::map<std::string, WorkingTensor> tensors;
    std::map<std::string, Int8Matrix> int8;
    WeightView view(const std::string& name) const;
    TensorType type(const std::string& name) const;
};

class BlockRunner {
public:
    BlockRunner(const LlamaConfig& config, const ForwardOptions& options, int threads, ForwardTimings& timings);

    void setHook(ActivationHook hook) { m_hook = std::move(hook); }
    void setTransform(ActivationTransform transform) { m_transform = std::move(transform); }
    /// Called before every projection and between the row slices of a large one; it throws to stop (a
    /// Cancel then waits for one slice, about 0.1 s at 7B, not for a whole stage).
    void setPoll(std::function<void()> poll) { m_poll = std::move(poll); }
    /// The rope table of positions [0, seqLen), with Llama 3.1+ frequency factors when given.
    void setRope(int64_t seqLen, const WeightView& freqFactors);

    /// x (rows × nEmbd, rows a multiple of seqLen) += attention(norm(x)) of block `layer`.
    void attention(int64_t layer, const Stage& w, float* x, int64_t rows, int64_t seqLen);
    /// x += ffn(norm(x)) of block `layer`.
    void feedForward(int64_t layer, const Stage& w, float* x, int64_t rows);
    /// logits (rows × nVocab) = head(norm(x)) for `rows` rows of nEmbd floats; `head` names the matrix.
    void head(const Stage& w, const std::string& head, const float* x, int64_t rows, float* logits);
    /// Forgets per-weight caches (BF16 copies keyed by address) before the stage's buffers are reused.
    void forgetWeights() { m_linear.forgetWeights(); }

private:
    void project(const std::string& name, const Stage& w, const float* in, int64_t rows, const WeightView& b,
                 float* out);
    void projectInt8(const std::string& name, const Int8Matrix& w, const float* in, int64_t rows,
                     const WeightView& b, float* out);
    void linear(const float* in, int64_t rows, const WeightView& w, const WeightView& b, float* out);
    void normRows(const float* in, int64_t rows, const WeightView& w, float* out);
    void reserve(int64_t rows);

    LlamaConfig m_config;
    ForwardOptions m_options;
    int m_threads = 1;
    ForwardTimings& m_timings;
    DnnlLinear m_linear;
    DnnlInt8Linear m_int8Linear;
    ActivationHook m_hook;
    ActivationTransform m_transform;
    std::function<void()> m_poll;
    std::vector<float> m_rope;
    int64_t m_ropeLen = -1;
    std::vector<int8_t> m_codes;
    std::vector<float> m_codeSteps, m_transformed, m_rounded;
    std::vector<float> m_cur, m_q, m_k, m_v, m_attn, m_tmp, m_gate, m_up;
    AttentionWorkspace m_attnScratch;
};

} // namespace qx
