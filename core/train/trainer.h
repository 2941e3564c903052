#pragma once
// Training loop for the Llama model of train/train_model.h: random windows of a token stream, AdamW with
// linear warm-up and cosine decay, global gradient-norm clipping, a fixed number of worker threads.
//
// Determinism: the same parameters, stream, options and thread count give bit-identical results (each
// thread owns a fixed slice of every batch and the per-thread gradients are summed in thread order).
// Each window starts with `bosToken` in place of its first token, as the perplexity evaluator does.
#include "common/progress.h"
#include "train/train_model.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace qx {

struct TrainOptions {
    int64_t steps = 300;
    int64_t batch = 16;           ///< sequences per step
    int64_t seqLen = 128;         ///< tokens per sequence (<= shape.ctx)
    double lr = 3e-3;
    double minLrFraction = 0.1;   ///< cosine decay ends at lr · minLrFraction
    int64_t warmup = 20;
    double beta1 = 0.9, beta2 = 0.95, adamEps = 1e-8;
    double weightDecay = 0.1;     ///< decoupled, matrices only (not norm gains)
    double clipNorm = 1.0;        ///< global L2 norm limit; <= 0 disables
    uint64_t seed = 1;            ///< window sampling
    int threads = 2;
    int32_t bosToken = 1;         ///< < 0: keep the stream's own first token
};

/// Called after every step with the step index (0-based) and the mean training loss (nats/token).
using StepFn = std::function<void(int64_t step, double loss)>;

/// Maps the parameters to the weights the forward pass sees (QAT fake quantization).
using ParamsTransform = std::function<void(std::span<const float> params, std::vector<float>& effective)>;

/// Trains `params` in place on `stream` and returns the loss of every step. `effective`, when set, maps the
/// parameters to the weights the forward pass sees (fake quantization); gradients with respect to those
/// weights are applied to `params` unchanged (straight-through estimator). Throws Error(Cancelled) when
/// `progress` returns false, Error(InvalidArgument) for a stream shorter than one window.
std::vector<double> trainModel(const TrainShape& shape, std::vector<float>& params, std::span<const int32_t> stream,
                               const TrainOptions& options, const StepFn& onStep = {},
                               const ProgressFn& progress = {}, const ParamsTransform& effective = {});

/// Mean cross-entropy (nats/token) over consecutive windows of `stream` (same BOS rule as training).
double evalLoss(const TrainShape& shape, std::span<const float> params, std::span<const int32_t> stream,
                int64_t seqLen, int64_t maxWindows, int32_t bosToken);

} // namespace qx
