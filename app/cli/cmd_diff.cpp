// `qexplore-cli diff A B [--json] [--threads N]`: what differs between two models, tensor by tensor.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"

#include "common/error.h"
#include "compare/diff_report.h"
#include "io/model_file.h"

#include <cstdio>

namespace qx::cli {
namespace {

struct DiffArgs {
    std::string pathA, pathB;
    bool json = false;
    DiffOptions options;
};

DiffArgs parseArgs(const std::vector<std::string>& args)
{
    DiffArgs a;
    CommandLine cl("diff", "A B [--json] [--threads N]",
                   "Compares model B with model A (any containers: GGUF, safetensors, Hugging Face folder, llama2.c).\n"
                   "Metadata: keys removed, changed and added (long arrays as length and hash). Tensors, matched by\n"
                   "their GGUF name (Hugging Face names mapped): type, bytes and bits per weight in A and B and, where\n"
                   "the shapes agree, the error of B against A once both are decoded — SQNR dB, relative error, max\n"
                   "|B - A|, cosine similarity — or \"identical\" when the bytes are equal; tensors only in A or only in\n"
                   "B. Then totals per layer, per tensor class and for the model. Models of different architectures\n"
                   "or hyper-parameters get the metadata difference and exit code 1.");
    CLI::App& app = cl.app();
    app.add_option("A", a.pathA, "the reference model")->type_name("A")->required();
    app.add_option("B", a.pathB, "the model compared with A")->type_name("B")->required();
    cl.addJson(a.json, "the comparison as JSON (schema in docs/compare.md)");
    cl.addThreads(a.options.threads, "worker threads (default: all cores)");
    cl.parse(args);
    return a;
}

int runDiff(const std::vector<std::string>& args)
{
    const DiffArgs a = parseArgs(args);
    const auto modelA = openModel(a.pathA);
    const auto modelB = openModel(a.pathB);
    note("diff: %zu tensors of %s against %zu of %s\n", modelB->tensors.size(), modelB->path.c_str(),
         modelA->tensors.size(), modelA->path.c_str());
    const ModelDiff diff = diffModels(*modelA, *modelB, a.options, progressPrinter("diff"));
    if (a.json) {
        printJson(jsonDocument("diff", modelDiffJson(diff)));
    } else {
        const std::string text = modelDiffText(diff);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
    }
    if (diff.refusal != DiffRefusal::None)
        throw Error(ErrorCode::Mismatch, "tensors not compared: the models differ in " + diff.refusalDetail);
    return 0;
}

const CliRegistrar registrar({"diff", "compare two models: metadata, per-tensor types, sizes and error of B against A",
                              &runDiff});

} // namespace
} // namespace qx::cli
