// AdamW training loop over random token windows, threaded over the sequences of each batch.
#include "train/trainer.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

namespace qx {
namespace {

struct Window {
    std::vector<int32_t> tokens, targets;
};

Window windowAt(std::span<const int32_t> stream, int64_t start, int64_t len, int32_t bos)
{
    Window w;
    w.tokens.assign(stream.begin() + start, stream.begin() + start + len);
    w.targets.assign(stream.begin() + start + 1, stream.begin() + start + len + 1);
    if (bos >= 0)
        w.tokens[0] = bos;
    return w;
}

/// Runs every window on `threads` workers; returns the summed loss and the summed gradients.
double batchGradients(const TrainShape& shape, std::span<const float> params, const std::vector<Window>& windows,
                      float scale, int threads, std::vector<float>& grads)
{
    const auto n = static_cast<int64_t>(windows.size());
    const int workers = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(resolveThreadCount(threads), n)));
    std::vector<std::vector<float>> partial(static_cast<size_t>(workers), std::vector<float>(params.size(), 0.0f));
    std::vector<double> losses(static_cast<size_t>(workers), 0.0);
    std::vector<std::exception_ptr> errors(static_cast<size_t>(workers));
    auto work = [&](int t) {
        try {
            auto ws = makeWorkspace(shape);
            for (int64_t i = n * t / workers; i < n * (t + 1) / workers; ++i) {
                const Window& w = windows[static_cast<size_t>(i)];
                losses[static_cast<size_t>(t)] += trainStep(shape, params, w.tokens, w.targets, scale,
                                                            partial[static_cast<size_t>(t)], *ws);
            }
        } catch (...) {
            errors[static_cast<size_t>(t)] = std::current_exception();
        }
    };
    parallelFor(workers, workers, [&](int64_t first, int64_t last) {
        for (int64_t t = first; t < last; ++t)
            work(static_cast<int>(t));
    });
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
    grads = std::move(partial[0]);
    for (size_t t = 1; t < partial.size(); ++t)
        for (size_t i = 0; i < grads.size(); ++i)
            grads[i] += partial[t][i];
    double loss = 0.0;
    for (double l : losses)
        loss += l;
    return loss;
}

void clipGradients(std::vector<float>& grads, double maxNorm)
{
    if (maxNorm <= 0.0)
        return;
    double sq = 0.0;
    for (float g : grads)
        sq += static_cast<double>(g) * g;
    const double norm = std::sqrt(sq);
    if (norm > maxNorm) {
        const auto f = static_cast<float>(maxNorm / norm);
        for (float& g : grads)
            g *= f;
    }
}

double learningRate(const TrainOptions& o, int64_t step)
{
    if (step < o.warmup)
        return o.lr * static_cast<double>(step + 1) / static_cast<double>(o.warmup);
    const double span = static_cast<double>(std::max<int64_t>(1, o.steps - o.warmup));
    const double progress = std::min(1.0, static_cast<double>(step - o.warmup) / span);
    const double cosine = 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
    return o.lr * (o.minLrFraction + (1.0 - o.minLrFraction) * cosine);
}

struct Adam {
    std::vector<float> m, v;
    std::vector<char> decay;
};

void adamStep(const TrainOptions& o, int64_t step, double lr, const std::vector<float>& g, Adam& a,
              std::vector<float>& p)
{
    const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(step + 1));
    const double bc2 = 1.0 - std::pow(o.beta2, static_cast<double>(step + 1));
    const auto b1 = static_cast<float>(o.beta1), b2 = static_cast<float>(o.beta2);
    for (size_t i = 0; i < p.size(); ++i) {
        a.m[i] = b1 * a.m[i] + (1.0f - b1) * g[i];
        a.v[i] = b2 * a.v[i] + (1.0f - b2) * g[i] * g[i];
        const double mh = a.m[i] / bc1, vh = a.v[i] / bc2;
        double update = mh / (std::sqrt(vh) + o.adamEps);
        if (a.decay[i])
            update += o.weightDecay * p[i];
        p[i] -= static_cast<float>(lr * update);
    }
}

Adam makeAdam(const TrainShape& shape, size_t count)
{
    Adam a{std::vector<float>(count, 0.0f), std::vector<float>(count, 0.0f), std::vector<char>(count, 0)};
    for (const ParamTensor& t : paramLayout(shape))
        std::fill_n(a.decay.begin() + t.offset, t.count, static_cast<char>(t.isNorm ? 0 : 1));
    return a;
}

} // namespace

std::vector<double> trainModel(const TrainShape& shape, std::vector<float>& params, std::span<const int32_t> stream,
                               const TrainOptions& o, const StepFn& onStep, const ProgressFn& progress,
                               const ParamsTransform& effective)
{
    const auto len = static_cast<int64_t>(stream.size());
    if (o.seqLen < 2 || o.seqLen > shape.ctx || len < o.seqLen + 1 || o.batch < 1 || o.steps < 0)
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "training stream shorter than one window, or bad options");
    std::mt19937_64 rng(o.seed);
    std::uniform_int_distribution<int64_t> startDist(0, len - o.seqLen - 1);
    Adam adam = makeAdam(shape, params.size());
    std::vector<float> grads, seen;
    std::vector<double> curve;
    const float scale = 1.0f / static_cast<float>(o.batch * o.seqLen);
    for (int64_t step = 0; step < o.steps; ++step) {
        std::vector<Window> windows;
        for (int64_t b = 0; b < o.batch; ++b)
            windows.push_back(windowAt(stream, startDist(rng), o.seqLen, o.bosToken));
        if (effective)
            effective(params, seen);
        const double loss = batchGradients(shape, effective ? std::span<const float>(seen) : params, windows,
                                           scale, o.threads, grads) * scale;
        clipGradients(grads, o.clipNorm);
        adamStep(o, step, learningRate(o, step), grads, adam, params);
        curve.push_back(loss);
        if (onStep)
            onStep(step, loss);
        if (progress && !progress(static_cast<double>(step + 1) / static_cast<double>(o.steps)))
            throw Error(ErrorCode::Cancelled, {}, kNoOffset, "training cancelled");
    }
    return curve;
}

double evalLoss(const TrainShape& shape, std::span<const float> params, std::span<const int32_t> stream,
                int64_t seqLen, int64_t maxWindows, int32_t bosToken)
{
    auto ws = makeWorkspace(shape);
    std::vector<float> scratch(params.size(), 0.0f);
    double loss = 0.0;
    int64_t count = 0;
    for (int64_t start = 0; start + seqLen + 1 <= static_cast<int64_t>(stream.size())
         && (maxWindows < 0 || count / seqLen < maxWindows); start += seqLen) {
        const Window w = windowAt(stream, start, seqLen, bosToken);
        loss += trainStep(shape, params, w.tokens, w.targets, 0.0f, scratch, *ws);
        count += seqLen;
    }
    if (count == 0)
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "evaluation stream shorter than one window");
    return loss / static_cast<double>(count);
}

} // namespace qx
