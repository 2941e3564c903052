#pragma once
// llama_tensor_get_type of llama.cpp b4748 (src/llama-quant.cpp), rule for rule: the type a llama-quantize
// mix gives one quantizable tensor, with its running counters (attn_v, ffn_down/gate/up) and the fallback
// for rows that are not a multiple of the block size. Internal to core/plan; presets.h is the entry point.

#include "io/model_file.h"
#include "plan/presets.h"

#include <string>
#include <vector>

namespace qx::detail {

/// What llama_tensor_get_type consults, and its running counters.
struct MixState {
    Preset ftype = Preset::F32;
    PresetOptions options;
    std::string arch;
    int64_t nExpert = 0, nGqa = 0, nLayer = 0;
    bool is70B = false, hasOutput = false;
    int nAttentionWv = 0, iAttentionWv = 0, iFfnDown = 0, iFfnGate = 0, iFfnUp = 0;
};

/// The state before the first tensor: hyper-parameters and the attn_v / output counts over `tensors`.
MixState makeMixState(const ModelFile& model, Preset preset, const PresetOptions& options,
                      const std::vector<const TensorInfo*>& tensors);

struct TypeChoice {
    TensorType type;
    std::string reason;   ///< plain English: rule, layer index, fallback
};

/// The mix's type for a quantizable tensor by llama_tensor_get_type's name rules (the row-width fallback,
/// applyFallback, comes after), starting from the ftype's default type; advances the counters.
TypeChoice mixTypeFor(MixState& state, const TensorInfo& tensor);

/// llama-quantize's fallback when `choice` does not fit the tensor's rows (reason extended); false when it
/// has none for that type (llama-quantize stops with "Unsupported tensor size encountered").
bool applyFallback(const TensorInfo& tensor, TypeChoice& choice);

} // namespace qx::detail
