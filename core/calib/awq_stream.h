#pragma once
// AWQ on the streamed engine, block by block from the model file (model/llama_forward.h), so the search
// never needs a float copy of the whole model.
//
// The calibration chunks are embedded once; block l runs in float with a capture hook (its linear layers'
// Hessians and mean |x|), its tensors are read from the file as float copies, AWQ searches and folds its
// four groups (awqQuantizeGroups), and the float block's output becomes block l+1's input: every block's
// statistics are those one capture of the float model gives, as AWQ uses them, and the result equals
// awqQuantize's on that capture bit for bit.
//
// Memory beyond the engine's own: one block's captured Hessians (8·cols² bytes per linear layer, twice),
// the block's float copies and AWQ's working copies of them (about 3 × the block's weights in F32), and the
// result: the quantized and the folded float values of every layer (8 bytes per weight), as a CalibResult
// holds them. awqStreamMemory() says it; Error(OverBudget) up front when it does not fit.

#include "calib/awq.h"
#include "calib/quant_grid.h"
#include "common/progress.h"
#include "io/model_file.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace qx {

struct AwqStreamOptions {
    QuantGrid grid;
    int gridPoints = 20;                ///< α on 0, 1/n, …, (n−1)/n
    bool clip = true;                   ///< the clipping search after the scales
    int64_t nCtx = 128;                 ///< tokens per calibration chunk
    int64_t chunks = -1;                ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;    ///< replaces each chunk's first token, as llama-imatrix does
    ForwardOptions engine;              ///< threads, memory budget
};

struct AwqStreamMemory {
    uint64_t hessians = 0;              ///< one block's captured Hessians
    uint64_t working = 0;               ///< one block's float copies and AWQ's working copies
    uint64_t result = 0;                ///< the quantized and folded values of every layer
    uint64_t engine = 0;                ///< the streamed forward pass over the calibration tokens
    uint64_t peak() const { return hessians + working + result + engine; }
};

/// What a run over `tokenCount` calibration tokens needs (bytes), by part.
AwqStreamMemory awqStreamMemory(const ModelFile& model, int64_t tokenCount, const AwqStreamOptions& options);

/// AWQ of every block (groups as awqScaleGroups), the result awqQuantize gives on one capture of the float
/// model. Error(InvalidArgument) for a text shorter than one chunk, Error(OverBudget) when awqStreamMemory()
/// exceeds the budget, Error(Invalid) on NaN or Inf in a block's inputs, Error(Cancelled) when `progress`
/// returns false.
AwqResult awqStreamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                      const AwqStreamOptions& options, const ProgressFn& progress = {});

} // namespace qx
