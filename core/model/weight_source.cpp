#include "model/weight_source.h"

#include "common/error.h"
#include "model/llama_weights.h"

#include <cstring>

namespace qx {

ResidentWeights::ResidentWeights(std::shared_ptr<const LlamaWeights> weights) : m_weights(std::move(weights))
{
    if (!m_weights)
        throw Error(ErrorCode::InvalidArgument, "ResidentWeights: no weights");
}

const ModelSpec& ResidentWeights::spec() const { return m_weights->spec(); }
const LlamaConfig& ResidentWeights::config() const { return m_weights->config(); }
std::vector<std::string> ResidentWeights::tensorNames() const { return m_weights->tensorNames(); }

WeightView ResidentWeights::shape(const std::string& name) const
{
    WeightView v = m_weights->tensor(name);
    v.data = nullptr;
    return v;
}

TensorType ResidentWeights::storageType(const std::string& name) const { return m_weights->storageType(name); }

WorkingTensor ResidentWeights::load(const std::string& name) const
{
    return {m_weights->tensor(name), m_weights->storageType(name), m_weights};
}

void ResidentWeights::loadRows(const std::string& name, int64_t firstRow, int64_t rowCount, float* dst) const
{
    const WeightView v = m_weights->tensor(name);
    if (!v || firstRow < 0 || rowCount < 0 || firstRow + rowCount > v.rows)
        throw Error(ErrorCode::InvalidArgument, "loadRows: rows out of range for tensor " + name);
    std::memcpy(dst, v.data + firstRow * v.cols, sizeof(float) * static_cast<size_t>(rowCount * v.cols));
}

} // namespace qx
