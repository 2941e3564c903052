// `qexplore-cli qat`: quantization-aware fine-tuning of a model written by `qexplore-cli train`.
#include "cli/cli_command.h"

#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "train/qat.h"
#include "train/story_corpus.h"
#include "train/trained_model_file.h"

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
        "Usage: qexplore-cli qat MODEL --bits 2|3|4 [--group 32] [--steps 200] [--lr 0.001] [--batch 16]\n"
        "                        [--threads 2] [--ptq-out PTQ.gguf] -o OUT.gguf\n\n"
        "Fine-tunes a model written by `qexplore-cli train` on its story corpus (same seed) with every weight\n"
        "matrix fake-quantized in the forward pass (uniform asymmetric INT<bits>, one F16 step and zero point\n"
        "per group of --group values) and a straight-through estimator. OUT holds the quantized-then-\n"
        "reconstructed weights as F32, so any evaluator measures the quantized model. --ptq-out writes the\n"
        "same quantization of the original weights (post-training quantization) for comparison.\n");
}

int64_t metaInt(const ModelFile& f, const char* key, int64_t def)
{
    const GgufValue* v = f.findMetadata(key);
    return v && v->isInteger() ? v->toInt() : def;
}

bool parseArgs(const std::vector<std::string>& args, std::string& model, std::map<std::string, std::string>& v)
{
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("-", 0) != 0) {
            model = args[i];
            continue;
        }
        if (i + 1 >= args.size())
            return false;
        v[args[i] == "-o" ? "out" : args[i].substr(2)] = args[i + 1];
        ++i;
    }
    return !model.empty() && v.count("out") && v.count("bits");
}

int runQat(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    std::string path;
    std::map<std::string, std::string> v;
    if (!parseArgs(args, path, v)) {
        std::fprintf(stderr, "qat: MODEL, --bits and -o are required (see --help)\n");
        return 2;
    }
    auto integer = [&](const char* key, int64_t def) { return v.count(key) ? std::atoll(v[key].c_str()) : def; };
    const auto file = openGguf(path);
    TrainedModel model = readTrainedModel(path);
    const Tokenizer tokenizer = Tokenizer::fromGguf(*file);
    StoryCorpusOptions corpus;
    corpus.seed = static_cast<uint64_t>(metaInt(*file, "qexplore.train.seed", 1));
    corpus.trainStories = metaInt(*file, "qexplore.train.stories", corpus.trainStories);
    const auto trainIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Train), true, false);
    const auto validIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Valid), true, false);

    const UniformScheme scheme = qatScheme(static_cast<int>(integer("bits", 4)), static_cast<int>(integer("group", 32)));
    TrainOptions o;
    o.steps = integer("steps", 200);
    o.batch = integer("batch", 16);
    o.lr = v.count("lr") ? std::atof(v["lr"].c_str()) : 1e-3;
    o.warmup = std::min<int64_t>(10, o.steps);
    o.seqLen = model.shape.ctx;
    o.seed = corpus.seed + 1000;
    o.threads = static_cast<int>(integer("threads", 2));
    o.bosToken = 1;
    auto eval = [&](const std::vector<float>& p) { return evalLoss(model.shape, p, validIds, o.seqLen, -1, o.bosToken); };

    const double base = eval(model.params);
    std::vector<float> ptq = fakeQuantParams(model.shape, model.params, scheme);
    const double ptqLoss = eval(ptq);
    if (v.count("ptq-out")) {
        TrainedModel out = model;
        out.params = ptq;
        writeTrainedModel(v["ptq-out"], out);
    }
    const std::clock_t cpu0 = std::clock();
    std::vector<float> latent = model.params;
    qatFineTune(model.shape, latent, trainIds, scheme, o, [&](int64_t step, double loss) {
        if (step % 20 == 0 || step + 1 == o.steps)
            std::printf("step %5lld  loss %.4f  cpu %.1f s\n", static_cast<long long>(step), loss,
                        double(std::clock() - cpu0) / CLOCKS_PER_SEC);
        std::fflush(stdout);
    });
    model.params = fakeQuantParams(model.shape, latent, scheme);
    const double qatLoss = eval(model.params);
    model.extraKeys.push_back({"qexplore.qat.bits", GgufValue::u32(static_cast<uint32_t>(scheme.bits))});
    model.extraKeys.push_back({"qexplore.qat.group", GgufValue::u32(static_cast<uint32_t>(scheme.groupSize))});
    model.extraKeys.push_back({"qexplore.qat.steps", GgufValue::u64(static_cast<uint64_t>(o.steps))});
    writeTrainedModel(v["out"], model);
    std::printf("held-out ppl: float %.3f, PTQ INT%d g%d %.3f, QAT %.3f\nwrote %s\n", std::exp(base), scheme.bits,
                scheme.groupSize, std::exp(ptqLoss), std::exp(qatLoss), v["out"].c_str());
    return 0;
}

const CliRegistrar registrar({"qat", "quantization-aware fine-tuning of a trained model", &runQat});

} // namespace
} // namespace qx::cli
