#include "io/spec_metadata.h"

namespace qx {
namespace {

GgufValue count(int64_t v)
{
    return v >= 0 && v <= int64_t(UINT32_MAX) ? GgufValue::u32(uint32_t(v)) : GgufValue::u64(uint64_t(v));
}

void addCount(std::vector<KeyValue>& kvs, const std::string& key, int64_t v)
{
    if (v > 0)
        kvs.push_back({key, count(v)});
}

} // namespace

std::vector<KeyValue> specMetadata(const ModelSpec& spec)
{
    std::vector<KeyValue> kvs;
    if (!spec.architecture.empty())
        kvs.push_back({"general.architecture", GgufValue::string(spec.architecture)});
    if (!spec.name.empty())
        kvs.push_back({"general.name", GgufValue::string(spec.name)});
    const std::string a = spec.architecture.empty() ? std::string("unknown") : spec.architecture;
    addCount(kvs, a + ".vocab_size", spec.vocabSize);
    addCount(kvs, a + ".context_length", spec.contextLength);
    addCount(kvs, a + ".embedding_length", spec.embeddingLength);
    addCount(kvs, a + ".block_count", spec.blockCount);
    addCount(kvs, a + ".feed_forward_length", spec.feedForwardLength);
    addCount(kvs, a + ".attention.head_count", spec.headCount);
    addCount(kvs, a + ".attention.head_count_kv", spec.headCountKv);
    addCount(kvs, a + ".rope.dimension_count", spec.ropeDimensionCount);
    addCount(kvs, a + ".attention.key_length", spec.keyLength);
    addCount(kvs, a + ".attention.value_length", spec.valueLength);
    kvs.push_back({a + ".rope.freq_base", GgufValue::f32(float(spec.ropeFreqBase))});
    kvs.push_back({a + ".attention.layer_norm_rms_epsilon", GgufValue::f32(float(spec.rmsNormEps))});
    if (!spec.ropeScalingType.empty()) {
        kvs.push_back({a + ".rope.scaling.type", GgufValue::string(spec.ropeScalingType)});
        kvs.push_back({a + ".rope.scaling.factor", GgufValue::f32(float(spec.ropeScalingFactor))});
    }
    if (spec.bosTokenId && *spec.bosTokenId >= 0)
        kvs.push_back({"tokenizer.ggml.bos_token_id", count(*spec.bosTokenId)});
    if (spec.eosTokenId && *spec.eosTokenId >= 0)
        kvs.push_back({"tokenizer.ggml.eos_token_id", count(*spec.eosTokenId)});
    return kvs;
}

} // namespace qx
