#pragma once
// Internal state shared by the tokenizer sources (not installed, not for other modules).

#include "model/tokenizer.h"
#include "model/unicode_text.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qx {

struct HfPipeline;  // tokenizer_hf.h

/// One BPE merge: its rank (lower merges first) and the id of the merged token (-1 if not in the vocab).
struct BpeMerge {
    int32_t rank = 0;
    int32_t newId = kNoToken;
};

inline uint64_t mergeKey(int32_t left, int32_t right)
{
    return uint64_t(uint32_t(left)) << 32 | uint32_t(right);
}

/// A symbol of a word being merged: a token id over bytes [start, start + len) of the word.
struct BpeSymbol {
    int32_t id = kNoToken;
    int32_t prev = -1;
    int32_t next = -1;
    uint32_t start = 0;
    uint32_t len = 0;
};

/// Part of the input after special tokens were cut out: a text span or a token id.
struct Fragment {
    int32_t token = kNoToken;  ///< kNoToken for text
    size_t offset = 0;
    size_t length = 0;
};

struct Tokenizer::Impl {
    enum class Flavor { LlamaSpm, LlamaBpe, HfBpe };
    Flavor flavor = Flavor::LlamaSpm;
    Vocab vocab;
    std::string source;
    std::unordered_map<std::string_view, int32_t> tokenIds;  ///< views into vocab.tokens
    std::unordered_map<uint64_t, BpeMerge> merges;            ///< by mergeKey(left, right)
    std::vector<int32_t> specialTokens;                       ///< cut out before tokenizing, longest first
    std::array<int32_t, 256> byteTokens{};                    ///< "<0xXX>" ids or kNoToken
    std::vector<unicode::SplitPass> passes;                   ///< llama.cpp BPE word splitting
    std::shared_ptr<const HfPipeline> hf;                     ///< set for Flavor::HfBpe

    int32_t find(std::string_view text) const
    {
        const auto it = tokenIds.find(text);
        return it == tokenIds.end() ? kNoToken : it->second;
    }
    /// Builds tokenIds and byteTokens from vocab; a duplicate text throws unless allowed (then the lower
    /// id keeps it). Empty texts are not indexed.
    void indexTokens(bool allowDuplicates = false);
    /// Merges "left right" strings into `merges` (llama.cpp rules: first space after byte 0 splits).
    void indexMerges(const std::vector<std::string>& mergeList);
};

/// Applies the merges to `symbols` (lowest rank first, leftmost on ties); merged-away symbols get len 0.
void mergeBpeSymbols(const std::unordered_map<uint64_t, BpeMerge>& merges, std::vector<BpeSymbol>& symbols);

/// llama.cpp's SPM session on already-escaped text (spaces as U+2581).
void encodeSpmText(const Tokenizer::Impl& impl, std::string_view text, std::vector<int32_t>& out);
/// llama.cpp's BPE session: pre-split, byte-level encode, merge each word.
void encodeLlamaBpeText(const Tokenizer::Impl& impl, std::string_view text, std::vector<int32_t>& out);
/// Cuts the special tokens out of `text` (llama.cpp's tokenizer_st_partition).
std::vector<Fragment> partitionSpecial(const Tokenizer::Impl& impl, std::string_view text, bool parseSpecial);

/// HF pipeline (tokenizer_hf.cpp).
std::vector<int32_t> encodeHf(const Tokenizer::Impl& impl, std::string_view text, bool addSpecial);
std::string decodeHf(const Tokenizer::Impl& impl, std::span<const int32_t> ids, bool showSpecial);

} // namespace qx
