// `qexplore-cli train`: trains the demo story model from scratch and writes it as a GGUF llama model.
#include "cli/cli_command.h"

#include "train/story_model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli train --out OUT.gguf [--dim 256] [--layers 4] [--heads 4] [--kv-heads 2]\n"
        "                          [--ff 512] [--ctx 128] [--steps 1500] [--batch 16] [--lr 0.003]\n"
        "                          [--vocab 1024] [--stories 40000] [--seed 1] [--threads 2]\n"
        "                          [--storage f16|f32]\n\n"
        "Generates the built-in story corpus (seeded), learns a SentencePiece-style vocabulary from it,\n"
        "trains a Llama model from scratch (AdamW, cosine schedule, clipping) and writes a GGUF with the\n"
        "weight matrices in F16 (default) or F32, the tokenizer, the command line and the seed in its\n"
        "metadata (qexplore.train.*), and the perplexity of the stored weights on the held-out split\n"
        "(llama-perplexity's method, n_ctx = --ctx; qexplore.heldout.*). Prints the loss, the held-out loss\n"
        "and perplexity, and the unigram baseline perplexity of the held-out split.\n");
}

bool parseArgs(const std::vector<std::string>& args, std::map<std::string, std::string>& v)
{
    for (size_t i = 0; i < args.size(); i += 2) {
        if (args[i].rfind("--", 0) != 0 || i + 1 >= args.size()) {
            std::fprintf(stderr, "train: bad argument '%s' (see --help)\n", args[i].c_str());
            return false;
        }
        v[args[i].substr(2)] = args[i + 1];
    }
    return true;
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
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    std::map<std::string, std::string> v;
    if (!parseArgs(args, v) || !v.count("out")) {
        std::fprintf(stderr, "train: --out is required (see --help)\n");
        return 2;
    }
    auto num = [&](const char* key, double def) { return v.count(key) ? std::atof(v[key].c_str()) : def; };
    auto integer = [&](const char* key, int64_t def) { return v.count(key) ? std::atoll(v[key].c_str()) : def; };
    StoryModelOptions o;
    o.shape.dim = integer("dim", 256);
    o.shape.layers = integer("layers", 4);
    o.shape.heads = integer("heads", 4);
    o.shape.kvHeads = integer("kv-heads", 2);
    o.shape.ff = integer("ff", 512);
    o.shape.ctx = integer("ctx", 128);
    o.train.steps = integer("steps", 1500);
    o.train.batch = integer("batch", 16);
    o.train.lr = num("lr", 3e-3);
    o.train.seqLen = o.shape.ctx;
    o.train.seed = static_cast<uint64_t>(integer("seed", 1));
    o.train.threads = static_cast<int>(integer("threads", 2));
    o.corpus.seed = o.train.seed;
    o.corpus.trainStories = integer("stories", 40000);
    o.vocabSize = integer("vocab", 1024);
    const std::string storage = v.count("storage") ? v["storage"] : "f16";
    if (storage != "f16" && storage != "f32") {
        std::fprintf(stderr, "train: --storage takes f16 or f32, not '%s'\n", storage.c_str());
        return 2;
    }
    o.storage = storage == "f16" ? MatrixStorage::F16 : MatrixStorage::F32;

    const std::clock_t cpu0 = std::clock();
    const StoryModelResult r = trainStoryModel(o, [&](int64_t step, double loss) {
        if (step % 10 == 0 || step + 1 == o.train.steps)
            std::printf("step %5lld  loss %.4f  cpu %.1f s\n", static_cast<long long>(step), loss,
                        double(std::clock() - cpu0) / CLOCKS_PER_SEC);
        std::fflush(stdout);
    });
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
    writeTrainedModel(v["out"], model);
    std::printf("parameters %lld, vocab %lld, train tokens %lld, valid tokens %lld, cpu %.1f s\n",
                static_cast<long long>(paramCount(paramLayout(model.shape))),
                static_cast<long long>(model.shape.vocab), static_cast<long long>(r.trainTokens),
                static_cast<long long>(r.validTokens), cpu);
    std::printf("held-out loss %.4f (ppl %.3f), unigram baseline ppl %.3f\n", r.validLoss, std::exp(r.validLoss),
                r.unigramPpl);
    std::printf("held-out perplexity of the stored weights (n_ctx %lld): %.4f +/- %.5f\nwrote %s\n",
                static_cast<long long>(r.heldOut.nCtx), r.heldOut.ppl, r.heldOut.uncertainty, v["out"].c_str());
    return 0;
}

const CliRegistrar registrar({"train", "train the demo story model from scratch and write a GGUF", &runTrain});

} // namespace
} // namespace qx::cli
