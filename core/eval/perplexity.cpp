#include "eval/perplexity.h"

#include "common/error.h"
#include "eval/kld_base_file.h"
#include "model/parallel_for.h"
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

struct Accumulator {
    double nll = 0.0, nll2 = 0.0;
    int64_t count = 0;
};

// Scores the second half of `nSeq` chunks whose logits (positions first..nCtx-1 of each) are in `logits`.
void scoreChunks(const std::vector<float>& logits, std::span<const int32_t> tokens, int64_t chunk0, int64_t nSeq,
                 int64_t nCtx, int64_t nVocab, int threads, KldBaseWriter* writer, PerplexityResult& result,
                 Accumulator& acc, const PerplexityOptions& options)
{
    const int64_t first = nCtx / 2, scored = nCtx - 1 - first, perSeq = nCtx - first;
    const int64_t width = kldRecordWidth(nVocab);
    std::vector<double> nll(static_cast<size_t>(scored));
    std::vector<uint16_t> records(writer ? static_cast<size_t>(scored * width) : 0);
    for (int64_t s = 0; s < nSeq; ++s) {
        const int32_t* target = tokens.data() + (chunk0 + s) * nCtx + first + 1;
        const float* rows = logits.data() + s * perSeq * nVocab;
        parallelFor(scored, threads, [&](int64_t b, int64_t e) {
            for (int64_t j = b; j < e; ++j) {
                const std::span<const float> row(rows + j * nVocab, static_cast<size_t>(nVocab));
                nll[static_cast<size_t>(j)] =
                    writer ? encodeBaseLogProbs(row, target[j], std::span(records).subspan(size_t(j * width), size_t(width)))
                           : tokenNll(row, target[j]);
            }
        });
        if (writer)
            writer->writeChunk(records);
        double chunkSum = 0.0;
        for (double v : nll) {
            acc.nll += v;
            acc.nll2 += v * v;
            chunkSum += v;
        }
        acc.count += scored;
        result.chunkMeanNll.push_back(chunkSum / static_cast<double>(scored));
        result.runningPpl.push_back(std::exp(acc.nll / static_cast<double>(acc.count)));
        if (options.onChunk)
            options.onChunk(static_cast<int64_t>(result.runningPpl.size()), result.runningPpl.back());
    }
}

void checkTokenCount(size_t tokenCount, int64_t nCtx)
{
    if (nCtx < 4)
        throw Error(ErrorCode::InvalidArgument, "perplexity needs a context of at least 4 tokens");
    if (static_cast<int64_t>(tokenCount) < 2 * nCtx) {
        char text[256];
        std::snprintf(text, sizeof(text),
                      "you need at least %lld tokens to evaluate perplexity with a context of %lld; "
                      "the data file you provided tokenizes to only %zu tokens",
                      static_cast<long long>(2 * nCtx), static_cast<long long>(nCtx), tokenCount);
        throw Error(ErrorCode::InvalidArgument, text);
    }
}

} // namespace

PerplexityResult computePerplexity(LlamaForward& forward, std::span<const int32_t> tokens,
                                   const PerplexityOptions& options, const ProgressFn& progress,
                                   const std::string& saveBasePath)
{
    const int64_t nCtx = options.nCtx;
    checkTokenCount(tokens.size(), nCtx);
    const int64_t nChunkMax = static_cast<int64_t>(tokens.size()) / nCtx;
    const int64_t nChunk = options.maxChunks < 0 ? nChunkMax : std::min(options.maxChunks, nChunkMax);
    const int64_t nVocab = forward.weights().config().nVocab;
    const int64_t nSeqMax = chunksPerPass(options.batchTokens, nCtx, nVocab);
    std::unique_ptr<KldBaseWriter> writer;
    if (!saveBasePath.empty()) {
        KldBaseHeader header{nCtx, nVocab, nChunk, {tokens.begin(), tokens.begin() + nChunk * nCtx}};
        writer = std::make_unique<KldBaseWriter>(saveBasePath, header);
    }
    PerplexityResult result;
    result.nCtx = nCtx;
    result.nChunk = nChunk;
    Accumulator acc;
    std::vector<int32_t> batch;
    for (int64_t i = 0; i < nChunk; i += nSeqMax) {
        const int64_t nSeq = std::min(nSeqMax, nChunk - i);
        batch.assign(tokens.begin() + i * nCtx, tokens.begin() + (i + nSeq) * nCtx);
        if (options.bosToken)
            for (int64_t s = 0; s < nSeq; ++s)
                batch[static_cast<size_t>(s * nCtx)] = *options.bosToken;
        const std::vector<float> logits = forward.forward(batch, nCtx, nCtx / 2);
        scoreChunks(logits, tokens, i, nSeq, nCtx, nVocab, resolveThreadCount(forward.options().threads), writer.get(),
                    result, acc, options);
        if (progress && !progress(static_cast<double>(i + nSeq) / static_cast<double>(nChunk)))
            throw Error(ErrorCode::Cancelled, "perplexity cancelled");
    }
    if (writer)
        writer->close();
    result.count = acc.count;
    result.meanNll = acc.nll / static_cast<double>(acc.count);
    result.ppl = std::exp(result.meanNll);
    const double var = acc.nll2 / static_cast<double>(acc.count) - result.meanNll * result.meanNll;
    result.uncertainty = var > 0 ? std::sqrt(var / static_cast<double>(acc.count - 1)) * result.ppl : 0.0;
    return result;
}

std::string formatFinalEstimate(const PerplexityResult& r)
{
    char text[128];
    std::snprintf(text, sizeof(text), "Final estimate: PPL = %.4f +/- %.5f", r.ppl, r.uncertainty);
    return text;
}

} // namespace qx
