#include "eval/plan_eval.h"

#include "common/error.h"
#include "common/thread_count.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "plan/planned_weights.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace qx {
namespace {

struct Baseline {
    std::weak_ptr<const ModelFile> model;
    const ModelFile* modelAddress = nullptr;
    uint64_t tokensHash = 0;
    int64_t nCtx = 0, chunks = 0;
    std::string basePath;
    PerplexityResult ppl;
};

/// The cached baselines; deletes their files when the process ends.
struct BaselineCache {
    std::mutex mutex;
    std::vector<Baseline> entries;
    std::atomic<uint64_t> serial{0};

    void clear()
    {
        std::lock_guard lock(mutex);
        for (const Baseline& b : entries) {
            std::error_code ec;
            std::filesystem::remove(b.basePath, ec);
        }
        entries.clear();
    }
    ~BaselineCache() { clear(); }
};

BaselineCache& cache()
{
    static BaselineCache c;
    return c;
}

uint64_t hashTokens(std::span<const int32_t> tokens)
{
    uint64_t h = 1469598103934665603ull;
    for (int32_t t : tokens) {
        h ^= static_cast<uint32_t>(t);
        h *= 1099511628211ull;
    }
    return h ^ tokens.size();
}

const Baseline* findBaseline(const std::shared_ptr<const ModelFile>& model, uint64_t hash, int64_t nCtx,
                             int64_t chunks)
{
    for (const Baseline& b : cache().entries)
        if (b.modelAddress == model.get() && b.model.lock() == model && b.tokensHash == hash && b.nCtx == nCtx
            && b.chunks == chunks)
            return &b;
    return nullptr;
}

std::string newBasePath()
{
    const uint64_t n = cache().serial.fetch_add(1);
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    return (dir / ("qexplore-base-" + std::to_string(::getpid()) + "-" + std::to_string(n) + ".bin")).string();
}

ForwardOptions forwardOptions(const PlanEvalOptions& options)
{
    ForwardOptions fo;
    fo.threads = options.threads;
    fo.memoryBudgetBytes = options.memoryBudgetBytes;
    fo.scratchDir = options.scratchDir;
    return fo;
}

/// The cached baseline, computing it (F32 weights, base-logits file) when missing.
Baseline baseline(const std::shared_ptr<const ModelFile>& model, std::span<const int32_t> tokens,
                  const PlanEvalOptions& options, const ProgressFn& progress, bool& cached)
{
    const uint64_t hash = hashTokens(tokens);
    {
        std::lock_guard lock(cache().mutex);
        if (const Baseline* b = findBaseline(model, hash, options.nCtx, options.chunks)) {
            cached = true;
            return *b;
        }
    }
    cached = false;
    LlamaForward forward(std::make_shared<MappedWeights>(model, options.threads), forwardOptions(options));
    PerplexityOptions po;
    po.nCtx = options.nCtx;
    po.maxChunks = options.chunks;
    po.bosToken = chunkBosToken(*model);
    Baseline b{model, model.get(), hash, options.nCtx, options.chunks, newBasePath(), {}};
    try {
        b.ppl = computePerplexity(forward, tokens, po, progress, b.basePath);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(b.basePath, ec);
        throw;
    }
    std::lock_guard lock(cache().mutex);
    cache().entries.push_back(b);
    return b;
}

/// What every block input of the plan's run depends on besides the weights: the text, how it is cut and
/// the thread count (sums split per thread).
uint64_t runContext(uint64_t tokensHash, const PlanEvalOptions& options)
{
    const int64_t values[] = {int64_t(tokensHash), options.nCtx, options.chunks,
                              int64_t(resolveThreadCount(options.threads))};
    return fingerprint(values, sizeof values);
}

ProgressFn scaled(const ProgressFn& progress, double from, double to)
{
    return [progress, from, to](double f) { return !progress || progress(from + (to - from) * f); };
}

void fillFromKld(const KldResult& k, PlanEvaluation& e)
{
    e.nCtx = k.nCtx, e.nChunk = k.nChunk, e.count = k.count;
    e.ppl = k.pplQ, e.pplUnc = k.pplQUnc;
    e.kldMean = k.kldMean, e.kldUnc = k.kldUnc;
    e.kldMax = k.kldMax, e.kld99 = k.kld99, e.kld95 = k.kld95, e.kld90 = k.kld90, e.kldMedian = k.kldMedian;
    e.sameTop = k.sameTop, e.sameTopUnc = k.sameTopUnc, e.rmsDp = k.rmsDp;
}

} // namespace

