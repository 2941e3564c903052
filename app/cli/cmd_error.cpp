// `qexplore-cli error MODEL --format F [--imatrix FILE] [--json]`: per-tensor quantization error and size.
#include "cli/cli_command.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "quant/formats.h"
#include "quant/imatrix_file.h"
#include "stats/format_error.h"

#include <cstdio>
#include <optional>

namespace qx::cli {
namespace {

struct ErrorArgs {
    std::string path, format, imatrix;
    bool json = false;
};

ErrorArgs parseArgs(const std::vector<std::string>& args)
{
    ErrorArgs a;
    CommandLine cl("error", "MODEL --format FORMAT [--imatrix FILE] [--json]",
                   "Quantizes every matrix of MODEL to FORMAT (see `qexplore-cli formats`; GGUF types bit-exactly as\n"
                   "llama-quantize --pure) and prints per tensor: the format used (llama-quantize's fallback when the\n"
                   "rows do not fit), MSE, RMSE, SQNR dB, cosine similarity, max |error|, relative Frobenius error,\n"
                   "imatrix-weighted MSE, exact stored bytes and bits per weight; then totals. Vectors stay F32.");
    CLI::App& app = cl.app();
    cl.addModel(a.path);
    app.add_option("--format", a.format, "format name, e.g. Q4_K, IQ4_XS, \"INT4 g128 asym\"")->type_name("F")
        ->required();
    app.add_option("--imatrix", a.imatrix, "llama-imatrix .dat or GGUF: importance-weighted quantization and\n"
                                           "weighted MSE")->type_name("FILE");
    cl.addJson(a.json, "the report as one JSON document on stdout (schema: docs/cli.md)");
    cl.parse(args);
    return a;
}

int runError(const std::vector<std::string>& args)
{
    const ErrorArgs a = parseArgs(args);
    const FormatInfo* format = findFormat(a.format);
    if (!format)
        throw UsageError("unknown --format '" + a.format + "' (see qexplore-cli formats)");
    std::optional<ImatrixFile> imatrix;
    if (!a.imatrix.empty())
        imatrix = readImatrix(a.imatrix);
    const auto model = openModelArg(a.path);
    const FormatErrorReport report = computeFormatError(*model, *format, imatrix ? &*imatrix : nullptr);
    if (a.json) {
        printJson(jsonDocument("error", formatErrorJson(report)));
        return 0;
    }
    const std::string text = formatErrorText(report);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"error", "per-tensor quantization error and exact size for one format (--json)",
                             &runError});

} // namespace
} // namespace qx::cli
