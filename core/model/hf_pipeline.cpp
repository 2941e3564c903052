// Encoding and decoding with a Hugging Face tokenizer.json pipeline, following the `tokenizers` library:
// added tokens are cut out first (non-normalized ones on the raw text, normalized ones after
// normalization), the remaining text is normalized, pre-tokenized into words, each word is run through
// the BPE model, and the post-processor template adds the special tokens.
#include "model/hf_pipeline.h"
#include "model/tokenizer_impl.h"

#include <algorithm>
#include <cstdio>

namespace qx {
namespace {

struct Segment {
    int32_t token = kNoToken;  ///< kNoToken for text
    std::string text;
};

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isWordByte(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || uint8_t(c) >= 0x80;
}

// Longest added token of the given normalization kind matching `text` at `pos`, or nullptr.
const HfAddedToken* matchAt(const HfPipeline& p, std::string_view text, size_t pos, bool normalized)
{
    const HfAddedToken* best = nullptr;
    for (const HfAddedToken& t : p.addedTokens) {
        if (t.normalized != normalized || t.content.empty() || (best && t.content.size() <= best->content.size()))
            continue;
        if (text.compare(pos, t.content.size(), t.content) != 0)
            continue;
        if (t.singleWord) {
            const size_t end = pos + t.content.size();
            if ((pos > 0 && isWordByte(text[pos - 1])) || (end < text.size() && isWordByte(text[end])))
                continue;
        }
        best = &t;
    }
    return best;
}

// Cuts the added tokens of one normalization kind out of every text segment.
std::vector<Segment> splitAdded(const HfPipeline& p, std::vector<Segment> in, bool normalized)
{
    bool any = false;
    for (const HfAddedToken& t : p.addedTokens)
        any = any || t.normalized == normalized;
    if (!any)
        return in;
    std::vector<Segment> out;
    for (Segment& seg : in) {
        if (seg.token != kNoToken) {
            out.push_back(std::move(seg));
            continue;
        }
        const std::string_view text = seg.text;
        size_t textStart = 0;
        for (size_t pos = 0; pos < text.size();) {
                const HfAddedToken* t = p.addedFirstByte[uint8_t(text[pos])] ? matchAt(p, text, pos, normalized) : nullptr;
            if (!t) {
                ++pos;
                continue;
            }
            size_t begin = pos, end = pos + t->content.size();
            if (t->lstrip)
                while (begin > textStart && isAsciiSpace(text[begin - 1]))
                    --begin;
            if (t->rstrip)
                while (end < text.size() && isAsciiSpace(text[end]))
                    ++end;
            if (begin > textStart)
                out.push_back({kNoToken, std::string(text.substr(textStart, begin - textStart))});
            out.push_back({t->id, {}});
            textStart = pos = end;
        }
        if (textStart < text.size())
            out.push_back({kNoToken, std::string(text.substr(textStart))});
    }
    return out;
}

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to)
{
    if (from.empty())
        return std::string(text);
    std::string out;
    size_t pos = 0;
    for (size_t hit; (hit = text.find(from, pos)) != std::string_view::npos; pos = hit + from.size())
        out.append(text.substr(pos, hit - pos)).append(to);
    out.append(text.substr(pos));
    return out;
}

std::string normalize(const HfPipeline& p, std::string text)
{
    for (const HfNormalizer& n : p.normalizers) {
        if (n.kind == HfNormalizer::Kind::Prepend) {
            if (!text.empty())
                text = n.text + text;
        } else {
            text = replaceAll(text, n.text, n.content);
        }
    }
    return text;
}

bool validUtf8(const std::string& s)
{
    std::string again;
    for (uint32_t c : unicode::decodeUtf8(s))
        unicode::appendUtf8(again, c);
    return again == s;
}

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD (what the hand-written splitters see).
std::string repairedUtf8(const std::string& text)
{
    std::string out;
    for (uint32_t c : unicode::decodeUtf8(text))
        unicode::appendUtf8(out, c);
    return out;
}

using Span = std::pair<size_t, size_t>;

/// tokenizers' Pattern::find_matches: the text cut into matched and unmatched spans, in order.
std::vector<std::pair<Span, bool>> findMatches(const HfPreTokenizer& step, const std::string& text)
{
    std::vector<Span> hits;
    if (!step.isLiteral)
        hits = step.regex->findAll(text);
    else if (!step.literal.empty())
        for (size_t at = text.find(step.literal); at != std::string::npos; at = text.find(step.literal, at + step.literal.size()))
            hits.emplace_back(at, at + step.literal.size());
    std::vector<std::pair<Span, bool>> out;
    size_t prev = 0;
    for (const auto& [b, e] : hits) {
        if (prev != b)
            out.push_back({{prev, b}, false});
        out.push_back({{b, e}, true});
        prev = e;
    }
    if (prev != text.size() || text.empty())
        out.push_back({{prev, text.size()}, false});
    if (step.invert)
        for (auto& m : out)
            m.second = !m.second;
    return out;
}

/// tokenizers' NormalizedString::split: the spans kept under the Split step's behaviour.
std::vector<Span> splitSpans(const HfPreTokenizer& step, std::vector<std::pair<Span, bool>> matches)
{
    using B = HfPreTokenizer::Behavior;
    std::vector<Span> out;
    if (step.behavior == B::MergedWithNext)
        std::reverse(matches.begin(), matches.end());
    bool previousMatch = false;
    for (const auto& [span, isMatch] : matches) {
        const bool join = step.behavior == B::Contiguous ? isMatch == previousMatch
                        : step.behavior == B::MergedWithPrevious || step.behavior == B::MergedWithNext
                            ? isMatch && !previousMatch : false;
        previousMatch = isMatch;
        if (step.behavior == B::Removed && isMatch)
            continue;
        if (join && !out.empty())
            (step.behavior == B::MergedWithNext ? out.back().first : out.back().second)
                = step.behavior == B::MergedWithNext ? span.first : span.second;
        else
            out.push_back(span);
    }
    if (step.behavior == B::MergedWithNext)
        std::reverse(out.begin(), out.end());
    return out;
}

/// A Split step through Oniguruma or a literal: the non-empty pieces of `piece`.
std::vector<std::string> splitGeneral(const HfPreTokenizer& step, const std::string& piece)
{
    const std::string text = validUtf8(piece) ? piece : repairedUtf8(piece);
    std::vector<std::string> out;
    for (const auto& [b, e] : splitSpans(step, findMatches(step, text)))
        if (e > b)
            out.push_back(text.substr(b, e - b));
    return out;
}

void metaspace(const HfPreTokenizer& m, std::vector<std::string>& pieces, bool atStart)
{
    std::vector<std::string> out;
    for (size_t i = 0; i < pieces.size(); ++i) {
        std::string s = replaceAll(pieces[i], " ", m.replacement);
        const bool prepend = m.prepend == HfPreTokenizer::Prepend::Always ||
                             (m.prepend == HfPreTokenizer::Prepend::First && atStart && i == 0);
        if (prepend && s.compare(0, m.replacement.size(), m.replacement) != 0)
            s = m.replacement + s;
        if (!m.split) {
            out.push_back(std::move(s));
            continue;
        }
        size_t begin = 0;
        for (size_t hit; (hit = s.find(m.replacement, begin + 1)) != std::string::npos; begin = hit)
            out.push_back(s.substr(begin, hit - begin));
        out.push_back(s.substr(begin));
    }
    pieces.swap(out);
}

std::vector<std::string> preTokenize(const HfPipeline& p, std::string text, bool atStart)
{
    std::vector<std::string> pieces{std::move(text)};
    for (const HfPreTokenizer& step : p.preTokenizers) {
        if (step.kind == HfPreTokenizer::Kind::Metaspace) {
            metaspace(step, pieces, atStart);
            continue;
        }
        std::vector<std::string> out;
        for (std::string& piece : pieces) {
            if (piece.empty())
                continue;
            if (step.kind == HfPreTokenizer::Kind::ByteLevel && step.addPrefixSpace && piece.front() != ' ')
                piece.insert(piece.begin(), ' ');
            const bool split = step.kind != HfPreTokenizer::Kind::ByteLevel || step.useRegex;
            const bool general = step.kind == HfPreTokenizer::Kind::Split && (step.regex || step.isLiteral);
            std::vector<std::string> words = general ? splitGeneral(step, piece)
                                           : split   ? unicode::splitWords(piece, {step.pass})
                                                     : std::vector{piece};
            for (std::string& w : words)
                out.push_back(step.kind == HfPreTokenizer::Kind::ByteLevel ? unicode::byteLevelEncode(w) : std::move(w));
        }
        pieces.swap(out);
    }
    std::erase_if(pieces, [](const std::string& s) { return s.empty(); });
    return pieces;
}

// The BPE model on one word (tokenizers' BPE::merge_word, including its unknown-token fusing).
void bpeWord(const Tokenizer::Impl& impl, const HfPipeline& p, std::string_view word, std::vector<int32_t>& out)
{
    if (impl.vocab.ignoreMerges)
        if (const int32_t id = impl.find(word); id >= 0) {
            out.push_back(id);
            return;
        }
    std::vector<BpeSymbol> sym;
    BpeSymbol unk;
    auto add = [&](int32_t id, uint32_t len) {
        const int32_t index = int32_t(sym.size());
        if (index > 0)
            sym.back().next = index;
        sym.push_back({id, index - 1, -1, 0, len});
    };
    for (size_t offs = 0; offs < word.size();) {
        const uint32_t n = uint32_t(std::min(unicode::utf8SequenceLength(word[offs]), word.size() - offs));
        const std::string_view ch = word.substr(offs, n);
        offs += n;
        if (const int32_t id = impl.find(ch); id >= 0) {
            if (unk.len)
                add(unk.id, unk.len), unk.len = 0;
            add(id, n);
            continue;
        }
        bool bytesFound = p.byteFallback;
        for (size_t i = 0; bytesFound && i < ch.size(); ++i)
            bytesFound = impl.byteTokens[uint8_t(ch[i])] >= 0;
        if (bytesFound) {
            for (char c : ch)
                add(impl.byteTokens[uint8_t(c)], 1);
            continue;
        }
        if (impl.vocab.unkId < 0)
            continue;
        if (unk.len && !p.fuseUnk)
            add(unk.id, unk.len), unk.len = 0;
        unk.id = impl.vocab.unkId;
        unk.len += n;
    }
    if (unk.len)
        add(unk.id, unk.len);
    mergeBpeSymbols(impl.merges, sym);
    for (const BpeSymbol& s : sym)
        if (s.len)
            out.push_back(s.id);
}

void byteFallbackDecode(std::vector<std::string>& tokens)
{
    std::vector<std::string> out;
    std::string bytes;
    size_t count = 0;
    auto flush = [&] {
        if (!count)
            return;
        if (validUtf8(bytes))
            out.push_back(bytes);
        else
            for (size_t i = 0; i < count; ++i)
                out.emplace_back("\xEF\xBF\xBD");
        bytes.clear();
        count = 0;
    };
    for (std::string& t : tokens) {
        unsigned v = 0;
        if (t.size() == 6 && t.compare(0, 3, "<0x") == 0 && t[5] == '>' && std::sscanf(t.c_str() + 3, "%2x", &v) == 1) {
            bytes.push_back(char(v));
            ++count;
            continue;
        }
        flush();
        out.push_back(std::move(t));
    }
    flush();
    tokens.swap(out);
}

void stripDecode(const HfDecoder& d, std::vector<std::string>& tokens)
{
    for (std::string& t : tokens) {
        for (size_t i = 0; i < d.start && t.compare(0, d.content.size(), d.content) == 0 && !d.content.empty(); ++i)
            t.erase(0, d.content.size());
        for (size_t i = 0; i < d.stop && t.size() >= d.content.size() && !d.content.empty() &&
                           t.compare(t.size() - d.content.size(), d.content.size(), d.content) == 0; ++i)
            t.erase(t.size() - d.content.size());
    }
}

void applyDecoder(const HfDecoder& d, std::vector<std::string>& tokens)
{
    switch (d.kind) {
    case HfDecoder::Kind::Replace:
        for (std::string& t : tokens)
            t = replaceAll(t, d.pattern, d.content);
        break;
    case HfDecoder::Kind::ByteFallback: byteFallbackDecode(tokens); break;
    case HfDecoder::Kind::Strip: stripDecode(d, tokens); break;
    case HfDecoder::Kind::Fuse:
    case HfDecoder::Kind::ByteLevel: {
        std::string all;
        for (const std::string& t : tokens)
            all += d.kind == HfDecoder::Kind::ByteLevel ? unicode::byteLevelDecode(t) : t;
        if (d.kind == HfDecoder::Kind::ByteLevel && !validUtf8(all)) {
            std::string lossy;
            for (uint32_t c : unicode::decodeUtf8(all))
                unicode::appendUtf8(lossy, c);
            all.swap(lossy);
        }
        tokens.assign(1, std::move(all));
        break;
    }
    case HfDecoder::Kind::Metaspace:
        // tokenizers drops every replacement character of the first token (unless the scheme is "never").
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = replaceAll(tokens[i], d.pattern, i == 0 && d.stripFirstSpace ? "" : " ");
        break;
    }
}

} // namespace

