// `qexplore-cli stats MODEL [--tensor REGEX] [--json]`: per-tensor weight statistics.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "io/model_file.h"
#include "stats/stats_report.h"

#include <cstdio>

namespace qx::cli {
namespace {

struct StatsArgs {
    std::string path, regex;
    bool json = false;
    StatsOptions options;
};

StatsArgs parseArgs(const std::vector<std::string>& args)
{
    StatsArgs a;
    CommandLine cl("stats", "MODEL [--tensor REGEX] [--json] [--sigma K] [--centered] [--threads N]",
                   "Computes weight statistics of every tensor (or those whose name matches REGEX): one line per\n"
                   "tensor with shape, type, mean, standard deviation, absolute maximum, excess kurtosis and the\n"
                   "number of outliers |w| > K·sigma. Tensors of types that cannot be decoded yet are listed as such.");
    CLI::App& app = cl.app();
    cl.addModel(a.path);
    app.add_option("--tensor", a.regex, "only tensors whose name contains a match of REGEX (ECMAScript syntax)")
        ->type_name("REGEX");
    cl.addJson(a.json, "everything as JSON: moments, histograms (linear and log10|w|), per-row and\n"
                       "per-column absmax/RMS, outlier list with coordinates");
    app.add_option("--sigma", a.options.outlierSigma, "outlier threshold in standard deviations (default 6)")
        ->type_name("K")->check(positive());
    app.add_flag("--centered", a.options.outlierCentered, "count outliers as |w - mean| > K·sigma (for norm weights,\n"
                                                          "whose mean is not 0)");
    cl.addThreads(a.options.threads, "worker threads (default: all cores)");
    cl.parse(args);
    return a;
}

int runStats(const std::vector<std::string>& args)
{
    const StatsArgs a = parseArgs(args);
    const auto model = openModelArg(a.path);
    note("stats: %zu tensors of %s\n", model->tensors.size(), model->path.c_str());
    const auto entries = computeModelStats(*model, a.regex, a.options, progressPrinter("stats"));
    if (a.json) {
        printJson(jsonDocument("stats", modelStatsJson(entries, model->path)));
        return 0;
    }
    const std::string text = modelStatsText(entries);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

const CliRegistrar registrar({"stats", "per-tensor weight statistics: moments, histograms, outliers (--json)",
                              &runStats});

} // namespace
} // namespace qx::cli
