#include "compare/output_diff.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"
#include "eval/kld_base_file.h"
#include "model/activation_store.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "model/stream_memory.h"

#include <algorithm>

namespace qx {
namespace {

/// A's side: each chunk's NLL (for A's perplexity) and its base records, kept for the current group.
class BaseSink final : public LogitSink {
public:
    BaseSink(std::span<const int32_t> tokens, int64_t nCtx, int64_t nVocab, int64_t groupChunks, int threads)
        : m_tokens(tokens), m_nCtx(nCtx), m_nVocab(nVocab), m_threads(threads),
          m_records(size_t(groupChunks * kldScoredPerChunk(nCtx) * kldRecordWidth(nVocab)))
    {
    }

    void startGroup(int64_t firstSeq) { m_groupFirst = firstSeq; }
    const uint16_t* records(int64_t seq) const
    {
        return m_records.data() + (seq - m_groupFirst) * kldScoredPerChunk(m_nCtx) * kldRecordWidth(m_nVocab);
    }

    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        const int64_t first = m_nCtx / 2, scored = kldScoredPerChunk(m_nCtx), width = kldRecordWidth(m_nVocab);
        m_nll.resize(size_t(scored));
        for (int64_t s = 0; s < nSeq; ++s) {
            const int32_t* target = m_tokens.data() + (firstSeq + s) * m_nCtx + first + 1;
            const float* rows = logits.data() + s * (m_nCtx - first) * m_nVocab;
            uint16_t* out = m_records.data() + (firstSeq + s - m_groupFirst) * scored * width;
            parallelFor(scored, m_threads, [&](int64_t b, int64_t e) {
                for (int64_t j = b; j < e; ++j) {
                    const std::span<const float> row(rows + j * m_nVocab, size_t(m_nVocab));
                    m_nll[size_t(j)] = tokenNll(row, target[j]);
                    encodeBaseLogProbs(row, target[j], std::span(out + j * width, size_t(width)));
                }
            });
            addChunkNll(m_nll, totals, ppl, {});
        }
    }

    PerplexityResult ppl;
    NllTotals totals;

private:
    std::span<const int32_t> m_tokens;
    int64_t m_nCtx, m_nVocab;
    int m_threads;
    int64_t m_groupFirst = 0;
    std::vector<uint16_t> m_records;
    std::vector<double> m_nll;
};

/// B's side: each chunk scored against A's records of the same chunk, and B's own NLL.
class ScoreSink final : public LogitSink {
public:
    ScoreSink(std::span<const int32_t> tokens, int64_t nCtx, int64_t nVocab, int threads, const BaseSink& base,
              const OutputDiffOptions& options)
        : kld(nCtx, nVocab, threads), m_tokens(tokens), m_nCtx(nCtx), m_nVocab(nVocab), m_threads(threads),
          m_base(base), m_options(options)
    {
    }

    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        const int64_t first = m_nCtx / 2, scored = kldScoredPerChunk(m_nCtx);
        m_nll.resize(size_t(scored));
        for (int64_t s = 0; s < nSeq; ++s) {
            const int64_t seq = firstSeq + s;
            const int32_t* target = m_tokens.data() + seq * m_nCtx + first + 1;
            const float* rows = logits.data() + s * (m_nCtx - first) * m_nVocab;
            const KldChunkLine& line = kld.addChunk(rows, m_base.records(seq), target);
            parallelFor(scored, m_threads, [&](int64_t b, int64_t e) {
                for (int64_t j = b; j < e; ++j)
                    m_nll[size_t(j)] = tokenNll(std::span(rows + j * m_nVocab, size_t(m_nVocab)), target[j]);
            });
            addChunkNll(m_nll, totals, ppl, {});
            if (m_options.onChunk)
                m_options.onChunk(seq + 1, line);
        }
    }

    KldAccumulator kld;
    PerplexityResult ppl;
    NllTotals totals;

private:
    std::span<const int32_t> m_tokens;
    int64_t m_nCtx, m_nVocab;
    int m_threads;
    const BaseSink& m_base;
    const OutputDiffOptions& m_options;
    std::vector<double> m_nll;
};

uint64_t budgetOf(const LlamaForward& f)
{
    return f.options().memoryBudgetBytes ? f.options().memoryBudgetBytes : defaultMemoryBudget();
}

StreamMemory pairMemory(const LlamaForward& a, const LlamaForward& b, int64_t tokenCount, const StreamLayout& layout,
                        bool spill, uint64_t sinkBytes)
{
    const StreamMemory ma = estimateStreamMemory(a.source(), a.options(), layout, tokenCount, spill, sinkBytes);
    const StreamMemory mb = estimateStreamMemory(b.source(), b.options(), layout, tokenCount, spill, sinkBytes);
    StreamMemory m = ma;
    m.blockWeights = std::max(ma.blockWeights, mb.blockWeights);
    m.activations = ma.activations + mb.activations;
    m.spillBytes = ma.spillBytes + mb.spillBytes;
    m.scratch = std::max(ma.scratch, mb.scratch);
    m.head = std::max(ma.head, mb.head);
    return m;
}

/// Progress of one step of `steps` equal steps, as a ProgressFn for that step's own fraction.
ProgressFn stepProgress(const ProgressFn& progress, double step, double steps)
{
    return [&progress, step, steps](double f) { return !progress || progress((step + f) / steps); };
}

