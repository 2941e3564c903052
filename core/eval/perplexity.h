#pragma once
// Perplexity exactly as llama.cpp b4748's `llama-perplexity` computes it by default: the tokens (already
// tokenized with BOS, as llama-perplexity tokenizes its file) are cut into n_chunk = min(limit, N / n_ctx)
// chunks of n_ctx tokens; each chunk is evaluated from position 0 with its first token replaced by BOS
// (when the vocabulary adds BOS), and only the second half is scored: the logits at positions
// n_ctx/2 … n_ctx−2 predict the tokens at n_ctx/2+1 … n_ctx−1.
//
// Final estimate: PPL = exp(mean NLL), uncertainty = PPL · sqrt((mean(NLL²) − mean(NLL)²) / (count − 1)).

#include "common/progress.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

class KldBaseWriter;
class Tokenizer;

struct PerplexityOptions {
    int64_t nCtx = 512;
    int64_t maxChunks = -1;            ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;   ///< replaces each chunk's first token when set (add_bos vocabularies)
    int64_t batchTokens = 2048;        ///< chunks evaluated together: max(1, batchTokens / nCtx) (llama's n_batch)
    /// Called as each chunk is scored, in order, with its number (1-based) and the running perplexity:
    /// when llama-perplexity prints "[chunk]ppl,".
    std::function<void(int64_t chunk, double runningPpl)> onChunk;
};

struct PerplexityResult {
    int64_t nCtx = 0;
    int64_t nChunk = 0;
    int64_t count = 0;                 ///< scored tokens
    std::vector<double> runningPpl;    ///< after each chunk: the "[i]x.xxxx," figures
    std::vector<double> chunkMeanNll;  ///< each chunk's own mean negative log-likelihood
    double meanNll = 0.0;
    double ppl = 0.0;
    double uncertainty = 0.0;          ///< the "+/-" of the final estimate; 0 when undefined
};

/// Running sums of the scored tokens' negative log-likelihoods, in scoring order.
struct NllTotals {
    double nll = 0.0, nll2 = 0.0;
    int64_t count = 0;
};

/// Adds one chunk's NLLs (in token order) to `totals` and that chunk's figures (chunkMeanNll, runningPpl) to
/// `result`, as computePerplexity does; calls options.onChunk.
void addChunkNll(std::span<const double> nll, NllTotals& totals, PerplexityResult& result,
                 const PerplexityOptions& options);
/// Fills result's count, meanNll, ppl and uncertainty from `totals`.
void finishPerplexity(const NllTotals& totals, PerplexityResult& result);
/// Throws Error(InvalidArgument) with llama.cpp's wording when `tokenCount` tokens are too few for two
/// chunks of nCtx, or nCtx is out of range.
void checkPerplexityTokens(size_t tokenCount, int64_t nCtx);

/// Runs the evaluation, streamed over every chunk at once (LlamaForward::run). Throws Error(InvalidArgument)
/// with llama.cpp's wording when the text has fewer than 2·nCtx tokens, Error(Cancelled) when `progress`
/// returns false, Error(OverBudget) when it cannot fit the memory budget, and the forward pass's errors.
/// When `saveBase` is set, writes llama.cpp's base-logits file (KLD baseline) as the logits come.
PerplexityResult computePerplexity(LlamaForward& forward, std::span<const int32_t> tokens,
                                   const PerplexityOptions& options, const ProgressFn& progress = {},
                                   const std::string& saveBasePath = {});

/// llama.cpp's closing line: "Final estimate: PPL = 3.7549 +/- 0.13205".
std::string formatFinalEstimate(const PerplexityResult& result);

/// The token llama-perplexity puts at the start of every chunk: the BOS id when the vocabulary adds BOS
/// (GGUF tokenizer.ggml.add_bos_token, defaulting to true for SentencePiece "llama" vocabularies).
std::optional<int32_t> chunkBosToken(const ModelFile& model);
/// The same for any model: GGUF files as above; other formats (Hugging Face folders) when `tokenizer`
/// starts an encoded text with a token (its post-processor template adds BOS), that token.
std::optional<int32_t> chunkBosToken(const ModelFile& model, const Tokenizer& tokenizer);

/// Chunks evaluated in one sub-batch: max(1, batchTokens / nCtx) as llama-perplexity batches them,
/// reduced so that one head group's logits (nCtx/2 rows of nVocab floats per chunk) stay under 256 MiB.
int64_t chunksPerPass(int64_t batchTokens, int64_t nCtx, int64_t nVocab);

/// How perplexity and KLD runs cut their chunks: sequences of nCtx tokens, logits from nCtx/2 on,
/// chunksPerPass() sequences per sub-batch and per head group.
StreamLayout perplexityLayout(int64_t nCtx, int64_t batchTokens, int64_t nVocab);

/// The first nChunk·nCtx tokens with each chunk's first token replaced by `bosToken` when set.
std::vector<int32_t> chunkTokens(std::span<const int32_t> tokens, int64_t nCtx, int64_t nChunk,
                                 std::optional<int32_t> bosToken);

/// Longest context the evaluations accept (llama.cpp's largest trained contexts are far below).
constexpr int64_t kMaxContext = int64_t{1} << 20;

/// Negative log-likelihood of `token` under softmax(logits), as llama-perplexity computes it.
double tokenNll(std::span<const float> logits, int32_t token);

} // namespace qx
