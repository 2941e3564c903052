#pragma once
// A trainable Llama-family decoder ("llama" architecture, tied output head) held as one flat F32 parameter
// vector, with a forward pass that keeps its activations and the matching backward pass.
//
// Layout and arithmetic follow the evaluator (model/llama_forward.h) so a trained model written to GGUF is
// read back unchanged: matrices are ggml-shaped (`out` rows of `in` floats), RoPE rotates adjacent pairs
// (GGUF llama Q/K layout), attention is causal with GQA (query head h reads KV head h / (heads/kvHeads)),
// the FFN is SwiGLU and the output head is token_embd itself. Loss is the summed cross-entropy of every
// position's next-token target; gradients are accumulated (+=) scaled by a caller-given factor.
#include "model/llama_weights.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// Shape of a trainable model.
struct TrainShape {
    int64_t dim = 256;
    int64_t layers = 4;
    int64_t heads = 4;
    int64_t kvHeads = 2;
    int64_t ff = 512;
    int64_t vocab = 0;
    int64_t ctx = 128;
    double ropeBase = 10000.0;
    double rmsEps = 1e-5;
    bool operator==(const TrainShape&) const = default;
};

/// One named tensor inside the flat parameter vector.
struct ParamTensor {
    std::string name;          ///< GGUF name, e.g. "blk.0.attn_q.weight"
    std::vector<int64_t> ne;   ///< ggml axis order
    int64_t offset = 0;        ///< first element in the flat vector
    int64_t count = 0;
    bool isNorm = false;       ///< RMSNorm gain (initialised to 1, no weight decay)
};

/// Names, shapes and offsets of every parameter (token_embd, blocks, output_norm). Throws
/// Error(InvalidArgument) for impossible shapes.
std::vector<ParamTensor> paramLayout(const TrainShape& shape);

/// Total parameter count of a layout.
int64_t paramCount(const std::vector<ParamTensor>& layout);

/// Deterministic initial parameters: N(0, 0.02) matrices (residual outputs scaled by 1/sqrt(2·layers)),
/// norm gains 1.
std::vector<float> initParams(const TrainShape& shape, uint64_t seed);

/// The spec the evaluator needs for these weights (architecture "llama", tied embeddings).
ModelSpec trainSpec(const TrainShape& shape);

/// Evaluator weights holding a copy of `params`.
std::shared_ptr<LlamaWeights> toLlamaWeights(const TrainShape& shape, std::span<const float> params);

/// Scratch memory and cached activations for one sequence; reuse it across calls on one thread.
struct TrainWorkspace;
std::unique_ptr<TrainWorkspace, void (*)(TrainWorkspace*)> makeWorkspace(const TrainShape& shape);

/// Forward pass of one sequence; returns seqLen × vocab logits (row-major) and keeps the activations.
std::vector<float> trainForward(const TrainShape& shape, std::span<const float> params,
                                std::span<const int32_t> tokens, TrainWorkspace& ws);

/// Forward + backward of one sequence: returns the summed cross-entropy of `targets` (one per token) and
/// adds gradScale · d(loss)/d(params) to `grads`.
double trainStep(const TrainShape& shape, std::span<const float> params, std::span<const int32_t> tokens,
                 std::span<const int32_t> targets, float gradScale, std::span<float> grads, TrainWorkspace& ws);

} // namespace qx
