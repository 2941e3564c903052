#pragma once
// The parts every streamed calibration method shares (gptq_stream.h, awq_stream.h): the calibration text cut
// into chunks as captureCalibration cuts it, the layout the chunks go through the blocks with, a block's
// linear layers, and the capture of one block's statistics from its inputs.

#include "calib/awq.h"
#include "calib/calib_capture.h"
#include "common/progress.h"
#include "model/activation_store.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// Chunks through the blocks as captureCalibration evaluates them: 2048 tokens per pass.
StreamLayout calibLayout(int64_t nCtx);

/// The first `chunks` whole chunks of `nCtx` tokens (all when < 0), each chunk's first token replaced by
/// `bos` when given. Error(InvalidArgument) for a text shorter than one chunk or no chunk requested.
std::vector<int32_t> calibChunks(std::span<const int32_t> tokens, int64_t nCtx, int64_t chunks,
                                 std::optional<int32_t> bos);

/// The linear layers of block `layer` (present matrices, norms excluded), in the block's order.
std::vector<std::string> blockLinearLayers(const WeightSource& source, int64_t layer);

/// Runs block `layer` of `forward` over `x` in place with a capture hook: the statistics of its linear
/// layers (with Hessians unless `hessians` is false). `x` leaves as the block's output, the next block's input.
CalibData captureBlock(LlamaForward& forward, ActivationStore& x, const StreamLayout& layout, int64_t layer,
                       const ProgressFn& progress, bool hessians = true);

/// Float copies of `names` read from `source` (each released after its copy).
FloatTensors floatCopies(const WeightSource& source, const std::vector<std::string>& names);

/// The streamed forward pass's memory over `tokenCount` calibration tokens cut into chunks of nCtx.
StreamMemory calibForwardMemory(const WeightSource& source, int64_t tokenCount, int64_t nCtx,
                                const ForwardOptions& engine);

/// Bytes of a tensor of `shape` in F32.
inline uint64_t floatBytes(const WeightView& shape) { return uint64_t(shape.rows) * uint64_t(shape.cols) * sizeof(float); }

/// Bytes of an n × n matrix of doubles.
inline uint64_t squareDoubles(int64_t n) { return uint64_t(n) * uint64_t(n) * sizeof(double); }

/// The captured Hessians of one block at most (each of its linear layers holds its own, finished in the
/// capture's memory), over every block of `source`.
uint64_t blockHessianBytes(const WeightSource& source);

/// One named part of a streamed calibration's memory ("one block's Hessians", bytes).
struct MemoryPart {
    std::string what;
    uint64_t bytes = 0;
};

/// Throws Error(OverBudget) when the parts add up to more than `budget` (0: defaultMemoryBudget()), naming
/// the method, each part and the budget, and what to lower.
void requireWithinBudget(const std::string& method, const std::vector<MemoryPart>& parts, uint64_t budget);

} // namespace qx
