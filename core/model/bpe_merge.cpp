// The merge engines: BPE by rank (shared by llama.cpp's gpt2 vocabularies and HF tokenizer.json) and
// SentencePiece's bigram merging by score (llama.cpp's llm_tokenizer_spm).
#include "model/tokenizer_impl.h"

#include <queue>

namespace qx {
namespace {

struct RankedPair {
    int32_t rank;
    int32_t left;
    int32_t newId;
    // priority_queue keeps the "largest" on top: make that the lowest rank, then the leftmost.
    bool operator<(const RankedPair& o) const { return rank != o.rank ? rank > o.rank : left > o.left; }
};

struct ScoredPair {
    float score;
    int32_t left;
    int32_t right;
    uint32_t size;
    // Highest score on top, then the leftmost.
    bool operator<(const ScoredPair& o) const { return score != o.score ? score < o.score : left > o.left; }
};

struct SpmSymbol {
    int32_t prev;
    int32_t next;
    uint32_t start;
    uint32_t len;
};

void pushRanked(const std::unordered_map<uint64_t, BpeMerge>& merges, const std::vector<BpeSymbol>& s,
                int32_t left, std::priority_queue<RankedPair>& queue)
{
    if (left < 0 || s[size_t(left)].next < 0)
        return;
    const int32_t right = s[size_t(left)].next;
    const auto it = merges.find(mergeKey(s[size_t(left)].id, s[size_t(right)].id));
    if (it != merges.end())
        queue.push({it->second.rank, left, it->second.newId});
}

} // namespace

void mergeBpeSymbols(const std::unordered_map<uint64_t, BpeMerge>& merges, std::vector<BpeSymbol>& s)
{
    std::priority_queue<RankedPair> queue;
    for (int32_t i = 0; i + 1 < int32_t(s.size()); ++i)
        pushRanked(merges, s, i, queue);
    while (!queue.empty()) {
        const RankedPair top = queue.top();
        queue.pop();
        BpeSymbol& left = s[size_t(top.left)];
        if (left.len == 0 || left.next < 0)
            continue;
        BpeSymbol& right = s[size_t(left.next)];
        const auto it = merges.find(mergeKey(left.id, right.id));
        if (it == merges.end() || it->second.rank != top.rank || it->second.newId != top.newId)
            continue;  // an outdated entry: one side has changed since it was queued
        left.id = top.newId;
        left.len += right.len;
        right.len = 0;
        left.next = right.next;
        if (right.next >= 0)
            s[size_t(right.next)].prev = top.left;
        pushRanked(merges, s, left.prev, queue);
        pushRanked(merges, s, top.left, queue);
    }
}

namespace {

// Symbols of llama.cpp's SPM session: one per UTF-8 sequence (as announced by its first byte).
std::vector<SpmSymbol> spmSymbols(std::string_view text)
{
    std::vector<SpmSymbol> sym;
    sym.reserve(text.size());
    for (size_t offs = 0; offs < text.size();) {
        const uint32_t n = uint32_t(std::min(unicode::utf8SequenceLength(text[offs]), text.size() - offs));
        const int32_t index = int32_t(sym.size());
        sym.push_back({index - 1, offs + n == text.size() ? -1 : index + 1, uint32_t(offs), n});
        offs += n;
    }
    return sym;
}

// A final symbol: its token, or its bytes as <0xXX> tokens (else the byte itself, else <unk>).
void spmResegment(const Tokenizer::Impl& impl, std::string_view piece, std::vector<int32_t>& out)
{
    if (const int32_t id = impl.find(piece); id >= 0) {
        out.push_back(id);
        return;
    }
    for (char c : piece) {
        int32_t b = impl.byteTokens[uint8_t(c)];
        if (b < 0)
            b = impl.find(std::string_view(&c, 1));
        if (b < 0)
            b = impl.vocab.unkId;
        if (b >= 0)
            out.push_back(b);
    }
}

} // namespace

void encodeSpmText(const Tokenizer::Impl& impl, std::string_view text, std::vector<int32_t>& out)
{
    std::vector<SpmSymbol> sym = spmSymbols(text);
    std::priority_queue<ScoredPair> queue;
    auto tryAdd = [&](int32_t left, int32_t right) {
        if (left < 0 || right < 0)
            return;
        const uint32_t size = sym[size_t(left)].len + sym[size_t(right)].len;
        const int32_t id = impl.find(text.substr(sym[size_t(left)].start, size));
        if (id < 0)
            return;
        const float score = size_t(id) < impl.vocab.scores.size() ? impl.vocab.scores[size_t(id)] : 0.0f;
        queue.push({score, left, right, size});
    };
    for (int32_t i = 1; i < int32_t(sym.size()); ++i)
        tryAdd(i - 1, i);
    while (!queue.empty()) {
        const ScoredPair top = queue.top();
        queue.pop();
        SpmSymbol& left = sym[size_t(top.left)];
        SpmSymbol& right = sym[size_t(top.right)];
        if (left.len == 0 || right.len == 0 || left.len + right.len != top.size)
            continue;  // outdated: one side was merged elsewhere since
        left.len += right.len;
        right.len = 0;
        left.next = right.next;
        if (right.next >= 0)
            sym[size_t(right.next)].prev = top.left;
        tryAdd(left.prev, top.left);
        tryAdd(top.left, left.next);
    }
    for (int32_t i = sym.empty() ? -1 : 0; i != -1; i = sym[size_t(i)].next)
        spmResegment(impl, text.substr(sym[size_t(i)].start, sym[size_t(i)].len), out);
}

void encodeLlamaBpeText(const Tokenizer::Impl& impl, std::string_view text, std::vector<int32_t>& out)
{
    std::vector<BpeSymbol> sym;
    for (const std::string& raw : unicode::splitWords(text, impl.passes)) {
        const std::string word = unicode::byteLevelEncode(raw);
        if (impl.vocab.ignoreMerges) {
            if (const int32_t id = impl.find(word); id >= 0) {
                out.push_back(id);
                continue;
            }
        }
        sym.clear();
        for (size_t offs = 0; offs < word.size();) {
            const uint32_t n = uint32_t(std::min(unicode::utf8SequenceLength(word[offs]), word.size() - offs));
            const int32_t index = int32_t(sym.size());
            const int32_t id = impl.find(std::string_view(word).substr(offs, n));
            sym.push_back({id, index - 1, offs + n == word.size() ? -1 : index + 1, uint32_t(offs), n});
            offs += n;
        }
        mergeBpeSymbols(impl.merges, sym);
        for (const BpeSymbol& s : sym) {
            if (s.len == 0)
                continue;
            if (s.id >= 0) {
                out.push_back(s.id);
                continue;
            }
            for (size_t j = s.start; j < s.start + s.len; ++j) {  // llama.cpp: single bytes, if in the vocab
                if (const int32_t b = impl.find(std::string_view(word).substr(j, 1)); b >= 0)
                    out.push_back(b);
            }
        }
    }
}

} // namespace qx
