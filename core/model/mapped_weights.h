#pragma once
// The weights of a model file, decoded on demand: F32 tensors are used in place (views into the memory
// map), every other type is dequantized into a working buffer when the engine loads it. release() gives
// the buffer back to a small pool (so the next block, whose shapes repeat, reuses it without page faults)
// and drops the tensor's file pages from this process (madvise(MADV_DONTNEED): the kernel keeps them in
// its page cache, our resident memory stays one block). Checking the model (llamaConfigOf) decodes nothing.

#include "model/weight_source.h"

#include <memory>
#include <span>

namespace qx {

class FloatBufferPool;

class MappedWeights final : public WeightSource {
public:
    /// Checks architecture, hyper-parameters and every tensor's shape and type (throws qx::Error naming
    /// the file and the tensor); nothing is decoded yet. `threads` decode a tensor (0 = every core).
    explicit MappedWeights(std::shared_ptr<const ModelFile> model, int threads = 0);
    ~MappedWeights() override;

    const ModelSpec& spec() const override { return m_model->spec; }
    const LlamaConfig& config() const override { return m_config; }
    std::vector<std::string> tensorNames() const override { return m_names; }
    WeightView shape(const std::string& name) const override;
    TensorType storageType(const std::string& name) const override;
    WorkingTensor load(const std::string& name) const override;
    void loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const override;
    void release(const std::string& name) const override;
    uint64_t workingBytes(const std::string& name) const override;
    uint64_t fileBytes(const std::string& name) const override;

    /// Frees the pooled buffers.
    void trim() const override;

    const ModelFile& model() const { return *m_model; }
    const std::shared_ptr<const ModelFile>& modelPtr() const { return m_model; }

private:
    const TensorInfo* find(const std::string& name) const;

    std::shared_ptr<const ModelFile> m_model;
    LlamaConfig m_config;
    std::vector<std::string> m_names;
    std::shared_ptr<FloatBufferPool> m_pool;
    int m_threads = 1;
};

/// Drops the pages of `bytes` (a view into one of `model`'s read-only mappings) from this process's
/// resident set; a no-op for memory that is not part of a mapping of the model.
void releaseMappedPages(const ModelFile& model, std::span<const std::byte> bytes);

} // namespace qx
