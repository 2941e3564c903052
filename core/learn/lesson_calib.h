#pragma once
// The calibration-based lessons of the Learn lab: activations captured from the loaded model's own forward
// pass, and the small computations behind the lessons on activation quantization, GPTQ and outliers.
// Everything rounds through core/calib (fakeQuantRowsInt8, llmInt8Matmul, QuantGrid, CalibCapture); what
// those have no entry point for (a fixed-range int8 activation grid, GPTQ one column at a time, the
// SmoothQuant scales of one group) is written out once here and tested against them.
//
// Activations are row-major: one row of `cols` floats per token (the input of a linear layer). The capture
// runs two sequences of equal length through the model: a calibration text and an evaluation text.
// Output errors are Frobenius norms ‖(A − B)·Xᵀ‖ over the captured tokens, in the layer's output units.

#include "calib/quant_grid.h"
#include "common/progress.h"
#include "model/llama_weights.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx::learn {

/// `rows` tokens × `cols` input features of one linear layer.
struct ActivationMatrix {
    int64_t rows = 0, cols = 0;
    std::vector<float> x;
    float at(int64_t r, int64_t c) const { return x[static_cast<size_t>(r * cols + c)]; }
};

struct ActivationSet {
    std::shared_ptr<const LlamaWeights> weights;
    std::vector<std::string> pieces;                 ///< the text of every token (calibration, then evaluation)
    int64_t calibTokens = 0;                         ///< rows [0, calibTokens) come from the calibration text
    std::map<std::string, ActivationMatrix> inputs;  ///< weight name → its input rows
};

/// Two short stories of our own story generator: {calibration text, evaluation text}.
std::pair<std::string, std::string> lessonTexts();

/// Runs the forward pass of `model` (a Llama-family GGUF with a tokenizer) over the two lesson texts, each cut
/// to the same length of at most `maxTokens`, and keeps every blk.* linear layer's input. Throws
/// Error(Unsupported) for other models and for models over `maxParams` parameters, what the loaders throw.
ActivationSet captureActivations(std::shared_ptr<const ModelFile> model, int64_t maxTokens = 64,
                                 int64_t maxParams = 120'000'000);

/// The layer `tensorName` feeds on when it is a captured linear layer, else `fallback` (empty if absent too).
std::string activationLayer(const ActivationSet& set, const std::string& tensorName, const std::string& fallback);

// --- Lesson 5: dynamic vs static activation quantization (int8, symmetric, step = absmax / 127) ---

struct ActQuantComparison {
    std::vector<float> tokenAbsMax;   ///< per token (every row)
    float staticAbsMax = 0;           ///< max |x| over the calibration rows
    double mseDynamic = 0, mseStatic = 0, sqnrDynamic = 0, sqnrStatic = 0;  ///< over the evaluation rows
    int64_t clipped = 0;              ///< evaluation values beyond the static range
};
/// Dynamic: each evaluation token quantized with its own absmax (core fakeQuantRowsInt8). Static: one step
/// from the calibration rows for every evaluation token, values beyond it clipped.
ActQuantComparison dynamicVsStatic(const ActivationMatrix& a, int64_t calibRows);
/// Symmetric int8 with the fixed range [−absMax, absMax]: x̂ = Δ·clamp(round(x/Δ), −127, 127), Δ = absMax/127.
std::vector<float> fakeQuantFixedInt8(std::span<const float> x, float absMax);

// --- Lesson 6: GPTQ one column at a time ---

/// The input Hessian 2/n Σ x xᵀ of columns [col0, col0 + cols) (core CalibCapture), cols × cols.
std::vector<double> sliceHessian(const ActivationMatrix& a, int64_t col0, int64_t cols);
/// The block rows × cols of row-major `w` (row length rowLength) starting at (row0, col0).
std::vector<float> weightSlice(const WeightView& w, int64_t row0, int64_t col0, int64_t rows, int64_t cols);
/// ‖(a − b)·Xᵀ‖_F with X the columns [col0, col0 + cols) of `x`.
double outputError(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                   const ActivationMatrix& x, int64_t col0 = 0);

