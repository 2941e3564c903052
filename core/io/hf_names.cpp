#include "io/hf_names.h"

#include <array>
#include <cstdio>
#include <utility>

namespace qx {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array kArchitectures = {
    Pair{"LlamaForCausalLM", "llama"},       Pair{"MistralForCausalLM", "llama"},
    Pair{"MixtralForCausalLM", "llama"},     Pair{"Qwen2ForCausalLM", "qwen2"},
    Pair{"Qwen2MoeForCausalLM", "qwen2moe"}, Pair{"Phi3ForCausalLM", "phi3"},
    Pair{"GemmaForCausalLM", "gemma"},       Pair{"Gemma2ForCausalLM", "gemma2"},
};

constexpr std::array kTopLevel = {
    Pair{"model.embed_tokens", "token_embd"},
    Pair{"model.norm", "output_norm"},
    Pair{"lm_head", "output"},
};

// Per-layer parts shared by every mapped architecture (after "model.layers.N.").
constexpr std::array kPerLayer = {
    Pair{"self_attn.q_proj", "attn_q"},          Pair{"self_attn.k_proj", "attn_k"},
    Pair{"self_attn.v_proj", "attn_v"},          Pair{"self_attn.o_proj", "attn_output"},
    Pair{"self_attn.qkv_proj", "attn_qkv"},      Pair{"mlp.gate_proj", "ffn_gate"},
    Pair{"mlp.up_proj", "ffn_up"},               Pair{"mlp.down_proj", "ffn_down"},
    Pair{"mlp.gate_up_proj", "ffn_up"},          Pair{"input_layernorm", "attn_norm"},
    Pair{"post_attention_layernorm", "ffn_norm"},
    Pair{"block_sparse_moe.gate", "ffn_gate_inp"},  Pair{"mlp.gate", "ffn_gate_inp"},
    Pair{"mlp.shared_expert.gate_proj", "ffn_gate_shexp"}, Pair{"mlp.shared_expert.up_proj", "ffn_up_shexp"},
    Pair{"mlp.shared_expert.down_proj", "ffn_down_shexp"}, Pair{"mlp.shared_expert_gate", "ffn_gate_inp_shexp"},
};

// Gemma 2 norms: its post_attention_layernorm follows attention, and the feed-forward has its own pair.
constexpr std::array kGemma2PerLayer = {
    Pair{"post_attention_layernorm", "post_attention_norm"},
    Pair{"pre_feedforward_layernorm", "ffn_norm"},
    Pair{"post_feedforward_layernorm", "post_ffw_norm"},
};

// One expert's matrices (after "<prefix>E."): mixtral's w1/w2/w3 and qwen2moe's projections.
constexpr std::array kMixtralExpert = {Pair{"w1", "ffn_gate"}, Pair{"w2", "ffn_down"}, Pair{"w3", "ffn_up"}};
constexpr std::array kQwenMoeExpert = {Pair{"gate_proj", "ffn_gate"}, Pair{"up_proj", "ffn_up"},
                                       Pair{"down_proj", "ffn_down"}};

template <size_t N>
std::string_view lookup(const std::array<Pair, N>& table, std::string_view key)
{
    for (const Pair& p : table)
        if (p.first == key)
            return p.second;
    return {};
}

/// Length of the decimal number at the start of `s` (no leading zeros, at most 9 digits), or 0.
size_t numberLength(std::string_view s)
{
    size_t n = 0;
    while (n < s.size() && n < 9 && s[n] >= '0' && s[n] <= '9')
        ++n;
    return (n > 1 && s[0] == '0') ? 0 : n;
}

/// "ffn_gate.E" for one expert's matrix ("block_sparse_moe.experts.E.w1"), or empty.
std::string expertPart(std::string_view part)
{
    constexpr std::string_view kMixtral = "block_sparse_moe.experts.", kQwen = "mlp.experts.";
    const bool mixtral = part.substr(0, kMixtral.size()) == kMixtral;
    if (!mixtral && part.substr(0, kQwen.size()) != kQwen)
        return {};
    const std::string_view rest = part.substr(mixtral ? kMixtral.size() : kQwen.size());
    const size_t digits = numberLength(rest);
    if (digits == 0 || digits >= rest.size() || rest[digits] != '.')
        return {};
    const std::string_view key = rest.substr(digits + 1);
    const std::string_view matrix = mixtral ? lookup(kMixtralExpert, key) : lookup(kQwenMoeExpert, key);
    return matrix.empty() ? std::string() : std::string(matrix) + "." + std::string(rest.substr(0, digits));
}

std::string layerPart(std::string_view part, std::string_view arch)
{
    if (arch == "gemma2")
        if (const std::string_view p = lookup(kGemma2PerLayer, part); !p.empty())
            return std::string(p);
    if (const std::string_view p = lookup(kPerLayer, part); !p.empty())
        return std::string(p);
    return expertPart(part);
}

} // namespace

std::string ggufArchitectureFromHf(std::string_view hfClass)
{
    return std::string(lookup(kArchitectures, hfClass));
}

bool mapsHfTensorNames(std::string_view ggufArchitecture)
{
    for (const Pair& p : kArchitectures)
        if (p.second == ggufArchitecture)
            return true;
    return false;
}

std::string hfToGgufTensorName(std::string_view hfName, std::string_view ggufArchitecture)
{
    const size_t dot = hfName.rfind('.');
    if (dot == std::string_view::npos)
        return std::string(hfName);
    const std::string_view stem = hfName.substr(0, dot);
    const std::string_view suffix = hfName.substr(dot); // ".weight" / ".bias"
    if (suffix != ".weight" && suffix != ".bias")
        return std::string(hfName);
    if (std::string_view top = lookup(kTopLevel, stem); !top.empty())
        return std::string(top) + std::string(suffix);
    constexpr std::string_view kLayers = "model.layers.";
    if (stem.substr(0, kLayers.size()) != kLayers)
        return std::string(hfName);
    const std::string_view rest = stem.substr(kLayers.size());
    const size_t digits = numberLength(rest);
    if (digits == 0 || digits >= rest.size() || rest[digits] != '.')
        return std::string(hfName);
    const std::string part = layerPart(rest.substr(digits + 1), ggufArchitecture);
    if (part.empty())
        return std::string(hfName);
    return "blk." + std::string(rest.substr(0, digits)) + "." + part + std::string(suffix);
}

bool isPerExpertTensorName(std::string_view name)
{
    int layer = 0, expert = 0, consumed = 0;
    const std::string s(name);
    for (const char* matrix : {"ffn_gate", "ffn_up", "ffn_down"}) {
        const std::string format = std::string("blk.%d.") + matrix + ".%d.%n";
        consumed = 0;
        if (std::sscanf(s.c_str(), format.c_str(), &layer, &expert, &consumed) == 2 && consumed > 0)
            return true;
    }
    return false;
}

} // namespace qx
