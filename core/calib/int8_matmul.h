#pragma once
// W8A8 fake quantization and LLM.int8 (Dettmers et al. 2022).
//
// Activations: per token (row) symmetric int8, step absmax/127, round half away from zero.
// Weights: per output row symmetric int8, step absmax/127 (the "vector-wise" quantization).
// LLM.int8 splits the input columns: those holding any |x| ≥ threshold (6.0) are "outliers" and multiply
// in float with the matching weight columns; the rest go through the int8 product. For the model-level
// evaluation the outlier columns of each layer are fixed from calibration (maxAbs ≥ threshold), so the
// weights can be fake-quantized once; llmInt8Matmul is the per-batch reference of the decomposition.

#include "calib/awq.h"
#include "calib/calib_capture.h"
#include "model/llama_forward.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// Per-row int8 fake quantization of `rows` rows of `cols`, in place; columns with keepFloat[j] != 0 stay
/// float and do not count towards the absmax. keepFloat empty = quantize every column.
void fakeQuantRowsInt8(float* x, int64_t rows, int64_t cols, std::span<const uint8_t> keepFloat = {});

/// The same quantization held as codes: rows of `cols` values as a PackedTensor of type I8 with one step per
/// row, `keepFloat` columns kept as float; unpack() gives fakeQuantRowsInt8's values bit for bit.
PackedTensor packInt8Rows(std::span<const float> values, int64_t cols, std::span<const uint8_t> keepFloat = {});

/// y = x·Wᵀ (rows × w.rows) the LLM.int8 way: outlier columns (any |x| ≥ threshold) in float, the rest as
/// an int32 product of int8 codes scaled by the row steps. `outliers` receives the outlier columns.
std::vector<float> llmInt8Matmul(const float* x, int64_t rows, int64_t cols, const WeightView& w, float threshold,
                                 std::vector<int64_t>* outliers = nullptr);

/// Columns kept in float, per linear layer.
using ColumnMasks = std::map<std::string, std::vector<uint8_t>>;

/// Error(InvalidArgument) unless SmoothQuant's α lies in [0, 1] (smoothQuant) or LLM.int8's threshold is
/// positive (otherwise).
void checkW8A8Settings(bool smoothQuant, double alpha, float threshold);

/// Outlier columns of one layer's input: maxAbs ≥ threshold.
std::vector<uint8_t> outlierMask(const LayerCalib& calib, float threshold);
/// Outlier columns of every calibrated layer.
ColumnMasks outlierColumns(const CalibData& calib, float threshold = 6.0f);
/// "blk.0.attn_q.weight   outlier columns (|x| >= 6.0): 3 17" (or ": none").
std::string outlierNote(const std::string& layer, std::span<const uint8_t> mask, float threshold);

/// Int8 per-row fake-quantized weights of every blk.* linear layer (taking the values in `base` when
/// given, e.g. SmoothQuant-folded ones), with `keep` columns left float.
Substitutions int8Weights(const LlamaWeights& weights, const Substitutions& base = {}, const ColumnMasks& keep = {});

/// The activation transform for a W8A8 evaluation: per-token int8 on every blk.* linear input, `keep`
/// columns untouched. Install with LlamaForward::setActivationTransform.
ActivationTransform int8ActivationTransform(std::shared_ptr<const ColumnMasks> keep);

} // namespace qx
