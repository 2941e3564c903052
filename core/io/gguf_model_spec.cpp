#include "io/gguf_model_spec.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace qx {
namespace {

const GgufValue* find(const std::vector<KeyValue>& metadata, const std::string& key)
{
    for (const auto& kv : metadata)
        if (kv.key == key)
            return &kv.value;
    return nullptr;
}

/// An integer key; per-layer arrays (e.g. head counts of OpenELM) give their first element.
std::optional<int64_t> intValue(const GgufValue* v)
{
    if (!v)
        return std::nullopt;
    if (v->isArray()) {
        const auto& elements = v->elements();
        return elements.empty() ? std::nullopt : intValue(&elements.front());
    }
    if (!v->isInteger())
        return std::nullopt;
    return v->toInt();
}

std::optional<double> floatValue(const GgufValue* v)
{
    if (!v || !(v->isFloat() || v->isInteger()))
        return std::nullopt;
    return v->toDouble();
}

std::string stringValue(const GgufValue* v) { return v && v->isString() ? v->toString() : std::string(); }

int64_t arrayLength(const GgufValue* v) { return v && v->isArray() ? int64_t(v->elements().size()) : 0; }

bool hasTensor(const std::vector<TensorInfo>& tensors, std::string_view name)
{
    return std::any_of(tensors.begin(), tensors.end(), [&](const TensorInfo& t) { return t.name == name; });
}

int64_t vocabSize(const std::vector<KeyValue>& md, const std::string& arch, const std::vector<TensorInfo>& tensors)
{
    if (auto n = intValue(find(md, arch + ".vocab_size")))
        return *n;
    if (int64_t n = arrayLength(find(md, "tokenizer.ggml.tokens")))
        return n;
    for (const auto& t : tensors)
        if (t.name == "token_embd.weight" && t.ne.size() >= 2)
            return t.ne[1];
    return 0;
}

} // namespace

ModelSpec ggufModelSpec(const std::vector<KeyValue>& md, const std::vector<TensorInfo>& tensors)
{
    ModelSpec s;
    s.architecture = stringValue(find(md, "general.architecture"));
    s.name = stringValue(find(md, "general.name"));
    const std::string& a = s.architecture;
    const auto intKey = [&](const char* suffix) { return intValue(find(md, a + suffix)).value_or(0); };
    s.contextLength = intKey(".context_length");
    s.embeddingLength = intKey(".embedding_length");
    s.blockCount = intKey(".block_count");
    s.feedForwardLength = intKey(".feed_forward_length");
    s.headCount = intKey(".attention.head_count");
    s.headCountKv = intKey(".attention.head_count_kv");
    s.ropeDimensionCount = intKey(".rope.dimension_count");
    s.keyLength = intKey(".attention.key_length");
    s.valueLength = intKey(".attention.value_length");
    if (s.headCountKv == 0)
        s.headCountKv = s.headCount;   // llama.cpp: no key means one KV head per query head
    if (s.ropeDimensionCount == 0 && s.keyLength > 0)
        s.ropeDimensionCount = s.keyLength;   // llama.cpp: n_rot = n_embd_head_k
    if (s.ropeDimensionCount == 0 && s.headCount > 0)
        s.ropeDimensionCount = s.embeddingLength / s.headCount;   // llama.cpp: n_rot = head size
    s.vocabSize = vocabSize(md, a, tensors);
    s.ropeFreqBase = floatValue(find(md, a + ".rope.freq_base")).value_or(s.ropeFreqBase);
    s.ropeScalingType = stringValue(find(md, a + ".rope.scaling.type"));
    s.ropeScalingFactor = floatValue(find(md, a + ".rope.scaling.factor")).value_or(s.ropeScalingFactor);
    if (auto eps = floatValue(find(md, a + ".attention.layer_norm_rms_epsilon")))
        s.rmsNormEps = *eps;
    else if (auto eps2 = floatValue(find(md, a + ".attention.layer_norm_epsilon")))
        s.rmsNormEps = *eps2;
    s.tiedEmbeddings = hasTensor(tensors, "token_embd.weight") && !hasTensor(tensors, "output.weight");
    s.ropeNeox = ggufArchitectureUsesNeoxRope(a);
    s.bosTokenId = intValue(find(md, "tokenizer.ggml.bos_token_id"));
    s.eosTokenId = intValue(find(md, "tokenizer.ggml.eos_token_id"));
    return s;
}

TokenizerInfo ggufTokenizerInfo(const std::vector<KeyValue>& md, const std::string& sourcePath)
{
    TokenizerInfo t;
    t.model = stringValue(find(md, "tokenizer.ggml.model"));
    t.pre = stringValue(find(md, "tokenizer.ggml.pre"));
    t.vocabSize = arrayLength(find(md, "tokenizer.ggml.tokens"));
    t.mergeCount = arrayLength(find(md, "tokenizer.ggml.merges"));
    t.sourcePath = sourcePath;
    return t;
}

bool ggufArchitectureUsesNeoxRope(const std::string& architecture)
{
    // llama.cpp's llama_model_rope_type(): the architectures given LLAMA_ROPE_TYPE_NEOX.
    static constexpr std::array<std::string_view, 28> kNeox = {
        "falcon", "grok", "dbrx", "bert", "jina-bert-v2", "nomic-bert", "stablelm", "bitnet", "qwen", "qwen2",
        "qwen2moe", "olmo2", "olmoe", "phi2", "phi3", "phimoe", "plamo", "gemma", "gemma2", "gemma3",
        "starcoder2", "openelm", "gptneox", "codeshell", "orion", "nemotron", "exaone", "minicpm3",
    };
    return std::find(kNeox.begin(), kNeox.end(), architecture) != kNeox.end();
}

} // namespace qx
