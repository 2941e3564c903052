#pragma once
// What a model's GGUF-named metadata says about its architecture and tokenizer, using llama.cpp's key
// names (`general.architecture`, `{arch}.embedding_length`, `tokenizer.ggml.tokens`, ...). Absent or
// mistyped keys leave the field at its default: an explorer should still open an odd file. As in llama.cpp,
// a missing head_count_kv means head_count, and a missing rope.dimension_count means the head size.

#include "io/model_file.h"

#include <string>
#include <vector>

namespace qx {

/// Architecture and hyper-parameters from GGUF metadata; `tensors` decide tiedEmbeddings and the
/// vocabulary size when no key states it.
ModelSpec ggufModelSpec(const std::vector<KeyValue>& metadata, const std::vector<TensorInfo>& tensors);

/// Tokenizer kind and sizes from the `tokenizer.ggml.*` keys; `sourcePath` is recorded as given.
TokenizerInfo ggufTokenizerInfo(const std::vector<KeyValue>& metadata, const std::string& sourcePath);

/// True for architectures whose rotary embedding llama.cpp applies in the NeoX (rotate-half) layout.
bool ggufArchitectureUsesNeoxRope(const std::string& architecture);

} // namespace qx
