#pragma once
// Hugging Face -> GGUF spellings: architecture class names ("LlamaForCausalLM" -> "llama") and tensor names
// of the Llama family ("model.layers.3.self_attn.q_proj.weight" -> "blk.3.attn_q.weight"), as llama.cpp's
// convert_hf_to_gguf.py (b4748) writes them. Names outside the table are returned unchanged.

#include <string>
#include <string_view>

namespace qx {

/// GGUF architecture for an HF `architectures[0]` class; empty when the class is not one we map.
std::string ggufArchitectureFromHf(std::string_view hfClass);
/// True when the architecture uses the Llama tensor layout that hfToGgufTensorName maps.
bool usesLlamaTensorNames(std::string_view ggufArchitecture);
/// Canonical GGUF name of an HF Llama-family tensor, or `hfName` itself when it is not in the table.
std::string hfToGgufTensorName(std::string_view hfName);

} // namespace qx
