#pragma once
// Reader for llama2.c checkpoints in run.c's legacy (version 0) layout, and their tok*.bin tokenizers.
//
// Checkpoint byte layout (little-endian):
//   [0, 28)  7 x int32: dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len
//            (vocab_size < 0 means the classifier wcls is stored at the end; > 0: it shares the embedding)
//   then F32 arrays, row-major, each [rows][row length]; head_size = dim / n_heads, kv_dim = head_size*n_kv:
//     token_embedding_table [vocab][dim]      -> token_embd.weight     ne {dim, vocab}
//     rms_att_weight        [L][dim]          -> blk.N.attn_norm.weight
//     wq [L][dim][dim], wk [L][kv_dim][dim], wv [L][kv_dim][dim], wo [L][dim][dim]
//                                             -> blk.N.attn_q / attn_k / attn_v / attn_output.weight
//     rms_ffn_weight        [L][dim]          -> blk.N.ffn_norm.weight
//     w1 [L][hidden][dim], w2 [L][dim][hidden], w3 [L][hidden][dim]
//                                             -> blk.N.ffn_gate / ffn_down / ffn_up.weight
//     rms_final_weight      [dim]             -> output_norm.weight
//     freq_cis_real, freq_cis_imag [seq_len][head_size/2] each (RoPE tables; skipped, not listed)
//     wcls                  [vocab][dim]      -> output.weight (only when vocab_size < 0)
//   The file must end exactly there. originalName is the llama2.c array name, with [N] for a layer slice.
// RoPE rotates adjacent pairs (GGUF "normal" llama order), so spec.ropeNeox is false.
//
// Tokenizer tok<vocab>.bin (or tokenizer.bin) beside the checkpoint: int32 max_token_length, then per token
// f32 score, int32 byte length, the bytes. Newer export versions (magic "ak42") are reported Unsupported.
// The tokenizer becomes the model's tokenizer.ggml.* metadata as llama.cpp's convert-llama2c-to-ggml
// writes it (SPM "llama"; ids 0/1/2 are <unk>/<s>/</s>; empty texts control, "<0xXX>" byte tokens; spaces
// spelt U+2581), so tokenize/ppl/imatrix use it and export writes it.

#include "io/model_file.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// Opens a llama2.c checkpoint and describes the tok<vocab>.bin / tokenizer.bin found beside it, if any.
std::shared_ptr<const ModelFile> openLlama2c(const std::string& path);

/// Parses checkpoint bytes (views point into `bytes`; no tokenizer lookup). The fuzzing entry point.
ModelFile parseLlama2c(std::span<const std::byte> bytes, const std::string& fileName);

/// Checks a llama2.c tokenizer file holding `vocabSize` tokens and describes it (model "llama").
TokenizerInfo parseLlama2cTokenizer(std::span<const std::byte> bytes, int64_t vocabSize, const std::string& fileName);
/// The tokenizer.ggml.* keys of a llama2.c tokenizer file (checked as parseLlama2cTokenizer does).
std::vector<KeyValue> llama2cTokenizerMetadata(std::span<const std::byte> bytes, int64_t vocabSize,
                                               const std::string& fileName);

} // namespace qx
