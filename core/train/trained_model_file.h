#pragma once
// Reading and writing a trained model as a GGUF "llama" file: tensors in llama.cpp's order (token_embd,
// blocks, output_norm; the output head is tied to token_embd), the hyper-parameters under llama.*, the
// tokenizer under tokenizer.ggml.*, and whatever extra keys the caller records (the command and seed under
// qexplore.train.*). Weight matrices are F32 or F16 (general.file_type 0 or 1, as llama.cpp's
// "all F32" / "mostly F16"); norm gains are always F32.
#include "common/progress.h"
#include "io/gguf_value.h"
#include "train/train_model.h"

#include <span>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;

enum class MatrixStorage { F32, F16 };

struct TrainedModel {
    TrainShape shape;
    MatrixStorage storage = MatrixStorage::F32;  ///< how writeTrainedModel stores the weight matrices
    std::vector<float> params;
    std::vector<KeyValue> tokenizerKeys;  ///< every tokenizer.* key
    std::vector<KeyValue> extraKeys;      ///< general.description, qexplore.*
};

/// Writes `model` to `path` (atomic, see io/gguf_writer.h); F16 storage rounds each matrix value to
/// nearest even. Throws what writeGguf throws.
void writeTrainedModel(const std::string& path, const TrainedModel& model, const ProgressFn& progress = {});

/// Reads a GGUF written by writeTrainedModel (or any tied-embedding F32/F16 llama GGUF with this layout);
/// F16 matrices are widened to F32. Throws Error(Unsupported) for other layouts or tensor types.
TrainedModel readTrainedModel(const ModelFile& file);
/// The same for the file at `path`; also throws whatever openGguf throws.
TrainedModel readTrainedModel(const std::string& path);

/// `params` with every weight matrix rounded through F16 (norm gains unchanged): what F16 storage keeps.
std::vector<float> roundMatricesToF16(const TrainShape& shape, std::span<const float> params);

} // namespace qx
