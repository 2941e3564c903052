// `qexplore-cli plan MODEL (--preset NAME | --pure TYPE | --plan FILE) [-o plan.json]`: the per-tensor
// types of a quantization plan and why, the predicted file size, optionally saved as JSON.
#include "cli/cli_command.h"
#include "cli/model_arg.h"
#include "cli/plan_options.h"

#include "common/error.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <cstdio>

namespace qx::cli {
namespace {

void printUsage()
{
    std::printf("Usage: qexplore-cli plan MODEL (--preset NAME | --pure TYPE | --plan FILE) [options] [-o plan.json]\n\n"
                "Prints the type llama-quantize's rules give each tensor, with the reason (rule, layer, fallback),\n"
                "and the exact size of the GGUF file `qexplore-cli export` would write. Tensors whose rows fit no\n"
                "block of the chosen type keep their stored type (llama-quantize would refuse the model).\n\n"
                "%s"
                "  -h, --help                   this text\n",
                planOptionsHelp());
}

int runPlan(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printUsage();
        return 0;
    }
    const auto options = parsePlanOptions("plan", args, {});
    if (!options)
        return 2;
    try {
        const auto model = openModelArg(options->model);
        const Plan plan = makePlan(*model, *options);
        std::printf("# plan %s for %s\n", plan.preset.empty() ? "(custom)" : plan.preset.c_str(), model->path.c_str());
        for (const PlanEntry& e : plan.entries)
            std::printf("%-32s %-7s %s%s\n", e.tensor.c_str(), std::string(tensorTypeName(e.type)).c_str(),
                        e.pinned ? "[pinned] " : "", e.reason.c_str());
        const uint64_t size = predictedFileSize(*model, plan);
        std::printf("# general.file_type %u, predicted GGUF size %llu bytes (%.2f MiB)\n", planFileType(*model, plan),
                    static_cast<unsigned long long>(size), double(size) / (1024.0 * 1024.0));
        if (!options->output.empty()) {
            savePlan(options->output, plan);
            std::fprintf(stderr, "plan: saved %s\n", options->output.c_str());
        }
        writePlanReportIfAsked(*model, plan, *options);
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "plan: %s\n", e.what());
        return 1;
    }
}

const CliRegistrar registrar({"plan", "per-tensor quantization types (llama-quantize mixes) with reasons", &runPlan});

} // namespace
} // namespace qx::cli
