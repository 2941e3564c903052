// `qexplore-cli ppl`: llama-perplexity's default evaluation (and its --kl-divergence mode) on our engine.
#include "cli/cli_command.h"

#include "common/error.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"
#include "model/tokenizer.h"
#include "plan/sensitivity.h"
#include "quant/imatrix_file.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace qx::cli {
namespace {

struct PplArgs {
    std::string model, textFile, kldBase, saveKldBase, plan, imatrix;
    int64_t nCtx = 512, chunks = -1, batch = 2048;
    int threads = 0;
    bool ggmlMatmul = false;
};

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli ppl MODEL -f TEXT [-c N] [--chunks K] [-b N] [--threads N]\n"
        "                            [--save-kld-base FILE]\n"
        "       qexplore-cli ppl MODEL --kld-base FILE [--chunks K] [-b N] [--threads N]\n\n"
        "Perplexity exactly as llama.cpp's llama-perplexity computes it: the text is tokenized with BOS, cut into\n"
        "chunks of N tokens (each starting with BOS), and the second half of every chunk is scored.\n\n"
        "  -f, --file TEXT         text to evaluate\n"
        "  -c, --ctx-size N        tokens per chunk (default 512)\n"
        "  --chunks K              evaluate at most K chunks (default: all)\n"
        "  -b, --batch-size N      tokens evaluated per pass; chunks are batched (default 2048)\n"
        "  --threads N             threads (default: all)\n"
        "  --save-kld-base FILE    also write llama.cpp's base-logits file (--kl-divergence-base)\n"
        "  --kld-base FILE         compare MODEL with a base-logits file (llama-perplexity --kl-divergence);\n"
        "                          the tokens come from the file, -f is not needed\n"
        "  --plan PLAN.json        first replace each planned tensor by its quantize->dequantize round trip\n"
        "                          (a plan from `plan -o` or `solve -o`; bit-exact quantizers; weight-only:\n"
        "                          the forward pass stays in F32)\n"
        "  --imatrix F             importance for --plan's quantization (llama.cpp imatrix, .dat or GGUF;\n"
        "                          default: the plan's own imatrix)\n"
        "  --ggml-matmul           round each projection's input to the weight type's vec_dot_type (Q8_0,\n"
        "                          Q8_1, Q8_K, F16) as ggml's CPU matmul does, to match llama.cpp's figures\n\n"
        "Progress goes to stderr; the per-chunk figures and llama-perplexity's final lines go to stdout.\n");
}

PplArgs parseArgs(const std::vector<std::string>& args)
{
    PplArgs a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& o = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size())
                throw Error(ErrorCode::InvalidArgument, "option " + o + " needs a value");
            return args[++i];
        };
        if (o == "-f" || o == "--file") a.textFile = value();
        else if (o == "-c" || o == "--ctx-size") a.nCtx = optionInt(o, value());
        else if (o == "--chunks") a.chunks = optionInt(o, value());
        else if (o == "-b" || o == "--batch-size") a.batch = optionInt(o, value());
        else if (o == "--threads" || o == "-t") a.threads = static_cast<int>(optionInt(o, value()));
        else if (o == "--kld-base") a.kldBase = value();
        else if (o == "--save-kld-base") a.saveKldBase = value();
        else if (o == "--plan") a.plan = value();
        else if (o == "--imatrix") a.imatrix = value();
        else if (o == "--ggml-matmul") a.ggmlMatmul = true;
        else if (!o.empty() && o[0] == '-') throw Error(ErrorCode::InvalidArgument, "unknown option " + o);
        else if (a.model.empty()) a.model = o;
        else throw Error(ErrorCode::InvalidArgument, "unexpected argument " + o);
    }
    if (a.model.empty())
        throw Error(ErrorCode::InvalidArgument, "no model given (see --help)");
    if (!a.kldBase.empty() && !a.saveKldBase.empty())
        throw Error(ErrorCode::InvalidArgument, "--kld-base and --save-kld-base exclude each other");
    if (a.kldBase.empty() && a.textFile.empty())
        throw Error(ErrorCode::InvalidArgument, "no text given: use -f TEXT (or --kld-base FILE)");
    return a;
}

