#pragma once
// Synthetic llama-architecture GGUF models with LLM-like weight statistics (see io/synth_weights.h), for
// tests and benchmarks at any size: a 7B-shaped F16 file (13 GB) is generated tensor by tensor while it is
// written, never held in memory. The tokenizer (every `tokenizer.*` key) is copied from another GGUF,
// which also fixes the vocabulary size. Same options and seed -> byte-identical file.
//
// Tensor order and metadata keys follow llama.cpp's llama models: token_embd, then per block attn_norm,
// attn_q, attn_k, attn_v, attn_output, ffn_norm, ffn_gate, ffn_up, ffn_down, then output_norm, output.
// Matrices use `type`; norm vectors are always F32.

#include "common/progress.h"
#include "io/gguf_writer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qx {

struct SynthOptions {
    int64_t dim = 256;                ///< embedding length
    int64_t layers = 4;
    int64_t ff = 768;                 ///< feed-forward length
    int64_t heads = 4;
    int64_t kvHeads = 2;
    int64_t contextLength = 2048;
    uint64_t seed = 1;
    TensorType type = TensorType::F32; ///< F32 or F16
    std::string vocabFrom;            ///< GGUF whose tokenizer is copied
    int64_t headDim = 0;              ///< attention.key_length = value_length; 0: dim / heads (keys not written)
    bool tiedEmbeddings = false;      ///< no output.weight: the head is token_embd
    /// rope_freqs.weight with Llama 3.1's factors (factor 8, low 1, high 4) for an original context of 128
    bool ropeFreqs = false;
};

/// Llama 3.1's rope frequency factors (what convert_hf_to_gguf stores as rope_freqs.weight) for `headDim`,
/// rope base `base` and the given scaling: nRot/2 divisors of the rotation frequencies.
std::vector<float> llama3RopeFactors(int64_t headDim, double base, double factor, double lowFreqFactor,
                                     double highFreqFactor, double originalContext);

struct SynthPlan {
    std::vector<KeyValue> metadata;
    std::vector<GgufTensorToWrite> tensors;   ///< fill functions generate the weights on demand
    int64_t vocabSize = 0;
};

/// Validates the options, reads the tokenizer keys of `vocabFrom` and lists what the file will hold.
/// Throws Error(InvalidArgument) for impossible shapes and whatever openGguf throws for the vocab file.
SynthPlan planSynthModel(const SynthOptions& options);

/// Writes the planned model to `path` via writeGguf (atomic, cancellable). Returns the file size.
uint64_t writeSynthModel(const SynthOptions& options, const std::string& path, const ProgressFn& progress = {});

} // namespace qx
