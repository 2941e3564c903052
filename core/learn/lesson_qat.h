#pragma once
// Lesson "QAT live": a model written by `qexplore-cli train` (the demo model) quantized at 2, 3 and 4 bits
// after training (PTQ) and after a short quantization-aware fine-tune with a straight-through estimator
// (core train/qat.h), both scored on held-out stories. Sized to finish in seconds on two cores: a slice of
// the story corpus, short windows and a few dozen steps per bit width.

#include "common/progress.h"
#include "train/trained_model_file.h"
#include "train/trainer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace qx::learn {

struct QatLessonOptions {
    std::vector<int> bits{2, 3, 4};
    int group = 32;
    int64_t steps = 20;          ///< fine-tuning steps per bit width
    int64_t batch = 8;
    int64_t seqLen = 128;
    double lr = 2e-4;
    int threads = 2;
    int64_t trainStories = 600;  ///< first stories of the model's own training corpus
    int64_t validStories = 25;   ///< held-out stories scored
};

struct QatRun {
    int bits = 0;
    double pplPtq = 0, pplQat = 0;  ///< held-out perplexity (trainer evaluation, seqLen windows)
    std::vector<double> curve;      ///< training loss per step (nats/token)
};

struct QatLessonResult {
    double pplFloat = 0;
    std::vector<QatRun> runs;
};

/// Called on the worker thread after each step: run index, step, loss.
using QatStepFn = std::function<void(int run, int64_t step, double loss)>;

/// Runs the lesson on the GGUF at `path` (readTrainedModel; its tokenizer and corpus seed). Throws what
/// readTrainedModel throws, Error(Cancelled) when `progress` returns false.
QatLessonResult runQatLesson(const std::string& path, const QatLessonOptions& options, const QatStepFn& onStep = {},
                             const ProgressFn& progress = {});

} // namespace qx::learn
