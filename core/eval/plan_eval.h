#pragma once
// Evaluates a quantization plan against the unquantized model, as llama-perplexity does in two runs (each
// streamed block by block from the model file, model/llama_forward.h, so memory stays about one block):
// first the F32 model on the text (perplexity, base log-probs saved in llama.cpp's base-logits format),
// then the plan's weights (each planned tensor replaced by its bit-exact quantize → dequantize round trip,
// weight-only) compared with that baseline (KLD, Δp, same top token, perplexity of the plan).
//
// The baseline is computed once per (model, tokens, nCtx, chunks) and kept for the process's lifetime in a
// temporary base-logits file (memory stays flat for large vocabularies); the files are deleted at exit or
// by clearPlanEvalCache(). Thread-safe: the cache is guarded; evaluations may run on any thread.
// Note: the baseline log-probs are stored as llama.cpp stores them (16-bit), so a plan identical to the
// model shows a KLD of the order of 1e-6 rather than exactly 0 — the same as llama.cpp would print.

#include "common/progress.h"
#include "eval/block_input_cache.h"
#include "eval/kld.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "quant/imatrix_file.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include <memory>
#include <span>

namespace qx {

struct PlanEvalOptions {
    int64_t nCtx = 512;                          ///< tokens per chunk
    int64_t chunks = -1;                         ///< < 0: every whole chunk of the text
    int threads = 0;                             ///< 0 = every hardware thread
    std::shared_ptr<const ImatrixFile> imatrix;  ///< importance for the plan's quantization, may be null
    /// Calibrated values (e.g. GPTQ output) used as-is for their tensors instead of the plan type's round
    /// trip; may be null. A substituted tensor's storage type is still set to its planned type.
    std::shared_ptr<const std::map<std::string, std::vector<float>>> substitutions;
    /// Calibrated values held as blocks (quant/packed_tensor.h), used the same way; may be null.
    std::shared_ptr<const PackedTensors> packed;
    /// Applied to every linear layer's input (W8A8 evaluation), may be empty.
    ActivationTransform activationTransform;
    /// Non-GGUF schemes of some tensors (plan/plan_schemes.h): those take the scheme's round trip instead of
    /// their entry's GGUF type, and count with the scheme's exact bytes in bitsPerWeight; may be null.
    std::shared_ptr<const SchemeChoices> schemes;
    uint64_t memoryBudgetBytes = 0;              ///< memory both runs may use (0 = defaultMemoryBudget())
    std::string scratchDir;                      ///< where activations spill beyond the budget ("" = temp)
    /// Incremental re-evaluation: the plan's run resumes from the block inputs a previous plan left here
    /// (and leaves its own); may be null. Unused with an activation transform, which has no fingerprint.
    std::shared_ptr<BlockInputCache> blockInputs;
    /// Called as each block of the plan's run starts, and the head (block == blockCount), from the
    /// evaluating thread; may be empty.
    BlockProgressFn onBlock;
};

struct PlanEvaluation {
    int64_t nCtx = 0, nChunk = 0, count = 0;     ///< count = scored tokens
    double ppl = 0, pplUnc = 0;                  ///< perplexity of the plan (± llama.cpp's uncertainty)
    double pplBase = 0, pplBaseUnc = 0;          ///< perplexity of the F32 model (from its own logits)
    double kldMean = 0, kldUnc = 0;              ///< mean KL(base ‖ plan) per token, nats
    float kldMax = 0, kld99 = 0, kld95 = 0, kld90 = 0, kldMedian = 0;
    double sameTop = 0, sameTopUnc = 0;          ///< fraction of tokens whose top-1 token is unchanged
    double rmsDp = 0;                            ///< RMS of Δp (fraction)
    uint64_t fileBytes = 0;                      ///< predictedFileSize of the plan's GGUF
    double bitsPerWeight = 0;                    ///< 8 · planned tensor bytes / planned parameters
    bool baselineCached = false;                 ///< the baseline came from the cache
    int64_t blockCount = 0;                      ///< blocks of the model
    int64_t resumedAt = 0;                       ///< first block the plan's run ran (blockCount: the head only)
    KldResult kld;                               ///< every llama-perplexity KLD statistic
};

/// Perplexity and KLD of `plan` on `tokens`; tensors in options.substitutions take those values, the rest
/// the plan type's round trip (tokenized with BOS, as llama-perplexity tokenizes its file).
/// Throws Error(Mismatch) for a plan that does not fit the model, Error(InvalidArgument) for a text
/// shorter than 2·nCtx tokens, Error(Cancelled) when `progress` returns false, and the engine's errors.
PlanEvaluation evaluatePlan(std::shared_ptr<const ModelFile> model, const Plan& plan,
                            std::span<const int32_t> tokens, const PlanEvalOptions& options,
                            const ProgressFn& progress = {});

/// Bits per weight of a plan: 8 · Σ tensorBytes(type, n) / Σ n over the planned tensors; a tensor in
/// `schemes` counts with its scheme's exact bytes (schemeChoiceBytes).
double planBitsPerWeight(const ModelFile& model, const Plan& plan, const SchemeChoices* schemes = nullptr);

/// Deletes the cached baselines and their temporary files.
void clearPlanEvalCache();
/// Number of baselines in the cache (tests).
size_t planEvalCacheSize();

} // namespace qx
