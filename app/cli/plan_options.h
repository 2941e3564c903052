#pragma once
// Options shared by `qexplore-cli plan` and `qexplore-cli export`: where the plan comes from
// (--plan FILE, --preset NAME, --pure TYPE), the imatrix, and llama-quantize's type overrides.

#include "cli/command_line.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "plan/plan.h"

#include <string>
#include <vector>

namespace qx::cli {

struct PlanOptions {
    std::string model;
    std::string planFile, preset, pure, imatrix, output;
    std::string outputTensorType, tokenEmbeddingType;
    std::string report;                      ///< --report FILE (.md, .csv or .json)
    std::string evalFile;                    ///< --eval FILE: saved output of `qexplore-cli ppl --plan`
    bool allowRequantize = false, leaveOutputTensor = false, keepSplit = false;   ///< llama-quantize's switches
    std::vector<std::string> includeWeights, excludeWeights, overrideKv;         ///< repeatable llama-quantize options
    std::string splitMaxSize;                ///< --split-max-size N(M|G)
};

/// Declares MODEL and the shared options on `cl`.
void addPlanOptions(CommandLine& cl, PlanOptions& options);
/// After parsing: exactly one plan source, else UsageError.
void checkPlanOptions(const PlanOptions& options);

/// llama-quantize's export options from the parsed flags (--allow-requantize, --include/--exclude-weights,
/// --override-kv, --keep-split, --split-max-size). Throws qx::Error for malformed values.
ExportOptions exportOptionsFrom(const PlanOptions& options);

/// The plan the options ask for (loaded, preset or pure), with the imatrix path set. Throws qx::Error.
Plan makePlan(const ModelFile& model, const PlanOptions& options);

/// Writes the plan report when --report was given (format by extension; per-tensor round-trip errors
/// computed with the plan's imatrix; --eval's PPL/KLD included). Throws qx::Error.
void writePlanReportIfAsked(const ModelFile& model, const Plan& plan, const PlanOptions& options);


} // namespace qx::cli
