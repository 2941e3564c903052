#pragma once
// A random tiny Llama-family model (dim 32, 2 layers, 4 heads / 2 KV heads, FFN 48, vocab 40) for tests.
#include "model/llama_weights.h"

#include <map>
#include <random>
#include <string>
#include <vector>

namespace qx::test {

struct TinyModel {
    ModelSpec spec;
    std::map<std::string, std::vector<float>> tensors;
    std::map<std::string, std::vector<int64_t>> shapes;
};

inline TinyModel makeTiny(const std::string& arch, bool tied, uint32_t seed)
{
    TinyModel m;
    m.spec.architecture = arch;
    m.spec.embeddingLength = 32;
    m.spec.blockCount = 2;
    m.spec.headCount = 4;
    m.spec.headCountKv = 2;
    m.spec.feedForwardLength = 48;
    m.spec.vocabSize = 40;
    m.spec.ropeFreqBase = arch == "qwen2" ? 1000000.0 : 10000.0;
    m.spec.rmsNormEps = 1e-6;
    std::mt19937 rng(seed);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    auto add = [&](const std::string& name, std::vector<int64_t> ne, float scale, float offset) {
        uint64_t count = 1;
        for (int64_t n : ne)
            count *= uint64_t(n);
        std::vector<float> values(count);
        for (float& v : values)
            v = offset + scale * gauss(rng);
        m.tensors[name] = std::move(values);
        m.shapes[name] = std::move(ne);
    };
    const int64_t d = 32, kv = 16, ff = 48, vocab = 40;
    add("token_embd.weight", {d, vocab}, 1.0f, 0.0f);
    add("output_norm.weight", {d}, 0.1f, 1.0f);
    if (!tied)
        add("output.weight", {d, vocab}, 0.3f, 0.0f);
    for (int l = 0; l < 2; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        add(p + "attn_norm.weight", {d}, 0.1f, 1.0f);
        add(p + "attn_q.weight", {d, d}, 0.3f, 0.0f);
        add(p + "attn_k.weight", {d, kv}, 0.3f, 0.0f);
        add(p + "attn_v.weight", {d, kv}, 0.3f, 0.0f);
        add(p + "attn_output.weight", {d, d}, 0.2f, 0.0f);
        if (arch == "qwen2") {
            add(p + "attn_q.bias", {d}, 0.2f, 0.0f);
            add(p + "attn_k.bias", {kv}, 0.2f, 0.0f);
            add(p + "attn_v.bias", {kv}, 0.2f, 0.0f);
        }
        add(p + "ffn_norm.weight", {d}, 0.1f, 1.0f);
        add(p + "ffn_gate.weight", {d, ff}, 0.3f, 0.0f);
        add(p + "ffn_up.weight", {d, ff}, 0.3f, 0.0f);
        add(p + "ffn_down.weight", {ff, d}, 0.2f, 0.0f);
    }
    return m;
}

inline std::shared_ptr<LlamaWeights> build(const TinyModel& m)
{
    return LlamaWeights::fromTensors(m.spec, m.tensors, m.shapes);
}

} // namespace qx::test
