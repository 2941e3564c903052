#pragma once
// A SentencePiece-style ("llama") vocabulary learned from a corpus: <unk>, <s>, </s>, the 256 byte-fallback
// tokens <0x00>..<0xFF>, every character of the corpus, then pieces from byte-pair merges over the words
// (a word is "▁" + the text up to the next space or newline, as SPM spells spaces). A merge learned at
// rank r gets score -(r + 1), so llama.cpp's highest-score-first SPM merging replays the learned order.
#include "common/progress.h"
#include "io/gguf_value.h"
#include "model/tokenizer.h"
#include "model/vocab.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace qx {

/// Learns a vocabulary of at most `vocabSize` tokens (fewer when the corpus runs out of pairs).
/// Throws Error(InvalidArgument) when vocabSize cannot hold the specials, bytes and characters, and
/// Error(Cancelled) when `progress` (asked before each merge) returns false.
Vocab buildCorpusVocab(std::string_view text, int64_t vocabSize, const ProgressFn& progress = {});

/// The tokenizer.ggml.* keys describing `vocab` (model "llama", add BOS, no EOS).
std::vector<KeyValue> vocabMetadata(const Vocab& vocab);

} // namespace qx
