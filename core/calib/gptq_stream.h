#pragma once
// GPTQ on the streamed engine, block by block from the model file (model/llama_forward.h), so a model of
// any depth is quantized in about one block's memory plus that block's Hessians.
//
// Sequential (the default, as the GPTQ paper's code, AutoGPTQ and llm-compressor do it): the calibration
// chunks are embedded once; for block l the inputs produced by the already-quantized blocks 0..l-1 go
// through the float block l with a capture hook (the Hessians of its seven linear layers), each layer is
// quantized with GPTQ, and then the same inputs go through the quantized block l to become block l+1's.
// OneCapture: the inputs move on through the float block instead, so every Hessian is the one a single
// capture of the float model gives (bit for bit the whole-model capture's, same chunks per sub-batch).
//
// Memory per block beyond the engine's own: the captured Hessians, 8·cols² bytes for each of the seven
// layers (q/k/v, gate/up each hold their own copy) twice (the capture and its finished copy), and one
// layer's GPTQ working set, about 4·8·cols² + 24·rows·cols bytes (the Hessian, its permuted copy, the Cholesky factor and inverse; the
// weights in double, the round-to-nearest and result copies). Llama-2-7B's shape: 2 × 1.77 GB of Hessians
// + 5.0 GB for ffn_down = 8.6 GB. The result holds every quantized layer in F32 (4 bytes per weight: 26 GB
// for a 7B model, more than the rest together), or with `pack` on a ggml grid as that type's blocks (Q4_K:
// 0.56 bytes per weight, 3.2 GB at 7B, plus the block being quantized in F32). gptqStreamMemory() says it;
// Error(OverBudget) up front when it does not fit.

#include "calib/awq.h"
#include "calib/gptq.h"
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

struct GptqStreamOptions {
    GptqOptions gptq;                   ///< grid, dampening, block size, act-order (its progress is unused)
    bool sequential = true;             ///< false: one capture of the float model
    int64_t nCtx = 128;                 ///< tokens per calibration chunk
    int64_t chunks = -1;                ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;    ///< replaces each chunk's first token, as llama-imatrix does
    ForwardOptions engine;              ///< threads, memory budget, scratch folder
    bool pack = false;                  ///< ggml grids: keep each layer as the grid's blocks (see top)
};

struct GptqStreamMemory {
    uint64_t hessians = 0;              ///< one block's captured Hessians
    uint64_t working = 0;               ///< the largest layer's GPTQ working set
    uint64_t result = 0;                ///< the quantized values of every linear layer (F32, or packed)
    uint64_t engine = 0;                ///< the streamed forward pass over the calibration tokens
    uint64_t peak() const { return hessians + working + result + engine; }
};

/// What a run over `tokenCount` calibration tokens needs (bytes), by part.
GptqStreamMemory gptqStreamMemory(const ModelFile& model, int64_t tokenCount, const GptqStreamOptions& options);

struct GptqStreamResult {
    Substitutions values;               ///< layers held as F32 values on the grid
    PackedTensors packed;               ///< with options.pack: layers held as the grid's blocks
};

/// Quantizes every blk.* linear layer the grid fits; returns their values (on the grid) by name and adds
/// one note per layer (losses, dampening) and one per layer left F32. With options.pack a layer whose
/// values the grid's type holds exactly (packExactly) is returned packed, any other in values with a note.
/// Error(InvalidArgument) for a text shorter than one chunk, Error(OverBudget) when gptqStreamMemory()
/// exceeds the budget, Error(Invalid) on NaN, Error(Cancelled) when `progress` returns false.
GptqStreamResult gptqStreamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                           const GptqStreamOptions& options, std::vector<std::string>* notes = nullptr,
                           const ProgressFn& progress = {});

} // namespace qx
