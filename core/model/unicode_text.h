#pragma once
// Unicode helpers for the tokenizers: UTF-8 decoding with llama.cpp's error rule (an invalid byte becomes
// U+FFFD and decoding resumes at the next byte), general-category classes of code points (from the
// generated table in unicode_tables.cpp), GPT-2's byte <-> printable-code-point mapping, and hand-written
// word splitters equivalent to the pre-tokenizer regular expressions of GPT-2, Llama-3 and Qwen2.
//
// Splitters work on code points and on "piece lengths" (counts of code points), like llama.cpp's
// unicode_regex_split: each pass refines the pieces of the previous one and never merges them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qx::unicode {

/// General-category class of a code point (low 4 bits of a flags byte); bit 4 marks White_Space.
enum UnicodeClass : uint8_t {
    kUndefined = 0, kNumber = 1, kLetter = 2, kSeparator = 3, kMark = 4, kPunctuation = 5, kSymbol = 6,
    kControl = 7,
};
constexpr uint8_t kWhitespaceBit = 0x10;
constexpr uint32_t kMaxCodePoint = 0x10FFFF;

struct UnicodeRange {
    uint32_t first;
    uint8_t flags;
};
extern const UnicodeRange kUnicodeRanges[];
extern const size_t kUnicodeRangeCount;

/// Class and whitespace bit of `cpt` (kUndefined for values past U+10FFFF).
uint8_t flagsOf(uint32_t cpt);
inline bool isLetter(uint32_t cpt) { return (flagsOf(cpt) & 0x0F) == kLetter; }
inline bool isNumber(uint32_t cpt) { return (flagsOf(cpt) & 0x0F) == kNumber; }
inline bool isWhitespace(uint32_t cpt) { return (flagsOf(cpt) & kWhitespaceBit) != 0; }

/// Byte length a UTF-8 sequence announces by its first byte (1 for continuation bytes), as llama.cpp.
size_t utf8SequenceLength(char lead);
/// Code points of `text`; an invalid or truncated sequence yields U+FFFD and consumes one byte.
std::vector<uint32_t> decodeUtf8(std::string_view text);
/// Appends the UTF-8 encoding of `cpt` (values past U+10FFFF are encoded as U+FFFD).
void appendUtf8(std::string& out, uint32_t cpt);

/// GPT-2 byte-level alphabet: the printable code point standing for byte `b`, as UTF-8.
const std::string& byteToUnicode(uint8_t b);
/// The byte a GPT-2 alphabet code point stands for, or -1.
int unicodeToByte(uint32_t cpt);
/// Every byte of `text` replaced by its GPT-2 alphabet character.
std::string byteLevelEncode(std::string_view text);
/// Inverse of byteLevelEncode; characters outside the alphabet are kept as UTF-8.
std::string byteLevelDecode(std::string_view text);

/// Word-splitting passes. Each takes the code points and the current piece lengths and returns the
/// refined piece lengths.
enum class SplitPass {
    Gpt2,           ///< 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    Llama3,         ///< (?i:'s|...)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    Qwen2,          ///< as Llama3 with \p{N} (one digit per word)
    Numbers,        ///< \p{N}+ isolated
    SingleNumbers,  ///< \p{N} isolated (one code point each)
    PunctRuns,      ///< [\p{P}\$\+<=>\^~\|]+ isolated
    AsciiTriples,   ///< [0-9][0-9][0-9] isolated
};
std::vector<size_t> splitPass(SplitPass pass, const std::vector<uint32_t>& cpts,
                              const std::vector<size_t>& pieces);

/// Runs `passes` over `text` and returns the words as UTF-8 (invalid input bytes become U+FFFD).
std::vector<std::string> splitWords(std::string_view text, const std::vector<SplitPass>& passes);

} // namespace qx::unicode
