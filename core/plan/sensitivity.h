#pragma once
// Measured sensitivity: what quantizing a tensor (or all but one) does to the model's output.
//
// Weights are substituted by their bit-exact quantize->dequantize round trip ("weight-only": activations
// and the KV cache stay as the forward pass computes them). KLD is the mean over all scored positions of
// KL(base || quantized) of the softmaxed logits, in nats, against the unquantized model's logits.
//
// The measurements run on the streamed engine (model/llama_forward.h) straight from the model file, so
// memory stays about one block whatever the depth: one run of the reference model keeps every block's
// input (model/block_inputs.h) and the base logits of the scored positions; each measurement then starts
// at the first block it changes (blocks before it are the reference model's, so their output is the
// stored input bit for bit) and runs the rest of the blocks and the head, reducing its logits to KLD as
// they are made. The stored inputs and base logits go to the scratch folder when they do not fit the
// engine's memory budget; Error(OverBudget) up front when even that does not fit.

#include "common/progress.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "quant/imatrix_file.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

class LlamaWeights;

/// The tensor's values after quantizing to `type` and decoding back (importance may be empty).
std::vector<float> roundTripTensor(const TensorInfo& tensor, TensorType type, std::span<const float> importance);

/// The tensor's values after the non-GGUF scheme's round trip (Error(InvalidArgument) when it does not fit).
std::vector<float> schemeRoundTrip(const TensorInfo& tensor, const SchemeChoice& scheme);

/// Every plan entry (core/plan/plan.h) the forward pass reads and whose type is not F32 is replaced by its
/// round trip in the planned type (the imatrix, when given, supplies importance); its storage type is set
/// to the planned one. Tensors in `substitutions` (calibrated values, e.g. GPTQ output or AWQ-scaled norms)
/// take those values as they are instead, whatever their planned type. Tensors in `schemes` (non-GGUF
/// schemes, plan/plan_schemes.h) take their round trip through that scheme instead of the planned GGUF type
/// (their storage type stays F32: no GGUF activation rounding applies). Throws Error(Mismatch) when the
/// plan names a tensor the model does not have, Error(InvalidArgument) for a substitution of the wrong size
/// or a scheme that does not fit its tensor.
void applyPlan(LlamaWeights& weights, const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix,
               const std::map<std::string, std::vector<float>>* substitutions = nullptr,
               const SchemeChoices* schemes = nullptr);

/// KL(base || test) of one position's `nVocab` logits (nats).
double positionKld(const float* baseLogits, const float* testLogits, int64_t nVocab);

/// Mean KL(base || test) over positions of `nVocab` logits each.
double meanKld(std::span<const float> baseLogits, std::span<const float> testLogits, int64_t nVocab);

/// Where and how the measurements run (the streamed engine's settings, model/llama_forward.h).
struct SensitivityEngine {
    int threads = 0;                 ///< 0 = every hardware thread
    uint64_t memoryBudgetBytes = 0;  ///< 0 = defaultMemoryBudget()
    std::string scratchDir;          ///< for block inputs and base logits beyond the budget ("" = temp)
};

enum class SensitivityMode {
    EnableOne,    ///< only the tensor is quantized, everything else F32
    DisableOne,   ///< everything quantized to the low type except the tensor (kept F32)
    EnableOneLayer, ///< all tensors of one layer quantized at once; tensors outside blk.N one at a time
};

struct SensitivityEntry {
    std::string name;      ///< tensor, "blk.N" for a layer, or a class such as "attn_q"
    double kld = 0.0;      ///< mean KLD (per-layer / per-class rows: the mean of their tensors, except
                           ///< in EnableOneLayer mode, where layer rows are measured with the whole layer)
    bool operator==(const SensitivityEntry&) const = default;
};

struct SensitivityResult {
    std::vector<SensitivityEntry> tensors, layers, classes;
};

/// Runs the measurement for every quantizable tensor the forward pass reads, on `tokens` cut into
/// sequences of `seqLen` (positions seqLen/2.. scored). Throws Error(Cancelled) when progress says so.
/// EnableOneLayer: `layers` holds one measured row per blk.N, `tensors` the tensors outside any layer,
/// `classes` is empty.
SensitivityResult measureSensitivity(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                     int64_t seqLen, TensorType type, SensitivityMode mode,
                                     const ImatrixFile* imatrix, const ProgressFn& progress = {},
                                     const SensitivityEngine& engine = {});

/// One enable-one measurement: `tensor` alone quantized to `type` gave mean KLD `kld` (nats).
struct MeasuredKld {
    std::string tensor;
    TensorType type = TensorType::F32;
    double kld = 0.0;
    bool operator==(const MeasuredKld&) const = default;
};

/// Enable-one KLD of every quantizable tensor the forward pass reads, each in the first of `types` its row
/// width fits (e.g. {Q3_K, IQ4_NL, Q4_0, Q8_0}: a K-quant where it fits, a 32-block type elsewhere).
/// Tensors no type fits are left out. Progress and cancellation as measureSensitivity.
std::vector<MeasuredKld> measureEnableOne(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                          int64_t seqLen, std::span<const TensorType> types,
                                          const ImatrixFile* imatrix, const ProgressFn& progress = {},
                                          const SensitivityEngine& engine = {});

} // namespace qx
