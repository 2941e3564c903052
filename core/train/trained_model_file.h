#pragma once
// Reading and writing a trained model as a GGUF "llama" file: F32 tensors in llama.cpp's order
// (token_embd, blocks, output_norm; the output head is tied to token_embd), the hyper-parameters under
// llama.*, the tokenizer under tokenizer.ggml.*, and whatever extra keys the caller records (the command
// and seed under qexplore.train.*).
#include "common/progress.h"
#include "io/gguf_value.h"
#include "train/train_model.h"

#include <string>
#include <vector>

namespace qx {

struct TrainedModel {
    TrainShape shape;
    std::vector<float> params;
    std::vector<KeyValue> tokenizerKeys;  ///< every tokenizer.* key
    std::vector<KeyValue> extraKeys;      ///< general.description, qexplore.*
};

/// Writes `model` to `path` (atomic, see io/gguf_writer.h). Throws what writeGguf throws.
void writeTrainedModel(const std::string& path, const TrainedModel& model, const ProgressFn& progress = {});

/// Reads a GGUF written by writeTrainedModel (or any tied-embedding F32 llama GGUF with this layout).
/// Throws Error(Unsupported) for other layouts or tensor types, and whatever openGguf throws.
TrainedModel readTrainedModel(const std::string& path);

} // namespace qx