std::vector<int32_t> tokenizeFile(const ModelFile& model, const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, kNoOffset, "cannot open the text file");
    std::ostringstream text;
    text << in.rdbuf();
    return Tokenizer::fromGguf(model).encode(text.str(), true);
}

ProgressFn progressPrinter(const char* what)
{
    auto start = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
    return [what, start](double f) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - *start).count();
        std::fprintf(stderr, "\r%s: %5.1f%% (%.1f s, ETA %.1f s)   ", what, 100.0 * f, s, f > 0 ? s / f - s : 0.0);
        if (f >= 1.0)
            std::fprintf(stderr, "\n");
        return true;
    };
}

/// --plan: the plan's round trips substituted, with --imatrix or else the plan's own imatrix.
void applyPlanFile(LlamaWeights& weights, const ModelFile& model, const std::string& planPath,
                   const std::string& imatrixPath)
{
    const Plan plan = loadPlan(planPath);
    validatePlan(model, plan);
    const std::string path = imatrixPath.empty() ? plan.imatrixPath : imatrixPath;
    std::optional<ImatrixFile> imatrix;
    if (!path.empty()) imatrix = readImatrix(path);
    applyPlan(weights, model, plan, imatrix ? &*imatrix : nullptr);
}

int runKld(const PplArgs& a, const std::shared_ptr<const ModelFile>& model, LlamaForward& fwd)
{
    KldBaseReader base(a.kldBase);
    KldOptions opt;
    opt.maxChunks = a.chunks;
    opt.bosToken = chunkBosToken(*model);
    opt.batchTokens = a.batch;
    const KldResult r = computeKld(fwd, base, opt, progressPrinter("kl-divergence"));
    std::printf("%s\n%s", formatKldChunkTable(r).c_str(), formatKldReport(r).c_str());
    return 0;
}

int runPpl(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    const PplArgs a = parseArgs(args);
    auto model = openModel(a.model);
    ForwardOptions fo;
    fo.threads = a.threads;
    fo.emulateActivationQuantization = a.ggmlMatmul;
    std::shared_ptr<LlamaWeights> weights = LlamaWeights::fromModel(model);
    if (!a.plan.empty())
        applyPlanFile(*weights, *model, a.plan, a.imatrix);
    LlamaForward fwd(weights, fo);
    if (!a.kldBase.empty())
        return runKld(a, model, fwd);
    const std::vector<int32_t> tokens = tokenizeFile(*model, a.textFile);
    std::fprintf(stderr, "perplexity: %zu tokens, n_ctx %lld\n", tokens.size(), static_cast<long long>(a.nCtx));
    PerplexityOptions opt;
    opt.nCtx = a.nCtx;
    opt.maxChunks = a.chunks;
    opt.bosToken = chunkBosToken(*model);
    opt.batchTokens = a.batch;
    const auto t0 = std::chrono::steady_clock::now();
    const PerplexityResult r = computePerplexity(fwd, tokens, opt, progressPrinter("perplexity"), a.saveKldBase);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t i = 0; i < r.runningPpl.size(); ++i)
        std::printf("[%zu]%.4lf,", i + 1, r.runningPpl[i]);
    std::printf("\n%s\n", formatFinalEstimate(r).c_str());
    std::fprintf(stderr, "perplexity: %lld tokens evaluated in %.2f s (%.1f tokens/s)\n",
                 static_cast<long long>(r.nChunk * r.nCtx), seconds, double(r.nChunk * r.nCtx) / seconds);
    return 0;
}

const CliRegistrar registrar({"ppl", "perplexity / KL-divergence as llama-perplexity computes them", &runPpl});

} // namespace
} // namespace qx::cli
