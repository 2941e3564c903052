#pragma once
// Options shared by `qexplore-cli plan` and `qexplore-cli export`: where the plan comes from
// (--plan FILE, --preset NAME, --pure TYPE), the imatrix, and llama-quantize's type overrides.

#include "io/model_file.h"
#include "plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace qx::cli {

struct PlanOptions {
    std::string model;
    std::string planFile, preset, pure, imatrix, output;
    std::string outputTensorType, tokenEmbeddingType;
    std::string report;                      ///< --report FILE (.md, .csv or .json)
    std::string evalFile;                    ///< --eval FILE: saved output of `qexplore-cli ppl --plan`
    std::vector<std::string> flags;          ///< command-specific switches that were given (e.g. "--llama-order")
};

/// Parses args; `switches` are the command's own flag names. Returns nullopt after printing an error
/// (prefixed by `command`) for unknown options or missing values.
std::optional<PlanOptions> parsePlanOptions(const std::string& command, const std::vector<std::string>& args,
                                            const std::vector<std::string>& switches);

/// The plan the options ask for (loaded, preset or pure), with the imatrix path set. Throws qx::Error.
Plan makePlan(const ModelFile& model, const PlanOptions& options);

/// Writes the plan report when --report was given (format by extension; per-tensor round-trip errors
/// computed with the plan's imatrix; --eval's PPL/KLD included). Throws qx::Error.
void writePlanReportIfAsked(const ModelFile& model, const Plan& plan, const PlanOptions& options);

/// Help text of the shared options.
const char* planOptionsHelp();

} // namespace qx::cli
