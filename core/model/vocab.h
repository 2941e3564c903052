#pragma once
// A tokenizer vocabulary as GGUF stores it (tokenizer.ggml.*): token texts with scores and types, BPE
// merges ("left right", rank = index), special token ids and the add-BOS/EOS flags. Ids are int32 indices
// into `tokens`; -1 means "none". SPM texts spell spaces as U+2581 and bytes as "<0xXX>"; GPT-2 BPE texts
// use the byte-level alphabet (space = "Ġ").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

/// tokenizer.ggml.token_type values (llama.cpp's LLAMA_TOKEN_TYPE_*).
enum class TokenType : int32_t {
    Undefined = 0, Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6,
};

enum class VocabKind {
    Spm,  ///< tokenizer.ggml.model "llama": SentencePiece, merges by score, byte fallback
    Bpe,  ///< tokenizer.ggml.model "gpt2": byte-level BPE, merges by rank
};

/// How BPE text is cut into words before merging (tokenizer.ggml.pre).
enum class PreTokenizerKind {
    Default,   ///< "default" (and missing): llama.cpp's four-expression fallback
    Gpt2,      ///< "gpt-2", "mpt", "olmo", "jais", ...
    Llama3,    ///< "llama3", "llama-bpe", "llama-v3", "dbrx", "smaug-bpe", "falcon3"
    Qwen2,     ///< "qwen2", "stablelm2"
    Smollm,    ///< "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b"
};

constexpr int32_t kNoToken = -1;

struct Vocab {
    VocabKind kind = VocabKind::Spm;
    std::string pre;                      ///< tokenizer.ggml.pre as written ("" when absent)
    PreTokenizerKind preKind = PreTokenizerKind::Default;
    std::vector<std::string> tokens;
    std::vector<float> scores;            ///< empty or one per token
    std::vector<TokenType> types;         ///< empty or one per token
    std::vector<std::string> merges;      ///< BPE only, "left right"
    int32_t bosId = kNoToken;
    int32_t eosId = kNoToken;
    int32_t unkId = kNoToken;
    int32_t padId = kNoToken;
    bool addBos = false;
    bool addEos = false;
    bool addSpacePrefix = true;           ///< SPM: prepend a space to the first text fragment
    bool ignoreMerges = false;            ///< BPE: a word found whole in the vocab is one token (Llama-3)

    int32_t size() const { return static_cast<int32_t>(tokens.size()); }
    TokenType typeOf(int32_t id) const
    {
        return id >= 0 && size_t(id) < types.size() ? types[size_t(id)] : TokenType::Normal;
    }
    bool operator==(const Vocab&) const = default;
};

/// Maps a tokenizer.ggml.pre string to its splitter kind; throws qx::Error(Unsupported) for unknown ones.
PreTokenizerKind preTokenizerKindFromName(std::string_view pre);
const char* tokenTypeName(TokenType type);

} // namespace qx
