// `qexplore-cli error MODEL --format F [--imatrix FILE] [--json]`: per-tensor quantization error and size.
#include "cli/cli_command.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "quant/formats.h"
#include "quant/imatrix_file.h"
#include "stats/format_error.h"

#include <cstdio>
#include <optional>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf("Usage: qexplore-cli error MODEL --format FORMAT [--imatrix FILE] [--json]\n\n"
                "Quantizes every matrix of MODEL to FORMAT (see `qexplore-cli formats`; GGUF types bit-exactly as\n"
                "llama-quantize --pure) and prints per tensor: the format used (llama-quantize's fallback when the\n"
                "rows do not fit), MSE, RMSE, SQNR dB, cosine similarity, max |error|, relative Frobenius error,\n"
                "imatrix-weighted MSE, exact stored bytes and bits per weight; then totals. Vectors stay F32.\n\n"
                "  --format F      format name, e.g. Q4_K, IQ4_XS, \"INT4 g128 asym\"\n"
                "  --imatrix FILE  llama-imatrix .dat or GGUF: importance-weighted quantization and weighted MSE\n"
                "  --json          the report as JSON\n");
}

struct ErrorArgs {
    std::string path, format, imatrix;
    bool json = false;
};

int parse(const std::vector<std::string>& args, ErrorArgs& out)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            out.json = true;
        } else if ((a == "--format" || a == "--imatrix") && i + 1 >= args.size()) {
            std::fprintf(stderr, "qexplore-cli error: %s needs a value\n", a.c_str());
            return 2;
        } else if (a == "--format") {
            out.format = args[++i];
        } else if (a == "--imatrix") {
            out.imatrix = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "qexplore-cli error: unknown option '%s'\n", a.c_str());
            return 2;
        } else if (out.path.empty()) {
            out.path = a;
        } else {
            std::fprintf(stderr, "qexplore-cli error: only one MODEL may be given\n");
            return 2;
        }
    }
    if (out.path.empty() || out.format.empty()) {
        std::fprintf(stderr, "qexplore-cli error: MODEL and --format are required (see --help)\n");
        return 2;
    }
    return 0;
}

int runError(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    ErrorArgs a;
    if (const int rc = parse(args, a))
        return rc;
    const FormatInfo* format = findFormat(a.format);
    if (!format) {
        std::fprintf(stderr, "qexplore-cli error: unknown format '%s' (see qexplore-cli formats)\n", a.format.c_str());
        return 2;
    }
    std::optional<ImatrixFile> imatrix;
    if (!a.imatrix.empty())
        imatrix = readImatrix(a.imatrix);
    const auto model = openModelArg(a.path);
    const FormatErrorReport report = computeFormatError(*model, *format, imatrix ? &*imatrix : nullptr);
    const std::string text = a.json ? formatErrorJson(report) : formatErrorText(report);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"error", "per-tensor quantization error and exact size for one format (--json)",
                             &runError});

} // namespace
} // namespace qx::cli
