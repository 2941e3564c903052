#pragma once
// KL-divergence of a model (e.g. a quantization plan) against a baseline saved in llama.cpp's base-logits
// file, with every statistic `llama-perplexity --kl-divergence` (b4748) prints. Per scored token:
//   KLD  = Σ_i p_base(i) · (log p_base(i) − log p_q(i)) over base log-probs > −16,
//   Δp   = p_q(token) − p_base(token),
//   same top = argmax of the model's logits equals the argmax of the base log-probs.
// Means come with llama.cpp's uncertainties (sqrt(var / (count − 1)), zero for count ≤ 10); percentiles
// interpolate linearly between sorted values in float, as llama.cpp does.

#include "common/progress.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qx {

class KldBaseReader;

/// The running figures llama.cpp prints after each chunk.
struct KldChunkLine {
    double ppl, pplUnc, lnRatio, lnRatioUnc, kld, kldUnc, rmsDp, rmsDpUnc, sameTop, sameTopUnc;
};

struct KldOptions {
    int64_t maxChunks = -1;           ///< < 0: every chunk in the base file
    std::optional<int32_t> bosToken;  ///< replaces each chunk's first token when set
    int64_t batchTokens = 2048;       ///< chunks evaluated together: max(1, batchTokens / nCtx)
    /// Called as each chunk is scored, in order, with its number (1-based) and the running figures: when
    /// llama-perplexity prints that chunk's table line.
    std::function<void(int64_t chunk, const KldChunkLine& line)> onChunk;
    /// Runs the model instead of LlamaForward::run (same arguments, same logits), e.g. resuming from stored
    /// block inputs (eval/block_input_cache.h); empty: forward.run.
    std::function<void(std::span<const int32_t> tokens, const StreamLayout& layout, LogitSink& sink,
                       const ProgressFn& progress)>
        run;
};

struct KldResult {
    int64_t nCtx = 0, nChunk = 0, count = 0;
    std::vector<KldChunkLine> chunks;
    // Perplexity statistics
    double pplQ = 0, pplQUnc = 0, pplBase = 0, pplBaseUnc = 0, corLnPpl = 0;
    double lnPplRatio = 0, lnPplRatioUnc = 0, pplRatio = 0, pplRatioUnc = 0, pplDiff = 0, pplDiffUnc = 0;
    // KL divergence statistics
    double kldMean = 0, kldUnc = 0;
    float kldMax = 0, kld999 = 0, kld99 = 0, kld95 = 0, kld90 = 0, kldMedian = 0, kld10 = 0, kld5 = 0, kld1 = 0,
          kldMin = 0;
    // Token probability statistics (fractions, not percent)
    double dpMean = 0, dpUnc = 0;
    float dpMax = 0, dp999 = 0, dp99 = 0, dp95 = 0, dp90 = 0, dp75 = 0, dpMedian = 0, dp25 = 0, dp10 = 0, dp5 = 0,
          dp1 = 0, dp01 = 0, dpMin = 0;
    double rmsDp = 0, rmsDpUnc = 0, sameTop = 0, sameTopUnc = 0;
};

/// llama-perplexity's KLD statistics gathered chunk by chunk: a model's logits against base records (the
/// per-position records of the base-logits file, see eval/kld_base_file.h), for callers that make the base
/// records themselves. computeKld runs on it, so the figures are the same whoever holds the records.
class KldAccumulator {
public:
    /// `threads` splits each chunk's positions in a fixed order (the sums depend on it, as in computeKld).
    KldAccumulator(int64_t nCtx, int64_t nVocab, int threads);
    ~KldAccumulator();
    KldAccumulator(const KldAccumulator&) = delete;
    KldAccumulator& operator=(const KldAccumulator&) = delete;
    /// Scores one chunk: `logits` its rows from position nCtx/2 on (nCtx − nCtx/2 rows of nVocab), `records`
    /// its kldScoredPerChunk(nCtx) base records, `targets` the tokens at positions nCtx/2 + 1 … nCtx − 1.
    /// Returns the running figures after it.
    const KldChunkLine& addChunk(const float* logits, const uint16_t* records, const int32_t* targets);
    /// Bytes held per scored chunk (its KLD and Δp values, kept for the percentiles).
    static uint64_t bytesPerChunk(int64_t nCtx);
    /// The statistics of every chunk added so far (nCtx, nChunk, count, chunks and all figures).
    KldResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Evaluates `forward` on the base file's tokens and compares with its log-probs. Throws the reader's
/// errors, Error(Mismatch) when the vocabulary sizes differ, Error(Cancelled) on cancel.
KldResult computeKld(LlamaForward& forward, KldBaseReader& base, const KldOptions& options,
                     const ProgressFn& progress = {});

/// The three statistics blocks exactly as llama-perplexity prints them (including its repeated
/// "99.0%   KLD" line where the 95th percentile would be). Empty when fewer than 100 tokens were scored.
std::string formatKldReport(const KldResult& result);

/// llama-perplexity's per-chunk table (header line and one line per chunk).
std::string formatKldChunkTable(const KldResult& result);
/// The table's header line and one chunk's line (`chunk` 1-based), each with its newline.
std::string formatKldChunkHeader();
std::string formatKldChunkLine(int64_t chunk, const KldChunkLine& line);

} // namespace qx
