#pragma once
// The shape of a Llama-family decoder (GGUF architectures "llama", "mistral", "qwen2") as the forward pass
// reads it: hyper-parameters checked for consistency and plausibility, and the list of tensors with their
// shapes. The checks run before anything is allocated, so a header claiming 2^32 layers or a vocabulary of
// 2^40 tokens is refused with a clear error instead of building a tensor list (or a buffer) for each.
//
// Matrices keep ggml's layout: a projection from `in` to `out` features is `out` rows of `in` contiguous
// floats (ne = {in, out}).

#include "io/model_file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qx {

/// llama.cpp's LLAMA_MAX_LAYERS: it refuses models with more blocks.
constexpr int64_t kMaxLayers = 512;

/// Hyper-parameters the forward pass needs, checked for consistency.
struct LlamaConfig {
    int64_t nEmbd = 0;
    int64_t nLayer = 0;
    int64_t nHead = 0;
    int64_t nHeadKv = 0;
    int64_t headDim = 0;      ///< attention.key_length (= value_length), by default nEmbd / nHead
    int64_t nFf = 0;
    int64_t nVocab = 0;
    int64_t nRot = 0;         ///< rotated dimensions per head (<= headDim)
    double ropeFreqBase = 10000.0;
    double ropeFreqScale = 1.0; ///< 1 / linear scaling factor
    double rmsNormEps = 1e-5;
    bool ropeNeox = false;    ///< rotate-half pairs (i, i + nRot/2) instead of adjacent pairs
    bool qkvBias = false;     ///< qwen2: attn_q/k/v carry a bias
    bool operator==(const LlamaConfig&) const = default;

    int64_t qDim() const { return nHead * headDim; }    ///< width of Q and of the attention output
    int64_t kvDim() const { return nHeadKv * headDim; } ///< width of K and V
};

/// A weight matrix (or vector when rows == 1): `rows` rows of `cols` floats.
struct WeightView {
    const float* data = nullptr;
    int64_t cols = 0;         ///< ne[0]: input features
    int64_t rows = 0;         ///< ne[1]: output features
    explicit operator bool() const { return data != nullptr; }
};

/// One tensor the forward pass reads: GGUF name, expected ne (trailing 1s trimmed), whether it must exist.
struct LlamaTensorSpec {
    std::string name;
    std::vector<int64_t> ne;
    bool required = true;
};

/// The tensors outside the blocks: token_embd, output_norm, output (optional: tied embeddings) and
/// rope_freqs (optional: Llama 3.1+ frequency factors, nRot/2 values).
std::vector<LlamaTensorSpec> llamaGlobalTensors(const LlamaConfig& config);
/// The tensors of block `layer` (norms, projections, qwen2's biases), in the order the block uses them.
std::vector<LlamaTensorSpec> llamaBlockTensors(const LlamaConfig& config, int64_t layer);
/// "blk.<layer>.<what>.weight".
std::string blockTensorName(int64_t layer, const char* what);

/// Derives and checks the forward-pass configuration from a spec: supported architecture, positive and
/// plausible sizes (at most kMaxLayers blocks), head counts that divide, a rope dimension that fits.
/// Throws Error(Unsupported) or Error(Invalid) naming the value.
LlamaConfig llamaConfigFromSpec(const ModelSpec& spec);

/// The configuration of an opened model: llamaConfigFromSpec, the vocabulary taken from token_embd's rows,
/// and every tensor of the list present (when required) with its expected shape and a type whose values can
/// be decoded. Throws Error(Invalid/Unsupported) naming the file, the tensor and its offset.
LlamaConfig llamaConfigOf(const ModelFile& model);

/// "[4096, 11008]".
std::string shapeText(const std::vector<int64_t>& ne);
/// ne without trailing 1s (ggml pads shapes with them).
std::vector<int64_t> trimmedShape(std::vector<int64_t> ne);

} // namespace qx
