// Byte-pair learning of an SPM vocabulary and its GGUF keys.
#include "train/corpus_vocab.h"

#include "common/error.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace qx {
namespace {

const std::string kSpace = "\xE2\x96\x81"; // U+2581, SPM's space

size_t utf8Length(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

std::vector<std::string> splitChars(const std::string& s)
{
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        const size_t n = std::min(utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

/// Word -> count, words spelled the SPM way ("▁" for the preceding space; newlines are single words).
std::map<std::string, int64_t> countWords(std::string_view text)
{
    std::map<std::string, int64_t> words;
    std::string word = kSpace;
    auto flush = [&] {
        if (!word.empty() && word != kSpace)
            ++words[word];
    };
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            flush();
            word = c == ' ' ? kSpace : std::string();
            if (c == '\n')
                ++words["\n"];
        } else {
            word += c;
        }
    }
    flush();
    return words;
}

using Pair = std::pair<std::string, std::string>;

bool bestPair(const std::vector<std::pair<std::vector<std::string>, int64_t>>& words, Pair& best)
{
    std::map<Pair, int64_t> counts;
    for (const auto& [symbols, n] : words)
        for (size_t i = 0; i + 1 < symbols.size(); ++i)
            counts[{symbols[i], symbols[i + 1]}] += n;
    int64_t top = 0;
    for (const auto& [pair, n] : counts)
        if (n > top) { // the map's order breaks ties deterministically
            top = n;
            best = pair;
        }
    return top > 0;
}

void mergeEverywhere(std::vector<std::pair<std::vector<std::string>, int64_t>>& words, const Pair& pair)
{
    for (auto& [symbols, n] : words) {
        std::vector<std::string> merged;
        for (size_t i = 0; i < symbols.size(); ++i) {
            if (i + 1 < symbols.size() && symbols[i] == pair.first && symbols[i + 1] == pair.second) {
                merged.push_back(pair.first + pair.second);
                ++i;
            } else {
                merged.push_back(symbols[i]);
            }
        }
        symbols = std::move(merged);
    }
}

void addToken(Vocab& v, std::string text, float score, TokenType type)
{
    v.tokens.push_back(std::move(text));
    v.scores.push_back(score);
    v.types.push_back(type);
}

} // namespace

Vocab buildCorpusVocab(std::string_view text, int64_t vocabSize, const ProgressFn& progress)
{
    Vocab v;
    addToken(v, "<unk>", 0.0f, TokenType::Unknown);
    addToken(v, "<s>", 0.0f, TokenType::Control);
    addToken(v, "</s>", 0.0f, TokenType::Control);
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        addToken(v, name, 0.0f, TokenType::Byte);
    }
    const auto counts = countWords(text);
    std::vector<std::pair<std::vector<std::string>, int64_t>> words;
    std::set<std::string> chars;
    for (const auto& [word, n] : counts) {
        words.push_back({splitChars(word), n});
        chars.insert(words.back().first.begin(), words.back().first.end());
    }
    if (vocabSize < v.size() + static_cast<int64_t>(chars.size()))
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "vocabulary too small for the corpus characters");
    for (const std::string& c : chars)
        addToken(v, c, -1e6f, TokenType::Normal);
    Pair pair;
    const double merges = static_cast<double>(std::max<int64_t>(1, vocabSize - v.size()));
    for (int64_t rank = 0; v.size() < vocabSize && bestPair(words, pair); ++rank) {
        if (progress && !progress(static_cast<double>(rank) / merges))
            throw Error(ErrorCode::Cancelled, {}, kNoOffset, "vocabulary building cancelled");
        mergeEverywhere(words, pair);
        addToken(v, pair.first + pair.second, -static_cast<float>(rank + 1), TokenType::Normal);
    }
    v.kind = VocabKind::Spm;
    v.unkId = 0;
    v.bosId = 1;
    v.eosId = 2;
    v.addBos = true;
    v.addEos = false;
    v.addSpacePrefix = true;
    return v;
}

std::vector<KeyValue> vocabMetadata(const Vocab& v)
{
    std::vector<GgufValue> tokens, scores, types;
    for (int32_t i = 0; i < v.size(); ++i) {
        tokens.push_back(GgufValue::string(v.tokens[static_cast<size_t>(i)]));
        scores.push_back(GgufValue::f32(v.scores[static_cast<size_t>(i)]));
        types.push_back(GgufValue::i32(static_cast<int32_t>(v.types[static_cast<size_t>(i)])));
    }
    return {
        {"tokenizer.ggml.model", GgufValue::string("llama")},
        {"tokenizer.ggml.tokens", GgufValue::array(GgufType::String, std::move(tokens))},
        {"tokenizer.ggml.scores", GgufValue::array(GgufType::F32, std::move(scores))},
        {"tokenizer.ggml.token_type", GgufValue::array(GgufType::I32, std::move(types))},
        {"tokenizer.ggml.bos_token_id", GgufValue::u32(static_cast<uint32_t>(v.bosId))},
        {"tokenizer.ggml.eos_token_id", GgufValue::u32(static_cast<uint32_t>(v.eosId))},
        {"tokenizer.ggml.unknown_token_id", GgufValue::u32(static_cast<uint32_t>(v.unkId))},
        {"tokenizer.ggml.add_bos_token", GgufValue::boolean(v.addBos)},
        {"tokenizer.ggml.add_eos_token", GgufValue::boolean(v.addEos)},
    };
}

} // namespace qx
