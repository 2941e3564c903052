#include "model/llama_layout.h"

#include "common/error.h"
#include "quant/dequantize.h"

#include <filesystem>

namespace qx {
namespace {

// Plausibility limits, far above any published model, checked before anything is sized from a header.
constexpr int64_t kMaxWidth = int64_t{1} << 20;     // embedding, feed-forward and head sizes
constexpr int64_t kMaxHeads = int64_t{1} << 12;
constexpr int64_t kMaxVocab = int64_t{1} << 24;     // token ids are int32 in every file format we read

bool isSupportedArchitecture(const std::string& arch)
{
    return arch == "llama" || arch == "mistral" || arch == "qwen2";
}

void requireRange(int64_t v, int64_t max, const char* what)
{
    if (v <= 0)
        throw Error(ErrorCode::Invalid, std::string("model states no ") + what);
    if (v > max)
        throw Error(ErrorCode::Invalid, std::string("model states an implausible ") + what + " of "
                                            + std::to_string(v) + " (at most " + std::to_string(max) + ")");
}

void checkHeads(const LlamaConfig& c)
{
    if (c.nHead % c.nHeadKv != 0)
        throw Error(ErrorCode::Invalid, "head counts (" + std::to_string(c.nHead) + " / " + std::to_string(c.nHeadKv)
                                            + ") do not divide each other");
    if (c.headDim <= 0 || c.headDim > kMaxWidth)
        throw Error(ErrorCode::Invalid, "head size " + std::to_string(c.headDim) + " is not plausible");
    if (c.nRot > c.headDim || c.nRot % 2 != 0)
        throw Error(ErrorCode::Invalid, "rope dimension count " + std::to_string(c.nRot) + " does not fit head size "
                                            + std::to_string(c.headDim));
}

int64_t headSize(const ModelSpec& spec)
{
    const int64_t k = spec.keyLength, v = spec.valueLength;
    if (k > 0 && v > 0 && k != v)
        throw Error(ErrorCode::Unsupported, "key head size " + std::to_string(k) + " differs from value head size "
                                                + std::to_string(v) + " (llama.cpp requires them equal for "
                                                + spec.architecture + ")");
    if (k > 0 || v > 0)
        return k > 0 ? k : v;
    if (spec.embeddingLength % spec.headCount != 0)
        throw Error(ErrorCode::Invalid, "head count " + std::to_string(spec.headCount)
                                            + " does not divide the embedding length "
                                            + std::to_string(spec.embeddingLength));
    return spec.embeddingLength / spec.headCount;
}

} // namespace

std::string blockTensorName(int64_t layer, const char* what)
{
    return "blk." + std::to_string(layer) + "." + what + ".weight";
}

std::string shapeText(const std::vector<int64_t>& ne)
{
    std::string s = "[";
    for (size_t i = 0; i < ne.size(); ++i)
        s += (i ? ", " : "") + std::to_string(ne[i]);
    return s + "]";
}

std::vector<int64_t> trimmedShape(std::vector<int64_t> ne)
{
    while (ne.size() > 1 && ne.back() == 1)
        ne.pop_back();
    return ne;
}

std::vector<LlamaTensorSpec> llamaGlobalTensors(const LlamaConfig& c)
{
    return {
        {"token_embd.weight", {c.nEmbd, c.nVocab}},
        {"output_norm.weight", {c.nEmbd}},
        {"output.weight", {c.nEmbd, c.nVocab}, false},
        {"rope_freqs.weight", {c.nRot / 2}, false},
    };
}

std::vector<LlamaTensorSpec> llamaBlockTensors(const LlamaConfig& c, int64_t layer)
{
    const int64_t q = c.qDim(), kv = c.kvDim();
    const std::string p = "blk." + std::to_string(layer) + ".";
    return {
        {p + "attn_norm.weight", {c.nEmbd}},
        {p + "attn_q.weight", {c.nEmbd, q}},
        {p + "attn_k.weight", {c.nEmbd, kv}},
        {p + "attn_v.weight", {c.nEmbd, kv}},
        {p + "attn_q.bias", {q}, c.qkvBias},
        {p + "attn_k.bias", {kv}, c.qkvBias},
        {p + "attn_v.bias", {kv}, c.qkvBias},
        {p + "attn_output.weight", {q, c.nEmbd}},
        {p + "ffn_norm.weight", {c.nEmbd}},
        {p + "ffn_gate.weight", {c.nEmbd, c.nFf}},
        {p + "ffn_up.weight", {c.nEmbd, c.nFf}},
        {p + "ffn_down.weight", {c.nFf, c.nEmbd}},
    };
}

LlamaConfig llamaConfigFromSpec(const ModelSpec& spec)
{
    if (!isSupportedArchitecture(spec.architecture))
        throw Error(ErrorCode::Unsupported, "unsupported architecture '" + spec.architecture
                                                + "' (the forward pass handles llama, mistral and qwen2)");
    requireRange(spec.blockCount, kMaxLayers, "block count");
    requireRange(spec.embeddingLength, kMaxWidth, "embedding length");
    requireRange(spec.headCount, kMaxHeads, "head count");
    requireRange(spec.feedForwardLength, kMaxWidth, "feed-forward length");
    if (spec.vocabSize > kMaxVocab)
        throw Error(ErrorCode::Invalid, "model states an implausible vocabulary of " + std::to_string(spec.vocabSize)
                                            + " tokens");
    LlamaConfig c;
    c.nEmbd = spec.embeddingLength;
    c.nLayer = spec.blockCount;
    c.nHead = spec.headCount;
    c.nHeadKv = spec.headCountKv > 0 ? spec.headCountKv : spec.headCount;
    requireRange(c.nHeadKv, kMaxHeads, "KV head count");
    c.nFf = spec.feedForwardLength;
    c.nVocab = spec.vocabSize;
    c.headDim = headSize(spec);
    c.nRot = spec.ropeDimensionCount > 0 ? spec.ropeDimensionCount : c.headDim;
    checkHeads(c);
    if (!spec.ropeScalingType.empty() && spec.ropeScalingType != "none" && spec.ropeScalingType != "linear")
        throw Error(ErrorCode::Unsupported, "unsupported rope scaling '" + spec.ropeScalingType + "'");
    c.ropeFreqBase = spec.ropeFreqBase > 0 ? spec.ropeFreqBase : 10000.0;
    c.ropeFreqScale = spec.ropeScalingType == "linear" && spec.ropeScalingFactor > 0 ? 1.0 / spec.ropeScalingFactor
                                                                                      : 1.0;
    c.rmsNormEps = spec.rmsNormEps > 0 ? spec.rmsNormEps : 1e-5;
    c.ropeNeox = spec.ropeNeox || spec.architecture == "qwen2";
    c.qkvBias = spec.architecture == "qwen2";
    return c;
}

namespace {

void checkTensor(const ModelFile& model, const LlamaTensorSpec& e)
{
    const TensorInfo* t = model.findTensor(e.name);
    if (!t) {
        if (e.required)
            throw Error(ErrorCode::Invalid, model.path, kNoOffset, "missing tensor " + e.name);
        return;
    }
    if (trimmedShape(t->ne) != e.ne)
        throw Error(ErrorCode::Invalid, model.path, t->fileOffset,
                    "tensor " + e.name + " has shape " + shapeText(t->ne) + ", expected " + shapeText(e.ne));
    if (!canDequantize(t->type))
        throw Error(ErrorCode::Unsupported, model.path, t->fileOffset,
                    "tensor " + e.name + " has type " + std::string(tensorTypeName(t->type))
                        + " whose values cannot be decoded yet");
    const std::optional<uint64_t> bytes = tensorBytes(t->type, t->elementCount());
    if (!bytes || t->data.size() < *bytes)
        throw Error(ErrorCode::Truncated, model.path, t->fileOffset, "tensor " + e.name + " holds fewer bytes than its shape needs");
}

/// The file the hyper-parameters come from: a Hugging Face folder's config.json, else the model file.
std::string specFileOf(const ModelFile& model)
{
    if (model.format != ModelFormat::HfFolder)
        return model.path;
    return (std::filesystem::path(model.path) / "config.json").string();
}

} // namespace

LlamaConfig llamaConfigOf(const ModelFile& model)
{
    LlamaConfig c;
    try {
        c = llamaConfigFromSpec(model.spec);
    } catch (const Error& e) {
        throw Error(e.code(), specFileOf(model), kNoOffset, e.detail());
    }
    if (const TensorInfo* emb = model.findTensor("token_embd.weight"); emb && emb->ne.size() >= 2) {
        if (emb->ne[1] <= 0 || emb->ne[1] > int64_t{1} << 24)
            throw Error(ErrorCode::Invalid, model.path, emb->fileOffset,
                        "token_embd.weight claims an implausible vocabulary of " + std::to_string(emb->ne[1]));
        c.nVocab = emb->ne[1];
    }
    for (const LlamaTensorSpec& e : llamaGlobalTensors(c))
        checkTensor(model, e);
    for (int64_t layer = 0; layer < c.nLayer; ++layer)
        for (const LlamaTensorSpec& e : llamaBlockTensors(c, layer))
            checkTensor(model, e);
    return c;
}

} // namespace qx
