#pragma once
// A plan report: per tensor the planned type, bits/weight, bytes, reason and the error of its
// quantize->dequantize round trip; totals; and, when given, evaluation results (PPL, KLD). Rendered as
// Markdown, CSV or JSON for the CLI (`plan --report`) and the GUI alike.
//
// Units: bytes are tensor data bytes in the planned type (GGUF padding excluded; fileBytes is the exact
// exported file size). Bits/weight = bytes·8 / elements. SQNR in dB (+inf for an exact tensor);
// relative error = ‖w − q(w)‖ / ‖w‖ (Frobenius). Totals pool the errors over all tensors (Σe² / Σx²).

#include "common/progress.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "quant/imatrix_file.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qx {

struct PlanReportRow {
    std::string tensor;
    std::vector<int64_t> ne;
    TensorType storedType = TensorType::F32;
    TensorType type = TensorType::F32;   ///< planned
    uint64_t elements = 0;
    uint64_t bytes = 0;
    double bitsPerWeight = 0.0;
    std::string reason;
    bool pinned = false;
    bool measured = false;               ///< errors below computed (false: report built without errors)
    double sqnrDb = 0.0;
    double relativeError = 0.0;
    double signalEnergy = 0.0;           ///< Σw²
    double noiseEnergy = 0.0;            ///< Σ(w − q(w))²
    bool operator==(const PlanReportRow&) const = default;
};

/// Evaluation results to include (e.g. from `qexplore-cli ppl --plan`); unset members are left out.
struct ReportEvaluation {
    std::optional<double> ppl, pplError, meanKld, meanKldError;
    std::string description;             ///< what was evaluated, e.g. "40 chunks of 128 tokens"
    bool operator==(const ReportEvaluation&) const = default;
};

struct PlanReport {
    std::string model;
    std::string preset;                  ///< plan.preset ("" = custom)
    std::string imatrix;
    std::vector<PlanReportRow> rows;     ///< plan order
    uint64_t elements = 0, tensorBytes = 0, fileBytes = 0;
    double bitsPerWeight = 0.0;          ///< tensorBytes·8 / elements
    double sqnrDb = 0.0, relativeError = 0.0;   ///< pooled over all tensors (when errors were computed)
    std::optional<ReportEvaluation> evaluation;
    bool operator==(const PlanReport&) const = default;
};

/// Builds the report; with `withErrors` every tensor whose type changes is round-tripped (with `imatrix`
/// importance when given) and compared with the original (tensors kept as stored have zero error).
/// Throws Error(Mismatch) when the plan does not fit the model, Error(Cancelled) on cancellation.
PlanReport buildPlanReport(const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix, bool withErrors,
                           const ProgressFn& progress = {});

/// Reads PPL and mean KLD (with their ±) from the output of `qexplore-cli ppl` / llama-perplexity
/// ("Final estimate: PPL = … +/- …", "Mean PPL(Q) : … ± …", "Mean    KLD: … ± …"); nullopt when none.
std::optional<ReportEvaluation> parsePerplexityOutput(const std::string& text);

std::string planReportMarkdown(const PlanReport& report);   ///< a summary, then a table per tensor
std::string planReportCsv(const PlanReport& report);        ///< header row, one row per tensor, a TOTAL row
std::string planReportJson(const PlanReport& report);       ///< numbers unrounded; ±inf as "inf"/"-inf"

} // namespace qx