/// GPTQ without lazy blocks, one column per step(), in natural column order: the same arithmetic as core
/// gptqQuantize with blockSize ≥ cols and actOrder off.
class GptqStepper {
public:
    GptqStepper(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                const QuantGrid& grid, double dampPercent = 1.0);
    /// Quantizes the next column and feeds its error to the columns after it; false when all are done.
    bool step();
    void runToEnd() { while (step()) {} }
    int64_t done() const { return m_done; }
    int64_t rows() const { return m_rows; }
    int64_t cols() const { return m_cols; }
    const std::vector<float>& original() const { return m_original; }
    /// Quantized columns [0, done()), error-updated float columns after them.
    std::vector<float> current() const;
    /// original − current.
    std::vector<float> difference() const;
    /// (H + λI)⁻¹, cols × cols.
    const std::vector<double>& hessianInverse() const { return m_hinv; }
    /// Plain round-to-nearest on the same grid (core fakeQuantGrid).
    const std::vector<float>& rtn() const { return m_rtn; }
    double dampUsed() const { return m_damp; }

private:
    int64_t m_rows, m_cols, m_done = 0, m_groupLen;
    QuantGrid m_grid;
    double m_damp;
    std::vector<float> m_original, m_rtn;
    std::vector<double> m_w, m_u, m_hinv;   // working weights, upper Cholesky factor of H⁻¹
    std::vector<GroupGrid> m_groups;        // rows × groups
};

// --- Lesson 8: outliers, LLM.int8, AWQ, SmoothQuant ---

/// Channels holding any |x| ≥ threshold, and every channel's max |x|.
struct OutlierChannels { std::vector<int64_t> channels; std::vector<float> maxAbs; int64_t values = 0; };
OutlierChannels outlierChannels(const ActivationMatrix& a, float threshold);
/// `multiple` × the median over channels of max |x| (the mean of the two middle ones for an even count; 0 for
/// no channel): a threshold that flags the few channels standing out of this layer, as LLM.int8's |x| ≥ 6
/// does in multi-billion-parameter models, whatever the scale of a small model's activations.
float relativeOutlierThreshold(const ActivationMatrix& a, double multiple);

/// y = X·Wᵀ in float, plain int8 (every column, core llmInt8Matmul with an infinite threshold) and LLM.int8;
/// relative errors ‖y − ŷ‖ / ‖y‖.
struct Int8Decomposition { std::vector<int64_t> floatColumns; double relErrInt8 = 0, relErrLlmInt8 = 0; };
Int8Decomposition llmInt8Decomposition(const ActivationMatrix& a, const WeightView& w, float threshold);

/// AWQ's observation: keeping the `fraction` of input channels with the largest mean |x| in float cuts the
/// output error of round-to-nearest much more than keeping those with the largest weights.
struct SalientChannels { std::vector<float> meanAbs; std::vector<int64_t> byActivation, byWeight;
                         double errNone = 0, errKeepActivation = 0, errKeepWeight = 0; };
SalientChannels salientChannels(const ActivationMatrix& a, const WeightView& w, double fraction, const QuantGrid& grid);

/// SmoothQuant on one group (the layers reading one norm): s_j = max|X_j|^α / max|W_j|^(1−α) (max|W_j| over
/// every weight of the group, both clamped at 1e-5, s clamped to [1e-5, 1e5]); X/s and W·s before and after;
/// the W8A8 output error of the first weight before and after.
struct SmoothQuantDemo { std::vector<float> xMax, wMax, scales, xMaxAfter, wMaxAfter; double relErrBefore = 0,
                         relErrAfter = 0; };
SmoothQuantDemo smoothQuantDemo(const ActivationMatrix& a, const std::vector<WeightView>& group, double alpha);

} // namespace qx::learn
