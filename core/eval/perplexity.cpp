#include "eval/perplexity.h"

#include "common/error.h"
#include "eval/kld_base_file.h"
#include "common/parallel_for.h"
#include "model/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace qx {

double tokenNll(std::span<const float> logits, int32_t token)
{
    float maxLogit = logits[0];
    for (float l : logits)
        maxLogit = std::max(maxLogit, l);
    double sumExp = 0.0;
    for (float l : logits)
        sumExp += std::exp(l - maxLogit);
    return -(logits[static_cast<size_t>(token)] - maxLogit - std::log(sumExp));
}

std::optional<int32_t> chunkBosToken(const ModelFile& model)
{
    bool addBos = model.tokenizer.model == "llama";
    if (const GgufValue* v = model.findMetadata("tokenizer.ggml.add_bos_token"); v && v->type == GgufType::Bool)
        addBos = std::get<bool>(v->value);
    if (!addBos || !model.spec.bosTokenId)
        return std::nullopt;
    return static_cast<int32_t>(*model.spec.bosTokenId);
}

std::optional<int32_t> chunkBosToken(const ModelFile& model, const Tokenizer& tokenizer)
{
    if (model.format == ModelFormat::Gguf)
        return chunkBosToken(model);
    const std::vector<int32_t> ids = tokenizer.encode("", true, false);
    if (ids.empty())
        return std::nullopt;
    return ids.front();
}

int64_t chunksPerPass(int64_t batchTokens, int64_t nCtx, int64_t nVocab)
{
    constexpr int64_t kLogitBytesMax = int64_t{256} << 20;
    const int64_t bytesPerChunk = (nCtx - nCtx / 2) * nVocab * int64_t(sizeof(float));
    const int64_t byMemory = bytesPerChunk > 0 ? kLogitBytesMax / bytesPerChunk : 1;
    return std::max<int64_t>(1, std::min(batchTokens / nCtx, byMemory));
}

namespace {

/// Scores the second half of every chunk as its logits (positions nCtx/2 … nCtx−1) arrive, writing the
/// base-logits records when asked.
class PerplexitySink final : public LogitSink {
public:
    PerplexitySink(std::span<const int32_t> tokens, int64_t nCtx, int64_t nVocab, int threads, KldBaseWriter* writer,
                   const PerplexityOptions& options, PerplexityResult& result)
        : m_tokens(tokens), m_nCtx(nCtx), m_nVocab(nVocab), m_threads(threads), m_writer(writer), m_options(options),
          m_result(result)
    {
    }

    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override;
    uint64_t memoryBytes() const override
    {
        const uint64_t scored = uint64_t(kldScoredPerChunk(m_nCtx));
        return scored * (sizeof(double) + (m_writer ? uint64_t(kldRecordWidth(m_nVocab)) * 2 : 0));
    }
    const NllTotals& totals() const { return m_acc; }

private:
    std::span<const int32_t> m_tokens;
    int64_t m_nCtx, m_nVocab;
    int m_threads;
    KldBaseWriter* m_writer;
    const PerplexityOptions& m_options;
    PerplexityResult& m_result;
    NllTotals m_acc;
    std::vector<double> m_nll;
    std::vector<uint16_t> m_records;
};

void PerplexitySink::consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits)
{
    const int64_t first = m_nCtx / 2, scored = m_nCtx - 1 - first, perSeq = m_nCtx - first;
    const int64_t width = kldRecordWidth(m_nVocab);
    m_nll.resize(static_cast<size_t>(scored));
    m_records.resize(m_writer ? static_cast<size_t>(scored * width) : 0);
    for (int64_t s = 0; s < nSeq; ++s) {
        const int32_t* target = m_tokens.data() + (firstSeq + s) * m_nCtx + first + 1;
        const float* rows = logits.data() + s * perSeq * m_nVocab;
        parallelFor(scored, m_threads, [&](int64_t b, int64_t e) {
            for (int64_t j = b; j < e; ++j) {
                const std::span<const float> row(rows + j * m_nVocab, static_cast<size_t>(m_nVocab));
                m_nll[static_cast<size_t>(j)] =
                    m_writer ? encodeBaseLogProbs(row, target[j],
                                                  std::span(m_records).subspan(size_t(j * width), size_t(width)))
                             : tokenNll(row, target[j]);
            }
        });
        if (m_writer)
            m_writer->writeChunk(m_records);
        addChunkNll(m_nll, m_acc, m_result, m_options);
    }
}

} // namespace

