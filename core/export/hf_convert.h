#pragma once
// What llama.cpp's convert_hf_to_gguf.py (b4748) writes for a Hugging Face llama folder, so that exporting
// an HF model gives a complete llama GGUF:
//
// Metadata, in the converter's order: general.architecture, general.type, general.name, the hyper-
// parameters of Model/LlamaModel.set_gguf_parameters (block_count, context_length, embedding_length,
// feed_forward_length, attention.head_count(_kv), rope.freq_base, attention.layer_norm_rms_epsilon,
// general.file_type, vocab_size, rope.dimension_count), then the vocabulary:
//  - a BPE tokenizer.json with byte_fallback and a Sequence decoder (SentencePiece-style, LlamaHfVocab):
//    tokenizer.ggml.model "llama", pre "default", tokens in id order, scores -1000, token types BYTE for
//    <0xXX>, CONTROL for the special tokens, NORMAL otherwise;
//  - any other BPE (byte-level, GPT-2 style): model "gpt2", pre as the converter names it (see
//    hf_pre_tokenizer.h; a pre-tokenizer llama.cpp cannot reproduce is refused), tokens, token types
//    (added tokens CONTROL when special or special-looking, else USER_DEFINED), merges;
//  then special token ids (bos, eos, unk, sep, pad, cls, mask from tokenizer_config.json, else
//  config.json), add_bos_token / add_eos_token, chat_template; finally general.quantization_version.
// Not reproduced: the model-card keys (general.size_label, basename, finetune ...) the converter guesses.
//
// Weights: attn_q / attn_k rows are permuted from HF's rotate-half order to GGUF's interleaved order
// (LlamaModel.permute: per head, row h*d + 2i + j comes from row h*d + j*d/2 + i).

#include "io/gguf_value.h"
#include "io/model_file.h"

#include <cstdint>
#include <vector>

namespace qx {

/// GGUF metadata for a non-GGUF source (see top of file); for architectures other than llama, the
/// source's derived metadata with the safetensors-only strings dropped. Throws Error(Unsupported) for an
/// HF folder with per-expert tensors (llama.cpp wants them stacked) or a tokenizer llama.cpp cannot read.
std::vector<KeyValue> convertedMetadata(const ModelFile& model);

/// For an HF llama attn_q / attn_k weight: the source row of each written row. Empty when the tensor is
/// written in stored row order (every other tensor and source).
std::vector<int64_t> hfRowPermutation(const ModelFile& model, const TensorInfo& tensor);

} // namespace qx
