// `qexplore-cli synth`: writes a synthetic llama GGUF with LLM-like weight statistics.
#include "cli/cli_command.h"

#include "io/synth_model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unistd.h>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli synth --dim D --layers L --ff F --heads H --kv-heads K --vocab-from MODEL\n"
        "                          --seed S [--type F32|F16] [--ctx N] [--head-dim N] [--tied] [--rope-freqs]\n"
        "                          -o OUT.gguf\n\n"
        "Writes a llama-architecture GGUF whose weights look like a trained LLM's: Student-t (df 5) values,\n"
        "a spread of per-row scales, 4 outlier input columns (x8) per matrix, norms around 1. The tokenizer\n"
        "is copied from MODEL (a GGUF), which also sets the vocabulary size. Tensors are generated while\n"
        "they are written, so files larger than memory work. The same options and seed give the same bytes.\n\n"
        "  --type   storage type of the matrices (default F32; norms are always F32)\n"
        "  --ctx    context length written to the metadata (default 2048)\n"
        "  --head-dim N   attention head size other than dim/heads (writes attention.key_length/value_length)\n"
        "  --tied         no output.weight: the output head shares token_embd (tied embeddings)\n"
        "  --rope-freqs   add rope_freqs.weight with Llama 3.1's frequency factors (original context 128)\n");
}

bool parseInt(const std::string& text, int64_t& out)
{
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0')
        return false;
    out = v;
    return true;
}

/// Reads `--name value` pairs into `values`; returns false (after a message) on a malformed command line.
bool collectOptions(const std::vector<std::string>& args, std::map<std::string, std::string>& values)
{
    static const char* const kKnown[] = {"--dim", "--layers", "--ff", "--heads", "--kv-heads", "--vocab-from",
                                         "--seed", "--type", "--ctx", "--head-dim", "-o"};
    static const char* const kSwitches[] = {"--tied", "--rope-freqs"};
    for (size_t i = 0; i < args.size();) {
        const std::string& name = args[i];
        if (std::find(std::begin(kSwitches), std::end(kSwitches), name) != std::end(kSwitches)) {
            values[name] = "1";
            ++i;
            continue;
        }
        if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown) || i + 1 >= args.size()) {
            std::fprintf(stderr, "qexplore-cli synth: unexpected '%s' (see --help)\n", name.c_str());
            return false;
        }
        values[name] = args[i + 1];
        i += 2;
    }
    return true;
}

bool buildOptions(const std::map<std::string, std::string>& v, SynthOptions& o, std::string& out)
{
    for (const char* required : {"--dim", "--layers", "--ff", "--heads", "--kv-heads", "--vocab-from", "--seed", "-o"})
        if (!v.count(required)) {
            std::fprintf(stderr, "qexplore-cli synth: %s is required (see --help)\n", required);
            return false;
        }
    int64_t seed = 0;
    const bool ok = parseInt(v.at("--dim"), o.dim) && parseInt(v.at("--layers"), o.layers) && parseInt(v.at("--ff"), o.ff)
        && parseInt(v.at("--heads"), o.heads) && parseInt(v.at("--kv-heads"), o.kvHeads)
        && parseInt(v.at("--seed"), seed) && (!v.count("--ctx") || parseInt(v.at("--ctx"), o.contextLength))
        && (!v.count("--head-dim") || parseInt(v.at("--head-dim"), o.headDim));
    if (!ok) {
        std::fprintf(stderr, "qexplore-cli synth: sizes and the seed must be integers\n");
        return false;
    }
    o.seed = static_cast<uint64_t>(seed);
    const std::string type = v.count("--type") ? v.at("--type") : "F32";
    if (type != "F32" && type != "F16" && type != "f32" && type != "f16") {
        std::fprintf(stderr, "qexplore-cli synth: --type must be F32 or F16\n");
        return false;
    }
    o.type = (type == "F16" || type == "f16") ? TensorType::F16 : TensorType::F32;
    o.vocabFrom = v.at("--vocab-from");
    o.tiedEmbeddings = v.count("--tied") > 0;
    o.ropeFreqs = v.count("--rope-freqs") > 0;
    out = v.at("-o");
    return true;
}

int runSynth(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    std::map<std::string, std::string> values;
    SynthOptions options;
    std::string out;
    if (!collectOptions(args, values) || !buildOptions(values, options, out))
        return 2;
    const auto start = std::chrono::steady_clock::now();
    int lastPercent = 0;
    const bool interactive = ::isatty(2) != 0;
    const uint64_t size = writeSynthModel(options, out, [&](double f) {
        const int percent = static_cast<int>(f * 100);
        if (interactive && percent / 10 != lastPercent / 10)
            std::fprintf(stderr, "synth: %d%%\n", percent);
        lastPercent = percent;
        return true;
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("wrote %s: %llu bytes in %.2f s\n", out.c_str(), static_cast<unsigned long long>(size), seconds);
    return 0;
}

const CliRegistrar registrar({"synth", "write a synthetic llama GGUF with LLM-like weights", &runSynth});

} // namespace
} // namespace qx::cli
