// Incremental re-evaluation (eval/block_input_cache.h): a plan is evaluated with the block-input cache,
// then the types of its last blocks change and it is evaluated again. Prints the wall time of that
// re-evaluation beside a full evaluation of the changed plan (same process, baseline already cached, one
// after the other) and their ratio — the target is ≤ 25 % for the last 4 of 32 blocks — and
// checks that both give the same figures to the last bit.
//
//   incremental_bench MODEL TEXT [--ctx 512] [--chunks 2] [--threads 2] [--last 4] [--preset Q4_K_M]
//                     [--to Q8_0] [--scratch DIR] [--budget SIZE]
#include "common/error.h"
#include "eval/block_input_cache.h"
#include "eval/plan_eval.h"
#include "io/model_file.h"
#include "model/stream_memory.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "io/tensor_type.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

using namespace qx;

namespace {

struct Args {
    std::string model, text, preset = "Q4_K_M", to = "Q8_0", scratch;
    int64_t ctx = 512, chunks = 2, last = 4;
    int threads = 2;
    uint64_t budget = 0;
};

Args parse(int argc, char** argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        const auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (s == "--ctx") a.ctx = std::atoll(next().c_str());
        else if (s == "--chunks") a.chunks = std::atoll(next().c_str());
        else if (s == "--threads") a.threads = std::atoi(next().c_str());
        else if (s == "--last") a.last = std::atoll(next().c_str());
        else if (s == "--preset") a.preset = next();
        else if (s == "--to") a.to = next();
        else if (s == "--scratch") a.scratch = next();
        else if (s == "--budget") a.budget = parseByteSize(next()).value_or(0);
        else if (a.model.empty()) a.model = s;
        else a.text = s;
    }
    return a;
}

double seconds(const std::function<void()>& work)
{
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// `plan` with the matrices of the last `last` blocks in `type` (where their rows take it).
Plan changeLastBlocks(Plan plan, int64_t layers, int64_t last, TensorType type)
{
    const int64_t block = tensorTypeInfo(type)->blockSize;
    for (int64_t l = layers - last; l < layers; ++l) {
        const std::string prefix = "blk." + std::to_string(l) + ".";
        for (PlanEntry& e : plan.entries)
            if (e.tensor.rfind(prefix, 0) == 0 && e.ne.size() == 2 && e.ne[0] % block == 0)
                e.type = type;
    }
    plan.preset.clear();
    return plan;
}

void print(const char* what, double s, const PlanEvaluation& e)
{
    std::printf("%-44s %8.2f s   PPL %.4f  KLD %.6f  resumed at block %lld of %lld\n", what, s, e.ppl, e.kldMean,
                static_cast<long long>(e.resumedAt), static_cast<long long>(e.blockCount));
}

} // namespace

int main(int argc, char** argv)
{
    const Args a = parse(argc, argv);
    if (a.model.empty() || a.text.empty()) {
        std::fprintf(stderr, "usage: incremental_bench MODEL TEXT [--ctx N] [--chunks K] [--threads T] [--last L] "
                             "[--preset MIX] [--to TYPE] [--scratch DIR] [--budget SIZE]\n");
        return 2;
    }
    try {
        auto model = openModel(a.model);
        std::ifstream in(a.text, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const std::vector<int32_t> tokens = Tokenizer::fromGguf(*model).encode(text.str(), true);
        const std::optional<Preset> preset = presetFromName(a.preset);
        const std::optional<TensorType> to = tensorTypeFromName(a.to);
        if (!preset || !to)
            throw Error(ErrorCode::InvalidArgument, "unknown preset or type: " + a.preset + ", " + a.to);
        const int64_t layers = model->spec.blockCount;
        const Plan before = planPreset(*model, *preset);
        const Plan after = changeLastBlocks(before, layers, a.last, *to);

        PlanEvalOptions plain;
        plain.nCtx = a.ctx, plain.chunks = a.chunks, plain.threads = a.threads;
        plain.memoryBudgetBytes = a.budget, plain.scratchDir = a.scratch;
        PlanEvalOptions cached = plain;
        BlockInputCacheOptions co;
        co.scratchDir = a.scratch;
        cached.blockInputs = std::make_shared<BlockInputCache>(co);

        std::printf("%s: %lld blocks, %zu tokens, ctx %lld, %lld chunks, %d threads; %s, then the last %lld blocks "
                    "%s\n", a.model.c_str(), static_cast<long long>(layers), tokens.size(),
                    static_cast<long long>(a.ctx), static_cast<long long>(a.chunks), a.threads, a.preset.c_str(),
                    static_cast<long long>(a.last), a.to.c_str());
        PlanEvaluation e;
        double s = seconds([&] { e = evaluatePlan(model, before, tokens, plain); });
        print("baseline + plan (no cache)", s, e);
        s = seconds([&] { e = evaluatePlan(model, before, tokens, cached); });
        print("plan, storing its block inputs", s, e);
        const BlockInputCache::Usage u = cached.blockInputs->usage();
        std::printf("  stored: %lld block inputs, %s in memory, %s on disk\n", static_cast<long long>(u.inputs),
                    formatMemory(u.memoryBytes).c_str(), formatMemory(u.diskBytes).c_str());
        PlanEvaluation full, incremental;
        const double fullS = seconds([&] { full = evaluatePlan(model, after, tokens, plain); });
        print("changed plan, full evaluation", fullS, full);
        const double incS = seconds([&] { incremental = evaluatePlan(model, after, tokens, cached); });
        print("changed plan, incremental", incS, incremental);
        const bool same = full.kld.kldMean == incremental.kld.kldMean && full.ppl == incremental.ppl
                          && full.kld.kldMax == incremental.kld.kldMax && full.sameTop == incremental.sameTop;
        std::printf("incremental / full: %.1f %% (target <= 25 %%); figures %s\n", 100.0 * incS / fullS,
                    same ? "identical" : "DIFFER");
        return same ? 0 : 1;
    } catch (const Error& e) {
        std::fprintf(stderr, "incremental_bench: %s\n", e.what());
        return 1;
    }
}
