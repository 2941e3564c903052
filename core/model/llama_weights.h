#pragma once
// The F32 weights of a Llama-family decoder (GGUF architectures "llama", "mistral", "qwen2"), ready for
// the forward pass.
//
// Matrices keep ggml's layout: a projection from `in` to `out` features is `out` rows of `in` contiguous
// floats (ne = {in, out}). F32 tensors are used in place (views into the model's memory map); every other
// type is dequantized once into an owned buffer, so only non-F32 and substituted tensors cost memory.
// Copies are cheap (owned buffers are shared) and a copy with substitutions never disturbs the original —
// this is how a "fake quant" plan is evaluated next to its baseline.

#include "io/model_file.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace qx {

/// Hyper-parameters the forward pass needs, checked for consistency.
struct LlamaConfig {
    int64_t nEmbd = 0;
    int64_t nLayer = 0;
    int64_t nHead = 0;
    int64_t nHeadKv = 0;
    int64_t headDim = 0;      ///< nEmbd / nHead
    int64_t nFf = 0;
    int64_t nVocab = 0;
    int64_t nRot = 0;         ///< rotated dimensions per head (<= headDim)
    double ropeFreqBase = 10000.0;
    double ropeFreqScale = 1.0; ///< 1 / linear scaling factor
    double rmsNormEps = 1e-5;
    bool ropeNeox = false;    ///< rotate-half pairs (i, i + nRot/2) instead of adjacent pairs
    bool operator==(const LlamaConfig&) const = default;
};

/// A weight matrix (or vector when rows == 1): `rows` rows of `cols` floats.
struct WeightView {
    const float* data = nullptr;
    int64_t cols = 0;         ///< ne[0]: input features
    int64_t rows = 0;         ///< ne[1]: output features
    explicit operator bool() const { return data != nullptr; }
};

struct LlamaLayerWeights {
    WeightView attnNorm, wq, wk, wv, wo, bq, bk, bv; ///< biases only for qwen2
    WeightView ffnNorm, gate, up, down;
};

class LlamaWeights {
public:
    /// Loads the weights of `model`: checks the architecture, every tensor's presence and shape.
    /// Throws qx::Error(Unsupported) for other architectures or unsupported tensor types,
    /// Error(Invalid) for a missing tensor or a wrong shape (naming the tensor).
    static std::shared_ptr<LlamaWeights> fromModel(std::shared_ptr<const ModelFile> model);

    /// Builds weights from owned F32 tensors keyed by GGUF name (tests, synthetic models).
    /// `shapes` gives each tensor's ne; the same checks as fromModel apply.
    static std::shared_ptr<LlamaWeights> fromTensors(const ModelSpec& spec,
                                                     std::map<std::string, std::vector<float>> tensors,
                                                     const std::map<std::string, std::vector<int64_t>>& shapes);

    /// Replaces tensor `name` by `values` (same element count). Throws Error(InvalidArgument) when the
    /// tensor is unknown or the size differs.
    void substitute(const std::string& name, std::vector<float> values);
    /// Storage type the tensor had in the model file (F32 for fromTensors); substitute() keeps it, so a
    /// caller substituting quantized values sets it with setStorageType. F32 when the tensor is unknown.
    TensorType storageType(const std::string& name) const;
    void setStorageType(const std::string& name, TensorType type);
    /// Names of the tensors the forward pass reads, in a stable order.
    std::vector<std::string> tensorNames() const;
    /// The tensor as the forward pass sees it; empty view when absent.
    WeightView tensor(const std::string& name) const;

    const LlamaConfig& config() const { return m_config; }
    const ModelSpec& spec() const { return m_spec; }
    const std::vector<LlamaLayerWeights>& layers() const { return m_layers; }
    WeightView tokenEmbedding() const { return m_tokEmbd; }
    WeightView outputNorm() const { return m_outNorm; }
    WeightView output() const { return m_output; } ///< token_embd when the embeddings are tied
    /// Bytes of F32 data this object owns (dequantized and substituted tensors).
    uint64_t ownedBytes() const;

    /// The checks of fromModel (configuration, every tensor's presence and shape) without loading anything:
    /// what export runs before writing a file from a model the forward pass could not load.
    static void checkModel(const ModelFile& model);
    /// True for the architectures the forward pass runs (llama, mistral, qwen2).
    static bool supportsArchitecture(const std::string& architecture);

    /// Derives and checks the forward-pass configuration from a spec (throws Error(Unsupported/Invalid)).
    static LlamaConfig configFromSpec(const ModelSpec& spec);

private:
    struct Entry {
        WeightView view;
        std::vector<int64_t> ne;
        std::shared_ptr<const std::vector<float>> owned;
        TensorType type = TensorType::F32;
    };
    void addEntry(const std::string& name, Entry entry);
    void bindViews();

    ModelSpec m_spec;
    LlamaConfig m_config;
    std::shared_ptr<const ModelFile> m_model; ///< keeps the mapped views alive
    std::map<std::string, Entry> m_entries;
    std::vector<LlamaLayerWeights> m_layers;
    WeightView m_tokEmbd, m_outNorm, m_output;
};

} // namespace qx
