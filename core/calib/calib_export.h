#pragma once
// Writing a calibrated model (GPTQ, AWQ, imatrix, RTN substitutions) as a GGUF file.
//
// The substituted tensors are F32 values that already lie on the target grid: GPTQ output on a ggml
// grid re-quantizes to itself (quant_grid.h), so writing them through quantizeRows in the planned type
// is lossless, and the file evaluates exactly like the in-memory model. Round-to-nearest output on a
// K-quant grid is NOT idempotent (quantize(dequantize(quantize(w))) can differ), so RTN, imatrix and AWQ
// export the float values they quantized (original or AWQ-scaled weights), not their fake-quantized form. AWQ's folded norms are F32 and
// written as such. Tensors without a substitution are written as exportGguf would (copied when kept in
// their stored type, otherwise decoded and re-quantized). Only GGUF sources are accepted (an HF folder's
// Q/K rows are permuted on export, which the substituted values do not know about).

#include "calib/awq.h"
#include "common/progress.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "quant/packed_tensor.h"

#include <set>
#include <string>

namespace qx {

/// A plan writing every substituted 2-D tensor in `type` (1-D ones, e.g. AWQ-scaled norms, in F32) and
/// every other tensor as stored.
Plan calibratedPlan(const ModelFile& model, const std::set<std::string>& calibrated, TensorType type);
/// calibratedPlan for the tensors of `subs`.
Plan calibratedPlan(const ModelFile& model, const Substitutions& subs, TensorType type);

/// Writes `model` by `plan` to `outPath`, taking the tensors in `subs` from their F32 values, quantized
/// with `importance[name]` when given (an imatrix export: the original weights and their importance), and
/// the tensors in `packed` from their blocks (copied when the plan keeps their type, else re-quantized). Throws
/// Error(Unsupported) for non-GGUF sources, Error(InvalidArgument) when outPath is the input or a
/// substitution's size differs from its tensor, Error(Mismatch) for a plan that does not fit, Error(Io) on
/// write failures, Error(Cancelled). Writes to OUT.partial and renames, so a failure leaves nothing.
ExportResult exportCalibrated(const ModelFile& model, const Plan& plan, const Substitutions& subs,
                              const std::string& outPath, const Substitutions& importance = {},
                              const ProgressFn& progress = {}, const PackedTensors& packed = {});

/// Largest |a − b| between the substituted (and packed) values and the tensors of the GGUF at `path`
/// (0 = lossless; a packed tensor whose blocks the file holds byte for byte counts 0 without decoding).
double maxExportDeviation(const std::string& path, const Substitutions& subs, const PackedTensors& packed = {});

} // namespace qx
