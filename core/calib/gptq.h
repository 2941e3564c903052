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
// current weights of that block (quant_grid.h), and the result is written as blocks on those very scales
// (GptqResult::packed), so it exports exactly; re-quantizing the values almost always finds them again, but
// not where a sub-block fits two grids.

#include "calib/quant_grid.h"
#include "quant/packed_tensor.h"
#include "common/progress.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct GptqOptions {
    QuantGrid grid;
    int threads = 0;            ///< for the per-row work of each column (0: every hardware thread)
    double dampPercent = 1.0;   ///< % of the mean diagonal of H
    int64_t blockSize = 128;
    bool actOrder = false;
    /// Called after every block of columns with the fraction of the layer done; false stops the run with
    /// Error(Cancelled), so a large layer does not hold up a cancellation.
    ProgressFn progress;
};

struct GptqResult {
    std::vector<float> weights;   ///< quantized values (on the grid), row-major rows × cols
    /// The same as blocks of the grid's type, written on the scales GPTQ chose at each block's start (Q2_K,
    /// Q4_K, Q5_K, Q6_K grids; nullopt for others): exact where re-quantizing the values might pick other
    /// scales (a sub-block of one outlier and zeros fits two grids).
    std::optional<PackedTensor> packed;
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

/// What GPTQ derives from a Hessian alone: the column order, the dead inputs and the upper Cholesky factor
/// of the dampened inverse. Layers fed the same input (attn_q/k/v, ffn_gate/up) have the same Hessian and
/// can share one factor; at 7B width it is the largest matrix work of a layer after the updates.
struct GptqFactor {
    int64_t cols = 0;
    std::vector<int64_t> order;   ///< processing order: natural, or by decreasing H_ii with actOrder
    std::vector<int64_t> dead;    ///< natural columns with H_ii = 0 (their weights are zeroed)
    std::vector<double> u;        ///< cols × cols, column-major, upper, in processing order
    double dampUsed = 0.0;        ///< % of the mean diagonal finally used
    std::string note;             ///< dampening raised, dead inputs
};

/// The factor of `hessian` (cols × cols, symmetric) for `options` (dampPercent, actOrder). Throws
/// Error(InvalidArgument) on bad sizes, Error(Invalid) when H is not finite or stays indefinite even with
/// 10⁶ % dampening.
GptqFactor gptqFactor(std::span<const double> hessian, int64_t cols, const GptqOptions& options);

/// Runs GPTQ on one layer. `hessian` is cols × cols (symmetric). Throws Error(InvalidArgument) on bad
/// sizes, Error(Invalid) when H is not finite or stays indefinite even with 10⁶ % dampening,
/// Error(Cancelled) when options.progress returns false.
GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqOptions& options);
/// The same with the factor made by gptqFactor(hessian, cols, options) (possibly for another layer with the
/// same Hessian); `hessian` itself is used for the loss notes only.
GptqResult gptqQuantize(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                        const GptqFactor& factor, const GptqOptions& options);

/// tr(ΔW H ΔWᵀ) with ΔW = a − b: the layer's output error on the calibration data (up to 2/n).
double layerLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                 std::span<const double> hessian);
/// layerLoss over `sampleRows` evenly spaced rows (row ⌊k·rows/sampleRows⌋), scaled by rows / sampleRows;
/// layerLoss itself when sampleRows ≥ rows.
double layerLossOfRows(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                       std::span<const double> hessian, int64_t sampleRows);

} // namespace qx
