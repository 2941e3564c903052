#pragma once
// Hand-built ModelFile for widget tests: no file behind it, only names, shapes, types and sizes.

#include "io/model_file.h"

#include <memory>
#include <string>

namespace qx::test {

inline TensorInfo fakeTensor(std::string name, std::vector<int64_t> ne, TensorType type, uint64_t nbytes)
{
    TensorInfo t;
    t.name = name;
    t.originalName = std::move(name);
    t.ne = std::move(ne);
    t.type = type;
    t.nbytes = nbytes;
    t.sourceFile = "/fake/model.gguf";
    return t;
}

/// token_embd, `layers` × (attn_norm, attn_q, ffn_down), output_norm, output: 3 + 3 × layers tensors.
inline std::shared_ptr<const ModelFile> fakeModel(int layers = 2)
{
    auto m = std::make_shared<ModelFile>();
    m->path = "/fake/model.gguf";
    m->ggufVersion = 3;
    m->spec.architecture = "llama";
    m->spec.name = "fake";
    m->spec.blockCount = layers;
    m->tokenizer.model = "llama";
    m->tokenizer.vocabSize = 32;
    m->metadata.push_back({"general.architecture", GgufValue::string("llama")});
    m->metadata.push_back({"llama.block_count", GgufValue::u32(static_cast<uint32_t>(layers))});
    std::vector<GgufValue> tokens;
    for (int i = 0; i < 32; ++i)
        tokens.push_back(GgufValue::string("tok" + std::to_string(i)));
    m->metadata.push_back({"tokenizer.ggml.tokens", GgufValue::array(GgufType::String, std::move(tokens))});
    m->tensors.push_back(fakeTensor("token_embd.weight", {8, 32}, TensorType::F32, 8 * 32 * 4));
    for (int l = 0; l < layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        m->tensors.push_back(fakeTensor(p + "attn_norm.weight", {8}, TensorType::F32, 32));
        m->tensors.push_back(fakeTensor(p + "attn_q.weight", {32, 8}, TensorType::Q8_0, 272));
        m->tensors.push_back(fakeTensor(p + "ffn_down.weight", {16, 8}, TensorType::F16, 256));
    }
    m->tensors.push_back(fakeTensor("output_norm.weight", {8}, TensorType::F32, 32));
    m->tensors.push_back(fakeTensor("output.weight", {8, 32}, TensorType::F32, 8 * 32 * 4));
    return m;
}

} // namespace qx::test
