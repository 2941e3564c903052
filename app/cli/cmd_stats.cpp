// `qexplore-cli stats MODEL [--tensor REGEX] [--json]`: per-tensor weight statistics.
#include "cli/cli_command.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "stats/stats_report.h"

#include <cstdio>
#include <cstdlib>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf("Usage: qexplore-cli stats MODEL [--tensor REGEX] [--json] [--sigma K] [--centered] [--threads N]\n\n"
                "Computes weight statistics of every tensor (or those whose name matches REGEX): one line per\n"
                "tensor with shape, type, mean, standard deviation, absolute maximum, excess kurtosis and the\n"
                "number of outliers |w| > K·sigma. Tensors of types that cannot be decoded yet are listed as such.\n\n"
                "  --tensor REGEX  only tensors whose name contains a match of REGEX (ECMAScript syntax)\n"
                "  --json          everything as JSON: moments, histograms (linear and log10|w|), per-row and\n"
                "                  per-column absmax/RMS, outlier list with coordinates\n"
                "  --sigma K       outlier threshold in standard deviations (default 6)\n"
                "  --centered      count outliers as |w - mean| > K·sigma (for norm weights, whose mean is not 0)\n"
                "  --threads N     worker threads (default: all cores)\n");
}

struct StatsArgs {
    std::string path, regex;
    bool json = false;
    StatsOptions options;
};

// Returns 0 when the arguments are valid, else the exit code (2) after printing the problem.
int parse(const std::vector<std::string>& args, StatsArgs& out)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "--json") {
            out.json = true;
        } else if (a == "--centered") {
            out.options.outlierCentered = true;
        } else if ((a == "--tensor" || a == "--sigma" || a == "--threads") && !hasValue) {
            std::fprintf(stderr, "qexplore-cli stats: %s needs a value\n", a.c_str());
            return 2;
        } else if (a == "--tensor") {
            out.regex = args[++i];
        } else if (a == "--sigma") {
            out.options.outlierSigma = std::atof(args[++i].c_str());
        } else if (a == "--threads") {
            out.options.threads = std::atoi(args[++i].c_str());
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "qexplore-cli stats: unknown option '%s'\n", a.c_str());
            return 2;
        } else if (out.path.empty()) {
            out.path = a;
        } else {
            std::fprintf(stderr, "qexplore-cli stats: only one MODEL may be given\n");
            return 2;
        }
    }
    if (out.path.empty()) {
        std::fprintf(stderr, "qexplore-cli stats: MODEL missing (see --help)\n");
        return 2;
    }
    return 0;
}

int runStats(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    StatsArgs a;
    if (const int rc = parse(args, a))
        return rc;
    const auto model = openModelArg(a.path);
    const auto entries = computeModelStats(*model, a.regex, a.options);
    const std::string text = a.json ? modelStatsJson(entries, model->path) : modelStatsText(entries);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"stats", "per-tensor weight statistics: moments, histograms, outliers (--json)",
                              &runStats});

} // namespace
} // namespace qx::cli
