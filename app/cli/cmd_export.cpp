// `qexplore-cli export MODEL (--plan P | --preset NAME | --pure TYPE) [--imatrix F] -o OUT.gguf`:
// writes the model as GGUF by the plan, with progress on stderr.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"
#include "cli/plan_options.h"

#include "common/error.h"
#include "export/gguf_export.h"
#include "plan/presets.h"

#include <chrono>
#include <cstdio>

namespace qx::cli {
namespace {

struct ExportArgs {
    PlanOptions plan;
    bool llamaOrder = false, printLlamaQuantize = false, json = false;
};

ExportArgs parseArgs(const std::vector<std::string>& args)
{
    ExportArgs a;
    CommandLine cl("export", "MODEL (--plan P | --preset NAME | --pure TYPE) [options] -o OUT.gguf",
                   "Writes MODEL (GGUF, safetensors, a Hugging Face folder or a llama2.c checkpoint) as a GGUF v3 file,\n"
                   "each tensor in its planned type, quantized bit-exactly as llama-quantize (b4748) does. The file is\n"
                   "written beside OUT under a temporary name (every part of a split export too), re-opened and\n"
                   "verified, and only then renamed to OUT (all parts together). As with llama-quantize, a\n"
                   "block-quantized input is refused unless --allow-requantize is given.");
    addPlanOptions(cl, a.plan);
    cl.app().add_flag("--llama-order", a.llamaOrder, "tensors in llama-quantize's order (outside blk.N, then by layer,\n"
                                                     "by name) instead of the source's");
    cl.app().add_flag("--print-llama-quantize", a.printLlamaQuantize,
                      "print the equivalent llama-quantize command line and exit\n"
                      "(per-tensor overrides use --tensor-type, newer than b4748)");
    cl.addJson(a.json, "print what was written (or the llama-quantize command line) as one JSON document\n"
                       "on stdout (schema: docs/cli.md)");
    cl.setFooter("Ctrl-C cancels: exit code 130, and no temporary file is left and OUT is untouched.");
    cl.parse(args);
    checkPlanOptions(a.plan);
    if (a.plan.output.empty() && !a.printLlamaQuantize)
        throw UsageError("-o OUT.gguf is required");
    return a;
}

/// The llama-quantize command line; --tensor-type (per-tensor overrides) needs a llama-quantize newer than b4748.
int printLlamaQuantize(const ModelFile& model, const Plan& plan, const std::string& output, bool json)
{
    const std::string command = llamaQuantizeCommand(model, plan, output.empty() ? "OUT.gguf" : output);
    const bool tensorType = command.find(" --tensor-type ") != std::string::npos;
    if (json) {
        Json doc = jsonDocument("export");
        doc.update(Json{{"llama_quantize", command}, {"needs_tensor_type", tensorType}});
        printJson(doc);
    } else {
        std::printf("%s\n", command.c_str());
    }
    if (tensorType)
        note("export: --tensor-type is newer than llama.cpp b4748, whose llama-quantize does not know it\n");
    return 0;
}

int runExport(const std::vector<std::string>& args)
{
    const ExportArgs a = parseArgs(args);
    const auto model = openModelArg(a.plan.model);
    const Plan plan = makePlan(*model, a.plan);
    if (a.printLlamaQuantize)
        return printLlamaQuantize(*model, plan, a.plan.output, a.json);
    ExportOptions exportOptions = exportOptionsFrom(a.plan);
    exportOptions.llamaQuantizeOrder = a.llamaOrder;
    const auto start = std::chrono::steady_clock::now();
    note("export: writing %s\n", a.plan.output.c_str());
    const ExportResult r = exportGguf(*model, plan, a.plan.output, exportOptions, progressPrinter("export"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (a.json) {
        Json doc = jsonDocument("export");
        doc.update(Json{{"model", a.plan.model}, {"output", a.plan.output}, {"files", r.files},
                        {"file_bytes", r.fileBytes}, {"converted_tensors", r.quantizedTensors},
                        {"copied_tensors", r.copiedTensors}, {"file_type", planFileType(*model, plan)},
                        {"seconds", seconds}});
        printJson(doc);
    } else {
        for (size_t i = 0; i + 1 < r.files.size(); ++i)
            std::printf("wrote %s\n", r.files[i].c_str());
        std::printf("wrote %s: %llu bytes%s, %d tensors converted, %d copied, general.file_type %u, %.2f s\n",
                    r.files.empty() ? a.plan.output.c_str() : r.files.back().c_str(),
                    static_cast<unsigned long long>(r.fileBytes), r.files.size() > 1 ? " in all parts" : "",
                    r.quantizedTensors, r.copiedTensors, planFileType(*model, plan), seconds);
    }
    writePlanReportIfAsked(*model, plan, a.plan);
    return 0;
}

const CliRegistrar registrar({"export", "write a model as GGUF by a plan, preset or pure type", &runExport});

} // namespace
} // namespace qx::cli