double planBitsPerWeight(const ModelFile& model, const Plan& plan, const SchemeChoices* schemes)
{
    double bytes = 0.0, params = 0.0;
    for (const PlanEntry& entry : plan.entries) {
        const TensorInfo* t = model.findTensor(entry.tensor);
        if (!t)
            continue;
        const uint64_t n = t->elementCount();
        const auto scheme = schemes ? schemes->find(entry.tensor) : SchemeChoices::const_iterator();
        const std::optional<uint64_t> b = schemes && scheme != schemes->end()
                                              ? schemeChoiceBytes(scheme->second, t->rows(), t->rowLength())
                                              : tensorBytes(entry.type, n);
        if (!b)
            continue;
        bytes += static_cast<double>(*b);
        params += static_cast<double>(n);
    }
    return params > 0.0 ? 8.0 * bytes / params : 0.0;
}

PlanEvaluation evaluatePlan(std::shared_ptr<const ModelFile> model, const Plan& plan,
                            std::span<const int32_t> tokens, const PlanEvalOptions& options,
                            const ProgressFn& progress)
{
    if (!model)
        throw Error(ErrorCode::InvalidArgument, "evaluatePlan: no model");
    validatePlan(*model, plan);
    PlanEvaluation e;
    const Baseline base = baseline(model, tokens, options, scaled(progress, 0.0, 0.5), e.baselineCached);
    const double kldFrom = e.baselineCached ? 0.0 : 0.5;

    auto weights = std::make_shared<PlannedWeights>(std::make_shared<MappedWeights>(model, options.threads), plan,
                                                    options.imatrix, options.substitutions, options.schemes,
                                                    options.packed);
    LlamaForward forward(weights, forwardOptions(options));
    forward.setActivationTransform(options.activationTransform);
    KldBaseReader reader(base.basePath);
    KldOptions ko;
    ko.bosToken = chunkBosToken(*model);
    e.blockCount = forward.config().nLayer;
    RunSignature signature;
    if (options.blockInputs && !options.activationTransform) {
        signature = planRunSignature(e.blockCount, plan, runContext(hashTokens(tokens), options),
                                                        options.imatrix.get(), options.substitutions.get(),
                                                        options.schemes.get(), options.packed.get());
        ko.run = [&](std::span<const int32_t> t, const StreamLayout& layout, LogitSink& sink, const ProgressFn& p) {
            e.resumedAt = options.blockInputs->run(model, forward, t, layout, signature, sink, p, options.onBlock);
        };
    } else if (options.onBlock) {
        forward.setBlockHook([&](int64_t layer, ActivationStore&) { options.onBlock({0, layer + 1, e.blockCount}); });
        options.onBlock({0, 0, e.blockCount});
    }
    e.kld = computeKld(forward, reader, ko, scaled(progress, kldFrom, 1.0));
    fillFromKld(e.kld, e);
    e.pplBase = base.ppl.ppl, e.pplBaseUnc = base.ppl.uncertainty;
    e.fileBytes = predictedFileSize(*model, plan);
    e.bitsPerWeight = planBitsPerWeight(*model, plan, options.schemes.get());
    return e;
}

void clearPlanEvalCache() { cache().clear(); }

size_t planEvalCacheSize()
{
    std::lock_guard lock(cache().mutex);
    return cache().entries.size();
}

} // namespace qx
