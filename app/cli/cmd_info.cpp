// `qexplore-cli info MODEL [--json]`: metadata, tensor table and totals of a model file.
#include "cli/cli_command.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "io/model_summary.h"

#include <cstdio>

namespace qx::cli {
namespace {

int runInfo(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        std::printf("Usage: qexplore-cli info MODEL [--json]\n\n"
                    "Prints what a model file holds: its metadata (arrays shortened to element type, count and\n"
                    "first elements), every tensor (name, shape, type, bytes, bits per weight) and totals.\n\n"
                    "  --json   print the same as a JSON document\n");
        return 0;
    }
    std::string path;
    bool asJson = false;
    for (const auto& a : args) {
        if (a == "--json")
            asJson = true;
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "qexplore-cli info: unknown option '%s'\n", a.c_str());
            return 2;
        } else if (path.empty())
            path = a;
        else {
            std::fprintf(stderr, "qexplore-cli info: only one MODEL may be given\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "qexplore-cli info: MODEL missing (see --help)\n");
        return 2;
    }
    const auto model = openModelArg(path);
    const std::string text = asJson ? modelInfoJson(*model) : modelInfoText(*model);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"info", "show a model's metadata, tensors and totals (--json for JSON)", &runInfo});

} // namespace
} // namespace qx::cli
