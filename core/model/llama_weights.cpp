#include "model/llama_weights.h"

#include "common/error.h"
#include "common/memory_need.h"
#include "quant/dequantize.h"

namespace qx {
namespace {

std::vector<LlamaTensorSpec> allTensors(const LlamaConfig& c)
{
    std::vector<LlamaTensorSpec> list = llamaGlobalTensors(c);
    for (int64_t i = 0; i < c.nLayer; ++i)
        for (LlamaTensorSpec& e : llamaBlockTensors(c, i))
            list.push_back(std::move(e));
    return list;
}

} // namespace

namespace {

/// Bytes fromModel allocates: the F32 copies of the tensors not stored as (whole) F32.
uint64_t decodedBytes(const ModelFile& model, const LlamaConfig& config)
{
    uint64_t total = 0;
    for (const LlamaTensorSpec& e : allTensors(config))
        if (const TensorInfo* t = model.findTensor(e.name);
            t && !(t->type == TensorType::F32 && t->data.size() == t->elementCount() * sizeof(float)))
            total = saturatingSum(total, saturatingProduct({t->elementCount(), sizeof(float)}));
    return total;
}

} // namespace

std::shared_ptr<LlamaWeights> LlamaWeights::fromModel(std::shared_ptr<const ModelFile> model)
{
    if (!model)
        throw Error(ErrorCode::InvalidArgument, "no model");
    auto w = std::make_shared<LlamaWeights>();
    w->m_spec = model->spec;
    w->m_config = llamaConfigOf(*model); // checks every tensor before anything is decoded
    w->m_model = model;
    checkMemoryNeed(decodedBytes(*model, w->m_config),
                    "loading the weights as F32 (every tensor not stored as F32 is decoded into memory)", model->path);
    for (const LlamaTensorSpec& e : allTensors(w->m_config)) {
        const TensorInfo* t = model->findTensor(e.name);
        if (!t)
            continue;
        Entry entry;
        entry.ne = e.ne;
        entry.type = t->type;
        if (t->type == TensorType::F32 && t->data.size() == t->elementCount() * sizeof(float)) {
            entry.view.data = reinterpret_cast<const float*>(t->data.data());
        } else {
            auto values = std::make_shared<const std::vector<float>>(dequantizeTensor(*t));
            entry.view.data = values->data();
            entry.owned = std::move(values);
        }
        w->addEntry(e.name, std::move(entry));
    }
    w->bindViews();
    return w;
}

std::shared_ptr<LlamaWeights> LlamaWeights::fromTensors(const ModelSpec& spec,
                                                        std::map<std::string, std::vector<float>> tensors,
                                                        const std::map<std::string, std::vector<int64_t>>& shapes)
{
    auto w = std::make_shared<LlamaWeights>();
    w->m_spec = spec;
    w->m_config = llamaConfigFromSpec(spec);
    if (auto it = shapes.find("token_embd.weight"); it != shapes.end() && it->second.size() >= 2)
        w->m_config.nVocab = it->second[1];
    for (const LlamaTensorSpec& e : allTensors(w->m_config)) {
        auto it = tensors.find(e.name);
        auto shape = shapes.find(e.name);
        if (it == tensors.end() || shape == shapes.end()) {
            if (e.required)
                throw Error(ErrorCode::Invalid, "missing tensor " + e.name);
            continue;
        }
        if (trimmedShape(shape->second) != e.ne)
            throw Error(ErrorCode::Invalid, "tensor " + e.name + " has shape " + shapeText(shape->second)
                                                + ", expected " + shapeText(e.ne));
        uint64_t count = 1;
        for (int64_t n : e.ne)
            count *= static_cast<uint64_t>(n);
        if (it->second.size() != count)
            throw Error(ErrorCode::Invalid, "tensor " + e.name + " holds " + std::to_string(it->second.size())
                                                + " values, its shape needs " + std::to_string(count));
        Entry entry;
        entry.ne = e.ne;
        auto values = std::make_shared<const std::vector<float>>(std::move(it->second));
        entry.view.data = values->data();
        entry.owned = std::move(values);
        w->addEntry(e.name, std::move(entry));
    }
    w->bindViews();
    return w;
}

void LlamaWeights::addEntry(const std::string& name, Entry entry)
{
    entry.view.cols = entry.ne[0];
    entry.view.rows = entry.ne.size() > 1 ? entry.ne[1] : 1;
    m_entries[name] = std::move(entry);
}

void LlamaWeights::substitute(const std::string& name, std::vector<float> values)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end())
        throw Error(ErrorCode::InvalidArgument, "substitute: the forward pass reads no tensor " + name);
    const uint64_t count = static_cast<uint64_t>(it->second.view.cols) * static_cast<uint64_t>(it->second.view.rows);
    if (values.size() != count)
        throw Error(ErrorCode::InvalidArgument, "substitute: " + name + " needs " + std::to_string(count)
                                                    + " values, got " + std::to_string(values.size()));
    auto owned = std::make_shared<const std::vector<float>>(std::move(values));
    it->second.view.data = owned->data();
    it->second.owned = std::move(owned);
    bindViews();
}

std::vector<std::string> LlamaWeights::tensorNames() const
{
    std::vector<std::string> names;
    for (const auto& [name, entry] : m_entries)
        names.push_back(name);
    return names;
}

WeightView LlamaWeights::tensor(const std::string& name) const
{
    auto it = m_entries.find(name);
    return it == m_entries.end() ? WeightView{} : it->second.view;
}

TensorType LlamaWeights::storageType(const std::string& name) const
{
    const auto it = m_entries.find(name);
    return it == m_entries.end() ? TensorType::F32 : it->second.type;
}

void LlamaWeights::setStorageType(const std::string& name, TensorType type)
{
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        throw Error(ErrorCode::InvalidArgument, "setStorageType: the forward pass reads no tensor " + name);
    it->second.type = type;
}

uint64_t LlamaWeights::ownedBytes() const
{
    uint64_t n = 0;
    for (const auto& [name, entry] : m_entries)
        if (entry.owned)
            n += entry.owned->size() * sizeof(float);
    return n;
}

void LlamaWeights::bindViews()
{
    m_tokEmbd = tensor("token_embd.weight");
    m_outNorm = tensor("output_norm.weight");
    m_output = tensor("output.weight");
    m_ropeFreqs = tensor("rope_freqs.weight");
    if (!m_output)
        m_output = m_tokEmbd;
    m_layers.assign(static_cast<size_t>(m_config.nLayer), {});
    for (int64_t i = 0; i < m_config.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        LlamaLayerWeights& l = m_layers[static_cast<size_t>(i)];
        l.attnNorm = tensor(p + "attn_norm.weight");
        l.wq = tensor(p + "attn_q.weight");
        l.wk = tensor(p + "attn_k.weight");
        l.wv = tensor(p + "attn_v.weight");
        l.wo = tensor(p + "attn_output.weight");
        l.bq = tensor(p + "attn_q.bias");
        l.bk = tensor(p + "attn_k.bias");
        l.bv = tensor(p + "attn_v.bias");
        l.ffnNorm = tensor(p + "ffn_norm.weight");
        l.gate = tensor(p + "ffn_gate.weight");
        l.up = tensor(p + "ffn_up.weight");
        l.down = tensor(p + "ffn_down.weight");
    }
}

void LlamaWeights::checkModel(const ModelFile& model)
{
    llamaConfigOf(model);   // configuration, every tensor's presence, shape and decodability
}

bool LlamaWeights::supportsArchitecture(const std::string& architecture)
{
    return architecture == "llama" || architecture == "mistral" || architecture == "qwen2";
}

} // namespace qx
