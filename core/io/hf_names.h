#pragma once
// Hugging Face -> GGUF spellings, as llama.cpp's convert_hf_to_gguf.py (b4748) writes them: architecture
// class names ("LlamaForCausalLM" -> "llama", "Gemma2ForCausalLM" -> "gemma2", ...) and tensor names of
// the Llama family and its relatives ("model.layers.3.self_attn.q_proj.weight" -> "blk.3.attn_q.weight"):
//  - llama / mistral / qwen2: attention, MLP and norms;
//  - gemma: as llama; gemma2 adds post_attention_norm, ffn_norm (pre-feed-forward) and post_ffw_norm;
//  - phi3: fused self_attn.qkv_proj -> attn_qkv, mlp.gate_up_proj -> ffn_up;
//  - mixtral (llama) and qwen2moe: the router (-> ffn_gate_inp) and qwen2moe's shared expert (ffn_*_shexp,
//    ffn_gate_inp_shexp). The converter stacks the experts of a layer into one 3-D tensor
//    (ffn_gate_exps ...); a folder stores them one by one, so each expert keeps its own tensor under
//    llama.cpp's per-expert name "blk.N.ffn_gate.E.weight" (E = expert), which llama-quantize's mix rules
//    treat as they treat the stacked tensor (same layer, same ffn_* rule).
// Names outside the table are returned unchanged.

#include <string>
#include <string_view>

namespace qx {

/// GGUF architecture for an HF `architectures[0]` class; empty when the class is not one we map.
std::string ggufArchitectureFromHf(std::string_view hfClass);
/// True when hfToGgufTensorName knows the tensor layout of this GGUF architecture.
bool mapsHfTensorNames(std::string_view ggufArchitecture);
/// GGUF name of an HF tensor of `ggufArchitecture`, or `hfName` itself when it is not in the table.
std::string hfToGgufTensorName(std::string_view hfName, std::string_view ggufArchitecture = "llama");
/// True for a per-expert tensor name ("blk.N.ffn_gate.E.weight", see top of file).
bool isPerExpertTensorName(std::string_view ggufName);

} // namespace qx
