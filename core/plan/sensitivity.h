#pragma once
// Measured sensitivity: what quantizing a tensor (or all but one) does to the model's output.
//
// Weights are substituted by their bit-exact quantize->dequantize round trip ("weight-only": activations
// and the KV cache stay as the forward pass computes them). KLD is the mean over all scored positions of
// KL(base || quantized) of the softmaxed logits, in nats, against the unquantized model's logits.

#include "common/progress.h"
#include "io/model_file.h"
#include "plan/budget_solver.h"
#include "plan/plan.h"
#include "quant/imatrix_file.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

class LlamaWeights;

/// The tensor's values after quantizing to `type` and decoding back (importance may be empty).
std::vector<float> roundTripTensor(const TensorInfo& tensor, TensorType type, std::span<const float> importance);

/// Substitutes every choice whose type differs from F32 by its round trip (the imatrix, when given,
/// supplies importance). Tensors the forward pass does not read are skipped.
void applyChoices(LlamaWeights& weights, const ModelFile& model, const std::vector<TensorChoice>& choices,
                  const ImatrixFile* imatrix);

/// The same for a plan (core/plan/plan.h): every entry the forward pass reads is replaced by its round trip
/// in the planned type. Throws Error(Mismatch) when the plan names a tensor the model does not have.
void applyPlan(LlamaWeights& weights, const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix);

/// Mean KL(base || test) over positions of `nVocab` logits each.
double meanKld(std::span<const float> baseLogits, std::span<const float> testLogits, int64_t nVocab);

enum class SensitivityMode {
    EnableOne,    ///< only the tensor is quantized, everything else F32
    DisableOne,   ///< everything quantized to the low type except the tensor (kept F32)
};

struct SensitivityEntry {
    std::string name;      ///< tensor, "blk.N" for a layer, or a class such as "attn_q"
    double kld = 0.0;      ///< mean KLD (per-layer / per-class rows: the mean of their tensors)
};

struct SensitivityResult {
    std::vector<SensitivityEntry> tensors, layers, classes;
};

/// Runs the measurement for every quantizable tensor the forward pass reads, on `tokens` cut into
/// sequences of `seqLen` (positions seqLen/2.. scored). Throws Error(Cancelled) when progress says so.
SensitivityResult measureSensitivity(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                     int64_t seqLen, TensorType type, SensitivityMode mode,
                                     const ImatrixFile* imatrix, const ProgressFn& progress = {});

} // namespace qx
