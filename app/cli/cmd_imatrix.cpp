// `qexplore-cli imatrix MODEL -f TEXT [-c N] [--chunks K] -o FILE.dat|FILE.gguf`: llama-imatrix's importance matrix.
#include "cli/cli_command.h"

#include "common/error.h"
#include "eval/imatrix_export.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace qx::cli {
namespace {

struct ImatrixArgs {
    std::string model, text, out;
    int64_t nCtx = 512, chunks = -1;
    int threads = 0;
};

void printHelp()
{
    std::printf("Usage: qexplore-cli imatrix MODEL -f TEXT [-c N] [--chunks K] [--threads N] -o FILE\n\n"
                "Computes an importance matrix as llama-imatrix does (mean squared input activation of every\n"
                "blk.* linear layer, chunks of N tokens starting with BOS) and writes it in llama-imatrix's GGUF\n"
                "format when FILE ends in .gguf, its legacy .dat format otherwise; both are usable by\n"
                "llama-quantize --imatrix and qexplore-cli error --imatrix.\n\n"
                "  -f, --file TEXT      text to evaluate (its path is recorded in the file, as llama-imatrix does)\n"
                "  -c, --ctx-size N     tokens per chunk (default 512)\n"
                "  --chunks K           at most K chunks (default: all)\n"
                "  --threads N          threads (default: all)\n"
                "  -o, --output FILE    the file to write (.gguf: GGUF imatrix, anything else: .dat)\n");
}

ImatrixArgs parseArgs(const std::vector<std::string>& args)
{
    ImatrixArgs a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& o = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size())
                throw Error(ErrorCode::InvalidArgument, "option " + o + " needs a value");
            return args[++i];
        };
        if (o == "-f" || o == "--file") a.text = value();
        else if (o == "-c" || o == "--ctx-size") a.nCtx = optionInt(o, value());
        else if (o == "--chunks") a.chunks = optionInt(o, value());
        else if (o == "--threads" || o == "-t") a.threads = static_cast<int>(optionInt(o, value()));
        else if (o == "-o" || o == "--output") a.out = value();
        else if (!o.empty() && o[0] == '-') throw Error(ErrorCode::InvalidArgument, "unknown option " + o);
        else if (a.model.empty()) a.model = o;
        else throw Error(ErrorCode::InvalidArgument, "unexpected argument " + o);
    }
    if (a.model.empty() || a.text.empty() || a.out.empty())
        throw Error(ErrorCode::InvalidArgument, "MODEL, -f TEXT and -o FILE are required (see --help)");
    return a;
}

int runImatrix(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    const ImatrixArgs a = parseArgs(args);
    const auto model = openModel(a.model);
    std::ifstream in(a.text, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, a.text, kNoOffset, "cannot open the text file");
    std::ostringstream text;
    text << in.rdbuf();
    const std::vector<int32_t> tokens = Tokenizer::fromGguf(*model).encode(text.str(), true);
    ForwardOptions fo;
    fo.threads = a.threads;
    LlamaForward fwd(LlamaWeights::fromModel(model), fo);
    ImatrixCollector collector;
    fwd.setActivationHook(collector.hook());
    computeImatrix(fwd, tokens, a.nCtx, a.chunks, chunkBosToken(*model));
    ImatrixFile file = toImatrixFile(collector, a.text);
    file.chunkSize = static_cast<uint32_t>(a.nCtx);   // GGUF: counts in tokens, as llama-imatrix stores them
    writeImatrix(a.out, file);
    std::fprintf(stderr, "imatrix: %d chunks, %zu tokens; wrote %s\n", collector.lastCall(), tokens.size(),
                 a.out.c_str());
    return 0;
}

const CliRegistrar registrar({"imatrix", "compute an importance matrix (llama-imatrix .dat or GGUF) on a text", &runImatrix});

} // namespace
} // namespace qx::cli
