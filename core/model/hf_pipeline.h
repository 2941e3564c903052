#pragma once
// The parts of a Hugging Face tokenizer.json around its BPE model, as plain data (internal to core/model).
// Supported: normalizers Prepend, Replace (string pattern), NFC (treated as identity: precomposed input is
// assumed), Sequence; pre-tokenizers ByteLevel, Split (the GPT-2 / Llama-3 / Qwen2 expressions by hand when
// isolating matches; any other expression, literal, behaviour or invert through Oniguruma), Digits,
// Metaspace, Sequence; post-processors TemplateProcessing, ByteLevel, Roberta/Bert, Sequence; decoders
// Replace, ByteFallback, Fuse, Strip, ByteLevel, Metaspace, Sequence. Anything else is rejected when the
// file is loaded.

#include "model/onig_pattern.h"
#include "model/unicode_text.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qx {

struct HfNormalizer {
    enum class Kind { Prepend, Replace } kind = Kind::Replace;
    std::string text;     ///< prepended text, or the pattern to replace
    std::string content;  ///< replacement
};

struct HfPreTokenizer {
    enum class Kind { ByteLevel, Split, Digits, Metaspace } kind = Kind::ByteLevel;
    bool useRegex = true;            ///< ByteLevel: split with the GPT-2 expression first
    bool addPrefixSpace = false;     ///< ByteLevel
    unicode::SplitPass pass = unicode::SplitPass::Gpt2;  ///< Split / Digits
    std::string replacement = "\xE2\x96\x81";            ///< Metaspace
    enum class Prepend { Always, First, Never } prepend = Prepend::Always;  ///< Metaspace
    bool split = true;               ///< Metaspace: cut before each replacement character
    /// Split: what becomes of the matches (tokenizers' SplitDelimiterBehavior) and whether the pattern is
    /// inverted. With neither `regex` nor `literal`, `pass` splits by hand (Isolated, not inverted).
    enum class Behavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous } behavior = Behavior::Isolated;
    bool invert = false;
    std::shared_ptr<const OnigPattern> regex;  ///< Split: an expression without a hand-written pass
    std::string literal;                       ///< Split: a String pattern
    bool isLiteral = false;
};

struct HfDecoder {
    enum class Kind { Replace, ByteFallback, Fuse, Strip, ByteLevel, Metaspace } kind = Kind::Fuse;
    std::string pattern, content;    ///< Replace; Strip uses content; Metaspace: pattern = replacement
    size_t start = 0, stop = 0;      ///< Strip
    bool stripFirstSpace = true;     ///< Metaspace: prepend scheme is not "never"
};

struct HfAddedToken {
    int32_t id = -1;
    std::string content;
    bool special = false;
    bool normalized = false;
    bool lstrip = false;
    bool rstrip = false;
    bool singleWord = false;
};

/// One item of the post-processor's template for a single sequence: fixed ids, or the sequence itself.
struct HfTemplateItem {
    bool sequence = false;
    std::vector<int32_t> ids;
};

struct HfPipeline {
    std::vector<HfNormalizer> normalizers;
    std::vector<HfPreTokenizer> preTokenizers;
    std::vector<HfDecoder> decoders;
    bool hasDecoder = false;
    std::vector<HfAddedToken> addedTokens;
    std::vector<HfTemplateItem> singleTemplate;  ///< empty: add nothing
    bool byteFallback = false;
    bool fuseUnk = false;
    std::vector<bool> isSpecial;         ///< by id: an added token marked special (skipped when decoding)
    std::array<bool, 256> addedFirstByte{};  ///< first bytes of added tokens, to skip most positions fast
};

} // namespace qx
