#pragma once
// SmoothQuant and LLM.int8 (W8A8, calib/int8_matmul.h) on the streamed engine, block by block from the
// model file, so a 7B model's W8A8 result never needs its 27 GB of F32 values.
//
// The calibration chunks are embedded once; block l runs in float with a capture hook (max |x| per input
// column of each linear layer, no Hessians), its tensors are read from the file, SmoothQuant's scales are
// folded into them (attn_norm → q/k/v, ffn_norm → gate/up; awq.h), and every linear layer is kept as int8
// codes with one step per row (a PackedTensor of type I8; LLM.int8's outlier columns as float). The float
// block's output becomes block l+1's input: the statistics are those of one capture of the float model,
// and the values equal runCalibration's bit for bit.
//
// Memory beyond the engine's own: the result (1 byte per weight, one float per row, the float columns)
// and one block's float copies twice (read and folded). w8a8StreamMemory() says it; Error(OverBudget) up
// front when it does not fit.

#include "calib/awq.h"
#include "calib/int8_matmul.h"
#include "common/progress.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct W8A8StreamOptions {
    bool smoothQuant = true;            ///< false: LLM.int8
    double alpha = 0.5;                 ///< SmoothQuant's migration strength, in [0, 1]
    float threshold = 6.0f;             ///< LLM.int8: input columns with max |x| ≥ threshold stay float
    int64_t nCtx = 128;                 ///< tokens per calibration chunk
    int64_t chunks = -1;                ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;    ///< replaces each chunk's first token, as llama-imatrix does
    ForwardOptions engine;              ///< threads, memory budget
};

struct W8A8StreamResult {
    PackedTensors weights;                    ///< every blk.* linear layer as int8 rows
    Substitutions norms;                      ///< SmoothQuant's norms divided by the scales
    std::shared_ptr<const ColumnMasks> keep;  ///< LLM.int8's outlier columns per layer (null: SmoothQuant)
    std::vector<std::string> notes;           ///< LLM.int8: each layer's outlier columns
};

struct W8A8StreamMemory {
    uint64_t result = 0;                ///< the int8 rows of every layer
    uint64_t working = 0;               ///< one block's float copies, read and folded
    uint64_t engine = 0;                ///< the streamed forward pass over the calibration tokens
    uint64_t peak() const { return result + working + engine; }
};

/// What a run over `tokenCount` calibration tokens needs (bytes), by part. LLM.int8's float columns are
/// not known before the capture and are not counted (a few per layer: 8 bytes per row each).
W8A8StreamMemory w8a8StreamMemory(const ModelFile& model, int64_t tokenCount, const W8A8StreamOptions& options);

/// SmoothQuant or LLM.int8 of every block. Error(InvalidArgument) for α outside [0, 1], a threshold that
/// is not positive or a text shorter than one chunk, Error(OverBudget) when w8a8StreamMemory() exceeds the
/// budget, Error(Invalid) on NaN or Inf in a block's inputs, Error(Cancelled) when `progress` returns false.
W8A8StreamResult w8a8Streamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                              const W8A8StreamOptions& options, const ProgressFn& progress = {});

/// Naive W8A8's weights: every blk.* linear layer as int8 rows, read from the file (no calibration).
/// Error(OverBudget) when the result and one layer in F32 exceed `memoryBudget` (0: the default budget).
PackedTensors int8RowsStreamed(std::shared_ptr<const ModelFile> model, int threads = 0, uint64_t memoryBudget = 0,
                               const ProgressFn& progress = {});

} // namespace qx
