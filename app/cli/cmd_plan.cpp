// `qexplore-cli plan MODEL (--preset NAME | --pure TYPE | --plan FILE) [-o plan.json]`: the per-tensor
// types of a quantization plan and why, the predicted file size, optionally saved as JSON.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"
#include "cli/plan_options.h"

#include "common/error.h"
#include "export/gguf_export.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <cstdio>

namespace qx::cli {
namespace {

PlanOptions parseArgs(const std::vector<std::string>& args, bool& json)
{
    PlanOptions options;
    CommandLine cl("plan", "MODEL (--preset NAME | --pure TYPE | --plan FILE) [options] [-o plan.json]",
                   "Prints the type llama-quantize's rules give each tensor, with the reason (rule, layer, fallback),\n"
                   "and the exact size of the GGUF file `qexplore-cli export` would write. Tensors whose rows fit no\n"
                   "block of the chosen type keep their stored type (llama-quantize would refuse the model).");
    addPlanOptions(cl, options);
    cl.addJson(json, "print the plan (the qexplore-plan document -o writes), general.file_type and the\n"
                     "predicted size as one JSON document on stdout (schema: docs/cli.md)");
    cl.parse(args);
    checkPlanOptions(options);
    return options;
}

void printPlan(const ModelFile& model, const Plan& plan, const PlanOptions& options)
{
    std::printf("# plan %s for %s\n", plan.preset.empty() ? "(custom)" : plan.preset.c_str(), model.path.c_str());
    for (const PlanEntry& e : plan.entries)
        std::printf("%-32s %-7s %s%s\n", e.tensor.c_str(), std::string(tensorTypeName(e.type)).c_str(),
                    e.pinned ? "[pinned] " : "", e.reason.c_str());
    const uint64_t size = predictExportSize(model, plan, exportOptionsFrom(options));
    if (const auto preset = presetFromName(options.preset); preset && presetNeedsImatrix(*preset) && options.imatrix.empty())
        std::printf("# note: llama-quantize refuses %s without an importance matrix (--imatrix); export will too\n",
                    options.preset.c_str());
    std::printf("# general.file_type %u, predicted GGUF size %llu bytes (%.2f MiB)\n", planFileType(model, plan),
                static_cast<unsigned long long>(size), double(size) / (1024.0 * 1024.0));
}

Json planJson(const ModelFile& model, const Plan& plan, const PlanOptions& options)
{
    Json doc = jsonDocument("plan");
    doc.update(Json{{"model", model.path}, {"file_type", planFileType(model, plan)},
                    {"file_bytes", predictExportSize(model, plan, exportOptionsFrom(options))}, {"plan", Json::parse(planToJson(plan))}});
    return doc;
}

int runPlan(const std::vector<std::string>& args)
{
    bool json = false;
    const PlanOptions options = parseArgs(args, json);
    const auto model = openModelArg(options.model);
    const Plan plan = makePlan(*model, options);
    if (json)
        printJson(planJson(*model, plan, options));
    else
        printPlan(*model, plan, options);
    if (!options.output.empty()) {
        savePlan(options.output, plan);
        note("plan: saved %s\n", options.output.c_str());
    }
    writePlanReportIfAsked(*model, plan, options);
    return 0;
}

const CliRegistrar registrar({"plan", "per-tensor quantization types (llama-quantize mixes) with reasons", &runPlan});

} // namespace
} // namespace qx::cli
