#pragma once
// The whole model's F32 weights of a Llama-family decoder (GGUF architectures "llama", "mistral", "qwen2"),
// resident in memory: for small models, tests and the jobs that edit many tensors at once. Evaluations of
// a model file stream its blocks instead (model/weight_source.h), which keeps one block in memory.
//
// F32 tensors are used in place (views into the model's memory map); every other type is dequantized once
// into an owned buffer, so only non-F32 and substituted tensors cost memory.
// Copies are cheap (owned buffers are shared) and a copy with substitutions never disturbs the original —
// this is how a "fake quant" plan is evaluated next to its baseline.

#include "model/llama_layout.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace qx {

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
    WeightView ropeFreqs() const { return m_ropeFreqs; } ///< empty without rope_freqs.weight
    WeightView output() const { return m_output; } ///< token_embd when the embeddings are tied
    /// Bytes of F32 data this object owns (dequantized and substituted tensors).
    uint64_t ownedBytes() const;

    /// The checks of fromModel (configuration, every tensor's presence and shape) without loading anything:
    /// what export runs before writing a file from a model the forward pass could not load.
    static void checkModel(const ModelFile& model);
    /// True for the architectures the forward pass runs (llama, mistral, qwen2).
    static bool supportsArchitecture(const std::string& architecture);

    /// Derives and checks the forward-pass configuration from a spec (llamaConfigFromSpec).
    static LlamaConfig configFromSpec(const ModelSpec& spec) { return llamaConfigFromSpec(spec); }

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
    WeightView m_tokEmbd, m_outNorm, m_output, m_ropeFreqs;
};

} // namespace qx
