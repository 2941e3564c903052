// `qexplore-cli qat`: quantization-aware fine-tuning of a model written by `qexplore-cli train`.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"

#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "train/qat.h"
#include "train/story_corpus.h"
#include "train/trained_model_file.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace qx::cli {
namespace {

struct QatArgs {
    std::string model, out, ptqOut;
    int bits = 4, group = 32, threads = 2;
    int64_t steps = 200, batch = 16;
    double lr = 1e-3;
};

QatArgs parseArgs(const std::vector<std::string>& args)
{
    QatArgs a;
    CommandLine cl("qat", "MODEL --bits 2|3|4 [--group 32] [--steps 200] [--lr 0.001] [--batch 16]\n"
                          "                        [--threads 2] [--ptq-out PTQ.gguf] -o OUT.gguf",
                   "Fine-tunes a model written by `qexplore-cli train` on its story corpus (same seed) with every weight\n"
                   "matrix fake-quantized in the forward pass (uniform asymmetric INT<bits>, one F16 step and zero point\n"
                   "per group of --group values) and a straight-through estimator. OUT holds the quantized-then-\n"
                   "reconstructed weights as F32, so any evaluator measures the quantized model. --ptq-out writes the\n"
                   "same quantization of the original weights (post-training quantization) for comparison.");
    CLI::App& app = cl.app();
    cl.addModel(a.model, "a model written by `qexplore-cli train`");
    app.add_option("--bits", a.bits, "bits per weight: 2, 3 or 4")->type_name("B")->required();
    app.add_option("--group", a.group, "values per group (default 32)")->type_name("G")->check(positive());
    app.add_option("--steps", a.steps, "fine-tuning steps (default 200)")->type_name("N");
    app.add_option("--lr", a.lr, "learning rate (default 0.001)")->type_name("LR")->check(positive());
    app.add_option("--batch", a.batch, "sequences per step (default 16)")->type_name("N");
    cl.addThreads(a.threads, "threads (default 2; 0 = all cores)");
    cl.output(app.add_option("--ptq-out", a.ptqOut, "also write the post-training quantization")->type_name("PTQ.gguf"));
    cl.output(app.add_option("-o,--out,--output", a.out, "the GGUF file to write")->type_name("OUT.gguf")->required());
    cl.setFooter("Ctrl-C cancels between steps (exit code 130, no file written).");
    cl.parse(args);
    return a;
}

int64_t metaInt(const ModelFile& f, const char* key, int64_t def)
{
    const GgufValue* v = f.findMetadata(key);
    return v && v->isInteger() ? v->toInt() : def;
}

int runQat(const std::vector<std::string>& args)
{
    const QatArgs a = parseArgs(args);
    const std::string& path = a.model;
    const auto file = openGguf(path);
    TrainedModel model = readTrainedModel(path);
    const Tokenizer tokenizer = Tokenizer::fromGguf(*file);
    StoryCorpusOptions corpus;
    corpus.seed = static_cast<uint64_t>(metaInt(*file, "qexplore.train.seed", 1));
    corpus.trainStories = metaInt(*file, "qexplore.train.stories", corpus.trainStories);
    const auto trainIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Train), true, false);
    const auto validIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Valid), true, false);

    const UniformScheme scheme = qatScheme(a.bits, a.group);
    TrainOptions o;
    o.steps = a.steps;
    o.batch = a.batch;
    o.lr = a.lr;
    o.warmup = std::min<int64_t>(10, o.steps);
    o.seqLen = model.shape.ctx;
    o.seed = corpus.seed + 1000;
    o.threads = a.threads;
    o.bosToken = 1;
    auto eval = [&](const std::vector<float>& p) { return evalLoss(model.shape, p, validIds, o.seqLen, -1, o.bosToken); };

    const double base = eval(model.params);
    std::vector<float> ptq = fakeQuantParams(model.shape, model.params, scheme);
    const double ptqLoss = eval(ptq);
    if (!a.ptqOut.empty()) {
        TrainedModel out = model;
        out.params = ptq;
        writeTrainedModel(a.ptqOut, out);
    }
    const std::clock_t cpu0 = std::clock();
    std::vector<float> latent = model.params;
    qatFineTune(model.shape, latent, trainIds, scheme, o, [&](int64_t step, double loss) {
        if (step % 20 == 0 || step + 1 == o.steps)
            std::printf("step %5lld  loss %.4f  cpu %.1f s\n", static_cast<long long>(step), loss,
                        double(std::clock() - cpu0) / CLOCKS_PER_SEC);
        std::fflush(stdout);
    }, cancellable({}));
    model.params = fakeQuantParams(model.shape, latent, scheme);
    const double qatLoss = eval(model.params);
    model.extraKeys.push_back({"qexplore.qat.bits", GgufValue::u32(static_cast<uint32_t>(scheme.bits))});
    model.extraKeys.push_back({"qexplore.qat.group", GgufValue::u32(static_cast<uint32_t>(scheme.groupSize))});
    model.extraKeys.push_back({"qexplore.qat.steps", GgufValue::u64(static_cast<uint64_t>(o.steps))});
    writeTrainedModel(a.out, model);
    std::printf("held-out ppl: float %.3f, PTQ INT%d g%d %.3f, QAT %.3f\nwrote %s\n", std::exp(base), scheme.bits,
                scheme.groupSize, std::exp(ptqLoss), std::exp(qatLoss), a.out.c_str());
    return 0;
}

const CliRegistrar registrar({"qat", "quantization-aware fine-tuning of a trained model", &runQat});

} // namespace
} // namespace qx::cli
