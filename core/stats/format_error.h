#pragma once
// What quantizing a whole model to one format does to each weight tensor: error metrics of the
// fake-quantized weights against the originals (decoded to F32) and the exact storage cost.
//
// Tensor selection follows llama-quantize: tensors with 2 or more dimensions are quantized, vectors
// (norms, biases) stay F32. A matrix whose rows do not fit the format takes llama-quantize's fallback
// type (formats.h); when llama.cpp has none (legacy types, non-GGUF schemes) the explorer keeps it in
// F16 and says so. storedBytes is, for GGUF types, exactly the tensor's data size in the GGUF file
// llama-quantize --pure would write. Totals: errors pooled over all quantized values (Σe² / Σx²).

#include "common/progress.h"
#include "quant/formats.h"
#include "stats/error_metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;
struct ImatrixFile;

struct FormatErrorEntry {
    std::string name;
    std::vector<int64_t> ne;
    TensorType sourceType = TensorType::F32;
    std::string storedAs;          ///< format name actually used (the requested one, a fallback, or F32)
    bool quantized = false;        ///< false for vectors kept in F32
    std::string fitProblem;        ///< e.g. "row 172 is not a multiple of 256" when a fallback was used
    bool weighted = false;         ///< an imatrix entry weighted the quantization and weightedMse
    TensorError error;
    double signalEnergy = 0.0;     ///< Σx² of the original
    double noiseEnergy = 0.0;      ///< Σe²
    uint64_t storedBytes = 0;
    double bitsPerWeight = 0.0;
    bool operator==(const FormatErrorEntry&) const = default;
};

struct FormatErrorTotals {
    uint64_t values = 0;           ///< all tensors
    uint64_t storedBytes = 0;      ///< all tensors
    double bitsPerWeight = 0.0;    ///< storedBytes·8 / values
    uint64_t quantizedValues = 0;  ///< values of the quantized tensors
    double mse = 0.0;              ///< over the quantized tensors
    double sqnrDb = 0.0;
    double relativeFrobenius = 0.0;
    int fallbacks = 0;
    bool operator==(const FormatErrorTotals&) const = default;
};

struct FormatErrorReport {
    std::string format;
    bool imatrix = false;
    std::vector<FormatErrorEntry> tensors;   ///< file order
    FormatErrorTotals totals;
    bool operator==(const FormatErrorReport&) const = default;
};

/// Fake-quantizes every tensor of `model` to `format` (with imatrix importance when `imatrix` is given)
/// and measures it. Throws Error(Cancelled) when `progress` returns false, Mismatch for an imatrix entry
/// whose size differs from the tensor's rows.
FormatErrorReport computeFormatError(const ModelFile& model, const FormatInfo& format,
                                     const ImatrixFile* imatrix = nullptr, const ProgressFn& progress = {});

/// One line per tensor plus a totals line.
std::string formatErrorText(const FormatErrorReport& report);
/// The report as JSON (numbers unrounded; ±Inf as strings "inf"/"-inf").
std::string formatErrorJson(const FormatErrorReport& report);

} // namespace qx
