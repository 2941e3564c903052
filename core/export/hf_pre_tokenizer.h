#pragma once
// Which BPE pre-tokenizer llama.cpp (b4748) will apply to a byte-level BPE tokenizer.json once converted:
// the string written as tokenizer.ggml.pre. llama.cpp's converter (get_vocab_base_pre) tokenizes a fixed
// text with the tokenizer, prints the ids as a Python list ("[1, 2, 3]"), and names the pre-tokenizer by
// the SHA-256 of that string; unknown digests are refused. We do the same with our tokenizer.json
// pipeline and the converter's table, and, when the digest is unknown (a new vocabulary with a known
// pre-tokenizer), read the pre-tokenizer from tokenizer.json's structure:
//   ByteLevel (use_regex, no prefix space)                     -> "gpt-2"
//   Split(Llama-3 expression) + ByteLevel(no regex)            -> "llama-bpe" (ignore_merges) or "smaug-bpe"
//   Split(Qwen2 expression) + ByteLevel(no regex)              -> "qwen2"
//   Digits(individual) + ByteLevel (use_regex)                 -> "smollm"
// with no normalizer or NFC. Anything else cannot be tokenized the same way by llama.cpp: refused.

#include <string>
#include <string_view>

namespace qx {

class Tokenizer;

/// The text llama.cpp's converter tokenizes to identify a pre-tokenizer (its `chktxt`), UTF-8.
std::string_view preTokenizerCheckText();
/// llama.cpp's `chkhsh`: SHA-256 hex of the Python list of `tokenizer`'s ids for the check text, special
/// tokens added as transformers' encode() adds them.
std::string preTokenizerCheckHash(const Tokenizer& tokenizer);
/// The tokenizer.ggml.pre the converter writes for `checkHash`; empty when it does not know the digest.
std::string_view preTokenizerNameForHash(std::string_view checkHash);

struct PreTokenizerMatch {
    std::string name;       ///< tokenizer.ggml.pre
    std::string checkHash;  ///< empty when tokenizer.json could not be run
    bool byHash = false;    ///< found in the converter's table (else from the split pattern)
};

/// tokenizer.ggml.pre for the byte-level BPE tokenizer.json at `path` (see top of file). Throws
/// Error(Unsupported) naming the file, with the digest, when llama.cpp would not tokenize it alike.
PreTokenizerMatch detectLlamaPreTokenizer(const std::string& path);

} // namespace qx