/// A's block k, B's block k, A's block k + 1, …; then the heads alternate over groups of `group` chunks.
void runLockStep(LlamaForward& a, LlamaForward& b, std::span<const int32_t> chunked, const StreamLayout& layout,
                 bool spill, int64_t group, BaseSink& base, ScoreSink& score, const ProgressFn& progress)
{
    const int64_t layersA = a.config().nLayer, layersB = b.config().nLayer;
    const int64_t nChunk = int64_t(chunked.size()) / layout.seqLen, groups = (nChunk + group - 1) / group;
    const double steps = double(layersA + layersB + 2 * groups);
    double step = 0;
    ActivationStore xa = a.embed(chunked, layout, spill, progress);
    ActivationStore xb = b.embed(chunked, layout, spill, progress);
    for (int64_t layer = 0; layer < std::max(layersA, layersB); ++layer) {
        if (layer < layersA)
            a.runBlocks(xa, layout, layer, layer + 1, stepProgress(progress, step++, steps));
        if (layer < layersB)
            b.runBlocks(xb, layout, layer, layer + 1, stepProgress(progress, step++, steps));
    }
    for (int64_t first = 0; first < nChunk; first += group) {
        const int64_t count = std::min(group, nChunk - first);
        base.startGroup(first);
        a.runHead(xa, layout, base, stepProgress(progress, step++, steps), first, count);
        b.runHead(xb, layout, score, stepProgress(progress, step++, steps), first, count);
    }
}

} // namespace

int64_t outputDiffGroupChunks(const StreamLayout& layout, int64_t nVocab)
{
    constexpr uint64_t kRecordBytesMax = uint64_t{256} << 20;
    const uint64_t perChunk = uint64_t(kldScoredPerChunk(layout.seqLen) * kldRecordWidth(nVocab)) * 2;
    const int64_t groups = std::max<int64_t>(1, int64_t(kRecordBytesMax / (perChunk * uint64_t(layout.headSequences))));
    return groups * layout.headSequences;
}

StreamMemory estimateOutputDiffMemory(const LlamaForward& a, const LlamaForward& b, int64_t tokenCount,
                                      const StreamLayout& layout)
{
    const int64_t nVocab = a.config().nVocab, nChunk = tokenCount / layout.seqLen;
    const int64_t group = std::min(outputDiffGroupChunks(layout, nVocab), nChunk);
    const uint64_t sinkBytes = uint64_t(group * kldScoredPerChunk(layout.seqLen) * kldRecordWidth(nVocab)) * 2
                             + KldAccumulator::bytesPerChunk(layout.seqLen) * uint64_t(nChunk);
    const StreamMemory inMemory = pairMemory(a, b, tokenCount, layout, false, sinkBytes);
    if (inMemory.peak() <= budgetOf(a))
        return inMemory;
    const StreamMemory spilled = pairMemory(a, b, tokenCount, layout, true, sinkBytes);
    return spilled.peak() < inMemory.peak() ? spilled : inMemory;
}

OutputDiff compareOutputs(LlamaForward& a, LlamaForward& b, std::span<const int32_t> tokens,
                          const OutputDiffOptions& options, const ProgressFn& progress)
{
    const int64_t nCtx = options.nCtx, nVocab = a.config().nVocab;
    if (b.config().nVocab != nVocab)
        throw Error(ErrorCode::Mismatch, "the models' vocabularies differ (" + std::to_string(nVocab) + " and "
                                             + std::to_string(b.config().nVocab) + " tokens)");
    checkPerplexityTokens(tokens.size(), nCtx);
    const int64_t nChunkMax = int64_t(tokens.size()) / nCtx;
    const int64_t nChunk = options.maxChunks < 0 ? nChunkMax : std::min(options.maxChunks, nChunkMax);
    const std::vector<int32_t> chunked = chunkTokens(tokens, nCtx, nChunk, options.bosToken);
    const StreamLayout layout = perplexityLayout(nCtx, options.batchTokens, nVocab);
    const StreamMemory need = estimateOutputDiffMemory(a, b, int64_t(chunked.size()), layout);
    checkMemoryBudget(need, budgetOf(a));

    const int64_t group =
        std::min(options.groupChunks > 0 ? options.groupChunks : outputDiffGroupChunks(layout, nVocab), nChunk);
    BaseSink base(tokens, nCtx, nVocab, group, resolveThreadCount(a.options().threads));
    ScoreSink score(tokens, nCtx, nVocab, resolveThreadCount(b.options().threads), base, options);
    runLockStep(a, b, chunked, layout, need.spilled(), group, base, score, progress);
    OutputDiff out;
    out.pplA = std::move(base.ppl);
    out.pplB = std::move(score.ppl);
    for (PerplexityResult* r : {&out.pplA, &out.pplB}) {
        r->nCtx = nCtx;
        r->nChunk = nChunk;
    }
    finishPerplexity(base.totals, out.pplA);
    finishPerplexity(score.totals, out.pplB);
    out.kld = score.kld.finish();
    return out;
}

void checkSameVocabulary(const Tokenizer& a, const Tokenizer& b, const std::string& pathA, const std::string& pathB)
{
    const auto refuse = [&](const std::string& why) {
        throw Error(ErrorCode::Mismatch, "the vocabularies of " + pathA + " and " + pathB + " differ (" + why
                                             + "): the outputs of the two models cannot be compared");
    };
    if (a.vocabSize() != b.vocabSize())
        refuse(std::to_string(a.vocabSize()) + " and " + std::to_string(b.vocabSize()) + " tokens");
    for (int32_t id = 0; id < a.vocabSize(); ++id)
        if (a.tokenText(id) != b.tokenText(id))
            refuse("token " + std::to_string(id) + " is '" + a.tokenText(id) + "' and '" + b.tokenText(id) + "'");
}

std::optional<size_t> firstTokenDifference(std::span<const int32_t> a, std::span<const int32_t> b)
{
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    if (ia == a.end() && ib == b.end())
        return std::nullopt;
    return size_t(ia - a.begin());
}

} // namespace qx
