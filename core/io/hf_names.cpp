#include "io/hf_names.h"

#include <array>
#include <utility>

namespace qx {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array kArchitectures = {
    Pair{"LlamaForCausalLM", "llama"},    Pair{"MistralForCausalLM", "llama"},
    Pair{"MixtralForCausalLM", "llama"},  Pair{"Qwen2ForCausalLM", "qwen2"},
};

constexpr std::array kTopLevel = {
    Pair{"model.embed_tokens", "token_embd"},
    Pair{"model.norm", "output_norm"},
    Pair{"lm_head", "output"},
};

constexpr std::array kPerLayer = {
    Pair{"self_attn.q_proj", "attn_q"},         Pair{"self_attn.k_proj", "attn_k"},
    Pair{"self_attn.v_proj", "attn_v"},         Pair{"self_attn.o_proj", "attn_output"},
    Pair{"mlp.gate_proj", "ffn_gate"},          Pair{"mlp.up_proj", "ffn_up"},
    Pair{"mlp.down_proj", "ffn_down"},          Pair{"input_layernorm", "attn_norm"},
    Pair{"post_attention_layernorm", "ffn_norm"},
};

template <size_t N>
std::string_view lookup(const std::array<Pair, N>& table, std::string_view key)
{
    for (const Pair& p : table)
        if (p.first == key)
            return p.second;
    return {};
}

} // namespace

std::string ggufArchitectureFromHf(std::string_view hfClass)
{
    return std::string(lookup(kArchitectures, hfClass));
}

bool usesLlamaTensorNames(std::string_view ggufArchitecture)
{
    return ggufArchitecture == "llama" || ggufArchitecture == "qwen2";
}

std::string hfToGgufTensorName(std::string_view hfName)
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
    size_t digits = 0;
    while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9')
        ++digits;
    if (digits == 0 || digits >= rest.size() || rest[digits] != '.' || (rest[0] == '0' && digits > 1))
        return std::string(hfName);
    const std::string_view part = lookup(kPerLayer, rest.substr(digits + 1));
    if (part.empty())
        return std::string(hfName);
    return "blk." + std::string(rest.substr(0, digits)) + "." + std::string(part) + std::string(suffix);
}

} // namespace qx
