#pragma once
// Model-level calibrated quantization: applies one method to every blk.* linear layer of a LlamaWeights
// and returns the substitutions, plus the evaluator that scores a substituted model against its F32
// baseline (perplexity and mean KL-divergence on evaluation text, via llama.cpp's base-logits format).

#include "calib/awq.h"
#include "calib/calib_capture.h"
#include "calib/gptq.h"
#include "calib/quant_grid.h"
#include "common/progress.h"
#include "model/llama_forward.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qx {

enum class CalibMethod { Rtn, Imatrix, Gptq, Awq, SmoothQuant, LlmInt8 };

/// Parses rtn|imatrix|gptq|awq|smoothquant|llmint8 (Error(InvalidArgument) otherwise).
CalibMethod parseCalibMethod(const std::string& text);

/// GGUF names of the linear layers inside the blocks (attn_q/k/v/output, ffn_gate/up/down).
std::vector<std::string> blockLinearNames(const LlamaWeights& weights);

/// A copy of `weights` with `subs` substituted.
std::shared_ptr<LlamaWeights> withSubstitutions(const LlamaWeights& weights, const Substitutions& subs);

/// Layers whose rows a ggml grid does not fit (gridFits) are left out of every result: they stay F32.
/// Round-to-nearest on `grid` of every block linear layer.
Substitutions rtnModel(const LlamaWeights& weights, const QuantGrid& grid);
/// The imatrix importance of a layer: mean x² per input column (diag H / 2; meanAbs without a Hessian).
std::vector<float> calibImportance(const LayerCalib& calib);
/// Importance-weighted quantization with the calibration's mean x² (diag H / 2) as importance.
Substitutions imatrixModel(const LlamaWeights& weights, const CalibData& calib, const QuantGrid& grid);
/// GPTQ of every block linear layer from one capture of the float model; `notes` gets dampening notes and
/// the per-layer losses.
Substitutions gptqModel(const LlamaWeights& weights, const CalibData& calib, const GptqOptions& options,
                        std::vector<std::string>* notes = nullptr, const ProgressFn& progress = {});

struct EvalScore {
    double ppl = 0.0;
    double pplUnc = 0.0;
    double kldMean = 0.0;
    double kldUnc = 0.0;
    double sameTop = 0.0;  ///< fraction
};

/// Scores models against a baseline evaluated once at construction (base logits in a temporary file).
class CalibEvaluator {
public:
    /// Evaluates the baseline on `tokens` (chunks of nCtx, at most maxChunks; < 0 = all).
    CalibEvaluator(std::shared_ptr<const LlamaWeights> baseline, std::vector<int32_t> tokens, int64_t nCtx,
                   int64_t maxChunks, std::optional<int32_t> bos, ForwardOptions forwardOptions = {},
                   const ProgressFn& progress = {});
    /// The same with the baseline streamed from any weight source (e.g. the model file, block by block).
    CalibEvaluator(std::shared_ptr<const WeightSource> baseline, std::vector<int32_t> tokens, int64_t nCtx,
                   int64_t maxChunks, std::optional<int32_t> bos, ForwardOptions forwardOptions = {},
                   const ProgressFn& progress = {});
    ~CalibEvaluator();
    CalibEvaluator(const CalibEvaluator&) = delete;
    CalibEvaluator& operator=(const CalibEvaluator&) = delete;

    /// PPL and KLD of `model` (optionally with an activation transform) against the baseline.
    EvalScore evaluate(std::shared_ptr<const LlamaWeights> model, const ActivationTransform& transform = {},
                       const ProgressFn& progress = {}) const;
    /// The same for a streamed weight source (e.g. a plan or packed GPTQ result over the model file).
    EvalScore evaluate(std::shared_ptr<const WeightSource> model, const ActivationTransform& transform = {},
                       const ProgressFn& progress = {}) const;
    double baselinePpl() const { return m_basePpl; }

private:
    std::string m_basePath;
    int64_t m_maxChunks;
    std::optional<int32_t> m_bos;
    ForwardOptions m_forward;
    double m_basePpl = 0.0;
};

} // namespace qx
