// `qexplore-cli export MODEL (--plan P | --preset NAME | --pure TYPE) [--imatrix F] -o OUT.gguf`:
// writes the model as GGUF by the plan, with progress on stderr.
#include "cli/cli_command.h"
#include "cli/model_arg.h"
#include "cli/plan_options.h"

#include "common/error.h"
#include "export/gguf_export.h"
#include "plan/presets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace qx::cli {
namespace {

void printUsage()
{
    std::printf("Usage: qexplore-cli export MODEL (--plan P | --preset NAME | --pure TYPE) [options] -o OUT.gguf\n\n"
                "Writes MODEL (GGUF, safetensors, a Hugging Face folder or a llama2.c checkpoint) as a GGUF v3 file,\n"
                "each tensor in its planned type, quantized bit-exactly as llama-quantize (b4748) does. The file is\n"
                "written beside OUT as OUT.partial and renamed when complete, then re-opened and verified.\n\n"
                "%s"
                "  --llama-order                tensors in llama-quantize's order (outside blk.N, then by layer,\n"
                "                               by name) instead of the source's\n"
                "  --print-llama-quantize       print the equivalent llama-quantize command line and exit\n"
                "                               (per-tensor overrides use --tensor-type, newer than b4748)\n"
                "  -h, --help                   this text\n",
                planOptionsHelp());
}

bool hasFlag(const PlanOptions& o, const char* flag)
{
    return std::find(o.flags.begin(), o.flags.end(), flag) != o.flags.end();
}

/// Prints "export: NN%" on stderr whenever the percentage changes.
ProgressFn progressPrinter()
{
    return [lastPercent = -1](double f) mutable {
        const int percent = int(f * 100.0);
        if (percent != lastPercent) {
            std::fprintf(stderr, "\rexport: %3d%%", percent);
            lastPercent = percent;
        }
        return true;
    };
}

int runExport(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printUsage();
        return 0;
    }
    const auto options = parsePlanOptions("export", args, {"--llama-order", "--print-llama-quantize"});
    if (!options)
        return 2;
    try {
        const auto model = openModelArg(options->model);
        const Plan plan = makePlan(*model, *options);
        if (hasFlag(*options, "--print-llama-quantize")) {
            const std::string out = options->output.empty() ? "OUT.gguf" : options->output;
            std::printf("%s\n", llamaQuantizeCommand(*model, plan, out).c_str());
            return 0;
        }
        if (options->output.empty()) {
            std::fprintf(stderr, "export: -o OUT.gguf is required (see --help)\n");
            return 2;
        }
        ExportOptions exportOptions;
        exportOptions.llamaQuantizeOrder = hasFlag(*options, "--llama-order");
        const auto start = std::chrono::steady_clock::now();
        const ExportResult r = exportGguf(*model, plan, options->output, exportOptions, progressPrinter());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "\n");
        std::printf("wrote %s: %llu bytes, %d tensors converted, %d copied, general.file_type %u, %.2f s\n",
                    options->output.c_str(), static_cast<unsigned long long>(r.fileBytes), r.quantizedTensors,
                    r.copiedTensors, planFileType(*model, plan), seconds);
        writePlanReportIfAsked(*model, plan, *options);
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "\nexport: %s\n", e.what());
        return 1;
    }
}

const CliRegistrar registrar({"export", "write a model as GGUF by a plan, preset or pure type", &runExport});

} // namespace
} // namespace qx::cli
