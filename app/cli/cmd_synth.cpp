// `qexplore-cli synth`: writes a synthetic llama GGUF with LLM-like weight statistics.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"

#include "io/synth_model.h"

#include <chrono>
#include <cstdio>

namespace qx::cli {
namespace {

const char* const kDescription =
    "Writes a llama-architecture GGUF whose weights look like a trained LLM's: Student-t (df 5) values,\n"
    "a spread of per-row scales, 4 outlier input columns (x8) per matrix, norms around 1. The tokenizer\n"
    "is copied from MODEL (a GGUF), which also sets the vocabulary size. Tensors are generated while\n"
    "they are written, so files larger than memory work. The same options and seed give the same bytes.";

void addOptions(CommandLine& cl, SynthOptions& o, std::string& type, std::string& out)
{
    CLI::App& app = cl.app();
    app.add_option("--dim", o.dim, "embedding width")->type_name("D")->required();
    app.add_option("--layers", o.layers, "blocks")->type_name("L")->required();
    app.add_option("--ff", o.ff, "feed-forward width")->type_name("F")->required();
    app.add_option("--heads", o.heads, "attention heads")->type_name("H")->required();
    app.add_option("--kv-heads", o.kvHeads, "key/value heads")->type_name("K")->required();
    cl.input(app.add_option("--vocab-from", o.vocabFrom, "the GGUF whose tokenizer is copied")->type_name("MODEL")->required());
    app.add_option("--seed", o.seed, "random seed")->type_name("S")->required();
    app.add_option("--type", type, "storage type of the matrices: F32 (default) or F16; norms are always F32")
        ->type_name("F32|F16");
    app.add_option("--ctx", o.contextLength, "context length written to the metadata (default 2048)")->type_name("N");
    app.add_option("--head-dim", o.headDim, "attention head size other than dim/heads (writes "
                                            "attention.key_length/value_length)")->type_name("N");
    app.add_flag("--tied", o.tiedEmbeddings, "no output.weight: the output head shares token_embd (tied embeddings)");
    app.add_flag("--rope-freqs", o.ropeFreqs, "add rope_freqs.weight with Llama 3.1's frequency factors "
                                              "(original context 128)");
    cl.output(app.add_option("-o,--output", out, "the file to write")->type_name("OUT.gguf")->required());
}

int runSynth(const std::vector<std::string>& args)
{
    SynthOptions options;
    std::string type = "F32", out;
    CommandLine cl("synth", "--dim D --layers L --ff F --heads H --kv-heads K --vocab-from MODEL\n"
                            "                          --seed S [--type F32|F16] [--ctx N] [--head-dim N] [--tied] [--rope-freqs]\n"
                            "                          -o OUT.gguf", kDescription);
    addOptions(cl, options, type, out);
    cl.parse(args);
    if (type != "F32" && type != "F16" && type != "f32" && type != "f16")
        throw UsageError("--type must be F32 or F16, not '" + type + "'");
    options.type = (type == "F16" || type == "f16") ? TensorType::F16 : TensorType::F32;
    const auto start = std::chrono::steady_clock::now();
    note("synth: writing %s\n", out.c_str());
    const uint64_t size = writeSynthModel(options, out, progressPrinter("synth"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("wrote %s: %llu bytes in %.2f s\n", out.c_str(), static_cast<unsigned long long>(size), seconds);
    return 0;
}

const CliRegistrar registrar({"synth", "write a synthetic llama GGUF with LLM-like weights", &runSynth});

} // namespace
} // namespace qx::cli
