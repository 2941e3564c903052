#pragma once
// Round-to-nearest on a ggml grid, streamed from the model file: each blk.* linear layer is decoded,
// quantized to the grid's blocks (quantizeRows, no importance: what an export in that type writes) and kept
// only as those blocks, so a 7B model's Q4_K result takes 3.2 GB, not the 23 GB of its F32 values. The
// values equal rtnModel()'s for the same grid (fakeQuantGrid is quantizeRows + dequantize for ggml grids).
//
// Memory: the packed result plus one layer decoded to F32; Error(OverBudget) up front when over budget.

#include "calib/quant_grid.h"
#include "common/progress.h"
#include "io/model_file.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qx {

/// The packed round-to-nearest result of every blk.* linear layer whose rows `grid` fits (the others get a
/// note and stay as stored). Error(InvalidArgument) for a uniform grid, Error(OverBudget) when the result
/// exceeds `memoryBudget` (0: the default budget), Error(Cancelled) when `progress` returns false.
PackedTensors rtnStreamed(std::shared_ptr<const ModelFile> model, const QuantGrid& grid, int threads = 0,
                          uint64_t memoryBudget = 0, std::vector<std::string>* notes = nullptr,
                          const ProgressFn& progress = {});

} // namespace qx
