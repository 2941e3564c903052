#pragma once
// Text <-> token ids, matching llama.cpp (b4748) for GGUF vocabularies and Hugging Face `tokenizers` for
// tokenizer.json files.
//
// A Tokenizer is an immutable value: copies share one read-only state, and encode/decode may be called
// from several threads at once. Building one validates the vocabulary and throws qx::Error naming the
// file on anything it cannot honour (missing keys, unknown pre-tokenizer, unsupported tokenizer.json
// component).

#include "model/vocab.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

struct ModelFile;

class Tokenizer {
public:
    /// A tokenizer with llama.cpp semantics over `vocab` (SPM or GPT-2 BPE). `source` names it in errors.
    static Tokenizer fromVocab(Vocab vocab, const std::string& source = {});
    /// Reads tokenizer.ggml.* from a GGUF's metadata; throws Error(Invalid) naming the file when absent.
    static Tokenizer fromGguf(const ModelFile& model);
    /// Loads a Hugging Face tokenizer.json (BPE model with its normalizer, pre-tokenizer, post-processor
    /// and decoder).
    static Tokenizer fromHfJson(const std::string& path);
    /// Reads the GGUF metadata keys of a tokenizer into a Vocab (exposed for inspection and tests).
    static Vocab vocabFromGguf(const ModelFile& model);

    /// Token ids of `text`. addSpecial adds what the model asks for (BOS/EOS, or the HF post-processor
    /// template); parseSpecial lets special-token texts in `text` (e.g. "<s>") become their ids, as
    /// llama-tokenize does by default.
    std::vector<int32_t> encode(std::string_view text, bool addSpecial, bool parseSpecial = true) const;
    /// Text of `ids`: control/special tokens are dropped, byte tokens become bytes, and the leading space
    /// the encoder adds is removed again, so decode(encode(x)) == x for text the vocabulary covers.
    /// showSpecial keeps the texts of control/special tokens (transformers' skip_special_tokens=False).
    std::string decode(std::span<const int32_t> ids, bool showSpecial = false) const;
    /// The vocabulary entry of `id` as stored ("▁the", "Ġthe", "<0x0A>"); "" when out of range.
    std::string tokenText(int32_t id) const;
    /// What `id` contributes to decoded text (llama.cpp's token_to_piece with special tokens shown).
    std::string tokenPiece(int32_t id) const;

    const Vocab& vocab() const;
    int32_t vocabSize() const { return vocab().size(); }
    /// "llama.cpp SPM", "llama.cpp BPE (gpt-2)", "HF tokenizer.json BPE", ...
    std::string description() const;

    struct Impl;

private:
    explicit Tokenizer(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<const Impl> m_impl;
};

/// Opens the tokenizer of any model path the CLI accepts: a GGUF file (its metadata), a Hugging Face
/// folder (its tokenizer.json) or a tokenizer.json itself. Throws qx::Error naming the file when there is
/// no tokenizer.
Tokenizer openTokenizer(const std::string& path);

} // namespace qx
