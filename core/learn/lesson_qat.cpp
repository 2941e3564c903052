#include "learn/lesson_qat.h"

#include "common/error.h"
#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "train/qat.h"
#include "train/story_corpus.h"

#include <cmath>

namespace qx::learn {

QatLessonResult runQatLesson(const std::string& path, const QatLessonOptions& options, const QatStepFn& onStep,
                             const ProgressFn& progress)
{
    const auto file = openGguf(path);
    const TrainedModel model = readTrainedModel(path);
    const Tokenizer tokenizer = Tokenizer::fromGguf(*file);
    StoryCorpusOptions corpus;
    const GgufValue* seed = file->findMetadata("qexplore.train.seed");
    corpus.seed = seed && seed->isInteger() ? static_cast<uint64_t>(seed->toInt()) : 1;
    corpus.trainStories = options.trainStories;
    corpus.validStories = options.validStories;
    const auto trainIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Train), true, false);
    const auto validIds = tokenizer.encode(storyCorpus(corpus, CorpusSplit::Valid), true, false);

    TrainOptions o;
    o.steps = options.steps;
    o.batch = options.batch;
    o.seqLen = std::min(options.seqLen, model.shape.ctx);
    o.lr = options.lr;
    o.warmup = std::min<int64_t>(5, o.steps);
    o.seed = corpus.seed + 1000;
    o.threads = options.threads;
    o.bosToken = 1;
    auto ppl = [&](const std::vector<float>& p) {
        return std::exp(evalLoss(model.shape, p, validIds, o.seqLen, -1, o.bosToken));
    };
    QatLessonResult result;
    result.pplFloat = ppl(model.params);
    const double runs = static_cast<double>(options.bits.size());
    for (size_t i = 0; i < options.bits.size(); ++i) {
        const UniformScheme scheme = qatScheme(options.bits[i], options.group);
        QatRun run;
        run.bits = options.bits[i];
        run.pplPtq = ppl(fakeQuantParams(model.shape, model.params, scheme));
        std::vector<float> latent = model.params;
        const auto index = static_cast<int>(i);
        run.curve = qatFineTune(model.shape, latent, trainIds, scheme, o,
            [&](int64_t step, double loss) { if (onStep) onStep(index, step, loss); },
            [&](double f) { return !progress || progress((static_cast<double>(i) + f) / runs); });
        run.pplQat = ppl(fakeQuantParams(model.shape, latent, scheme));
        result.runs.push_back(std::move(run));
    }
    return result;
}

} // namespace qx::learn
