// `qexplore-cli info MODEL [--json]`: metadata, tensor table and totals of a model file.
#include "cli/cli_command.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "io/model_summary.h"

#include <cstdio>

namespace qx::cli {
namespace {

int runInfo(const std::vector<std::string>& args)
{
    std::string path;
    bool asJson = false;
    CommandLine cl("info", "MODEL [--json]",
                   "Prints what a model file holds: its metadata (arrays shortened to element type, count and\n"
                   "first elements), every tensor (name, shape, type, bytes, bits per weight) and totals.");
    cl.addModel(path);
    cl.addJson(asJson, "print the same as one JSON document on stdout (schema: docs/cli.md)");
    cl.parse(args);
    const auto model = openModelArg(path);
    if (asJson) {
        printJson(jsonDocument("info", modelInfoJson(*model)));
        return 0;
    }
    const std::string text = modelInfoText(*model);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"info", "show a model's metadata, tensors and totals (--json for JSON)", &runInfo});

} // namespace
} // namespace qx::cli
