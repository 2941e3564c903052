#include "plan/presets.h"

#include "plan/preset_rules.h"

#include "common/error.h"
#include "quant/dequantize.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>

namespace qx {
namespace {

struct PresetRow {
    Preset preset;
    std::string_view name;
    TensorType defaultType;
    std::string_view description;
};

// llama-quantize's listing order (examples/quantize/quantize.cpp), its default type per ftype
// (llama_model_quantize_impl) and what the mix is.
constexpr PresetRow kPresets[] = {
    {Preset::Q4_0, "Q4_0", TensorType::Q4_0, "4.5 bits/weight, one scale per 32 weights"},
    {Preset::Q4_1, "Q4_1", TensorType::Q4_1, "5.0 bits/weight, scale and minimum per 32 weights"},
    {Preset::Q5_0, "Q5_0", TensorType::Q5_0, "5.5 bits/weight, one scale per 32 weights"},
    {Preset::Q5_1, "Q5_1", TensorType::Q5_1, "6.0 bits/weight, scale and minimum per 32 weights"},
    {Preset::IQ2_XXS, "IQ2_XXS", TensorType::IQ2_XXS, "2.06 bits/weight i-quant mix; needs an imatrix"},
    {Preset::IQ2_XS, "IQ2_XS", TensorType::IQ2_XS, "2.31 bits/weight i-quant mix; needs an imatrix"},
    {Preset::IQ2_S, "IQ2_S", TensorType::IQ2_XS, "2.5 bits/weight i-quant mix; needs an imatrix"},
    {Preset::IQ2_M, "IQ2_M", TensorType::IQ2_S, "2.7 bits/weight i-quant mix"},
    {Preset::IQ1_S, "IQ1_S", TensorType::IQ1_S, "1.56 bits/weight i-quant mix; needs an imatrix"},
    {Preset::IQ1_M, "IQ1_M", TensorType::IQ1_M, "1.75 bits/weight i-quant mix; needs an imatrix"},
    {Preset::TQ1_0, "TQ1_0", TensorType::TQ1_0, "1.69 bits/weight ternary (for ternary-trained models)"},
    {Preset::TQ2_0, "TQ2_0", TensorType::TQ2_0, "2.06 bits/weight ternary (for ternary-trained models)"},
    {Preset::Q2_K, "Q2_K", TensorType::Q2_K, "K-quant mix around Q2_K"},
    {Preset::Q2_K_S, "Q2_K_S", TensorType::Q2_K, "smaller Q2_K mix; needs an imatrix"},
    {Preset::IQ3_XXS, "IQ3_XXS", TensorType::IQ3_XXS, "3.06 bits/weight i-quant mix"},
    {Preset::IQ3_S, "IQ3_S", TensorType::IQ3_S, "3.44 bits/weight i-quant mix"},
    {Preset::IQ3_M, "IQ3_M", TensorType::IQ3_S, "3.66 bits/weight i-quant mix"},
    {Preset::IQ3_XS, "IQ3_XS", TensorType::IQ3_S, "3.3 bits/weight i-quant mix"},
    {Preset::Q3_K_S, "Q3_K_S", TensorType::Q3_K, "K-quant mix, all Q3_K"},
    {Preset::Q3_K_M, "Q3_K_M", TensorType::Q3_K, "K-quant mix around Q3_K, attention and ffn_down higher"},
    {Preset::Q3_K_L, "Q3_K_L", TensorType::Q3_K, "K-quant mix around Q3_K, more tensors higher"},
    {Preset::IQ4_NL, "IQ4_NL", TensorType::IQ4_NL, "4.5 bits/weight non-linear levels"},
    {Preset::IQ4_XS, "IQ4_XS", TensorType::IQ4_XS, "4.25 bits/weight non-linear levels"},
    {Preset::Q4_K_S, "Q4_K_S", TensorType::Q4_K, "K-quant mix around Q4_K, small"},
    {Preset::Q4_K_M, "Q4_K_M", TensorType::Q4_K, "K-quant mix around Q4_K, attn_v and ffn_down partly Q6_K"},
    {Preset::Q5_K_S, "Q5_K_S", TensorType::Q5_K, "K-quant mix around Q5_K, small"},
    {Preset::Q5_K_M, "Q5_K_M", TensorType::Q5_K, "K-quant mix around Q5_K, attn_v and ffn_down partly Q6_K"},
    {Preset::Q6_K, "Q6_K", TensorType::Q6_K, "6.56 bits/weight"},
    {Preset::Q8_0, "Q8_0", TensorType::Q8_0, "8.5 bits/weight"},
    {Preset::F16, "F16", TensorType::F16, "16-bit IEEE floats"},
    {Preset::BF16, "BF16", TensorType::BF16, "16-bit brain floats"},
    {Preset::F32, "F32", TensorType::F32, "32-bit floats"},
};

const PresetRow& row(Preset p)
{
    for (const auto& r : kPresets)
        if (r.preset == p)
            return r;
    throw Error(ErrorCode::InvalidArgument, "unknown preset " + std::to_string(uint32_t(p)));
}

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
bool endsWith(const std::string& s, std::string_view tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
std::string typeName(TensorType t) { return std::string(tensorTypeName(t)); }

/// Layer of "blk.N." names, -1 otherwise (llama_model_loader's weight_name_comparer).
int layerOf(const std::string& name)
{
    int layer = -1;
    if (std::sscanf(name.c_str(), "blk.%d.", &layer) != 1)
        return -1;
    return layer;
}

bool fits(TensorType type, const TensorInfo& t) { return t.rowLength() % tensorTypeInfo(type)->blockSize == 0; }

/// The stored type when llama-quantize would refuse; F32 when the stored type cannot go into a GGUF.
void keepStored(const TensorInfo& t, detail::TypeChoice& c, const std::string& why)
{
    const TensorTypeInfo* info = tensorTypeInfo(t.type);
    const TensorType kept = !info || info->isGgml ? t.type : TensorType::F32;
    c.reason = why + "; llama-quantize stops here (Unsupported tensor size), kept " + typeName(kept);
    c.type = kept;
}

detail::TypeChoice chooseType(detail::MixState& s, const TensorInfo& t)
{
    const TensorType base = presetDefaultType(s.ftype);
    detail::TypeChoice c{base, std::string(presetName(s.ftype)) + " default " + typeName(base)};
    if (s.options.pure) {
        // llama-quantize --pure has no fallback (it stops); we take the one its mixes use
        c.reason = "pure " + typeName(base);
        if (!fits(base, t))
            c.reason += " (llama-quantize --pure stops on this row width)";
        if (!detail::applyFallback(t, c))
            keepStored(t, c, c.reason);
    } else if (tensorTypeInfo(base)->isQuantized) {
        c = detail::mixTypeFor(s, t);
        if (!detail::applyFallback(t, c))
            keepStored(t, c, c.reason);
    }
    if (s.options.tokenEmbeddingType && t.name == "token_embd.weight")
        c = {*s.options.tokenEmbeddingType, "token embedding type option -> " + typeName(*s.options.tokenEmbeddingType)};
    if (s.options.outputType && t.name == "output.weight")
        c = {*s.options.outputType, "output tensor type option -> " + typeName(*s.options.outputType)};
    if (!fits(c.type, t))
        keepStored(t, c, c.reason + "; row " + std::to_string(t.rowLength()) + " not a multiple of "
                   + std::to_string(tensorTypeInfo(c.type)->blockSize));
    return c;
}

/// Why a tensor is not quantized, or "" when it is.
std::string notQuantizedReason(const TensorInfo& t)
{
    if (!endsWith(t.name, "weight"))
        return "not a weight";
    if (t.ne.size() < 2 || std::count_if(t.ne.begin() + 1, t.ne.end(), [](int64_t n) { return n != 1; }) == 0)
        return "1-D tensor";
    if (contains(t.name, "_norm.weight"))
        return "norm";
    static const char* kSkipped[] = {"ffn_gate_inp.weight", "ssm_conv1d.weight", "time_mix_first.weight",
                                     "time_mix_w1.weight", "time_mix_w2.weight", "time_mix_decay_w1.weight",
                                     "time_mix_decay_w2.weight", "time_mix_lerp_fused.weight", "attn_rel_b.weight"};
    for (const char* s : kSkipped)
        if (contains(t.name, s))
            return std::string(s) + " is never quantized";
    if (t.name == "position_embd.weight" || t.name == "token_types.weight")
        return "positional / token-type embedding";
    return {};
}

} // namespace

const std::vector<Preset>& allPresets()
{
    static const std::vector<Preset> all = [] {
        std::vector<Preset> v;
        for (const auto& r : kPresets)
            v.push_back(r.preset);
        return v;
    }();
    return all;
}

std::string_view presetName(Preset preset) { return row(preset).name; }
std::string_view presetDescription(Preset preset) { return row(preset).description; }

bool presetNeedsImatrix(Preset preset)
{
    return preset == Preset::IQ1_S || preset == Preset::IQ1_M || preset == Preset::IQ2_XXS || preset == Preset::IQ2_XS
           || preset == Preset::IQ2_S || preset == Preset::Q2_K_S;
}

std::optional<std::string> llamaQuantizeRefusal(const std::string& tensor, TensorType type, uint32_t ftype,
                                                bool hasImportance)
{
    if (hasImportance)
        return std::nullopt;
    const bool embdOrOutput = tensor == "token_embd.weight" || tensor == "output.weight";
    const bool refused = type == TensorType::IQ2_XXS || type == TensorType::IQ2_XS || type == TensorType::IQ2_S
                         || type == TensorType::IQ1_S || (type == TensorType::IQ1_M && !embdOrOutput)
                         || (type == TensorType::Q2_K && ftype == uint32_t(Preset::Q2_K_S) && tensor != "token_embd.weight");
    if (!refused)
        return std::nullopt;
    return "Missing importance matrix for tensor " + tensor + " in a very low-bit quantization (" + typeName(type)
           + "); llama-quantize refuses it: the result would be garbage";
}
TensorType presetDefaultType(Preset preset) { return row(preset).defaultType; }

std::optional<Preset> presetFromName(std::string_view name)
{
    const std::string u = upper(name);
    for (const auto& r : kPresets)
        if (r.name == u)
            return r.preset;
    if (u == "Q3_K")
        return Preset::Q3_K_M;
    if (u == "Q4_K")
        return Preset::Q4_K_M;
    if (u == "Q5_K")
        return Preset::Q5_K_M;
    return std::nullopt;
}

std::optional<Preset> presetForType(TensorType type)
{
    switch (type) {
    case TensorType::Q3_K: return Preset::Q3_K_M;
    case TensorType::Q4_K: return Preset::Q4_K_M;
    case TensorType::Q5_K: return Preset::Q5_K_M;
    default: break;
    }
    for (const auto& r : kPresets)
        if (r.defaultType == type && r.preset != Preset::Q2_K_S)
            return r.preset;
    return std::nullopt;
}

std::vector<const TensorInfo*> llamaQuantizeOrder(std::vector<const TensorInfo*> tensors)
{
    std::stable_sort(tensors.begin(), tensors.end(), [](const TensorInfo* a, const TensorInfo* b) {
        const int la = layerOf(a->name), lb = layerOf(b->name);
        return la != lb ? la < lb : a->name < b->name;
    });
    return tensors;
}

bool isQuantizableTensor(const TensorInfo& tensor) { return notQuantizedReason(tensor).empty(); }

Plan planPreset(const ModelFile& model, Preset preset, const PresetOptions& options)
{
    const std::vector<const TensorInfo*> tensors = plannedTensors(model);
    detail::MixState state = detail::makeMixState(model, preset, options, tensors);
    std::map<std::string, detail::TypeChoice> chosen;
    for (const TensorInfo* t : options.fileOrder ? tensors : llamaQuantizeOrder(tensors)) {
        std::string skip = notQuantizedReason(*t);
        if (skip.empty() && options.leaveOutputTensor && t->name == "output.weight")
            skip = "output tensor left as it is (--leave-output-tensor)";
        if (skip.empty() && !canDequantize(t->type))
            skip = undecodableReason(t->type);
        if (skip.empty()) {
            chosen[t->name] = chooseType(state, *t);
            continue;
        }
        const TensorTypeInfo* info = tensorTypeInfo(t->type);
        const TensorType kept = !info || info->isGgml ? t->type : TensorType::F32;
        chosen[t->name] = {kept, skip + ": kept " + typeName(kept)};
    }
    Plan plan;
    plan.sourcePath = model.path;
    plan.preset = (options.pure ? "pure " : "") + std::string(presetName(preset));
    plan.ftype = static_cast<uint32_t>(preset);
    for (const TensorInfo* t : tensors) {
        const detail::TypeChoice& c = chosen.at(t->name);
        plan.entries.push_back({t->name, t->ne, c.type, c.reason, false});
    }
    return plan;
}

Plan planPure(const ModelFile& model, TensorType type, bool hasImatrix)
{
    const auto preset = presetForType(type);
    if (!preset)
        throw Error(ErrorCode::InvalidArgument, "no llama-quantize type writes " + typeName(type));
    PresetOptions options;
    options.pure = true;
    options.hasImatrix = hasImatrix;
    return planPreset(model, *preset, options);
}

uint32_t planFileType(const ModelFile& model, const Plan& plan)
{
    if (plan.ftype)
        return *plan.ftype;
    std::map<TensorType, uint64_t> elements;
    for (const PlanEntry& e : plan.entries)
        if (const TensorInfo* t = model.findTensor(e.tensor); t && isQuantizableTensor(*t))
            elements[e.type] += t->elementCount();
    if (elements.empty())
        return static_cast<uint32_t>(Preset::F32);
    const auto best = std::max_element(elements.begin(), elements.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto preset = presetForType(best->first);
    return static_cast<uint32_t>(preset ? *preset : Preset::F32);
}

} // namespace qx
