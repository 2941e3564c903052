#pragma once
// The forward pass of a Llama-family decoder over whole sequences (prompt processing, no KV cache reuse):
// token embedding, per layer RMSNorm → Q/K/V (+ qwen2 bias) → RoPE → causal GQA attention → output
// projection → residual → RMSNorm → SwiGLU FFN → residual; final RMSNorm and the output head.
//
// Every projection and the output head run on oneDNN matmul; attention is multithreaded. The scalar
// llamaForwardRef() is the naive twin the fast path is tested against. Logits are row-major:
// one row of nVocab floats per output position.
//
// Threading: a LlamaForward keeps scratch buffers and oneDNN primitives, so use one object per thread;
// its weights (shared, immutable) may be shared by many. oneDNN's thread count is an OpenMP setting of
// the calling thread, applied on every call.

#include "model/llama_weights.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// W8A8 evaluation of the blk.* linear layers (the output head stays F32): int8 weights (one step per output
/// row) times int8 inputs through oneDNN's s8×s8→s32 matmul (model/dnnl_int8_linear.h).
enum class ActivationQuant {
    None,
    DynamicInt8, ///< one step per token (row): max|x| / 127
    StaticInt8,  ///< one step per layer, calibrated beforehand (model/w8a8_calibration.h)
};

/// Static int8 input step (max|x| / 127 over calibration text) of each blk.* linear layer, by weight name.
using Int8InputSteps = std::map<std::string, float>;

struct ForwardOptions {
    int threads = 0;               ///< 0 = every hardware thread
    bool emulateF16KvCache = true; ///< round like llama.cpp's default F16 KV cache (see attention.h)
    /// Round each projection's input through its weight's vec_dot_type (quant/activation_rounding.h),
    /// as ggml's CPU matmul does; the weight type is LlamaWeights::storageType. Off: plain F32 inputs.
    bool emulateActivationQuantization = false;
    ActivationQuant activationQuant = ActivationQuant::None; ///< excludes emulateActivationQuantization
    /// Approximate: F32 projections run as BF16 × BF16 → F32 (model/dnnl_linear.h); +2 bytes per weight.
    bool bf16Compute = false;
    /// StaticInt8: a step for every blk.* linear layer (Error(InvalidArgument) naming a missing one).
    std::shared_ptr<const Int8InputSteps> staticInputSteps;
};

/// Receives the input of a linear layer before it is multiplied: the weight's GGUF name and `rows`
/// activation rows of `cols` floats. Called once per weight (attn_q, attn_k and attn_v each get the
/// same rows), from the thread running the forward pass.
using ActivationHook = std::function<void(const std::string& weightName, const float* x, int64_t rows, int64_t cols)>;

/// Rewrites a linear layer's input in place before it is multiplied (activation fake quantization). It gets
/// a private copy of the rows, so layers sharing an input (attn_q/k/v) each see the original.
using ActivationTransform = std::function<void(const std::string& weightName, float* x, int64_t rows, int64_t cols)>;

/// Wall seconds spent in each kind of step since construction (or resetTimings), summed over calls.
struct ForwardTimings {
    double linear = 0;      ///< projections and output head (oneDNN matmuls, W8A8 input quantization)
    double attention = 0;   ///< RoPE and causal attention
    double norm = 0;        ///< RMSNorm
    double elementwise = 0; ///< SwiGLU, residual adds, embedding lookup
    double total = 0;       ///< whole forward() calls
    bool operator==(const ForwardTimings&) const = default;
};

class LlamaForward {
public:
    explicit LlamaForward(std::shared_ptr<const LlamaWeights> weights, ForwardOptions options = {});
    ~LlamaForward();
    LlamaForward(const LlamaForward&) = delete;
    LlamaForward& operator=(const LlamaForward&) = delete;

    /// Evaluates `tokens` as independent sequences of `seqLen` tokens each (positions 0..seqLen-1) and
    /// returns the logits of positions [firstOutput, seqLen) of every sequence, sequence after sequence.
    /// Throws Error(InvalidArgument) for bad sizes or token ids, Error(Invalid) naming the first layer
    /// whose output holds a NaN when the logits do.
    std::vector<float> forward(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput = 0);

    /// Installs (or, with an empty function, removes) the activation hook.
    void setActivationHook(ActivationHook hook);
    /// Installs (or, with an empty function, removes) the activation transform; it runs after the hook.
    void setActivationTransform(ActivationTransform transform);
    const LlamaWeights& weights() const;
    const ForwardOptions& options() const;
    /// Where the time went (for benchmarks and profiling).
    const ForwardTimings& timings() const;
    void resetTimings();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Naive scalar forward of one sequence; all seqLen × nVocab logits.
std::vector<float> llamaForwardRef(const LlamaWeights& weights, std::span<const int32_t> tokens,
                                   bool emulateF16KvCache = true);

} // namespace qx
