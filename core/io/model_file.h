#pragma once
// One read-only view over every model file kind we open: GGUF, safetensors (single or sharded),
// Hugging Face folders (config.json + safetensors + tokenizer.json) and llama2.c checkpoints.
//
// Axis order: TensorInfo::ne is ggml's order — ne[0] is the contiguous (fastest-varying) axis, i.e. the
// row length. A PyTorch/safetensors weight of shape [out, in] therefore has ne = {in, out}. Tensor data
// are views into memory-mapped files (never copied); the ModelFile keeps the mappings alive.

#include "io/gguf_value.h"
#include "io/tensor_type.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

class MappedFile;

enum class ModelFormat { Gguf, Safetensors, HfFolder, Llama2c };

/// Architecture and hyper-parameters, whatever file they came from. Zero means "not stated".
struct ModelSpec {
    std::string architecture;      ///< GGUF spelling: "llama", "qwen2", ...; HF "LlamaForCausalLM" -> "llama"
    std::string name;
    int64_t contextLength = 0;
    int64_t embeddingLength = 0;   ///< hidden size
    int64_t blockCount = 0;        ///< layers
    int64_t headCount = 0;
    int64_t headCountKv = 0;
    int64_t feedForwardLength = 0;
    int64_t vocabSize = 0;
    int64_t ropeDimensionCount = 0;
    int64_t keyLength = 0;         ///< attention head size of K (and Q); 0: embeddingLength / headCount
    int64_t valueLength = 0;       ///< attention head size of V; 0: embeddingLength / headCount
    double ropeFreqBase = 10000.0;
    std::string ropeScalingType;   ///< "", "linear", "yarn", ...
    double ropeScalingFactor = 1.0;
    double rmsNormEps = 1e-5;
    bool tiedEmbeddings = false;   ///< output head shares token_embd
    bool ropeNeox = false;         ///< HF rotate-half layout (Q/K not permuted as in GGUF llama files)
    std::optional<int64_t> bosTokenId;
    std::optional<int64_t> eosTokenId;
    bool operator==(const ModelSpec&) const = default;
};

/// What the file says about its tokenizer; the tokenizer itself lives in core/model.
struct TokenizerInfo {
    std::string model;             ///< "llama" (SentencePiece), "gpt2" (byte-level BPE), "" when absent
    std::string pre;               ///< GGUF tokenizer.ggml.pre, or the HF pre-tokenizer kind
    int64_t vocabSize = 0;
    int64_t mergeCount = 0;
    std::string sourcePath;        ///< tokenizer.json / tok*.bin path, or the GGUF itself
    bool operator==(const TokenizerInfo&) const = default;
};

struct TensorInfo {
    std::string name;              ///< canonical GGUF-style name, e.g. "blk.0.attn_q.weight"
    std::string originalName;      ///< name inside the source file (equal to name for GGUF)
    std::vector<int64_t> ne;       ///< ggml axis order, see top of file
    TensorType type = TensorType::F32;
    uint64_t fileOffset = 0;       ///< absolute byte offset of the data in its file
    uint64_t nbytes = 0;
    std::span<const std::byte> data; ///< view into a mapping held by the ModelFile
    std::string sourceFile;        ///< the file holding the data (shards differ)
    std::string aliasOf;           ///< non-empty: a second name for the tensor named here (tied weights,
                                   ///< same data view); totals count the data once, under that tensor

    uint64_t elementCount() const;
    int64_t rows() const;          ///< product of ne[1..]; 1 for vectors
    int64_t rowLength() const { return ne.empty() ? 1 : ne[0]; }
    double bitsPerWeight() const;
};

struct ModelFile {
    ModelFormat format = ModelFormat::Gguf;
    std::string path;              ///< file or folder that was opened
    uint32_t ggufVersion = 0;      ///< GGUF only
    uint64_t alignment = 32;       ///< GGUF only
    std::vector<KeyValue> metadata;  ///< GGUF key/values; for other formats, what we derived, GGUF-named
    std::vector<TensorInfo> tensors; ///< in file order
    ModelSpec spec;
    TokenizerInfo tokenizer;
    std::vector<std::shared_ptr<const MappedFile>> mappings;
    std::vector<std::string> splitPaths;  ///< GGUF split models (io/gguf_split.h): the parts in order; else empty

    const TensorInfo* findTensor(std::string_view name) const;   ///< by canonical or original name
    const GgufValue* findMetadata(std::string_view key) const;
    uint64_t totalParameters() const;
    uint64_t totalTensorBytes() const;
};

/// Opens any supported model: a .gguf file (any part of a split GGUF opens the whole model), a .safetensors
/// file, a folder with config.json (HF), or a llama2.c .bin checkpoint. Throws qx::Error naming the file and
/// the problem.
std::shared_ptr<const ModelFile> openModel(const std::string& path);

} // namespace qx
