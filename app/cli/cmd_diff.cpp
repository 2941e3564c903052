// `qexplore-cli diff A B [-f TEXT] [--json]`: what differs between two models, tensor by tensor, and with a
// text how their outputs differ (KLD of B against A, same top token, PPL of each).
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/kld_json.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "compare/diff_report.h"
#include "compare/output_diff.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace qx::cli {
namespace {

struct DiffArgs {
    std::string pathA, pathB, textFile, memBudget, scratchDir;
    int64_t nCtx = 512, chunks = -1, batch = 2048;
    bool json = false;
    DiffOptions options;
};

void addOutputOptions(CommandLine& cl, DiffArgs& a)
{
    CLI::App& app = cl.app();
    app.add_option("-f,--file", a.textFile, "also compare the outputs on this text: KLD of B against A, same top\n"
                                            "token, PPL of each (as `ppl` and `ppl --kld-base` compute them)")
        ->type_name("TEXT");
    app.add_option("-c,--ctx-size", a.nCtx, "tokens per chunk (default 512)")->type_name("N")->check(positive());
    app.add_option("--chunks", a.chunks, "evaluate at most K chunks (default: all)")->type_name("K");
    app.add_option("-b,--batch-size", a.batch, "tokens evaluated per pass; chunks are batched (default 2048)")
        ->type_name("N")->check(positive());
    app.add_option("--mem-budget", a.memBudget, "memory the output comparison may use, e.g. 6G (default: 3/4 of\n"
                                                "physical memory); both models stream block by block")
        ->type_name("SIZE");
    app.add_option("--scratch", a.scratchDir, "where activations go when they do not fit the budget (default: the\n"
                                              "temporary folder)")->type_name("DIR");
}

DiffArgs parseArgs(const std::vector<std::string>& args)
{
    DiffArgs a;
    CommandLine cl("diff", "A B [-f TEXT [-c N] [--chunks K]] [--json] [--threads N]",
                   "Compares model B with model A (any containers: GGUF, safetensors, Hugging Face folder, llama2.c).\n"
                   "Metadata: keys removed, changed and added (long arrays as length and hash). Tensors, matched by\n"
                   "their GGUF name (Hugging Face names mapped): type, bytes and bits per weight in A and B and, where\n"
                   "the shapes agree, the error of B against A once both are decoded — SQNR dB, relative error, max\n"
                   "|B - A|, cosine similarity — or \"identical\" when the bytes are equal; tensors only in A or only in\n"
                   "B. Then totals per layer, per tensor class and for the model. Models of different architectures\n"
                   "or hyper-parameters get the metadata difference and exit code 1.\n"
                   "With -f TEXT both models then read the text (their tokenizers must agree) and B's output is\n"
                   "compared with A's as llama-perplexity --kl-divergence compares it with a saved base.");
    CLI::App& app = cl.app();
    app.add_option("A", a.pathA, "the reference model")->type_name("A")->required();
    app.add_option("B", a.pathB, "the model compared with A")->type_name("B")->required();
    addOutputOptions(cl, a);
    cl.addJson(a.json, "the comparison as JSON (schema in docs/compare.md)");
    cl.addThreads(a.options.threads, "worker threads (default: all cores)");
    cl.setFooter("With -f, llama-perplexity's KLD table goes to stdout as each chunk finishes, then its statistics\n"
                 "and each model's final estimate. Ctrl-C cancels (exit code 130).");
    cl.parse(args);
    if (!a.memBudget.empty() && !parseByteSize(a.memBudget))
        throw UsageError("--mem-budget takes a size such as 6G or 4500M, not '" + a.memBudget + "'");
    return a;
}

/// The text's tokens (A's tokenizer) and the BOS token each chunk starts with; Error(Mismatch) naming both
/// files when the vocabularies or the chunks' BOS differ.
std::pair<std::vector<int32_t>, std::optional<int32_t>> sharedTokens(const DiffArgs& a, const ModelFile& modelA,
                                                                     const ModelFile& modelB)
{
    const std::string text = readTextArg(a.textFile, a.pathA, TextRole::Evaluation);
    const Tokenizer ta = openTokenizerArg(a.pathA), tb = openTokenizerArg(a.pathB);
    checkSameVocabulary(ta, tb, a.pathA, a.pathB);
    const std::optional<int32_t> bos = chunkBosToken(modelA, ta);
    if (bos != chunkBosToken(modelB, tb))
        throw Error(ErrorCode::Mismatch, "the tokenizers of " + a.pathA + " and " + a.pathB
                                             + " do not start a chunk with the same BOS token");
    std::vector<int32_t> tokens = ta.encode(text, true);
    if (const auto at = firstTokenDifference(tokens, tb.encode(text, true)))
        note("diff: B's tokenizer cuts the text differently from token %zu on; both models read A's tokens\n", *at);
    return {std::move(tokens), bos};
}

Json outputJson(const DiffArgs& a, const OutputDiff& d, size_t tokenCount, double seconds)
{
    const auto pplJson = [](const PerplexityResult& r) {
        return Json{{"ppl", r.ppl}, {"ppl_uncertainty", r.uncertainty}, {"mean_nll", r.meanNll}};
    };
    Json out{{"text", a.textFile}, {"tokens", tokenCount}, {"n_ctx", d.kld.nCtx}, {"n_chunk", d.kld.nChunk},
             {"scored_tokens", d.kld.count}, {"ppl_a", pplJson(d.pplA)}, {"ppl_b", pplJson(d.pplB)}};
    out["kl_divergence"] = Json::object();
    addKldJson(out["kl_divergence"], d.kld);
    out["seconds"] = seconds;
    return out;
}

ForwardOptions forwardOptions(const DiffArgs& a)
{
    ForwardOptions fo;
    fo.threads = a.options.threads;
    fo.memoryBudgetBytes = a.memBudget.empty() ? 0 : *parseByteSize(a.memBudget);
    fo.scratchDir = a.scratchDir;
    return fo;
}

/// -f: both models over the text; prints the KLD table as it goes (text) and returns the figures.
Json compareOutputsOn(const DiffArgs& a, const std::shared_ptr<const ModelFile>& modelA,
                      const std::shared_ptr<const ModelFile>& modelB)
{
    const auto [tokens, bos] = sharedTokens(a, *modelA, *modelB);
    LlamaForward fa(std::make_shared<const MappedWeights>(modelA, a.options.threads), forwardOptions(a));
    LlamaForward fb(std::make_shared<const MappedWeights>(modelB, a.options.threads), forwardOptions(a));
    OutputDiffOptions opt;
    opt.nCtx = a.nCtx, opt.maxChunks = a.chunks, opt.bosToken = bos, opt.batchTokens = a.batch;
    note("diff: outputs on %s: %zu tokens, n_ctx %lld\n", a.textFile.c_str(), tokens.size(), (long long)a.nCtx);
    if (a.nCtx >= 4 && int64_t(tokens.size()) >= 2 * a.nCtx) {
        const int64_t all = int64_t(tokens.size()) / a.nCtx, chunks = a.chunks < 0 ? all : std::min(a.chunks, all);
        const StreamMemory m = estimateOutputDiffMemory(
            fa, fb, chunks * a.nCtx, perplexityLayout(a.nCtx, a.batch, fa.config().nVocab));
        note("memory: about %s at the peak for both models (one block's weights %s, activations %s%s)\n",
             formatMemory(m.peak()).c_str(), formatMemory(m.blockWeights).c_str(),
             formatMemory(m.spilled() ? m.spillBytes : m.activations).c_str(), m.spilled() ? " spilled to disk" : "");
    }
    if (!a.json) {
        std::printf("\nOutputs of B against A on %s:\n%s", a.textFile.c_str(), formatKldChunkHeader().c_str());
        opt.onChunk = [](int64_t chunk, const KldChunkLine& line) {
            std::printf("%s", formatKldChunkLine(chunk, line).c_str());
            std::fflush(stdout);
        };
    }
    const auto t0 = std::chrono::steady_clock::now();
    const OutputDiff d = compareOutputs(fa, fb, tokens, opt, progressPrinter("diff outputs"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!a.json)
        std::printf("\n%s\nA: %s\nB: %s\n", formatKldReport(d.kld).c_str(), formatFinalEstimate(d.pplA).c_str(),
                    formatFinalEstimate(d.pplB).c_str());
    note("diff: outputs of both models on %lld tokens in %.2f s\n", (long long)(d.kld.nChunk * d.kld.nCtx), seconds);
    return outputJson(a, d, tokens.size(), seconds);
}

int runDiff(const std::vector<std::string>& args)
{
    const DiffArgs a = parseArgs(args);
    const auto modelA = openModel(a.pathA);
    const auto modelB = openModel(a.pathB);
    note("diff: %zu tensors of %s against %zu of %s\n", modelB->tensors.size(), modelB->path.c_str(),
         modelA->tensors.size(), modelA->path.c_str());
    const ModelDiff diff = diffModels(*modelA, *modelB, a.options, progressPrinter("diff"));
    Json doc = jsonDocument("diff", modelDiffJson(diff));
    if (!a.json) {
        const std::string text = modelDiffText(diff);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
    }
    if (diff.refusal != DiffRefusal::None) {
        if (a.json)
            printJson(doc);
        throw Error(ErrorCode::Mismatch, "tensors not compared: the models differ in " + diff.refusalDetail);
    }
    if (!a.textFile.empty())
        doc["output"] = compareOutputsOn(a, modelA, modelB);
    if (a.json)
        printJson(doc);
    return 0;
}

const CliRegistrar registrar({"diff", "compare two models: metadata, per-tensor types, sizes and error of B against A,"
                                      " and with -f their outputs on a text", &runDiff});

} // namespace
} // namespace qx::cli
