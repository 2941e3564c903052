#pragma once
// What the tensor views show for one tensor and one candidate format, computed in one call off the UI thread:
// the core's statistics of the original weights, the round trip (quantize → dequantize) kept compact for
// re-binning and block grids (RoundTripStore), and the core's error metrics of it, whole-tensor and per row.
// A candidate is a qx::Format: a GGUF storage type llama-quantize can write (qx::canQuantize) or a non-GGUF
// scheme (fake-quantized), of the catalog or a custom uniform scheme.

#include "common/progress.h"
#include "io/model_file.h"
#include "quant/imatrix_file.h"
#include "quant/format.h"
#include "quant/scheme_choice.h"
#include "stats/error_metrics.h"
#include "stats/tensor_stats.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx::ui {

struct CandidateFormat {
    Format format = TensorType::Q8_0;
    /// The importance matrix a GGUF type's round trip takes each tensor's column weights from, as
    /// llama-quantize --imatrix does (IQ2_XXS, IQ2_XS and IQ1_S cannot round-trip without it); may be null.
    std::shared_ptr<const ImatrixFile> imatrix;
    /// Display name ("Q4_K", "INT4 g128 sym", "INT3 asym g64 f16 mse").
    std::string name() const { return format.name(); }
    bool operator==(const CandidateFormat&) const = default;
};

/// The importance `format` quantizes `tensor` with: its imatrix entry (rowLength values), or empty.
std::vector<float> importanceFor(const CandidateFormat& format, const TensorInfo& tensor);

/// Every candidate: the quantizable GGUF types in id order, then the scheme catalog.
std::vector<CandidateFormat> candidateFormats();
/// The candidate named `name`, or the first one (Q4_0) when none is.
CandidateFormat candidateByName(const std::string& name);
/// The candidate of a non-GGUF scheme (named schemeChoiceName).
CandidateFormat candidateOf(const SchemeChoice& scheme);

/// Round trip of row-major `values` (rows of rowLength) through `format`, GGUF types with `importance`
/// (importanceFor). Throws InvalidArgument when the row length is not a multiple of the format's block size
/// or a type that needs importance gets none. `progress` can cancel scheme round trips (Error(Cancelled));
/// GGUF types ignore it.
std::vector<float> roundTrip(const CandidateFormat& format, std::span<const float> values, int64_t rowLength,
                             const ProgressFn& progress = {}, std::span<const float> importance = {});

struct RowError {
    double sqnrDb = 0.0;
    double relativeError = 0.0;  ///< ||e|| / ||x|| of the row
};

/// max |w| over cells of a down-sampled rows × columns grid (row-major, rows = tensor rows).
struct AbsHeatmap {
    int rows = 0, columns = 0;
    int64_t rowsPerCell = 1, columnsPerCell = 1;
    std::vector<float> maxAbs;      ///< rows · columns cells
    float maxValue = 0.0f;
};

class RoundTripStore;

struct TensorAnalysis {
    std::string tensorName;
    CandidateFormat format;
    TensorStats stats;              ///< computeTensorStats of the stored tensor, default options
    TensorError error;              ///< compareTensors(original, round trip)
    std::vector<RowError> rows;     ///< one per row
    double clipLo = 0.0, clipHi = 0.0; ///< smallest and largest round-tripped value (the representable range)
    int64_t maxRow = 0, maxColumn = 0; ///< where the largest |w| sits (its block has the widest grid)
    AbsHeatmap heatmap;
    /// The round trip, compact (GGUF blocks or the scheme's values): re-binned and gridded by the views.
    std::shared_ptr<const RoundTripStore> store;
    /// The whole round trip, kept only for tensor-wide schemes (one row cannot be redone alone); else null.
    std::shared_ptr<const std::vector<float>> wholeRoundTrip;
};

/// True when `format`'s round trip of a row depends on other rows (per-tensor scales).
bool isTensorWide(const CandidateFormat& format);
/// Statistics of the stored tensor as the views use them (default StatsOptions, 32 top outliers).
TensorStats viewStats(const TensorInfo& tensor, const ProgressFn& progress = {});
/// Quick statistics of every `stride`-th row (histogram, moments; no channel maps, no outliers): the
/// preview drawn while the exact statistics of a large tensor are computed. stride = ceil(count / maxValues)
/// rows, so about maxValues values are read. `strideOut` receives the stride.
TensorStats previewStats(const TensorInfo& tensor, int64_t maxValues, int64_t& strideOut,
                         const ProgressFn& progress = {});
/// Round-trip part of the analysis, given the tensor's statistics. Cancellable through `progress`.
TensorAnalysis analyzeRoundTrip(const TensorInfo& tensor, const CandidateFormat& format, TensorStats stats,
                                const ProgressFn& progress = {});
/// Statistics and round-trip error of `tensor` for `format`. Cancellable through `progress`.
TensorAnalysis analyzeTensor(const TensorInfo& tensor, const CandidateFormat& format, const ProgressFn& progress = {});
/// Down-samples |values| (rows of rowLength) to at most maxCells × maxCells cells of max |w|.
AbsHeatmap absHeatmap(std::span<const float> values, int64_t rowLength, int maxCells = 256);
/// Original and round-tripped values of tensor row `row` (rowLength each). Uses analysis.wholeRoundTrip
/// when set, else round-trips the row alone (exact for row-wise formats).
void valuesOfRow(const TensorInfo& tensor, const CandidateFormat& format, const TensorAnalysis* analysis,
                 int64_t row, std::vector<float>& original, std::vector<float>& rebuilt);

} // namespace qx::ui

namespace qx::ui {

/// Round-trip error of one tensor of a layer, for the model-wide Layers view.
struct LayerTensorError {
    std::string name;       ///< e.g. "blk.3.ffn_down.weight"
    int layer = -1;         ///< N of "blk.N."
    std::string tensorClass;  ///< e.g. "ffn_down"
    double sqnrDb = 0.0;
    double relativeError = 0.0;
    std::string format;     ///< the round trip's format ("Q4_K", a scheme name); empty when not recorded
};

/// The tensor classes the Layers view draws, one series each.
const std::vector<std::string>& layerTensorClasses();

/// Round-trip error (compareTensors) of every blk.N.<class>.weight tensor of `model` for `format`, in file
/// order; tensors the format cannot hold (row length not a multiple of its block) are skipped.
std::vector<LayerTensorError> analyzeLayers(const ModelFile& model, const CandidateFormat& format,
                                            const ProgressFn& progress = {});
/// Splits "blk.N.<class>.weight" into N and one of layerTensorClasses(); false for any other name.
bool parseLayerTensorName(const std::string& name, int& layer, std::string& tensorClass);

} // namespace qx::ui
