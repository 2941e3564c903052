#pragma once
// Reader for Hugging Face model folders: config.json (architecture and hyper-parameters), the weights in
// model.safetensors, a sharded set listed by model.safetensors.index.json, or else the folder's only
// *.safetensors file, and tokenizer.json if present.
//
// Known architectures (Llama, Mistral, Mixtral -> "llama"; Qwen2, Qwen2-MoE, Phi-3, Gemma, Gemma 2; see
// hf_names.h) get GGUF tensor names with the HF name kept in TensorInfo::originalName; any other
// architecture opens too, named after config's model_type, with its tensor names unchanged. ModelSpec::ropeNeox is true: HF checkpoints keep Q/K in rotate-half order.
// Tied embeddings: spec.tiedEmbeddings is config's tie_word_embeddings, or, when unstated, whether the
// folder lacks a stored output head. A tied weight the file names in `__metadata__` appears as an alias
// entry (TensorInfo::aliasOf) sharing the stored tensor's data.
// metadata holds GGUF-named keys derived from the spec (spec_metadata.h), <arch>.expert_count and
// expert_used_count of mixture-of-experts configs (num_local_experts / num_experts, num_experts_per_tok),
// tokenizer.ggml.model, and the safetensors `__metadata__` strings.

#include "io/model_file.h"

#include <memory>
#include <string>
#include <optional>
#include <string_view>

namespace qx {

/// Opens the HF model folder `dir`. Throws Error naming config.json when it is missing or not valid JSON.
std::shared_ptr<const ModelFile> openHfFolder(const std::string& dir);

/// The model of the folder `dir` from its parts already read: config.json's text, the weights (the parsed
/// safetensors files) and tokenizer.json's text when there is one. openHfFolder reads the files and calls it.
std::shared_ptr<const ModelFile> assembleHfModel(const std::string& dir, std::string_view configText, ModelFile weights,
                                                 std::optional<std::string_view> tokenizerText);

/// ModelSpec from the text of a config.json (`fileName` for errors).
ModelSpec parseHfConfig(std::string_view text, const std::string& fileName);

/// TokenizerInfo from the text of a tokenizer.json: model "gpt2" (byte-level BPE), "llama" (other BPE,
/// SentencePiece-style), "t5" (Unigram), "bert" (WordPiece); pre = the pre-tokenizer type (members of a
/// Sequence joined by '+'); vocabSize = highest id + 1 over vocab and added tokens.
TokenizerInfo parseHfTokenizer(std::string_view text, const std::string& fileName);

} // namespace qx
