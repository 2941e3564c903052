// `qexplore-cli imatrix MODEL -f TEXT [-c N] [--chunks K] -o FILE.dat|FILE.gguf`: llama-imatrix's importance matrix.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "eval/imatrix_export.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"
#include "quant/imatrix_file.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace qx::cli {
namespace {

struct ImatrixArgs {
    std::string model, text, out;
    int64_t nCtx = 512, chunks = -1;
    int threads = 0;
    bool json = false;
};

ImatrixArgs parseArgs(const std::vector<std::string>& args)
{
    ImatrixArgs a;
    CommandLine cl("imatrix", "MODEL -f TEXT [-c N] [--chunks K] [--threads N] [--json] -o FILE",
                   "Computes an importance matrix as llama-imatrix does (mean squared input activation of every\n"
                   "blk.* linear layer, chunks of N tokens starting with BOS) and writes it in llama-imatrix's GGUF\n"
                   "format when FILE ends in .gguf, its legacy .dat format otherwise; both are usable by\n"
                   "llama-quantize --imatrix and qexplore-cli error --imatrix.");
    CLI::App& app = cl.app();
    cl.addModel(a.model);
    cl.input(app.add_option("-f,--file", a.text, "text to evaluate (its path is recorded in the file, as llama-imatrix does;\n"
                                                 "MODEL :demo: 200 stories of its training split by default)")
        ->type_name("TEXT"));
    CLI::Option* ctx = app.add_option("-c,--ctx-size", a.nCtx, "tokens per chunk (default 512; :demo: its context)")
                           ->type_name("N")->check(positive());
    app.add_option("--chunks", a.chunks, "at most K chunks (default: all)")->type_name("K");
    cl.addThreads(a.threads);
    cl.output(app.add_option("-o,--output", a.out, "the file to write (.gguf: GGUF imatrix, anything else: .dat)")
        ->type_name("FILE")->required());
    cl.addJson(a.json, "print what was written (chunks, tokens, every matrix's mean importance) as one\n"
                       "JSON document on stdout (schema: docs/cli.md)");
    cl.setFooter("Ctrl-C cancels: exit code 130, and no file is written.");
    cl.parse(args);
    if (a.text.empty() && !isDemoArg(a.model))
        throw UsageError("--file is required");
    if (isDemoArg(a.model) && ctx->count() == 0)
        a.nCtx = demoContext(a.nCtx);
    return a;
}

Json imatrixJson(const ImatrixArgs& a, const ImatrixFile& file, int chunks, size_t tokenCount)
{
    Json entries = Json::array();
    for (const ImatrixEntry& e : file.entries) {
        const std::vector<float> importance = imatrixImportance(e);
        const double sum = std::accumulate(importance.begin(), importance.end(), 0.0);
        entries.push_back({{"name", e.name}, {"ncall", e.ncall}, {"n_values", importance.size()},
                           {"mean_importance", importance.empty() ? 0.0 : sum / double(importance.size())}});
    }
    Json doc = jsonDocument("imatrix");
    doc.update(Json{{"model", a.model}, {"text", a.text}, {"output", a.out},
                    {"format", a.out.ends_with(".gguf") ? "gguf" : "dat"}, {"n_ctx", a.nCtx}, {"chunks", chunks},
                    {"tokens", tokenCount}, {"entries", std::move(entries)}});
    return doc;
}

int collect(const ImatrixArgs& a)
{
    const auto model = openModelArg(a.model);
    const Tokenizer tokenizer = openTokenizerArg(a.model);
    const std::vector<int32_t> tokens = tokenizer.encode(readTextArg(a.text, a.model, TextRole::Calibration), true);
    ForwardOptions fo;
    fo.threads = a.threads;
    LlamaForward fwd(std::make_shared<const MappedWeights>(model, a.threads), fo); // streamed block by block
    ImatrixCollector collector;
    note("imatrix: %zu tokens in chunks of %lld\n", tokens.size(), static_cast<long long>(a.nCtx));
    fwd.setActivationHook(collector.hook());
    computeImatrix(fwd, tokens, a.nCtx, a.chunks, chunkBosToken(*model, tokenizer), progressPrinter("imatrix"));
    ImatrixFile file = toImatrixFile(collector, textArgName(a.text, a.model, TextRole::Calibration));
    file.chunkSize = static_cast<uint32_t>(a.nCtx);   // GGUF: counts in tokens, as llama-imatrix stores them
    writeImatrix(a.out, file);
    note("imatrix: %d chunks, %zu tokens; wrote %s\n", collector.lastCall(), tokens.size(), a.out.c_str());
    if (a.json)
        printJson(imatrixJson(a, file, collector.lastCall(), tokens.size()));
    return 0;
}

int runImatrix(const std::vector<std::string>& args)
{
    return collect(parseArgs(args)); // the file is written only after the last chunk: a cancelled run leaves none
}

const CliRegistrar registrar({"imatrix", "compute an importance matrix (llama-imatrix .dat or GGUF) on a text", &runImatrix});

} // namespace
} // namespace qx::cli
