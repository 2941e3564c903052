// `qexplore-cli ppl`: llama-perplexity's default evaluation (and its --kl-divergence mode) on our engine.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/kld_json.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "eval/text_fit.h"
#include "io/model_file.h"
#include "model/dnnl_linear.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"
#include "model/w8a8_calibration.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "plan/planned_weights.h"
#include "quant/imatrix_file.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include <unistd.h>

namespace qx::cli {
namespace {

struct PplArgs {
    std::string model, textFile, kldBase, saveKldBase, klDivergenceBase, plan, imatrix, w8a8, calibFile;
    int64_t nCtx = 512, chunks = -1, batch = 2048, calibChunks = 8;
    std::string memBudget, scratchDir;
    int threads = 0;
    bool ggmlMatmul = false, bf16 = false, klDivergence = false, json = false, ctxGiven = false;
};

const char* const kUsage = "MODEL -f TEXT [-c N] [--chunks K] [-b N] [--threads N]\n"
                           "                            [--save-kld-base FILE]\n"
                           "       qexplore-cli ppl MODEL --kld-base FILE [--chunks K] [-b N] [--threads N]";

const char* const kDescription =
    "Perplexity exactly as llama.cpp's llama-perplexity computes it: the text is tokenized with BOS, cut into\n"
    "chunks of N tokens (each starting with BOS), and the second half of every chunk is scored. MODEL :demo is\n"
    "the built-in demo model; without -f it is evaluated on its own held-out text, at the context its figure uses.\n"
    "A warning follows the estimate when the text does not fit the model: more than 5 % of its tokens are\n"
    "unknown or byte-fallback tokens, or the perplexity is at least half the vocabulary size.";

void addOptions(CommandLine& cl, PplArgs& a)
{
    CLI::App& app = cl.app();
    cl.addModel(a.model);
    cl.input(app.add_option("-f,--file", a.textFile, "text to evaluate")->type_name("TEXT"));
    app.add_option("-c,--ctx-size", a.nCtx, "tokens per chunk (default 512; :demo: the context its figure uses)")
        ->type_name("N")->check(positive());
    app.add_option("--chunks", a.chunks, "evaluate at most K chunks (default: all)")->type_name("K");
    app.add_option("-b,--batch-size", a.batch, "tokens evaluated per pass; chunks are batched (default 2048)")
        ->type_name("N")->check(positive());
    cl.addThreads(a.threads);
    app.add_option("--mem-budget", a.memBudget, "memory the run may use, e.g. 6G or 4500M (default: 3/4 of physical\n"
                                                "memory); the model is streamed block by block, and what is needed is\n"
                                                "predicted first")->type_name("SIZE");
    app.add_option("--scratch", a.scratchDir, "where activations go when they do not fit the budget (default: the\n"
                                              "temporary folder)")->type_name("DIR");
    cl.output(app.add_option("--save-kld-base", a.saveKldBase, "also write llama.cpp's base-logits file")->type_name("FILE"));
    cl.input(app.add_option("--kld-base", a.kldBase, "compare MODEL with a base-logits file (llama-perplexity --kl-divergence);\n"
                                            "the tokens come from the file, -f is not needed")->type_name("FILE"));
    cl.input(app.add_option("--kl-divergence-base", a.klDivergenceBase,
                   "llama-perplexity's name: with --kl-divergence as --kld-base, else as --save-kld-base")
        ->type_name("FILE"));
    app.add_flag("--kl-divergence", a.klDivergence, "compare with the --kl-divergence-base file (llama-perplexity)");
    cl.input(app.add_option("--plan", a.plan, "first replace each planned tensor by its quantize->dequantize round trip\n"
                                     "(a plan from `plan -o` or `solve -o`; bit-exact quantizers; weight-only:\n"
                                     "the forward pass stays in F32)")->type_name("PLAN.json"));
    cl.input(app.add_option("--imatrix", a.imatrix, "importance for --plan's quantization (llama.cpp imatrix, .dat or GGUF;\n"
                                           "default: the plan's own imatrix)")->type_name("F"));
    app.add_flag("--ggml-matmul", a.ggmlMatmul, "round each projection's input to the weight type's vec_dot_type (Q8_0,\n"
                                                "Q8_1, Q8_K, F16) as ggml's CPU matmul does, to match llama.cpp's figures");
    app.add_option("--w8a8", a.w8a8, "W8A8: int8 weights (per output row) x int8 inputs of every blk.* linear layer\n"
                                     "through oneDNN's s8xs8->s32 matmul; dynamic = one step per token, static =\n"
                                     "one step per layer calibrated first (output head stays F32)")
        ->type_name("dynamic|static");
    cl.input(app.add_option("--calib", a.calibFile, "static W8A8: calibrate on the first chunks of TEXT (default: of the\n"
                                           "evaluated text itself, or of the --kld-base file's tokens)")->type_name("TEXT"));
    app.add_option("--calib-chunks", a.calibChunks, "static W8A8: calibration chunks of N tokens (default 8)")
        ->type_name("K")->check(positive());
    app.add_flag("--bf16", a.bf16, "APPROXIMATE, faster: F32 projections run as BF16 x BF16 -> F32 on the CPU's\n"
                                   "BF16 instructions (figures differ from llama.cpp's; +2 bytes per weight)");
    cl.addJson(a.json, "print the figures as one JSON document on stdout, not llama-perplexity's text\n"
                       "(schema: docs/cli.md)");
    cl.setFooter("The per-chunk figures go to stdout as each chunk finishes (\"[1]713.8809,[2]709.6087,...\"), then\n"
                 "llama-perplexity's final lines; notes go to stderr, and a progress line when stdout is not the\n"
                 "terminal it is on.\n"
                 "Ctrl-C cancels: exit code 130, and no --save-kld-base file is left behind.");
}

void checkArgs(PplArgs& a)
{
    if (!a.memBudget.empty() && !parseByteSize(a.memBudget))
        throw UsageError("--mem-budget takes a size such as 6G or 4500M, not '" + a.memBudget + "'");
    if (isDemoArg(a.model) && !a.ctxGiven)
        a.nCtx = demoContext(a.nCtx);
    if (a.klDivergence && a.klDivergenceBase.empty())
        throw UsageError("--kl-divergence needs --kl-divergence-base FILE");
    if (!a.klDivergenceBase.empty())
        (a.klDivergence ? a.kldBase : a.saveKldBase) = a.klDivergenceBase;
    if (!a.kldBase.empty() && !a.saveKldBase.empty())
        throw UsageError("--kld-base and --save-kld-base exclude each other");
    if (a.kldBase.empty() && a.textFile.empty() && !isDemoArg(a.model))
        throw UsageError("no text given: use -f TEXT (or --kld-base FILE)");
    if (!a.w8a8.empty() && a.w8a8 != "dynamic" && a.w8a8 != "static")
        throw UsageError("--w8a8 takes dynamic or static, not '" + a.w8a8 + "'");
    if (!a.w8a8.empty() && a.ggmlMatmul)
        throw UsageError("--w8a8 and --ggml-matmul exclude each other");
}

PplArgs parseArgs(const std::vector<std::string>& args)
{
    PplArgs a;
    CommandLine cl("ppl", kUsage, kDescription);
    addOptions(cl, a);
    cl.parse(args);
    a.ctxGiven = cl.app().get_option("--ctx-size")->count() > 0;
    checkArgs(a);
    return a;
}

std::vector<int32_t> tokenizeFile(const Tokenizer& tokenizer, const std::string& path)
{
    return tokenizer.encode(readTextFile(path), true);
}

/// Why the text does not fit the model ("" when it fits).
std::string textFitReason(const TextFit& fit)
{
    if (fit.fits())
        return {};
    std::string why;
    if (fit.poorCoverage())
        why = std::to_string(static_cast<int>(100.0 * fit.fallbackRate() + 0.5))
            + " % of its tokens are unknown or byte-fallback tokens";
    if (fit.nearUniform()) {
        char figure[96];
        std::snprintf(figure, sizeof figure, "the perplexity is %.2f times the vocabulary size (%lld)",
                      fit.pplToVocab(), static_cast<long long>(fit.vocabSize));
        why += (why.empty() ? "" : "; ") + std::string(figure);
    }
    return why;
}

Json textFitJson(const TextFit& fit)
{
    return Json{{"fits", fit.fits()}, {"tokens", fit.tokens}, {"unknown_tokens", fit.unknownTokens},
                {"byte_tokens", fit.byteTokens}, {"fallback_rate", fit.fallbackRate()},
                {"vocab_size", fit.vocabSize}, {"ppl_to_vocab", fit.pplToVocab()}, {"reason", textFitReason(fit)}};
}

// Static W8A8: input steps from the first calibChunks chunks of the calibration tokens.
void calibrateStatic(const PplArgs& a, const std::shared_ptr<const WeightSource>& weights, ForwardOptions& fo,
                     const std::vector<int32_t>& tokens, std::optional<int32_t> bos)
{
    ForwardOptions plain = fo;
    plain.activationQuant = ActivationQuant::None;
    LlamaForward fwd(weights, plain);
    const int64_t chunks = std::min<int64_t>(a.calibChunks, static_cast<int64_t>(tokens.size()) / a.nCtx);
    fo.staticInputSteps = std::make_shared<const Int8InputSteps>(
        calibrateInt8InputSteps(fwd, tokens, a.nCtx, chunks, bos, progressPrinter("w8a8 calibration")));
    note("w8a8 static: %zu layers calibrated on %lld chunks of %lld tokens of %s\n",
         fo.staticInputSteps->size(), static_cast<long long>(chunks), static_cast<long long>(a.nCtx),
         !a.calibFile.empty() ? a.calibFile.c_str()
         : !a.kldBase.empty() ? a.kldBase.c_str()
                              : textArgName(a.textFile, a.model, TextRole::Evaluation).c_str());
}

/// --plan: the plan's round trips (its non-GGUF schemes' round trips for the tensors that have one), made
/// block by block as the model streams, with --imatrix or else the plan's own imatrix.
std::shared_ptr<const WeightSource> plannedWeights(std::shared_ptr<const MappedWeights> base, const std::string& planPath,
                                                   const std::string& imatrixPath)
{
    PlanWithSchemes p = loadPlanWithSchemes(planPath);
    validatePlanWithSchemes(base->model(), p);
    const std::string path = imatrixPath.empty() ? p.plan.imatrixPath : imatrixPath;
    std::shared_ptr<const ImatrixFile> imatrix;
    if (!path.empty()) imatrix = std::make_shared<const ImatrixFile>(readImatrix(path));
    if (!p.schemes.empty())
        note("plan: %zu tensors in their non-GGUF scheme (fake quantization)\n", p.schemes.size());
    auto schemes = std::make_shared<const SchemeChoices>(std::move(p.schemes));
    return std::make_shared<PlannedWeights>(std::move(base), std::move(p.plan), imatrix, nullptr, schemes);
}

/// The prediction printed before a run: peak memory against the budget, and a rough time.
void reportPrediction(const LlamaForward& fwd, int64_t tokenCount, const StreamLayout& layout, uint64_t sinkBytes)
{
    const StreamMemory m = fwd.estimateMemory(tokenCount, layout, sinkBytes);
    const uint64_t budget = fwd.options().memoryBudgetBytes ? fwd.options().memoryBudgetBytes : defaultMemoryBudget();
    const double gflops = measureMatmulGflops(fwd.options().threads);
    note("memory: about %s at the peak, budget %s (one block's weights %s, activations %s%s, output head %s);"
         " time: about %.0f s at %.0f GFLOP/s\n",
         formatMemory(m.peak()).c_str(), formatMemory(budget).c_str(), formatMemory(m.blockWeights).c_str(),
         formatMemory(m.spilled() ? m.spillBytes : m.activations).c_str(), m.spilled() ? " spilled to disk" : "",
         formatMemory(m.head).c_str(), estimateStreamSeconds(fwd.source(), layout, tokenCount, gflops), gflops);
}

/// The progress of a run whose per-chunk figures go to stdout: a progress line on stderr. When stdout is a
/// terminal the per-chunk figures are the progress of the head phase (as in llama-perplexity), so the line
/// covers the blocks phase only (2·nLayer of the run's 2·nLayer + 1 steps) and ends before the figures.
ProgressFn chunkProgress(const PplArgs& a, const char* what, int64_t nLayer)
{
    if (a.json || !isatty(STDOUT_FILENO))
        return progressPrinter(what);
    const double blockShare = double(2 * nLayer) / double(2 * nLayer + 1);
    ProgressFn blocks = progressPrinter(std::string(what) + ", " + std::to_string(nLayer) + " blocks");
    auto ended = std::make_shared<bool>(false);
    return cancellable([blocks, blockShare, ended](double f) {
        if (f < blockShare)
            return blocks(f / blockShare);
        if (!*ended)
            *ended = true, blocks(1.0); // 100 % and the line's end
        return true;
    });
}

Json kldJson(const PplArgs& a, const KldResult& r)
{
    Json doc = jsonDocument("ppl");
    doc.update(Json{{"mode", "kl-divergence"}, {"model", a.model}, {"base", a.kldBase}, {"n_ctx", r.nCtx},
                    {"n_chunk", r.nChunk}, {"scored_tokens", r.count}});
    addKldJson(doc, r);
    return doc;
}

int runKld(const PplArgs& a, std::optional<int32_t> bos, LlamaForward& fwd)
{
    KldBaseReader base(a.kldBase);
    note("kl-divergence: against %s\n", a.kldBase.c_str());
    const KldBaseHeader& h = base.header();
    const int64_t chunks = a.chunks < 0 ? h.nChunk : std::min(a.chunks, h.nChunk);
    reportPrediction(fwd, chunks * h.nCtx, perplexityLayout(h.nCtx, a.batch, h.nVocab),
                     uint64_t(chunks * kldScoredPerChunk(h.nCtx)) * 8);
    KldOptions opt;
    opt.maxChunks = a.chunks;
    opt.bosToken = bos;
    opt.batchTokens = a.batch;
    if (!a.json) {
        std::printf("%s", formatKldChunkHeader().c_str());
        opt.onChunk = [](int64_t chunk, const KldChunkLine& line) {
            std::printf("%s", formatKldChunkLine(chunk, line).c_str());
            std::fflush(stdout);
        };
    }
    const KldResult r = computeKld(fwd, base, opt, chunkProgress(a, "kl-divergence", fwd.config().nLayer));
    if (a.json)
        printJson(kldJson(a, r));
    else
        std::printf("\n%s", formatKldReport(r).c_str());
    return 0;
}

Json perplexityJson(const PplArgs& a, const PerplexityResult& r, size_t tokenCount, double seconds,
                    const TextFit& fit)
{
    Json doc = jsonDocument("ppl");
    doc.update(Json{{"mode", "perplexity"}, {"model", a.model},
                    {"text", textArgName(a.textFile, a.model, TextRole::Evaluation)}, {"tokens", tokenCount},
                    {"n_ctx", r.nCtx}, {"n_chunk", r.nChunk}, {"scored_tokens", r.count}});
    Json chunks = Json::array();
    for (size_t i = 0; i < r.runningPpl.size(); ++i)
        chunks.push_back({{"chunk", i + 1}, {"ppl", r.runningPpl[i]}, {"mean_nll", r.chunkMeanNll[i]}});
    doc["chunks"] = std::move(chunks);
    doc.update(Json{{"ppl", r.ppl}, {"ppl_uncertainty", r.uncertainty}, {"mean_nll", r.meanNll},
                    {"seconds", seconds}});
    if (!a.saveKldBase.empty())
        doc["kld_base"] = a.saveKldBase;
    doc["text_fit"] = textFitJson(fit);
    return doc;
}

int runPerplexity(const PplArgs& a, std::optional<int32_t> bos, LlamaForward& fwd, const std::vector<int32_t>& tokens,
                  const Tokenizer& tokenizer)
{
    note("perplexity: %zu tokens, n_ctx %lld\n", tokens.size(), static_cast<long long>(a.nCtx));
    if (a.nCtx >= 4 && int64_t(tokens.size()) >= 2 * a.nCtx) {
        const int64_t all = int64_t(tokens.size()) / a.nCtx, chunks = a.chunks < 0 ? all : std::min(a.chunks, all);
        reportPrediction(fwd, chunks * a.nCtx, perplexityLayout(a.nCtx, a.batch, fwd.config().nVocab), 0);
    }
    PerplexityOptions opt;
    opt.nCtx = a.nCtx;
    opt.maxChunks = a.chunks;
    opt.bosToken = bos;
    opt.batchTokens = a.batch;
    if (!a.json)
        opt.onChunk = [](int64_t chunk, double ppl) {   // llama-perplexity's "[%d]%.4lf," as each chunk ends
            std::printf("[%lld]%.4f,", static_cast<long long>(chunk), ppl);
            std::fflush(stdout);
        };
    const auto t0 = std::chrono::steady_clock::now();
    const PerplexityResult r =
        computePerplexity(fwd, tokens, opt, chunkProgress(a, "perplexity", fwd.config().nLayer), a.saveKldBase);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const TextFit fit = textFit(tokenizer.vocab(), tokens, r.ppl);
    if (a.json) {
        printJson(perplexityJson(a, r, tokens.size(), seconds, fit));
    } else {
        std::printf("\n%s\n", formatFinalEstimate(r).c_str());
        if (!fit.fits())
            std::printf("warning: this text does not fit this model: %s\n", textFitReason(fit).c_str());
    }
    note("perplexity: %lld tokens evaluated in %.2f s (%.1f tokens/s)\n",
         static_cast<long long>(r.nChunk * r.nCtx), seconds, double(r.nChunk * r.nCtx) / seconds);
    return 0;
}

int evaluate(const PplArgs& a)
{
    auto model = openModelArg(a.model);
    ForwardOptions fo;
    fo.threads = a.threads;
    fo.emulateActivationQuantization = a.ggmlMatmul;
    fo.bf16Compute = a.bf16;
    fo.memoryBudgetBytes = a.memBudget.empty() ? 0 : *parseByteSize(a.memBudget);
    fo.scratchDir = a.scratchDir;
    auto base = std::make_shared<const MappedWeights>(model, a.threads);
    const std::shared_ptr<const WeightSource> weights = a.plan.empty() ? base : plannedWeights(base, a.plan, a.imatrix);
    const bool needText = a.kldBase.empty() || (a.w8a8 == "static" && !a.calibFile.empty());
    std::optional<Tokenizer> tokenizer;
    if (needText)
        tokenizer = openTokenizerArg(a.model);
    const std::optional<int32_t> bos = tokenizer ? chunkBosToken(*model, *tokenizer) : chunkBosToken(*model);
    const std::vector<int32_t> tokens = a.kldBase.empty()
        ? tokenizer->encode(readTextArg(a.textFile, a.model, TextRole::Evaluation), true)
        : std::vector<int32_t>{};
    if (!a.w8a8.empty())
        fo.activationQuant = a.w8a8 == "static" ? ActivationQuant::StaticInt8 : ActivationQuant::DynamicInt8;
    if (a.w8a8 == "static")
        calibrateStatic(a, weights, fo,
                        !a.calibFile.empty() ? tokenizeFile(*tokenizer, a.calibFile)
                        : a.kldBase.empty()  ? tokens
                                             : KldBaseReader(a.kldBase).header().tokens,
                        bos);
    LlamaForward fwd(weights, fo);
    return a.kldBase.empty() ? runPerplexity(a, bos, fwd, tokens, *tokenizer) : runKld(a, bos, fwd);
}

int runPpl(const std::vector<std::string>& args)
{
    return evaluate(parseArgs(args)); // the --save-kld-base file appears only complete (common/atomic_file.h)
}

const CliRegistrar registrar({"ppl", "perplexity / KL-divergence as llama-perplexity computes them", &runPpl});

} // namespace
} // namespace qx::cli
