#pragma once
// The demo-model pipeline: generate the story corpus, learn its vocabulary, tokenize, train, round the
// matrices to their storage type, measure the held-out perplexity of the weights as stored, and package
// the result as a TrainedModel ready for writeTrainedModel().
#include "common/progress.h"
#include "eval/held_out_figure.h"
#include "train/story_corpus.h"
#include "train/trained_model_file.h"
#include "train/trainer.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qx {

struct StoryModelOptions {
    TrainShape shape;             ///< vocab is set from the learned vocabulary
    TrainOptions train;
    StoryCorpusOptions corpus;
    int64_t vocabSize = 1024;
    MatrixStorage storage = MatrixStorage::F16;
};

struct StoryModelResult {
    TrainedModel model;
    std::vector<double> curve;    ///< training loss per step (nats/token)
    double validLoss = 0.0;       ///< mean held-out loss over ctx-long windows (nats/token)
    double unigramPpl = 0.0;      ///< held-out perplexity of add-one unigram counts from the train split
    HeldOutFigure heldOut;        ///< llama-perplexity's figure (n_ctx = shape.ctx) on the valid split
    int64_t trainTokens = 0;
    int64_t validTokens = 0;
};

/// Runs the pipeline. Throws Error(Cancelled) when `progress` returns false.
StoryModelResult trainStoryModel(const StoryModelOptions& options, const StepFn& onStep = {},
                                 const ProgressFn& progress = {});

/// Perplexity of `eval` (its first token, the BOS, excluded) under add-one smoothed unigram frequencies
/// of `train` over `vocabSize` ids.
double unigramPerplexity(std::span<const int32_t> train, std::span<const int32_t> eval, int64_t vocabSize);

} // namespace qx
