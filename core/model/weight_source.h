#pragma once
// Where the forward pass gets its weights: one tensor at a time, as the F32 "working matrix" its matmuls
// read, made ready just before use and given back right after. The streamed engine asks for one stage of
// one block (attention, then feed-forward), runs every token through it and releases it, so only that
// stage's working matrices are in memory — whatever the depth of the model.
//
// A WorkingTensor owns (or pins) its values through `keepAlive`; once the engine drops it and calls
// release(name), the source may return the memory and drop the file pages it read (madvise), so resident
// memory does not grow with the blocks already evaluated. Sources are immutable and may be shared by
// several engines and threads.
//
// Implementations: ResidentWeights (below: a whole LlamaWeights in memory), MappedWeights (model/
// mapped_weights.h: decodes from the memory-mapped file on demand) and PlannedWeights (plan/
// planned_weights.h: a plan's round trips, substitutions and schemes over another source).

#include "io/tensor_type.h"
#include "model/llama_layout.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qx {

class LlamaWeights;

struct WorkingTensor {
    WeightView view;                          ///< empty when the model lacks this (optional) tensor
    TensorType storageType = TensorType::F32; ///< the type the matmul rounds activations for (--ggml-matmul)
    std::shared_ptr<const void> keepAlive;    ///< keeps the values alive while the engine uses them
};

class WeightSource {
public:
    virtual ~WeightSource() = default;

    virtual const ModelSpec& spec() const = 0;
    virtual const LlamaConfig& config() const = 0;
    /// Names of the tensors the forward pass reads (present ones only), in a stable order.
    virtual std::vector<std::string> tensorNames() const = 0;
    /// Shape of a tensor as the forward pass sees it (data always null: test rows > 0 for presence),
    /// rows = cols = 0 when absent.
    virtual WeightView shape(const std::string& name) const = 0;
    /// The type the tensor has (or, for a plan, will have) in a GGUF file; F32 when unknown.
    virtual TensorType storageType(const std::string& name) const = 0;

    /// The tensor ready for the matmul; an empty WorkingTensor when the (optional) tensor is absent.
    /// Throws qx::Error naming the tensor when its data cannot be decoded.
    virtual WorkingTensor load(const std::string& name) const = 0;
    /// Rows [firstRow, firstRow + rowCount) of a tensor into `dst` (rowCount × cols floats), for lookups
    /// such as the token embedding, without making the whole matrix ready.
    virtual void loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const = 0;
    /// The engine is done with `name` for now: memory and file pages read for it may go.
    virtual void release(const std::string& name) const = 0;
    /// The engine has finished a phase (e.g. the blocks): memory the source keeps for reuse may go.
    virtual void trim() const {}
    /// Bytes load() allocates for `name` (0 when its values are used in place).
    virtual uint64_t workingBytes(const std::string& name) const = 0;
    /// Bytes of file data load() reads for `name` (they stay resident until release()).
    virtual uint64_t fileBytes(const std::string& name) const = 0;
    /// Transient bytes a load() may need beyond its working matrix (e.g. a plan's quantize round trip).
    virtual uint64_t loadOverheadBytes() const { return 0; }
};

/// A whole model already in memory (LlamaWeights) seen as a source: views, nothing to load or release.
class ResidentWeights final : public WeightSource {
public:
    explicit ResidentWeights(std::shared_ptr<const LlamaWeights> weights);
    const ModelSpec& spec() const override;
    const LlamaConfig& config() const override;
    std::vector<std::string> tensorNames() const override;
    WeightView shape(const std::string& name) const override;
    TensorType storageType(const std::string& name) const override;
    WorkingTensor load(const std::string& name) const override;
    void loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const override;
    void release(const std::string&) const override {}
    uint64_t workingBytes(const std::string&) const override { return 0; }
    uint64_t fileBytes(const std::string&) const override { return 0; }
    const LlamaWeights& weights() const { return *m_weights; }

private:
    std::shared_ptr<const LlamaWeights> m_weights;
};

} // namespace qx
