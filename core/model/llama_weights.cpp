#include "model/llama_weights.h"

#include "common/error.h"
#include "quant/dequantize.h"

#include <cmath>

namespace qx {
namespace {

bool isSupportedArchitecture(const std::string& arch)
{
    return arch == "llama" || arch == "mistral" || arch == "qwen2";
}

std::vector<int64_t> trimmed(std::vector<int64_t> ne)
{
    while (ne.size() > 1 && ne.back() == 1)
        ne.pop_back();
    return ne;
}

std::string shapeText(const std::vector<int64_t>& ne)
{
    std::string s = "[";
    for (size_t i = 0; i < ne.size(); ++i)
        s += (i ? ", " : "") + std::to_string(ne[i]);
    return s + "]";
}

struct Expected {
    std::string name;
    std::vector<int64_t> ne;
    bool required = true;
};

std::vector<Expected> expectedTensors(const LlamaConfig& c, bool qkvBias)
{
    const int64_t q = c.nHead * c.headDim, kv = c.nHeadKv * c.headDim;
    std::vector<Expected> list = {
        {"token_embd.weight", {c.nEmbd, c.nVocab}},
        {"output_norm.weight", {c.nEmbd}},
        {"output.weight", {c.nEmbd, c.nVocab}, false},
    };
    for (int64_t i = 0; i < c.nLayer; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        list.push_back({p + "attn_norm.weight", {c.nEmbd}});
        list.push_back({p + "attn_q.weight", {c.nEmbd, q}});
        list.push_back({p + "attn_k.weight", {c.nEmbd, kv}});
        list.push_back({p + "attn_v.weight", {c.nEmbd, kv}});
        list.push_back({p + "attn_output.weight", {q, c.nEmbd}});
        list.push_back({p + "attn_q.bias", {q}, qkvBias});
        list.push_back({p + "attn_k.bias", {kv}, qkvBias});
        list.push_back({p + "attn_v.bias", {kv}, qkvBias});
        list.push_back({p + "ffn_norm.weight", {c.nEmbd}});
        list.push_back({p + "ffn_gate.weight", {c.nEmbd, c.nFf}});
        list.push_back({p + "ffn_up.weight", {c.nEmbd, c.nFf}});
        list.push_back({p + "ffn_down.weight", {c.nFf, c.nEmbd}});
    }
    return list;
}

void requirePositive(int64_t v, const char* what)
{
    if (v <= 0)
        throw Error(ErrorCode::Invalid, std::string("model states no ") + what);
}

} // namespace

LlamaConfig LlamaWeights::configFromSpec(const ModelSpec& spec)
{
    if (!isSupportedArchitecture(spec.architecture))
        throw Error(ErrorCode::Unsupported, "unsupported architecture '" + spec.architecture
                                                + "' (the forward pass handles llama, mistral and qwen2)");
    LlamaConfig c;
    c.nEmbd = spec.embeddingLength;
    c.nLayer = spec.blockCount;
    c.nHead = spec.headCount;
    c.nHeadKv = spec.headCountKv > 0 ? spec.headCountKv : spec.headCount;
    c.nFf = spec.feedForwardLength;
    c.nVocab = spec.vocabSize;
    requirePositive(c.nEmbd, "embedding length");
    requirePositive(c.nLayer, "block count");
    requirePositive(c.nHead, "head count");
    requirePositive(c.nFf, "feed-forward length");
    if (c.nEmbd % c.nHead != 0 || c.nHead % c.nHeadKv != 0)
        throw Error(ErrorCode::Invalid, "head counts (" + std::to_string(c.nHead) + " / " + std::to_string(c.nHeadKv)
                                            + ") do not divide the embedding length "
                                            + std::to_string(c.nEmbd));
    c.headDim = c.nEmbd / c.nHead;
    c.nRot = spec.ropeDimensionCount > 0 ? spec.ropeDimensionCount : c.headDim;
    if (c.nRot > c.headDim || c.nRot % 2 != 0)
        throw Error(ErrorCode::Invalid, "rope dimension count " + std::to_string(c.nRot) + " does not fit head size "
                                            + std::to_string(c.headDim));
    if (!spec.ropeScalingType.empty() && spec.ropeScalingType != "none" && spec.ropeScalingType != "linear")
        throw Error(ErrorCode::Unsupported, "unsupported rope scaling '" + spec.ropeScalingType + "'");
    c.ropeFreqBase = spec.ropeFreqBase > 0 ? spec.ropeFreqBase : 10000.0;
    c.ropeFreqScale = spec.ropeScalingType == "linear" && spec.ropeScalingFactor > 0 ? 1.0 / spec.ropeScalingFactor
                                                                                      : 1.0;
    c.rmsNormEps = spec.rmsNormEps > 0 ? spec.rmsNormEps : 1e-5;
    c.ropeNeox = spec.ropeNeox || spec.architecture == "qwen2";
    return c;
}

std::shared_ptr<LlamaWeights> LlamaWeights::fromModel(std::shared_ptr<const ModelFile> model)
{
    if (!model)
        throw Error(ErrorCode::InvalidArgument, "no model");
    auto w = std::make_shared<LlamaWeights>();
    w->m_spec = model->spec;
    w->m_config = configFromSpec(model->spec);
    w->m_model = model;
    if (const TensorInfo* emb = model->findTensor("token_embd.weight"); emb && emb->ne.size() >= 2)
        w->m_config.nVocab = emb->ne[1];
    const bool qwen = model->spec.architecture == "qwen2";
    for (const Expected& e : expectedTensors(w->m_config, qwen)) {
        const TensorInfo* t = model->findTensor(e.name);
        if (!t) {
            if (e.required)
                throw Error(ErrorCode::Invalid, model->path, kNoOffset, "missing tensor " + e.name);
            continue;
        }
        if (trimmed(t->ne) != e.ne)
            throw Error(ErrorCode::Invalid, model->path, t->fileOffset,
                        "tensor " + e.name + " has shape " + shapeText(t->ne) + ", expected " + shapeText(e.ne));
        Entry entry;
        entry.ne = e.ne;
        entry.type = t->type;
        if (t->type == TensorType::F32 && t->data.size() == t->elementCount() * sizeof(float)) {
            entry.view.data = reinterpret_cast<const float*>(t->data.data());
        } else {
            if (!canDequantize(t->type))
                throw Error(ErrorCode::Unsupported, model->path, t->fileOffset,
                            "tensor " + e.name + " has type " + std::string(tensorTypeName(t->type))
                                + " whose values cannot be decoded yet");
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
    w->m_config = configFromSpec(spec);
    if (auto it = shapes.find("token_embd.weight"); it != shapes.end() && it->second.size() >= 2)
        w->m_config.nVocab = it->second[1];
    for (const Expected& e : expectedTensors(w->m_config, spec.architecture == "qwen2")) {
        auto it = tensors.find(e.name);
        auto shape = shapes.find(e.name);
        if (it == tensors.end() || shape == shapes.end()) {
            if (e.required)
                throw Error(ErrorCode::Invalid, "missing tensor " + e.name);
            continue;
        }
        if (trimmed(shape->second) != e.ne)
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
    LlamaConfig c;
    try {
        c = configFromSpec(model.spec);
    } catch (const Error& e) {
        throw Error(e.code(), model.path, kNoOffset, e.detail());
    }
    if (const TensorInfo* emb = model.findTensor("token_embd.weight"); emb && emb->ne.size() >= 2)
        c.nVocab = emb->ne[1];
    for (const Expected& e : expectedTensors(c, model.spec.architecture == "qwen2")) {
        const TensorInfo* t = model.findTensor(e.name);
        if (!t && e.required)
            throw Error(ErrorCode::Invalid, model.path, kNoOffset, "missing tensor " + e.name);
        if (t && trimmed(t->ne) != e.ne)
            throw Error(ErrorCode::Invalid, model.path, t->fileOffset,
                        "tensor " + e.name + " has shape " + shapeText(t->ne) + ", expected " + shapeText(e.ne));
    }
}

bool LlamaWeights::supportsArchitecture(const std::string& architecture)
{
    return isSupportedArchitecture(architecture);
}

} // namespace qx
