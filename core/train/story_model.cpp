// The demo-model pipeline.
#include "train/story_model.h"

#include "common/error.h"
#include "eval/perplexity.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "train/corpus_vocab.h"

#include <cmath>

namespace qx {

double unigramPerplexity(std::span<const int32_t> train, std::span<const int32_t> eval, int64_t vocabSize)
{
    std::vector<double> counts(static_cast<size_t>(vocabSize), 1.0);
    double total = static_cast<double>(vocabSize);
    for (size_t i = 1; i < train.size(); ++i) {
        counts[static_cast<size_t>(train[i])] += 1.0;
        total += 1.0;
    }
    double nll = 0.0;
    for (size_t i = 1; i < eval.size(); ++i)
        nll -= std::log(counts[static_cast<size_t>(eval[i])] / total);
    return eval.size() > 1 ? std::exp(nll / static_cast<double>(eval.size() - 1)) : 0.0;
}

namespace {

/// llama-perplexity's figure for the trained weights on the held-out tokens.
HeldOutFigure heldOutPerplexity(const StoryModelOptions& options, const TrainedModel& model,
                                const std::vector<int32_t>& validIds, int32_t bos)
{
    LlamaForward forward(toLlamaWeights(model.shape, model.params), ForwardOptions{options.train.threads, true});
    PerplexityOptions opt;
    opt.nCtx = model.shape.ctx;
    opt.bosToken = bos;
    const PerplexityResult r = computePerplexity(forward, validIds, opt);
    const std::string text = "qexplore-cli corpus --split valid --seed " + std::to_string(options.corpus.seed)
        + " --stories " + std::to_string(options.corpus.validStories);
    return {r.ppl, r.uncertainty, opt.nCtx, static_cast<int64_t>(validIds.size()), text};
}

} // namespace

StoryModelResult trainStoryModel(const StoryModelOptions& options, const StepFn& onStep, const ProgressFn& progress)
{
    // The set-up steps take up to a second each: they ask the progress (at 0) between them and at every merge.
    const ProgressFn setUp = [&](double) { return !progress || progress(0.0); };
    const auto stopIfAsked = [&] {
        if (!setUp(0.0))
            throw Error(ErrorCode::Cancelled, {}, kNoOffset, "training cancelled");
    };
    const std::string trainText = storyCorpus(options.corpus, CorpusSplit::Train);
    const std::string validText = storyCorpus(options.corpus, CorpusSplit::Valid);
    stopIfAsked();
    Vocab vocab = buildCorpusVocab(trainText, options.vocabSize, setUp);
    const Tokenizer tokenizer = Tokenizer::fromVocab(vocab);
    const std::vector<int32_t> trainIds = tokenizer.encode(trainText, true, false);
    stopIfAsked();
    const std::vector<int32_t> validIds = tokenizer.encode(validText, true, false);
    stopIfAsked();

    StoryModelResult r;
    r.model.shape = options.shape;
    r.model.shape.vocab = vocab.size();
    r.model.tokenizerKeys = vocabMetadata(vocab);
    r.model.params = initParams(r.model.shape, options.train.seed);
    TrainOptions train = options.train;
    train.bosToken = vocab.bosId;
    r.curve = trainModel(r.model.shape, r.model.params, trainIds, train, onStep, progress);
    r.model.storage = options.storage;
    if (options.storage == MatrixStorage::F16)
        r.model.params = roundMatricesToF16(r.model.shape, r.model.params);
    r.validLoss = evalLoss(r.model.shape, r.model.params, validIds, train.seqLen, -1, vocab.bosId);
    r.unigramPpl = unigramPerplexity(trainIds, validIds, vocab.size());
    r.heldOut = heldOutPerplexity(options, r.model, validIds, vocab.bosId);
    r.trainTokens = static_cast<int64_t>(trainIds.size());
    r.validTokens = static_cast<int64_t>(validIds.size());
    return r;
}

} // namespace qx
