// `qexplore-cli imatrix MODEL -f TEXT [-c N] [--chunks K] -o FILE.dat|FILE.gguf`: llama-imatrix's importance matrix.
#include "cli/arg_reader.h"
#include "cli/cli_command.h"
#include "cli/model_arg.h"
#include "cli/cli_progress.h"

#include "common/error.h"
#include "common/text_file.h"
#include "eval/imatrix_export.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <cstdio>

namespace qx::cli {
namespace {

struct ImatrixArgs {
    std::string model, text, out;
    int64_t nCtx = 512, chunks = -1;
    int threads = 0;
    bool ctxGiven = false;
};

void printHelp()
{
    std::printf("Usage: qexplore-cli imatrix MODEL -f TEXT [-c N] [--chunks K] [--threads N] -o FILE\n\n"
                "Computes an importance matrix as llama-imatrix does (mean squared input activation of every\n"
                "blk.* linear layer, chunks of N tokens starting with BOS) and writes it in llama-imatrix's GGUF\n"
                "format when FILE ends in .gguf, its legacy .dat format otherwise; both are usable by\n"
                "llama-quantize --imatrix and qexplore-cli error --imatrix.\n\n"
                "  -f, --file TEXT      text to evaluate (its path is recorded in the file, as llama-imatrix does;\n"
                "                       MODEL :demo: 200 stories of its training split by default)\n"
                "  -c, --ctx-size N     tokens per chunk (default 512; :demo: its context)\n"
                "  --chunks K           at most K chunks (default: all)\n"
                "  --threads N          threads (default: all)\n"
                "  -o, --output FILE    the file to write (.gguf: GGUF imatrix, anything else: .dat)\n");
}

ImatrixArgs parseArgs(const std::vector<std::string>& args)
{
    ImatrixArgs a;
    ArgReader r(args);
    while (r.next()) {
        if (r.is("-f", "--file")) a.text = r.value();
        else if (r.is("-c", "--ctx-size")) { a.nCtx = r.intValue(); a.ctxGiven = true; }
        else if (r.is("--chunks")) a.chunks = r.intValue();
        else if (r.is("-t", "--threads")) a.threads = static_cast<int>(r.intValue());
        else if (r.is("-o", "--output")) a.out = r.value();
        else r.positional(a.model);
    }
    if (isDemoArg(a.model) && !a.ctxGiven)
        a.nCtx = demoContext(a.nCtx);
    if (a.model.empty() || (a.text.empty() && !isDemoArg(a.model)) || a.out.empty())
        throw Error(ErrorCode::InvalidArgument, "MODEL, -f TEXT and -o FILE are required (see --help)");
    return a;
}

int collect(const ImatrixArgs& a)
{
    const auto model = openModelArg(a.model);
    const Tokenizer tokenizer = openTokenizerArg(a.model);
    const std::vector<int32_t> tokens = tokenizer.encode(readTextArg(a.text, a.model, TextRole::Calibration), true);
    ForwardOptions fo;
    fo.threads = a.threads;
    LlamaForward fwd(LlamaWeights::fromModel(model), fo);
    ImatrixCollector collector;
    fwd.setActivationHook(collector.hook());
    computeImatrix(fwd, tokens, a.nCtx, a.chunks, chunkBosToken(*model, tokenizer), cancellable(progressPrinter("imatrix")));
    ImatrixFile file = toImatrixFile(collector, textArgName(a.text, a.model, TextRole::Calibration));
    file.chunkSize = static_cast<uint32_t>(a.nCtx);   // GGUF: counts in tokens, as llama-imatrix stores them
    writeImatrix(a.out, file);
    std::fprintf(stderr, "imatrix: %d chunks, %zu tokens; wrote %s\n", collector.lastCall(), tokens.size(),
                 a.out.c_str());
    return 0;
}

int runImatrix(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    const ImatrixArgs a = parseArgs(args);
    installInterruptHandler();
    try {
        return collect(a); // the file is written only after the last chunk: a cancelled run leaves none
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled)
            return reportCancelled("imatrix");
        throw;
    }
}

const CliRegistrar registrar({"imatrix", "compute an importance matrix (llama-imatrix .dat or GGUF) on a text", &runImatrix});

} // namespace
} // namespace qx::cli
