#pragma once
// GGUF-named metadata derived from a ModelSpec, for formats that carry no GGUF key/values (HF folders,
// llama2.c), so that `info` and the metadata view show the same keys as for a converted GGUF:
// general.architecture, general.name, {arch}.context_length, {arch}.embedding_length, {arch}.block_count,
// {arch}.feed_forward_length, {arch}.attention.head_count(_kv), {arch}.rope.dimension_count,
// {arch}.rope.freq_base, {arch}.attention.layer_norm_rms_epsilon, {arch}.rope.scaling.type/factor,
// {arch}.vocab_size, tokenizer.ggml.bos_token_id / eos_token_id. Zero ("not stated") fields are left out.

#include "io/gguf_value.h"
#include "io/model_file.h"

#include <vector>

namespace qx {

/// Key/values that a GGUF conversion of a model with this spec would carry (types as llama.cpp writes them).
std::vector<KeyValue> specMetadata(const ModelSpec& spec);

} // namespace qx
