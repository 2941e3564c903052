// `qexplore-cli train`: trains the demo story model from scratch and writes it as a GGUF llama model.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"

#include "train/story_model.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace qx::cli {
namespace {

void addOptions(CommandLine& cl, StoryModelOptions& o, std::string& out, std::string& storage)
{
    CLI::App& app = cl.app();
    cl.output(app.add_option("-o,--out,--output", out, "the GGUF file to write")->type_name("OUT.gguf")->required());
    app.add_option("--dim", o.shape.dim, "embedding width (default 256; multiples of 256 take every K-quant)")->type_name("D");
    app.add_option("--layers", o.shape.layers, "blocks (default 4)")->type_name("L");
    app.add_option("--heads", o.shape.heads, "attention heads (default 4)")->type_name("H");
    app.add_option("--kv-heads", o.shape.kvHeads, "key/value heads (default 2)")->type_name("K");
    app.add_option("--ff", o.shape.ff, "feed-forward width (default 512)")->type_name("F");
    app.add_option("-c,--ctx-size,--ctx", o.shape.ctx, "context length, also the training sequence length\n"
                                                       "(default 128)")->type_name("N");
    app.add_option("--steps", o.train.steps, "optimizer steps (default 1000)")->type_name("N");
    app.add_option("--batch", o.train.batch, "sequences per step (default 16)")->type_name("N");
    app.add_option("--lr", o.train.lr, "peak learning rate (default 0.003)")->type_name("LR")->check(positive());
    app.add_option("--vocab", o.vocabSize, "vocabulary size (default 1024)")->type_name("N");
    app.add_option("--stories", o.corpus.trainStories, "training stories (default 40000)")->type_name("N");
    app.add_option("--seed", o.train.seed, "corpus and training seed (default 1)")->type_name("S");
    app.add_option("--storage", storage, "f16 (default) or f32: how the weight matrices are stored")
        ->type_name("f16|f32");
    cl.addThreads(o.train.threads, "threads (default 2; 0 = all cores)");
}

StoryModelOptions parseArgs(const std::vector<std::string>& args, std::string& out)
{
    StoryModelOptions o;
    o.shape.dim = 256;
    o.shape.layers = 4;
    o.shape.heads = 4;
    o.shape.kvHeads = 2;
    o.shape.ff = 512;
    o.shape.ctx = 128;
    o.train.steps = 1000;
    o.train.batch = 16;
    o.train.lr = 3e-3;
    o.train.seed = 1;
    o.train.threads = 2;
    o.corpus.trainStories = 40000;
    o.vocabSize = 1024;
    CommandLine cl("train", "--out OUT.gguf [--dim 256] [--layers 4] [--heads 4] [--kv-heads 2]\n"
                            "                          [--ff 512] [--ctx 128] [--steps 1000] [--batch 16] [--lr 0.003]\n"
                            "                          [--vocab 1024] [--stories 40000] [--seed 1] [--threads 2]\n"
                            "                          [--storage f16|f32]",
                   "Generates the built-in story corpus (seeded), learns a SentencePiece-style vocabulary from it,\n"
                   "trains a Llama model from scratch (AdamW, cosine schedule, clipping) and writes a GGUF with the\n"
                   "weight matrices in F16 (default) or F32, the tokenizer, the command line and the seed in its\n"
                   "metadata (qexplore.train.*), and the perplexity of the stored weights on the held-out split\n"
                   "(llama-perplexity's method, n_ctx = --ctx; qexplore.heldout.*). Prints the loss, the held-out loss\n"
                   "and perplexity, and the unigram baseline perplexity of the held-out split.");
    std::string storage = "f16";
    addOptions(cl, o, out, storage);
    cl.setFooter("Ctrl-C cancels between steps (exit code 130, no file written).");
    cl.parse(args);
    if (storage != "f16" && storage != "f32")
        throw UsageError("--storage takes f16 or f32, not '" + storage + "'");
    o.storage = storage == "f16" ? MatrixStorage::F16 : MatrixStorage::F32;
    o.train.seqLen = o.shape.ctx;
    o.corpus.seed = o.train.seed;
    return o;
}

std::string commandLine(const std::vector<std::string>& args)
{
    std::string s = "qexplore-cli train";
    for (const std::string& a : args)
        s += " " + a;
    return s;
}

int runTrain(const std::vector<std::string>& args)
{
    std::string out;
    const StoryModelOptions o = parseArgs(args, out);
    const std::clock_t cpu0 = std::clock();
    note("train: %lld steps of %lld sequences\n", static_cast<long long>(o.train.steps),
         static_cast<long long>(o.train.batch));
    const StoryModelResult r = trainStoryModel(o, [&](int64_t step, double loss) {
        if (step % 10 == 0 || step + 1 == o.train.steps)
            std::printf("step %5lld  loss %.4f  cpu %.1f s\n", static_cast<long long>(step), loss,
                        double(std::clock() - cpu0) / CLOCKS_PER_SEC);
        std::fflush(stdout);
    }, cancellable({}));
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    TrainedModel model = r.model;
    const std::string cmd = commandLine(args);
    model.extraKeys = {
        {"general.description", GgufValue::string("Story model trained from scratch by: " + cmd)},
        {"qexplore.train.command", GgufValue::string(cmd)},
        {"qexplore.train.seed", GgufValue::u64(o.train.seed)},
        {"qexplore.train.steps", GgufValue::u64(static_cast<uint64_t>(o.train.steps))},
        {"qexplore.train.stories", GgufValue::u64(static_cast<uint64_t>(o.corpus.trainStories))},
        {"qexplore.train.final_loss", GgufValue::f32(static_cast<float>(r.curve.empty() ? 0.0 : r.curve.back()))},
        {"qexplore.train.valid_loss", GgufValue::f32(static_cast<float>(r.validLoss))},
    };
    for (KeyValue& kv : heldOutKeys(r.heldOut))
        model.extraKeys.push_back(std::move(kv));
    writeTrainedModel(out, model);
    std::printf("parameters %lld, vocab %lld, train tokens %lld, valid tokens %lld, cpu %.1f s\n",
                static_cast<long long>(paramCount(paramLayout(model.shape))),
                static_cast<long long>(model.shape.vocab), static_cast<long long>(r.trainTokens),
                static_cast<long long>(r.validTokens), cpu);
    std::printf("held-out loss %.4f (ppl %.3f), unigram baseline ppl %.3f\n", r.validLoss, std::exp(r.validLoss),
                r.unigramPpl);
    std::printf("held-out perplexity of the stored weights (n_ctx %lld): %.4f +/- %.5f\nwrote %s\n",
                static_cast<long long>(r.heldOut.nCtx), r.heldOut.ppl, r.heldOut.uncertainty, out.c_str());
    return 0;
}

const CliRegistrar registrar({"train", "train the demo story model from scratch and write a GGUF", &runTrain});

} // namespace
} // namespace qx::cli
