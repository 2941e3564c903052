#pragma once
// Whether an evaluation text fits a model: the facts behind "this text does not fit this model", which the
// UIs word next to a perplexity. Two signs, either enough:
//  - poor coverage: the tokenizer spells much of the text with its unknown token or byte-fallback tokens
//    (<0xNN>), i.e. the vocabulary was not made for this text;
//  - near-uniform guessing: the perplexity is near or above the vocabulary size, i.e. the model predicts
//    the text no better than picking among its tokens at random (a story model on Wikipedia, or a text in
//    another language).
// Judge with the unquantized model's perplexity: a quantization that breaks a model is another matter.
#include "model/vocab.h"

#include <cstdint>
#include <span>

namespace qx {

struct TextFit {
    /// More than this share of unknown + byte-fallback tokens is poor coverage.
    static constexpr double kMaxFallbackRate = 0.05;
    /// A perplexity of at least this share of the vocabulary size is near-uniform guessing.
    static constexpr double kNearVocabFraction = 0.5;

    int64_t tokens = 0;          ///< tokens of the text, control tokens (BOS) excluded
    int64_t unknownTokens = 0;   ///< the vocabulary's unknown token
    int64_t byteTokens = 0;      ///< byte-fallback tokens
    int64_t vocabSize = 0;
    double ppl = 0.0;            ///< the perplexity judged; 0 when none was measured

    /// (unknown + byte-fallback tokens) / tokens; 0 for an empty text.
    double fallbackRate() const;
    /// ppl / vocabSize; 0 when either is missing.
    double pplToVocab() const;
    bool poorCoverage() const { return fallbackRate() > kMaxFallbackRate; }
    bool nearUniform() const { return pplToVocab() >= kNearVocabFraction; }
    bool fits() const { return !poorCoverage() && !nearUniform(); }
    bool operator==(const TextFit&) const = default;
};

/// Counts the fallback tokens of `tokens` (a text encoded with `vocab`) and records `ppl` (0: none yet).
TextFit textFit(const Vocab& vocab, std::span<const int32_t> tokens, double ppl = 0.0);

} // namespace qx
