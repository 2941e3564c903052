#include "eval/imatrix_collector.h"

#include "common/error.h"
#include "eval/perplexity.h"

#include <algorithm>

namespace qx {

ActivationHook ImatrixCollector::hook()
{
    return [this](const std::string& name, const float* x, int64_t rows, int64_t cols) { collect(name, x, rows, cols); };
}

void ImatrixCollector::collect(const std::string& weightName, const float* x, int64_t rows, int64_t cols)
{
    // llama-imatrix ignores small batches and everything but the blocks' (and optionally the output's) weights.
    if (rows < 16)
        return;
    if (weightName.rfind("blk.", 0) != 0 && !(m_processOutput && weightName == "output.weight"))
        return;
    std::lock_guard lock(m_mutex);
    Accumulator& a = m_acc[weightName];
    if (a.sums.empty()) {
        a.sums.assign(static_cast<size_t>(cols), 0.0f);
        a.counts.assign(static_cast<size_t>(cols), 0);
    } else if (a.sums.size() != static_cast<size_t>(cols)) {
        throw Error(ErrorCode::Mismatch, "imatrix: inconsistent size for " + weightName + " ("
                                             + std::to_string(a.sums.size()) + " vs " + std::to_string(cols) + ")");
    }
    ++a.ncall;
    for (int64_t r = 0; r < rows; ++r) {
        const float* row = x + r * cols;
        for (int64_t j = 0; j < cols; ++j) {
            a.sums[static_cast<size_t>(j)] += row[j] * row[j];
            ++a.counts[static_cast<size_t>(j)];
        }
    }
}

std::vector<ImatrixStats> ImatrixCollector::stats() const
{
    std::lock_guard lock(m_mutex);
    std::vector<ImatrixStats> out;
    for (const auto& [name, a] : m_acc) {
        if (std::any_of(a.counts.begin(), a.counts.end(), [](int64_t c) { return c == 0; }))
            continue;
        ImatrixStats s{name, a.ncall, std::vector<float>(a.sums.size())};
        for (size_t j = 0; j < a.sums.size(); ++j)
            s.values[j] = (a.sums[j] / static_cast<float>(a.counts[j])) * static_cast<float>(a.ncall);
        out.push_back(std::move(s));
    }
    return out;
}

int ImatrixCollector::lastCall() const
{
    std::lock_guard lock(m_mutex);
    int last = 0;
    for (const auto& [name, a] : m_acc)
        last = std::max(last, a.ncall);
    return last;
}

namespace {

/// llama-imatrix computes (and here nothing needs) the logits: they are dropped.
class DiscardSink final : public LogitSink {
public:
    void consume(int64_t, int64_t, std::span<const float>) override {}
};

} // namespace

void computeImatrix(LlamaForward& forward, std::span<const int32_t> tokens, int64_t nCtx, int64_t maxChunks,
                    std::optional<int32_t> bos, const ProgressFn& progress)
{
    if (nCtx < 4 || static_cast<int64_t>(tokens.size()) < 2 * nCtx)
        throw Error(ErrorCode::InvalidArgument, "you need at least " + std::to_string(2 * nCtx)
                                                    + " tokens for a context of " + std::to_string(nCtx)
                                                    + " tokens; the data provided tokenizes to only "
                                                    + std::to_string(tokens.size()) + " tokens");
    const int64_t nChunkMax = static_cast<int64_t>(tokens.size()) / nCtx;
    const int64_t nChunk = maxChunks < 0 ? nChunkMax : std::min(maxChunks, nChunkMax);
    // One chunk per sub-batch: the hook sees one call per chunk and weight, as llama-imatrix does.
    DiscardSink sink;
    forward.run(chunkTokens(tokens, nCtx, nChunk, bos), StreamLayout{nCtx, nCtx - 1, 1, 1}, sink, progress);
}

} // namespace qx
