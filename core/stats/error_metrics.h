#pragma once
// How far a reconstruction (dequantized or fake-quantized weights) is from the original.
// Conventions: error e = reconstructed - original; sums in double; non-finite pairs are skipped and counted.
//  - sqnrDb = 10·log10(Σx² / Σe²): +Inf for an exact reconstruction, -Inf when the original is all zero
//    but the error is not.
//  - cosine = Σxy / sqrt(Σx²·Σy²): 1 when both are all zero, 0 when exactly one is.
//  - relativeFrobenius = ||e|| / ||x|| (0 when both are zero, +Inf when only x is).
//  - weightedMse = Σ w_col·e² / Σ w_col over all elements, with one weight per column (ne[0] position),
//    e.g. an imatrix entry; equals mse when all weights are equal, and when no weights are given.

#include "common/progress.h"
#include "stats/histogram.h"
#include "stats/tensor_stats.h"

#include <cstdint>
#include <span>

namespace qx {

struct TensorError {
    uint64_t count = 0;            ///< finite pairs compared
    uint64_t nonFinite = 0;        ///< pairs skipped because either side is NaN/Inf
    double mse = 0.0;
    double rmse = 0.0;
    double sqnrDb = 0.0;
    double cosine = 0.0;
    double maxAbsError = 0.0;
    double relativeFrobenius = 0.0;
    double weightedMse = 0.0;
    double signalEnergy = 0.0;     ///< Σx² over the finite pairs
    double noiseEnergy = 0.0;      ///< Σe² over the finite pairs
    Histogram errorHistogram;      ///< of e over [-maxAbsError, maxAbsError]
    bool operator==(const TensorError&) const = default;
};

struct ErrorOptions {
    int64_t rowLength = 0;                ///< needed with columnWeights; 0 = one row
    std::span<const float> columnWeights; ///< rowLength weights (≥ 0), or empty for plain MSE
    int histogramBins = 101;              ///< 0: no error histogram (compareRows then reads each source once)
};

/// Compares `original` with `reconstructed` (same size). Throws InvalidArgument on size mismatches.
TensorError compareTensors(std::span<const float> original, std::span<const float> reconstructed,
                           const ErrorOptions& options = {});

/// The same, streamed in row chunks from two sources of equal shape (e.g. a model's F32 weight and its
/// quantized copy, through rowSourceFromTensor); equal to compareTensors on the whole data, bit for bit.
/// Reads each source twice (the error histogram needs the maximum first). Throws Mismatch on shapes.
TensorError compareRows(const RowSource& original, const RowSource& reconstructed, const ErrorOptions& options = {},
                        const ProgressFn& progress = {});

/// 10·log10(signal energy / noise energy) with the conventions above.
double sqnrDb(double signalEnergy, double noiseEnergy);

} // namespace qx
