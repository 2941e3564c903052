#pragma once
// Output-level comparison of two models on one text: the perplexity of each and llama-perplexity's
// KL-divergence statistics of B against A (mean KLD and its percentiles, Δp, same top token), as if A's
// logits had been saved with `--kl-divergence-base` and B evaluated with `--kl-divergence` — the figures are
// those two runs' figures, bit for bit, and each PPL is what `qexplore-cli ppl` gives for that file.
//
// Both models stream through the same tokens in lock step, one model's block at a time: A's block k, B's
// block k, A's block k+1, … (two residual streams, spilled to scratch files when the budget asks), then the
// output heads alternate over groups of chunks: A's logits of a group become base records (llama.cpp's
// 16-bit log-probabilities) held only until B's logits of the same group are scored against them. A
// tokens × vocabulary matrix for the whole text never exists; the two models' weights are never resident
// together (beyond the file pages the system caches).

#include "common/progress.h"
#include "eval/kld.h"
#include "eval/perplexity.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

class LlamaForward;
class Tokenizer;
struct StreamMemory;
struct StreamLayout;

struct OutputDiffOptions {
    int64_t nCtx = 512;
    int64_t maxChunks = -1;           ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;  ///< replaces each chunk's first token when set
    int64_t batchTokens = 2048;       ///< chunks evaluated together, as in perplexity runs
    int64_t groupChunks = 0;          ///< chunks whose base records are held at once; 0: outputDiffGroupChunks()
    /// Called as each chunk of B is scored, in order: its number (1-based) and the running KLD figures.
    std::function<void(int64_t chunk, const KldChunkLine& line)> onChunk;
};

struct OutputDiff {
    PerplexityResult pplA;  ///< A's perplexity, as computePerplexity gives it
    PerplexityResult pplB;  ///< B's perplexity, likewise
    KldResult kld;          ///< B against A, as computeKld against A's base-logits file gives it
};

/// Evaluates `a` and `b` on `tokens` (tokenized with BOS, as for perplexity). Throws Error(Mismatch) when
/// the models differ in vocabulary size or depth, what computePerplexity throws for too few tokens,
/// Error(OverBudget) when the pair cannot fit a's memory budget, Error(Cancelled) when `progress` returns
/// false.
OutputDiff compareOutputs(LlamaForward& a, LlamaForward& b, std::span<const int32_t> tokens,
                          const OutputDiffOptions& options, const ProgressFn& progress = {});

/// What compareOutputs needs for `tokenCount` tokens cut as `layout`: both residual streams, the larger
/// block and head, the base records of one group (spilled activations when they do not fit a's budget).
StreamMemory estimateOutputDiffMemory(const LlamaForward& a, const LlamaForward& b, int64_t tokenCount,
                                      const StreamLayout& layout);

/// Chunks whose base records are held at once: a whole number of head groups, about 256 MiB of records.
int64_t outputDiffGroupChunks(const StreamLayout& layout, int64_t nVocab);

/// Throws Error(Mismatch) naming both files unless the two vocabularies hold the same token text under every
/// id: only then do the models' logits speak of the same tokens. (Their tokenizers may still cut a text
/// differently — a Hugging Face BPE and its GGUF's SentencePiece, say; both models then read A's tokens, as
/// llama-perplexity --kl-divergence feeds the base file's tokens to the model it compares.)
void checkSameVocabulary(const Tokenizer& a, const Tokenizer& b, const std::string& pathA, const std::string& pathB);

/// Where two tokenizations of one text first differ (a token index), or nothing when they are the same.
std::optional<size_t> firstTokenDifference(std::span<const int32_t> a, std::span<const int32_t> b);

} // namespace qx
