#pragma once
// Calibration capture: what the calibration-based quantizers need from each linear layer's input.
//
// For every weight named blk.* the capture accumulates, over all activation rows x (one per token):
//   hessian = 2/n · Σ x xᵀ  (cols × cols, double; GPTQ's H, also the AWQ/SmoothQuant loss metric)
//   meanAbs = mean |x_j|, maxAbs = max |x_j|  (per input column: AWQ, SmoothQuant, LLM.int8)
// Calibration text is cut into chunks of nCtx tokens (first token replaced by BOS when given), like
// llama-imatrix. Evaluation text must not overlap the calibration text: splitCalibEval() takes the two from
// different halves of one text, textOverlap() measures how much two texts share.

#include "common/progress.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct LayerCalib {
    int64_t cols = 0;
    int64_t samples = 0;            ///< activation rows seen
    std::vector<double> hessian;    ///< cols × cols, 2/n Σ x xᵀ (empty when not requested)
    std::vector<float> meanAbs;     ///< per column
    std::vector<float> maxAbs;      ///< per column
};

using CalibData = std::map<std::string, LayerCalib>;

class CalibCapture {
public:
    explicit CalibCapture(bool wantHessian = true) : m_wantHessian(wantHessian) {}
    /// A hook feeding this capture (the capture must outlive the forward pass using it).
    ActivationHook hook();
    /// Adds activation rows for `weightName`. Throws Error(Invalid) on NaN/Inf, Error(Mismatch) on a
    /// column count that changes.
    void collect(const std::string& weightName, const float* x, int64_t rows, int64_t cols);
    /// The finished statistics (hessian scaled by 2/n, mean by 1/n).
    CalibData finish() const&;
    /// The same, made in the sums' own memory: at 7B a block's Hessians are GBs, and a copy of them is
    /// as many fresh pages (std::move(capture).finish()).
    CalibData finish() &&;

private:
    struct Acc {
        int64_t cols = 0, samples = 0;
        std::vector<double> xx, sumAbs;
        std::vector<float> maxAbs;
    };
    bool m_wantHessian;
    std::map<std::string, Acc> m_acc;
};

struct CalibOptions {
    int64_t nCtx = 128;
    int64_t maxChunks = -1;               ///< < 0: every whole chunk
    std::optional<int32_t> bosToken;
    bool wantHessian = true;
};

/// Runs the forward pass over the calibration tokens and returns the statistics of every blk.* linear
/// layer. Throws Error(InvalidArgument) when there is not one whole chunk, Error(Invalid) when a layer of
/// the model got no input, Error(Cancelled) on cancel.
CalibData captureCalibration(LlamaForward& forward, std::span<const int32_t> tokens, const CalibOptions& options,
                             const ProgressFn& progress = {});

/// Splits `text` at the line break nearest to `fraction` of its length: {before, after}.
/// Throws Error(InvalidArgument) when either part would be empty.
std::pair<std::string, std::string> splitCalibEval(const std::string& text, double fraction = 0.5);

/// Fraction of the non-empty lines (≥ 20 bytes) of `eval` that also occur as lines of `calib` (0 = disjoint).
double textOverlap(const std::string& calib, const std::string& eval);

} // namespace qx
