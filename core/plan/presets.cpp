#include "plan/presets.h"

#include "common/error.h"

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
};

constexpr PresetRow kPresets[] = {
    {Preset::Q4_0, "Q4_0", TensorType::Q4_0},       {Preset::Q4_1, "Q4_1", TensorType::Q4_1},
    {Preset::Q5_0, "Q5_0", TensorType::Q5_0},       {Preset::Q5_1, "Q5_1", TensorType::Q5_1},
    {Preset::IQ4_NL, "IQ4_NL", TensorType::IQ4_NL}, {Preset::IQ4_XS, "IQ4_XS", TensorType::IQ4_XS},
    {Preset::Q2_K, "Q2_K", TensorType::Q2_K},       {Preset::Q2_K_S, "Q2_K_S", TensorType::Q2_K},
    {Preset::Q3_K_S, "Q3_K_S", TensorType::Q3_K},   {Preset::Q3_K_M, "Q3_K_M", TensorType::Q3_K},
    {Preset::Q3_K_L, "Q3_K_L", TensorType::Q3_K},   {Preset::Q4_K_S, "Q4_K_S", TensorType::Q4_K},
    {Preset::Q4_K_M, "Q4_K_M", TensorType::Q4_K},   {Preset::Q5_K_S, "Q5_K_S", TensorType::Q5_K},
    {Preset::Q5_K_M, "Q5_K_M", TensorType::Q5_K},   {Preset::Q6_K, "Q6_K", TensorType::Q6_K},
    {Preset::Q8_0, "Q8_0", TensorType::Q8_0},       {Preset::F16, "F16", TensorType::F16},
    {Preset::BF16, "BF16", TensorType::BF16},       {Preset::F32, "F32", TensorType::F32},
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

/// What llama_tensor_get_type consults, and its running counters.
struct MixState {
    Preset ftype;
    PresetOptions options;
    std::string arch;
    int64_t nExpert = 0, nGqa = 0, nLayer = 0;
    bool is70B = false, hasOutput = false;
    int nAttentionWv = 0, iAttentionWv = 0, iFfnDown = 0, iFfnGate = 0, iFfnUp = 0;
};

bool useMoreBits(int i, int n) { return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2; }

MixState makeState(const ModelFile& model, Preset preset, const PresetOptions& options,
                   const std::vector<const TensorInfo*>& tensors)
{
    MixState s{preset, options, model.spec.architecture};
    if (const GgufValue* v = model.findMetadata(s.arch + ".expert_count"); v && v->isInteger())
        s.nExpert = v->toInt();
    const int64_t kv = model.spec.headCountKv > 0 ? model.spec.headCountKv : model.spec.headCount;
    s.nGqa = kv > 0 ? model.spec.headCount / kv : 0;
    s.nLayer = model.spec.blockCount;
    s.is70B = (s.arch == "llama" && s.nLayer == 80 && model.spec.headCount != kv) || (s.arch == "qwen2" && s.nLayer == 80);
    for (const TensorInfo* t : tensors) {
        if (contains(t->name, "attn_v.weight") || contains(t->name, "attn_qkv.weight") || contains(t->name, "attn_kv_b.weight"))
            ++s.nAttentionWv;
        else if (t->name == "output.weight")
            s.hasOutput = true;
    }
    return s;
}

/// (layer, layer count) as layer_info: the counter, or the name's layer for expert models.
std::pair<int, int> layerInfo(const MixState& s, int counter, const std::string& name)
{
    if (s.nExpert > 1) {
        const int layer = layerOf(name);
        if (layer < 0 || layer >= s.nLayer)
            throw Error(ErrorCode::Invalid, "cannot determine the layer of expert tensor " + name);
        return {layer, int(s.nLayer)};
    }
    return {counter, int(s.nLayer)};
}

struct Choice {
    TensorType type;
    std::string reason;
};

void set(Choice& c, TensorType t, const std::string& why)
{
    c.type = t;
    c.reason = why + " -> " + typeName(t);
}

void outputRule(MixState& s, const TensorInfo& t, Choice& c)
{
    if (s.options.outputType) {
        set(c, *s.options.outputType, "output tensor type option");
        return;
    }
    const uint32_t block = tensorTypeInfo(c.type)->blockSize;
    const std::string who = t.name == "output.weight" ? "output.weight" : "token_embd.weight (serves as output)";
    if (s.arch == "falcon" || t.rowLength() % block != 0)
        set(c, TensorType::Q8_0, who + ": falcon or row not a multiple of " + std::to_string(block));
    else if (c.type != TensorType::Q8_0)
        set(c, TensorType::Q6_K, who + " rule");
}

void attnVRule(MixState& s, Choice& c)
{
    const Preset f = s.ftype;
    const int i = s.iAttentionWv, n = s.nAttentionWv;
    const std::string at = "attn_v #" + std::to_string(i) + " of " + std::to_string(n);
    if (f == Preset::Q2_K)
        set(c, s.nGqa >= 4 ? TensorType::Q4_K : TensorType::Q3_K, at + ", n_gqa " + std::to_string(s.nGqa));
    else if (f == Preset::Q2_K_S && s.nGqa >= 4)
        set(c, TensorType::Q4_K, at + ", n_gqa >= 4");
    else if (f == Preset::Q3_K_M)
        set(c, i < 2 ? TensorType::Q5_K : TensorType::Q4_K, at + (i < 2 ? " (first two)" : ""));
    else if (f == Preset::Q3_K_L)
        set(c, TensorType::Q5_K, at);
    else if ((f == Preset::IQ4_NL || f == Preset::IQ4_XS) && s.nGqa >= 4)
        set(c, TensorType::Q5_K, at + ", n_gqa >= 4");
    else if ((f == Preset::Q4_K_M || f == Preset::Q5_K_M) && useMoreBits(i, n))
        set(c, TensorType::Q6_K, at + " (use_more_bits)");
    else if (f == Preset::Q4_K_S && i < 4)
        set(c, TensorType::Q5_K, at + " (first four)");
    if (s.is70B && (c.type == TensorType::Q3_K || c.type == TensorType::Q4_K))
        set(c, TensorType::Q5_K, at + ", 70B model");
    if (s.nExpert == 8)
        set(c, TensorType::Q8_0, at + ", 8 experts");
    ++s.iAttentionWv;
}

void ffnDownRule(MixState& s, const std::string& name, Choice& c)
{
    const Preset f = s.ftype;
    const auto [i, n] = layerInfo(s, s.iFfnDown, name);
    const bool falcon = s.arch == "falcon";
    const std::string at = "ffn_down layer " + std::to_string(i) + " of " + std::to_string(n);
    if (f == Preset::Q2_K)
        set(c, TensorType::Q3_K, at);
    else if (f == Preset::Q2_K_S) {
        if (i < n / 8)
            set(c, TensorType::Q4_K, at + " (first eighth)");
    } else if (f == Preset::Q3_K_M)
        set(c, i < n / 16 ? TensorType::Q5_K : (!falcon || useMoreBits(i, n)) ? TensorType::Q4_K : TensorType::Q3_K,
            at + (i < n / 16 ? " (first sixteenth)" : ""));
    else if (f == Preset::Q3_K_L)
        set(c, falcon ? TensorType::Q4_K : TensorType::Q5_K, at);
    else if (f == Preset::Q4_K_M) {
        if (falcon)
            set(c, i < n / 16 ? TensorType::Q6_K : useMoreBits(i, n) ? TensorType::Q5_K : TensorType::Q4_K, at + ", falcon");
        else if (useMoreBits(i, n))
            set(c, TensorType::Q6_K, at + " (use_more_bits)");
    } else if (i < n / 8 && (f == Preset::IQ4_NL || f == Preset::IQ4_XS) && !s.options.hasImatrix)
        set(c, TensorType::Q5_K, at + " (first eighth, no imatrix)");
    else if (f == Preset::Q5_K_M && useMoreBits(i, n))
        set(c, TensorType::Q6_K, at + " (use_more_bits)");
    else if (f == Preset::Q4_K_S && !falcon && i < n / 8)
        set(c, TensorType::Q5_K, at + " (first eighth)");
    else if ((f == Preset::Q4_0 || f == Preset::Q5_0) && s.options.hasImatrix && i < n / 8)
        set(c, f == Preset::Q4_0 ? TensorType::Q4_1 : TensorType::Q5_1, at + " (first eighth, with imatrix)");
    ++s.iFfnDown;
}

void attnOutputRule(const MixState& s, Choice& c)
{
    const Preset f = s.ftype;
    if (s.arch == "falcon") {
        if (f == Preset::Q3_K_L)
            set(c, TensorType::Q4_K, "attn_output, falcon");
        return;
    }
    if (s.nExpert == 8) {
        static const Preset up[] = {Preset::Q2_K, Preset::Q3_K_S, Preset::Q3_K_M, Preset::IQ4_NL,
                                    Preset::Q4_K_S, Preset::Q4_K_M, Preset::IQ4_XS};
        if (std::find(std::begin(up), std::end(up), f) != std::end(up))
            set(c, TensorType::Q5_K, "attn_output, 8 experts");
    } else if (f == Preset::Q2_K)
        set(c, TensorType::Q3_K, "attn_output");
    else if (f == Preset::Q3_K_M)
        set(c, TensorType::Q4_K, "attn_output");
    else if (f == Preset::Q3_K_L)
        set(c, TensorType::Q5_K, "attn_output");
}

void qkvRule(const MixState& s, Choice& c)
{
    if (s.ftype == Preset::Q3_K_M || s.ftype == Preset::Q3_K_L)
        set(c, TensorType::Q4_K, "attn_qkv");
    else if (s.ftype == Preset::Q4_K_M)
        set(c, TensorType::Q5_K, "attn_qkv");
    else if (s.ftype == Preset::Q5_K_M)
        set(c, TensorType::Q6_K, "attn_qkv");
}

/// llama_tensor_get_type's name rules (before the row-width fallback).
void nameRules(MixState& s, const TensorInfo& t, Choice& c)
{
    const std::string& name = t.name;
    if (name == "output.weight" || (!s.hasOutput && name == "token_embd.weight"))
        outputRule(s, t, c);
    else if (name == "token_embd.weight") {
        if (s.options.tokenEmbeddingType)
            set(c, *s.options.tokenEmbeddingType, "token embedding type option");
    } else if (contains(name, "attn_v.weight"))
        attnVRule(s, c);
    else if (contains(name, "attn_k.weight")) {
        if (s.nExpert == 8)
            set(c, TensorType::Q8_0, "attn_k, 8 experts");
    } else if (contains(name, "attn_q.weight")) {
        // only IQ3 mixes change attn_q
    } else if (contains(name, "ffn_down"))
        ffnDownRule(s, name, c);
    else if (contains(name, "attn_output.weight"))
        attnOutputRule(s, c);
    else if (contains(name, "attn_qkv.weight"))
        qkvRule(s, c);
    else if (contains(name, "ffn_gate")) {
        layerInfo(s, s.iFfnGate, name);
        ++s.iFfnGate;
    } else if (contains(name, "ffn_up")) {
        layerInfo(s, s.iFfnUp, name);
        ++s.iFfnUp;
    }
}

bool fits(TensorType type, const TensorInfo& t) { return t.rowLength() % tensorTypeInfo(type)->blockSize == 0; }

/// The stored type when llama-quantize would refuse; F32 when the stored type cannot go into a GGUF.
void keepStored(const TensorInfo& t, Choice& c, const std::string& why)
{
    const TensorTypeInfo* info = tensorTypeInfo(t.type);
    const TensorType kept = info && info->isGgml ? t.type : TensorType::F32;
    c.reason = why + "; llama-quantize stops here (Unsupported tensor size), kept " + typeName(kept);
    c.type = kept;
}

/// The fallback for rows that are not a multiple of the chosen type's block size.
void fallbackRule(const TensorInfo& t, Choice& c)
{
    if (fits(c.type, t))
        return;
    const std::string why = "row " + std::to_string(t.rowLength()) + " not a multiple of "
        + std::to_string(tensorTypeInfo(c.type)->blockSize) + " for " + typeName(c.type);
    TensorType next;
    switch (c.type) {
    case TensorType::Q2_K: case TensorType::Q3_K: case TensorType::IQ4_XS: next = TensorType::IQ4_NL; break;
    case TensorType::Q4_K: next = TensorType::Q5_0; break;
    case TensorType::Q5_K: next = TensorType::Q5_1; break;
    case TensorType::Q6_K: next = TensorType::Q8_0; break;
    default: keepStored(t, c, c.reason + "; " + why); return;
    }
    if (!fits(next, t))
        next = TensorType::F16;
    c.reason += "; " + why + ", fallback " + typeName(next);
    c.type = next;
}

Choice chooseType(MixState& s, const TensorInfo& t)
{
    const TensorType base = presetDefaultType(s.ftype);
    Choice c{base, std::string(presetName(s.ftype)) + " default " + typeName(base)};
    if (s.options.pure) {
        // llama-quantize --pure has no fallback (it stops); we take the one its mixes use
        c.reason = "pure " + typeName(base);
        if (!fits(base, t))
            c.reason += " (llama-quantize --pure stops on this row width)";
        fallbackRule(t, c);
    } else if (tensorTypeInfo(base)->isQuantized) {
        nameRules(s, t, c);
        fallbackRule(t, c);
    }
    if (s.options.tokenEmbeddingType && t.name == "token_embd.weight")
        set(c, *s.options.tokenEmbeddingType, "token embedding type option");
    if (s.options.outputType && t.name == "output.weight")
        set(c, *s.options.outputType, "output tensor type option");
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
    MixState state = makeState(model, preset, options, tensors);
    std::map<std::string, Choice> chosen;
    for (const TensorInfo* t : llamaQuantizeOrder(tensors)) {
        const std::string skip = notQuantizedReason(*t);
        if (skip.empty()) {
            chosen[t->name] = chooseType(state, *t);
            continue;
        }
        const TensorTypeInfo* info = tensorTypeInfo(t->type);
        const TensorType kept = info && info->isGgml ? t->type : TensorType::F32;
        chosen[t->name] = {kept, skip + ": kept " + typeName(kept)};
    }
    Plan plan;
    plan.sourcePath = model.path;
    plan.preset = (options.pure ? "pure " : "") + std::string(presetName(preset));
    plan.ftype = static_cast<uint32_t>(preset);
    for (const TensorInfo* t : tensors) {
        const Choice& c = chosen.at(t->name);
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
