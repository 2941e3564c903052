// `qexplore-cli sensitivity`: measured sensitivity — the mean KLD against the F32 model when one tensor is
// quantized alone (enable-one) or when everything but one tensor is (disable-one), listed per tensor, per
// layer and per tensor class, most sensitive first.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "io/model_file.h"
#include "model/stream_memory.h"
#include "model/tokenizer.h"
#include "plan/sensitivity.h"

#include <algorithm>
#include <cstdio>

namespace qx::cli {
namespace {

struct SensitivityArgs {
    std::string model, textFile;
    TensorType type = TensorType::Q4_K;
    SensitivityMode mode = SensitivityMode::EnableOne;
    int64_t ctx = 128, maxTokens = 1024;
    int threads = 0;
    std::string memBudget, scratchDir;
    bool json = false;
};

const char* const kDescription =
    "Measures what quantizing does to the model's output: the mean KL divergence (nats) of the softmaxed\n"
    "logits against the unquantized model over the second half of each sequence of the text.\n"
    "  enable-one   only the tensor is quantized (its sensitivity), everything else stays F32\n"
    "  disable-one  every quantizable tensor is quantized except this one (what keeping it saves)\n"
    "Weights are the bit-exact quantize->dequantize round trip; tensors whose rows do not fit TYPE are\n"
    "left out (measure them with a type that fits, e.g. Q8_0 or F16). Prints per tensor, then per layer\n"
    "(blk.N) and per tensor class (attn_q, ffn_down, ...), most sensitive first.\n"
    "The model is streamed block by block from its file; each measurement starts at the block it changes\n"
    "(the inputs of every block are kept, on disk when they do not fit the memory budget).";

SensitivityArgs parseArgs(const std::vector<std::string>& args)
{
    SensitivityArgs a;
    std::string type = "Q4_K", mode = "enable-one";
    CommandLine cl("sensitivity", "MODEL -f TEXT [--type Q4_K] [--mode enable-one|disable-one]\n"
                                  "                                [--ctx N] [--tokens N] [-t N] [--mem-budget SIZE]\n"
                                  "                                [--scratch DIR] [--json]", kDescription);
    CLI::App& app = cl.app();
    cl.addModel(a.model);
    cl.input(app.add_option("-f,--file", a.textFile, "the text to measure on (MODEL :demo: its held-out text by default)")
        ->type_name("TEXT"));
    app.add_option("--type", type, "the quantization type (default Q4_K)")->type_name("T");
    app.add_option("--mode", mode, "enable-one (default) or disable-one")->type_name("M");
    app.add_option("-c,--ctx-size,--ctx", a.ctx, "sequence length (default 128)")->type_name("N");
    app.add_option("--tokens", a.maxTokens, "at most N tokens of TEXT (default 1024)")->type_name("N");
    cl.addThreads(a.threads);
    app.add_option("--mem-budget", a.memBudget, "memory the run may use, e.g. 6G or 4500M (default: 3/4 of physical\n"
                                                "memory); what is needed is predicted first")->type_name("SIZE");
    app.add_option("--scratch", a.scratchDir, "where block inputs and base logits go when they do not fit the budget\n"
                                              "(default: the temporary folder)")->type_name("DIR");
    cl.addJson(a.json);
    cl.setFooter("Ctrl-C cancels (exit code 130).");
    cl.parse(args);
    if (a.textFile.empty() && !isDemoArg(a.model))
        throw UsageError("--file is required");
    const auto t = tensorTypeFromName(type);
    if (!t)
        throw UsageError("--type: unknown type " + type);
    a.type = *t;
    if (mode != "enable-one" && mode != "disable-one")
        throw UsageError("--mode must be enable-one or disable-one, not " + mode);
    a.mode = mode == "enable-one" ? SensitivityMode::EnableOne : SensitivityMode::DisableOne;
    if (!a.memBudget.empty() && !parseByteSize(a.memBudget))
        throw UsageError("--mem-budget takes a size such as 6G or 4500M, not '" + a.memBudget + "'");
    if (a.ctx < 4 || a.maxTokens < a.ctx)
        throw UsageError("--ctx must be at least 4 and --tokens at least --ctx");
    return a;
}

std::vector<int32_t> measurementTokens(const SensitivityArgs& a)
{
    const std::string text = readTextArg(a.textFile, a.model, TextRole::Evaluation);
    std::vector<int32_t> tokens = openTokenizerArg(a.model).encode(text, true);
    const int64_t n = std::min<int64_t>(a.maxTokens, static_cast<int64_t>(tokens.size())) / a.ctx * a.ctx;
    if (n <= 0) throw Error(ErrorCode::InvalidArgument, textArgName(a.textFile, a.model, TextRole::Evaluation), kNoOffset, "the text is shorter than one sequence");
    tokens.resize(static_cast<size_t>(n));
    return tokens;
}

/// Most sensitive first.
std::vector<SensitivityEntry> sorted(std::vector<SensitivityEntry> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.kld > y.kld; });
    return rows;
}

void printTable(const char* title, const std::vector<SensitivityEntry>& rows)
{
    std::printf("\n%s\n%-32s %14s\n", title, "name", "mean KLD");
    for (const SensitivityEntry& e : sorted(rows))
        std::printf("%-32s %14.6g\n", e.name.c_str(), e.kld);
}

Json entriesJson(const std::vector<SensitivityEntry>& rows)
{
    Json out = Json::array();
    for (const SensitivityEntry& e : sorted(rows))
        out.push_back({{"name", e.name}, {"kld", e.kld}});
    return out;
}

Json sensitivityJson(const SensitivityArgs& a, const SensitivityResult& r, size_t tokenCount)
{
    Json doc = jsonDocument("sensitivity");
    doc.update(Json{{"model", a.model}, {"text", a.textFile}, {"type", tensorTypeName(a.type)},
                    {"mode", a.mode == SensitivityMode::EnableOne ? "enable-one" : "disable-one"},
                    {"n_ctx", a.ctx}, {"tokens", tokenCount}, {"tensors", entriesJson(r.tensors)},
                    {"layers", entriesJson(r.layers)}, {"classes", entriesJson(r.classes)}});
    return doc;
}

int runSensitivity(const std::vector<std::string>& args)
{
    const SensitivityArgs a = parseArgs(args);
    const auto model = openModelArg(a.model);
    const std::vector<int32_t> tokens = measurementTokens(a);
    note("sensitivity: %zu tokens in sequences of %lld\n", tokens.size(), static_cast<long long>(a.ctx));
    SensitivityEngine engine;
    engine.threads = a.threads;
    engine.memoryBudgetBytes = a.memBudget.empty() ? 0 : *parseByteSize(a.memBudget);
    engine.scratchDir = a.scratchDir;
    const SensitivityResult r =
        measureSensitivity(model, tokens, a.ctx, a.type, a.mode, nullptr, progressPrinter("sensitivity"), engine);
    if (a.json) {
        printJson(sensitivityJson(a, r, tokens.size()));
        return 0;
    }
    const std::string type(tensorTypeName(a.type));
    std::printf("%s sensitivity to %s (mean KLD in nats against the unquantized model)\n",
                a.mode == SensitivityMode::EnableOne ? "enable-one" : "disable-one", type.c_str());
    printTable("per tensor:", r.tensors);
    printTable("per layer (mean of its tensors):", r.layers);
    printTable("per tensor class (mean of its tensors):", r.classes);
    return 0;
}

const CliRegistrar registrar({"sensitivity", "measured KLD per tensor, layer and tensor class (enable-one / disable-one)",
                              &runSensitivity});

} // namespace
} // namespace qx::cli
