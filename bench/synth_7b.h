#pragma once
// The 7B-shaped synthetic model the open and GUI benchmarks measure on: llama-7B dimensions (dim 4096,
// 32 layers, ff 11008, 32 heads), F16 weights (~13 GB) and a vocab-only GGUF of 32000 made-up tokens so the
// vocabulary has 7B's size. Header-only: each benchmark is one executable.

#include "io/gguf_value.h"
#include "io/gguf_writer.h"
#include "io/synth_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qx::bench {

/// Writes dir/vocab-32000.gguf (tokens "<tok_N>", scores −N, all normal) and returns its path.
inline std::string writeVocab32000(const std::filesystem::path& dir)
{
    std::vector<GgufValue> tokens, scores, types;
    for (int i = 0; i < 32000; ++i) {
        tokens.push_back(GgufValue::string("<tok_" + std::to_string(i) + ">"));
        scores.push_back(GgufValue::f32(-float(i)));
        types.push_back(GgufValue::i32(1));
    }
    const std::vector<KeyValue> md = {
        {"tokenizer.ggml.model", GgufValue::string("llama")},
        {"tokenizer.ggml.tokens", GgufValue::array(GgufType::String, tokens)},
        {"tokenizer.ggml.scores", GgufValue::array(GgufType::F32, scores)},
        {"tokenizer.ggml.token_type", GgufValue::array(GgufType::I32, types)},
    };
    const std::string path = (dir / "vocab-32000.gguf").string();
    writeGguf(path, md, {});
    return path;
}

/// Synth options of the 7B-shaped F16 model (its vocabulary written into `dir`).
inline SynthOptions synth7bOptions(const std::filesystem::path& dir)
{
    SynthOptions o;
    o.dim = 4096;
    o.layers = 32;
    o.ff = 11008;
    o.heads = 32;
    o.kvHeads = 32;
    o.type = TensorType::F16;
    o.vocabFrom = writeVocab32000(dir);
    return o;
}

} // namespace qx::bench
