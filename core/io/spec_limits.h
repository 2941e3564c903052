#pragma once
// Limits on the counts a model header claims, checked by every reader before anything is built from them
// (per-layer tensor lists, per-layer rows in the GUI, caches sized by them): a header saying 2^32−1 layers
// fails at once with the file, the field as the file spells it, the value and the limit, instead of
// growing to gigabytes.

#include "io/model_file.h"

#include <cstdint>
#include <string>

namespace qx {

/// llama.cpp's LLAMA_MAX_LAYERS (b4748, src/llama-hparams.h): it loads no model with more blocks.
constexpr int64_t kMaxLayers = 512;
/// ggml keeps the other hyper-parameters in uint32_t/int32_t; larger values cannot come from a real model.
constexpr int64_t kMaxHyperParameter = INT32_MAX;

/// How one format spells the fields of a ModelSpec ("llama.block_count", "num_hidden_layers", "n_layers").
struct SpecFieldNames {
    std::string layers, embedding, feedForward, heads, headsKv, vocab, context;
};

/// Throws Error(Invalid, file) "field N exceeds the limit of L" for the first count above its limit.
void checkSpecLimits(const ModelSpec& spec, const std::string& file, const SpecFieldNames& names);

} // namespace qx