void addChunkNll(std::span<const double> nll, NllTotals& totals, PerplexityResult& result,
                 const PerplexityOptions& options)
{
    double chunkSum = 0.0;
    for (double v : nll) {
        totals.nll += v;
        totals.nll2 += v * v;
        chunkSum += v;
    }
    totals.count += static_cast<int64_t>(nll.size());
    result.chunkMeanNll.push_back(chunkSum / static_cast<double>(nll.size()));
    result.runningPpl.push_back(std::exp(totals.nll / static_cast<double>(totals.count)));
    if (options.onChunk)
        options.onChunk(static_cast<int64_t>(result.runningPpl.size()), result.runningPpl.back());
}

void finishPerplexity(const NllTotals& totals, PerplexityResult& result)
{
    result.count = totals.count;
    result.meanNll = totals.nll / static_cast<double>(totals.count);
    result.ppl = std::exp(result.meanNll);
    const double var = totals.nll2 / static_cast<double>(totals.count) - result.meanNll * result.meanNll;
    result.uncertainty = var > 0 ? std::sqrt(var / static_cast<double>(totals.count - 1)) * result.ppl : 0.0;
}

void checkPerplexityTokens(size_t tokenCount, int64_t nCtx)
{
    if (nCtx < 4)
        throw Error(ErrorCode::InvalidArgument, "perplexity needs a context of at least 4 tokens");
    if (nCtx > kMaxContext)
        throw Error(ErrorCode::InvalidArgument, "a context of " + std::to_string(nCtx) + " tokens is more than "
                                                    + std::to_string(kMaxContext) + " tokens");
    if (static_cast<int64_t>(tokenCount) < 2 * nCtx) {
        char text[256];
        std::snprintf(text, sizeof(text),
                      "you need at least %lld tokens to evaluate perplexity with a context of %lld; "
                      "the data file you provided tokenizes to only %zu tokens",
                      static_cast<long long>(2 * nCtx), static_cast<long long>(nCtx), tokenCount);
        throw Error(ErrorCode::InvalidArgument, text);
    }
}

std::vector<int32_t> chunkTokens(std::span<const int32_t> tokens, int64_t nCtx, int64_t nChunk,
                                 std::optional<int32_t> bosToken)
{
    std::vector<int32_t> out(tokens.begin(), tokens.begin() + nChunk * nCtx);
    if (bosToken)
        for (int64_t s = 0; s < nChunk; ++s)
            out[static_cast<size_t>(s * nCtx)] = *bosToken;
    return out;
}

StreamLayout perplexityLayout(int64_t nCtx, int64_t batchTokens, int64_t nVocab)
{
    const int64_t nSeq = chunksPerPass(batchTokens, nCtx, nVocab);
    return {nCtx, nCtx / 2, nSeq, nSeq};
}

PerplexityResult computePerplexity(LlamaForward& forward, std::span<const int32_t> tokens,
                                   const PerplexityOptions& options, const ProgressFn& progress,
                                   const std::string& saveBasePath)
{
    const int64_t nCtx = options.nCtx;
    checkPerplexityTokens(tokens.size(), nCtx);
    const int64_t nChunkMax = static_cast<int64_t>(tokens.size()) / nCtx;
    const int64_t nChunk = options.maxChunks < 0 ? nChunkMax : std::min(options.maxChunks, nChunkMax);
    const int64_t nVocab = forward.config().nVocab;
    std::unique_ptr<KldBaseWriter> writer;
    if (!saveBasePath.empty()) {
        KldBaseHeader header{nCtx, nVocab, nChunk, {tokens.begin(), tokens.begin() + nChunk * nCtx}};
        writer = std::make_unique<KldBaseWriter>(saveBasePath, header);
    }
    PerplexityResult result;
    result.nCtx = nCtx;
    result.nChunk = nChunk;
    PerplexitySink sink(tokens, nCtx, nVocab, resolveThreadCount(forward.options().threads), writer.get(), options,
                        result);
    forward.run(chunkTokens(tokens, nCtx, nChunk, options.bosToken), perplexityLayout(nCtx, options.batchTokens, nVocab),
                sink, progress);
    if (writer)
        writer->close();
    finishPerplexity(sink.totals(), result);
    return result;
}

std::string formatFinalEstimate(const PerplexityResult& r)
{
    char text[128];
    std::snprintf(text, sizeof(text), "Final estimate: PPL = %.4f +/- %.5f", r.ppl, r.uncertainty);
    return text;
}

} // namespace qx
