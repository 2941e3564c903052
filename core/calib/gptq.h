#pragma once
// GPTQ (Frantar et al. 2022): quantizes a linear layer's weight one input column at a time and spreads
// each column's rounding error over the columns not yet quantized, weighted by the inverse Hessian of
// the layer's reconstruction loss ||WX − QX||² (H = 2XXᵀ from calibration, see calib_capture.h).
//
// W is `rows` output rows of `cols` input features (ggml layout). H gets a dampening of dampPercent % of
// its mean diagonal (raised ×10 until the Cholesky factorizations succeed, noted in the result); dead
// inputs (H_ii = 0) are zeroed. Columns go in blocks of `blockSize` with lazy updates of the rest;
// actOrder processes columns by decreasing H_ii (group parameters are then fixed up front from the
// original weights, "static groups"). Group parameters otherwise come from the current, error-updated
// weights when a group starts, as the target format would choose them. For K-quant grids the unit is the
// 256-column super-block: its sub-block scales and mins come from the bit-exact quantizer run on the
// current weights of that block (quant_grid.h), so the result re-quantizes to itself and exports exactly.

#include "calib/quant_grid.h"
#include "common/progress.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct GptqOptions {
    QuantGrid grid;
    double dampPercent = 1.0;   ///< % of the mean diagonal of H
    int64_t blockSize = 128;
    bool actOrder = false;
    /// Called after every block of columns with the fraction of the layer done; false stops the run with
    /// Error(Cancelled), so a large layer does not hold up a cancellation.
    ProgressFn progress;
};

struct GptqResult {
    std::vector<float> weights;   ///< quantized values (on the grid), row-major rows × cols
    double dampUsed = 0.0;        ///< % of the mean diagonal finally used
    std::string note;             ///< non-empty when dampening had to be raised or inputs were dead
    /// tr(ΔW H ΔWᵀ) for round-to-nearest on the same grid; exact for layers of up to kExactLossRows rows,
    /// otherwise layerLossOfRows over kExactLossRows evenly spaced rows (a report, not used by the method:
    /// the exact sum costs rows·cols² multiply-adds, as much as GPTQ itself).
    double lossRtn = 0.0;
    double lossGptq = 0.0;        ///< the same for the GPTQ result
};

/// Layers with more rows report losses estimated from this many rows (GptqResult).
constexpr int64_t kExactLossRows = 1024;

/// Runs GPTQ on one layer. `hessian` is cols × cols (symmetric). Throws Error(InvalidArgument) on bad
/// sizes, Error(Invalid) when H is not finite or stays indefinite even with 10⁶ % dampening,
/// Error(Cancelled) when options.progress returns false.
GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqOptions& options);

/// tr(ΔW H ΔWᵀ) with ΔW = a − b: the layer's output error on the calibration data (up to 2/n).
double layerLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                 std::span<const double> hessian);
/// layerLoss over `sampleRows` evenly spaced rows (row ⌊k·rows/sampleRows⌋), scaled by rows / sampleRows;
/// layerLoss itself when sampleRows ≥ rows.
double layerLossOfRows(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                       std::span<const double> hessian, int64_t sampleRows);

} // namespace qx
