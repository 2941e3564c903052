#pragma once
// llama-quantize's type mixes (llama.cpp b4748, src/llama-quant.cpp), reproduced rule for rule:
// which tensors are quantized at all (names ending in "weight", 2-D or more, not norms, not
// ffn_gate_inp / pos_embd / token_types / ssm_conv1d / RWKV time_mix_* / attn_rel_b), the ftype's
// default type, and llama_tensor_get_type's per-tensor upgrades (output/token_embd, attn_v with its
// i_attention_wv counter, ffn_down by layer with use_more_bits, attn_output, attn_qkv, the n_gqa,
// n_expert, 70B and Falcon conditions) followed by the fallback for row widths that are not a multiple
// of the block size (Q2_K/Q3_K -> IQ4_NL, Q4_K -> Q5_0, Q5_K -> Q5_1, Q6_K -> Q8_0, then F16).
// Tensors are visited in llama-quantize's order (non-layer tensors, then by layer; by name within), so
// the counters advance as they do there.
//
// Where llama-quantize would stop with "Unsupported tensor size encountered" (e.g. Q4_0 for rows of 172)
// the plan keeps the stored type and says why, instead of refusing the whole model. Where it refuses for
// want of importance data (very-low-bit types, llamaQuantizeRefusal) the plan is still made; export refuses.

#include "io/model_file.h"
#include "io/tensor_type.h"
#include "plan/plan.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

/// llama_ftype values (llama.h) of the mixes we can produce; the value is written as general.file_type.
enum class Preset : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q8_0 = 7, Q5_0 = 8, Q5_1 = 9, Q2_K = 10, Q3_K_S = 11,
    Q3_K_M = 12, Q3_K_L = 13, Q4_K_S = 14, Q4_K_M = 15, Q5_K_S = 16, Q5_K_M = 17, Q6_K = 18,
    IQ2_XXS = 19, IQ2_XS = 20, Q2_K_S = 21, IQ3_XS = 22, IQ3_XXS = 23, IQ1_S = 24, IQ4_NL = 25, IQ3_S = 26,
    IQ3_M = 27, IQ2_S = 28, IQ2_M = 29, IQ4_XS = 30, IQ1_M = 31, BF16 = 32, TQ1_0 = 36, TQ2_0 = 37,
};

struct PresetOptions {
    bool pure = false;                          ///< llama-quantize --pure: every quantized tensor in the default type
    bool hasImatrix = false;                    ///< an importance matrix will be used (changes several rules)
    bool leaveOutputTensor = false;             ///< --leave-output-tensor: output.weight stays as stored
    bool fileOrder = false;                     ///< --keep-split: tensors visited in file order, not by name
    std::optional<TensorType> outputType;       ///< --output-tensor-type
    std::optional<TensorType> tokenEmbeddingType; ///< --token-embedding-type
};

/// Every preset (the 29 llama-quantize mixes and F16, BF16, F32), in llama-quantize's listing order.
const std::vector<Preset>& allPresets();
/// "Q4_K_M", "Q8_0", ...
std::string_view presetName(Preset preset);
/// A one-line description ("2.06 bits/weight i-quant mix; needs an imatrix").
std::string_view presetDescription(Preset preset);
/// True for the mixes llama-quantize refuses to make without an importance matrix (IQ1_S IQ1_M IQ2_XXS
/// IQ2_XS IQ2_S Q2_K_S).
bool presetNeedsImatrix(Preset preset);
/// llama-quantize's refusal of one tensor: its message when `type` needs importance data that the tensor
/// lacks (IQ2_XXS, IQ2_XS, IQ2_S, IQ1_S; IQ1_M except token_embd/output; Q2_K in a Q2_K_S mix except
/// token_embd), else nullopt. `ftype` is the plan's llama ftype.
std::optional<std::string> llamaQuantizeRefusal(const std::string& tensor, TensorType type, uint32_t ftype,
                                                bool hasImportance);
/// Parses a llama-quantize type argument: preset names, plus its aliases "Q3_K" (= Q3_K_M), "Q4_K"
/// (= Q4_K_M), "Q5_K" (= Q5_K_M); case-insensitive. nullopt when unknown.
std::optional<Preset> presetFromName(std::string_view name);
/// The ftype's default type (Q4_K_M -> Q4_K, Q3_K_L -> Q3_K, F32 -> F32).
TensorType presetDefaultType(Preset preset);
/// The ftype llama-quantize would name for a plan mostly in `type` (Q4_K -> Q4_K_M, F32 -> ALL_F32).
std::optional<Preset> presetForType(TensorType type);

/// True when llama-quantize would quantize this tensor at all (see the top of this file).
bool isQuantizableTensor(const TensorInfo& tensor);

/// `tensors` in llama-quantize's processing and writing order: tensors outside blk.N first, then by
/// layer number, by name within a group (llama_model_loader's weight_name_comparer). With --keep-split
/// llama-quantize keeps the file order instead.
std::vector<const TensorInfo*> llamaQuantizeOrder(std::vector<const TensorInfo*> tensors);

/// The plan llama-quantize would follow for `model` with this ftype (see top of file).
Plan planPreset(const ModelFile& model, Preset preset, const PresetOptions& options = {});
/// llama-quantize --pure: every quantizable tensor in `type` (ftype from presetForType). Where the row width
/// does not fit `type`, the mixes' fallback is taken (llama-quantize --pure itself stops there), and the
/// stored type kept when there is none (Q4_0, Q8_0, ...).
Plan planPure(const ModelFile& model, TensorType type, bool hasImatrix = false);

/// The general.file_type for a plan: plan.ftype when set, else the preset of the type holding the most
/// quantized elements (ALL_F32 when nothing is quantized).
uint32_t planFileType(const ModelFile& model, const Plan& plan);

/// The llama-quantize command line that reproduces `plan` as closely as its options allow: the ftype,
/// --pure when the plan is pure, --imatrix, --output-tensor-type, --token-embedding-type, and one
/// --tensor-type NAME=TYPE per tensor that differs from what the base mix would choose (--tensor-type
/// needs a llama-quantize newer than b4748).
std::string llamaQuantizeCommand(const ModelFile& model, const Plan& plan, const std::string& outPath);

} // namespace qx
