#include "plan/preset_rules.h"

#include "common/error.h"
#include "quant/formats.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>

namespace qx::detail {
namespace {

using T = TensorType;
using P = Preset;

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
std::string typeName(TensorType t) { return std::string(tensorTypeName(t)); }
bool isOneOf(Preset p, std::initializer_list<Preset> set) { return std::find(set.begin(), set.end(), p) != set.end(); }

/// Layer of "blk.N." names, -1 otherwise.
int layerOf(const std::string& name)
{
    int layer = -1;
    if (std::sscanf(name.c_str(), "blk.%d.", &layer) != 1)
        return -1;
    return layer;
}

bool useMoreBits(int i, int n) { return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2; }

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

void set(TypeChoice& c, TensorType t, const std::string& why)
{
    c.type = t;
    c.reason = why + " -> " + typeName(t);
}

/// The mixes whose very-low-bit rules replace the per-tensor rules below (llama-quant.cpp's first branch).
bool veryLowBit(Preset f) { return isOneOf(f, {P::IQ2_XXS, P::IQ2_XS, P::IQ1_S, P::IQ2_S, P::IQ2_M, P::IQ1_M}); }

void outputRule(const MixState& s, const TensorInfo& t, TypeChoice& c)
{
    if (s.options.outputType) {
        set(c, *s.options.outputType, "output tensor type option");
        return;
    }
    const uint32_t block = tensorTypeInfo(c.type)->blockSize;
    const std::string who = t.name == "output.weight" ? "output.weight" : "token_embd.weight (serves as output)";
    if (s.arch == "falcon" || t.rowLength() % block != 0)
        set(c, T::Q8_0, who + ": falcon or row not a multiple of " + std::to_string(block));
    else if (isOneOf(s.ftype, {P::IQ2_XXS, P::IQ2_XS, P::IQ3_XXS, P::IQ1_S, P::IQ2_S, P::IQ2_M, P::IQ1_M}))
        set(c, T::Q5_K, who + " in a very-low-bit mix");
    else if (c.type != T::Q8_0)
        set(c, T::Q6_K, who + " rule");
}

void tokenEmbdRule(const MixState& s, TypeChoice& c)
{
    const P f = s.ftype;
    if (s.options.tokenEmbeddingType)
        set(c, *s.options.tokenEmbeddingType, "token embedding type option");
    else if (isOneOf(f, {P::IQ2_XXS, P::IQ2_XS, P::IQ1_S, P::IQ1_M}))
        set(c, T::Q2_K, "token_embd in a 1-2 bit mix");
    else if (isOneOf(f, {P::IQ2_S, P::IQ2_M, P::IQ3_XXS}))
        set(c, T::IQ3_S, "token_embd in an IQ2_S/IQ2_M/IQ3_XXS mix");
    else if (isOneOf(f, {P::TQ1_0, P::TQ2_0}))
        set(c, T::Q4_K, "token_embd in a ternary mix");
}

/// IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ2_M: attn_v, attn_k, ffn_down and attn_output only.
void veryLowBitRules(MixState& s, const std::string& name, TypeChoice& c)
{
    const bool iq2sm = isOneOf(s.ftype, {P::IQ2_S, P::IQ2_M});
    if (contains(name, "attn_v.weight")) {
        const std::string at = "attn_v #" + std::to_string(s.iAttentionWv);
        if (s.nGqa >= 4 || s.nExpert >= 4)
            set(c, T::Q4_K, at + ", n_gqa >= 4 or >= 4 experts");
        else
            set(c, iq2sm ? T::IQ3_S : T::Q2_K, at);
        ++s.iAttentionWv;
    } else if (s.nExpert == 8 && contains(name, "attn_k.weight")) {
        set(c, T::Q4_K, "attn_k, 8 experts");
    } else if (contains(name, "ffn_down")) {
        if (s.iFfnDown < s.nLayer / 8)
            set(c, iq2sm ? T::IQ3_S : T::Q2_K, "ffn_down #" + std::to_string(s.iFfnDown) + " (first eighth)");
        ++s.iFfnDown;
    } else if (contains(name, "attn_output.weight")) {
        if (s.nExpert == 8)
            set(c, T::Q5_K, "attn_output, 8 experts");
        else if (isOneOf(s.ftype, {P::IQ1_S, P::IQ1_M}))
            set(c, T::IQ2_XXS, "attn_output in an IQ1 mix");
        else if (iq2sm)
            set(c, T::IQ3_S, "attn_output in an IQ2_S/IQ2_M mix");
    }
}

void attnVRule(MixState& s, TypeChoice& c)
{
    const P f = s.ftype;
    const int i = s.iAttentionWv, n = s.nAttentionWv;
    const std::string at = "attn_v #" + std::to_string(i) + " of " + std::to_string(n);
    if (f == P::Q2_K)
        set(c, s.nGqa >= 4 ? T::Q4_K : T::Q3_K, at + ", n_gqa " + std::to_string(s.nGqa));
    else if (f == P::Q2_K_S && s.nGqa >= 4)
        set(c, T::Q4_K, at + ", n_gqa >= 4");
    else if (f == P::IQ3_XXS)
        set(c, s.nGqa >= 4 ? T::Q4_K : !s.options.hasImatrix ? T::IQ3_S : T::IQ3_XXS,
            at + (s.nGqa >= 4 ? ", n_gqa >= 4" : s.options.hasImatrix ? ", with imatrix" : ", no imatrix"));
    else if (isOneOf(f, {P::IQ3_XS, P::IQ3_S}) && s.nGqa >= 4)
        set(c, T::Q4_K, at + ", n_gqa >= 4");
    else if (f == P::IQ3_M)
        set(c, T::Q4_K, at);
    else if (f == P::Q3_K_M)
        set(c, i < 2 ? T::Q5_K : T::Q4_K, at + (i < 2 ? " (first two)" : ""));
    else if (f == P::Q3_K_L)
        set(c, T::Q5_K, at);
    else if (isOneOf(f, {P::IQ4_NL, P::IQ4_XS}) && s.nGqa >= 4)
        set(c, T::Q5_K, at + ", n_gqa >= 4");
    else if (isOneOf(f, {P::Q4_K_M, P::Q5_K_M}) && useMoreBits(i, n))
        set(c, T::Q6_K, at + " (use_more_bits)");
    else if (f == P::Q4_K_S && i < 4)
        set(c, T::Q5_K, at + " (first four)");
    if (s.is70B && (c.type == T::Q3_K || c.type == T::Q4_K))
        set(c, T::Q5_K, at + ", 70B model");
    if (s.nExpert == 8)
        set(c, T::Q8_0, at + ", 8 experts");
    ++s.iAttentionWv;
}

void attnKQRule(const MixState& s, bool isK, TypeChoice& c)
{
    const char* what = isK ? "attn_k" : "attn_q";
    if (isK && s.nExpert == 8)
        set(c, T::Q8_0, "attn_k, 8 experts");
    else if (s.ftype == P::IQ3_XS)
        set(c, T::IQ3_XXS, std::string(what) + " in an IQ3_XS mix");
    else if (s.ftype == P::IQ3_XXS)
        set(c, T::IQ2_S, std::string(what) + " in an IQ3_XXS mix");
}

void ffnDownRule(MixState& s, const std::string& name, TypeChoice& c)
{
    const P f = s.ftype;
    const auto [i, n] = layerInfo(s, s.iFfnDown, name);
    const bool falcon = s.arch == "falcon";
    const std::string at = "ffn_down layer " + std::to_string(i) + " of " + std::to_string(n);
    if (f == P::Q2_K)
        set(c, T::Q3_K, at);
    else if (f == P::Q2_K_S) {
        if (i < n / 8)
            set(c, T::Q4_K, at + " (first eighth)");
    } else if (f == P::IQ3_XXS && !s.options.hasImatrix)
        set(c, i < n / 8 ? T::Q4_K : T::Q3_K, at + ", no imatrix");
    else if (f == P::Q3_K_M)
        set(c, i < n / 16 ? T::Q5_K : (!falcon || useMoreBits(i, n)) ? T::Q4_K : T::Q3_K,
            at + (i < n / 16 ? " (first sixteenth)" : ""));
    else if (f == P::IQ3_M && (i < n / 8 || (s.nExpert == 8 && useMoreBits(i, n))))
        set(c, T::Q4_K, at + (i < n / 8 ? " (first eighth)" : " (use_more_bits, 8 experts)"));
    else if (f == P::Q3_K_L)
        set(c, falcon ? T::Q4_K : T::Q5_K, at);
    else if (f == P::Q4_K_M) {
        if (falcon)
            set(c, i < n / 16 ? T::Q6_K : useMoreBits(i, n) ? T::Q5_K : T::Q4_K, at + ", falcon");
        else if (useMoreBits(i, n))
            set(c, T::Q6_K, at + " (use_more_bits)");
    } else if (i < n / 8 && isOneOf(f, {P::IQ4_NL, P::IQ4_XS}) && !s.options.hasImatrix)
        set(c, T::Q5_K, at + " (first eighth, no imatrix)");
    else if (f == P::Q5_K_M && useMoreBits(i, n))
        set(c, T::Q6_K, at + " (use_more_bits)");
    else if (f == P::Q4_K_S && !falcon && i < n / 8)
        set(c, T::Q5_K, at + " (first eighth)");
    else if (isOneOf(f, {P::Q4_0, P::Q5_0}) && s.options.hasImatrix && i < n / 8)
        set(c, f == P::Q4_0 ? T::Q4_1 : T::Q5_1, at + " (first eighth, with imatrix)");
    ++s.iFfnDown;
}

void attnOutputRule(const MixState& s, TypeChoice& c)
{
    const P f = s.ftype;
    if (s.arch == "falcon") {
        if (f == P::Q3_K_L)
            set(c, T::Q4_K, "attn_output, falcon");
        return;
    }
    if (s.nExpert == 8) {
        if (isOneOf(f, {P::Q2_K, P::IQ3_XS, P::IQ3_XXS, P::Q3_K_S, P::Q3_K_M, P::IQ4_NL, P::Q4_K_S, P::Q4_K_M,
                        P::IQ3_S, P::IQ3_M, P::IQ4_XS}))
            set(c, T::Q5_K, "attn_output, 8 experts");
    } else if (f == P::Q2_K)
        set(c, T::Q3_K, "attn_output");
    else if (f == P::IQ3_XXS)
        set(c, T::IQ3_S, "attn_output");
    else if (f == P::Q3_K_M || f == P::IQ3_M)
        set(c, T::Q4_K, "attn_output");
    else if (f == P::Q3_K_L)
        set(c, T::Q5_K, "attn_output");
}

void qkvRule(const MixState& s, TypeChoice& c)
{
    if (isOneOf(s.ftype, {P::Q3_K_M, P::Q3_K_L, P::IQ3_M}))
        set(c, T::Q4_K, "attn_qkv");
    else if (s.ftype == P::Q4_K_M)
        set(c, T::Q5_K, "attn_qkv");
    else if (s.ftype == P::Q5_K_M)
        set(c, T::Q6_K, "attn_qkv");
}

/// ffn_gate / ffn_up: IQ3_XS takes IQ3_XXS for the middle three quarters of the layers.
void ffnGateUpRule(MixState& s, const std::string& name, const char* label, int& counter, TypeChoice& c)
{
    const auto [i, n] = layerInfo(s, counter, name);
    if (s.ftype == P::IQ3_XS && i >= n / 8 && i < 7 * n / 8)
        set(c, T::IQ3_XXS, std::string(label) + " layer " + std::to_string(i) + " (middle layers)");
    ++counter;
}

void nameRules(MixState& s, const TensorInfo& t, TypeChoice& c)
{
    const std::string& name = t.name;
    if (name == "output.weight" || (!s.hasOutput && name == "token_embd.weight"))
        outputRule(s, t, c);
    else if (name == "token_embd.weight")
        tokenEmbdRule(s, c);
    else if (veryLowBit(s.ftype))
        veryLowBitRules(s, name, c);
    else if (contains(name, "attn_v.weight"))
        attnVRule(s, c);
    else if (contains(name, "attn_k.weight") || contains(name, "attn_q.weight"))
        attnKQRule(s, contains(name, "attn_k.weight"), c);
    else if (contains(name, "ffn_down"))
        ffnDownRule(s, name, c);
    else if (contains(name, "attn_output.weight"))
        attnOutputRule(s, c);
    else if (contains(name, "attn_qkv.weight"))
        qkvRule(s, c);
    else if (contains(name, "ffn_gate"))
        ffnGateUpRule(s, name, "ffn_gate", s.iFfnGate, c);
    else if (contains(name, "ffn_up"))
        ffnGateUpRule(s, name, "ffn_up", s.iFfnUp, c);
}

} // namespace

MixState makeMixState(const ModelFile& model, Preset preset, const PresetOptions& options,
                      const std::vector<const TensorInfo*>& tensors)
{
    MixState s;
    s.ftype = preset;
    s.options = options;
    s.arch = model.spec.architecture;
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

bool applyFallback(const TensorInfo& t, TypeChoice& c)
{
    const uint32_t block = tensorTypeInfo(c.type)->blockSize;
    if (t.rowLength() % block == 0)
        return true;
    const std::optional<TensorType> next = llamaFallbackType(c.type, t.rowLength());
    const std::string why = "row " + std::to_string(t.rowLength()) + " not a multiple of " + std::to_string(block)
                            + " for " + typeName(c.type);
    if (!next) {
        c.reason += "; " + why;
        return false;
    }
    c.reason += "; " + why + ", fallback " + typeName(*next);
    c.type = *next;
    return true;
}

TypeChoice mixTypeFor(MixState& state, const TensorInfo& tensor)
{
    const TensorType base = presetDefaultType(state.ftype);
    TypeChoice c{base, std::string(presetName(state.ftype)) + " default " + typeName(base)};
    nameRules(state, tensor, c);
    return c;
}

} // namespace qx::detail