std::vector<int32_t> encodeHf(const Tokenizer::Impl& impl, std::string_view text, bool addSpecial)
{
    const HfPipeline& p = *impl.hf;
    std::vector<Segment> segs;
    if (!text.empty())
        segs.push_back({kNoToken, std::string(text)});
    segs = splitAdded(p, std::move(segs), false);
    for (Segment& s : segs)
        if (s.token == kNoToken)
            s.text = normalize(p, std::move(s.text));
    segs = splitAdded(p, std::move(segs), true);
    std::vector<int32_t> ids;
    for (size_t i = 0; i < segs.size(); ++i) {
        if (segs[i].token != kNoToken) {
            ids.push_back(segs[i].token);
            continue;
        }
        for (const std::string& word : preTokenize(p, std::move(segs[i].text), i == 0))
            bpeWord(impl, p, word, ids);
    }
    if (!addSpecial || p.singleTemplate.empty())
        return ids;
    std::vector<int32_t> out;
    for (const HfTemplateItem& item : p.singleTemplate) {
        const std::vector<int32_t>& part = item.sequence ? ids : item.ids;
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

std::string decodeHf(const Tokenizer::Impl& impl, std::span<const int32_t> ids, bool showSpecial)
{
    const HfPipeline& p = *impl.hf;
    std::vector<std::string> tokens;
    for (int32_t id : ids) {
        if (id < 0 || id >= impl.vocab.size())
            continue;
        if (showSpecial || !p.isSpecial[size_t(id)])
            tokens.push_back(impl.vocab.tokens[size_t(id)]);
    }
    if (!p.hasDecoder) {
        std::string joined;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (i)
                joined += ' ';
            joined += tokens[i];
        }
        return joined;
    }
    for (const HfDecoder& d : p.decoders)
        applyDecoder(d, tokens);
    std::string out;
    for (const std::string& t : tokens)
        out += t;
    return out;
}

} // namespace qx
