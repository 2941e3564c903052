#include "model/tokenizer.h"

#include "common/error.h"
#include "model/tokenizer_impl.h"

#include <algorithm>
#include <cstdio>

namespace qx {
namespace {

constexpr std::string_view kSpmSpace = "\xE2\x96\x81";  // U+2581, SentencePiece's visible space

// Token texts llama.cpp treats as control tokens whatever their stored type (end-of-turn markers).
constexpr std::string_view kForcedControl[] = {
    "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<EOT>", "_<EOT>",
    "<\xEF\xBD\x9C" "end\xE2\x96\x81" "of\xE2\x96\x81" "sentence\xEF\xBD\x9C>", "<|eom_id|>",
    "<|end_of_text|>", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|fim_pad|>",
    "<|repo_name|>", "<|file_sep|>",
};

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to)
{
    std::string out;
    out.reserve(text.size() + text.size() / 2);
    size_t pos = 0;
    for (size_t hit; (hit = text.find(from, pos)) != std::string_view::npos; pos = hit + from.size()) {
        out.append(text.substr(pos, hit - pos));
        out.append(to);
    }
    out.append(text.substr(pos));
    return out;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// The byte of a "<0xXX>" text, or -1.
int byteOfToken(std::string_view text)
{
    if (text.size() != 6 || text.substr(0, 3) != "<0x" || text[5] != '>')
        return -1;
    const int hi = hexDigit(text[3]), lo = hexDigit(text[4]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

bool isSpecialType(TokenType t)
{
    return t == TokenType::Control || t == TokenType::UserDefined || t == TokenType::Unknown;
}

// llama.cpp's token_to_piece: what one token adds to decoded text.
std::string llamaPiece(const Tokenizer::Impl& impl, int32_t id, bool showSpecial)
{
    if (id < 0 || id >= impl.vocab.size())
        return {};
    const std::string& text = impl.vocab.tokens[size_t(id)];
    const TokenType type = impl.vocab.typeOf(id);
    if (type == TokenType::Control || type == TokenType::Unknown)
        return showSpecial ? text : std::string();
    if (type == TokenType::UserDefined)
        return text;
    if (type == TokenType::Byte) {
        const int b = byteOfToken(text);
        return b < 0 ? std::string() : std::string(1, char(b));
    }
    if (type != TokenType::Normal)
        return {};
    if (impl.flavor == Tokenizer::Impl::Flavor::LlamaSpm)
        return replaceAll(text, kSpmSpace, " ");
    return unicode::byteLevelDecode(text);
}

std::vector<unicode::SplitPass> passesFor(PreTokenizerKind kind)
{
    using P = unicode::SplitPass;
    switch (kind) {
    case PreTokenizerKind::Gpt2: return {P::Gpt2};
    case PreTokenizerKind::Llama3: return {P::Llama3};
    case PreTokenizerKind::Qwen2: return {P::Qwen2};
    case PreTokenizerKind::Smollm: return {P::SingleNumbers, P::Gpt2};
    case PreTokenizerKind::Default: break;
    }
    return {P::PunctRuns, P::Gpt2, P::Numbers, P::AsciiTriples};
}

} // namespace

void Tokenizer::Impl::indexTokens(bool allowDuplicates)
{
    tokenIds.clear();
    tokenIds.reserve(vocab.tokens.size());
    for (size_t i = 0; i < vocab.tokens.size(); ++i) {
        if (vocab.tokens[i].empty())
            continue;
        if (!tokenIds.emplace(vocab.tokens[i], int32_t(i)).second && !allowDuplicates)
            throw Error(ErrorCode::Invalid, source, kNoOffset,
                        "duplicate token in vocabulary: '" + vocab.tokens[i] + "' (id " + std::to_string(i) + ")");
    }
    byteTokens.fill(kNoToken);
    char buf[8];
    for (int b = 0; b < 256; ++b) {
        std::snprintf(buf, sizeof buf, "<0x%02X>", b);
        byteTokens[size_t(b)] = find(buf);
    }
}

void Tokenizer::Impl::indexMerges(const std::vector<std::string>& mergeList)
{
    merges.clear();
    merges.reserve(mergeList.size());
    for (size_t rank = 0; rank < mergeList.size(); ++rank) {
        const std::string& m = mergeList[rank];
        const size_t space = m.find(' ', 1);
        if (space == std::string::npos)
            continue;
        const int32_t left = find(std::string_view(m).substr(0, space));
        const int32_t right = find(std::string_view(m).substr(space + 1));
        if (left < 0 || right < 0)
            continue;  // cannot take part in any merge of in-vocabulary symbols
        const int32_t merged = find(m.substr(0, space) + m.substr(space + 1));
        merges.emplace(mergeKey(left, right), BpeMerge{int32_t(rank), merged});
    }
}

std::vector<Fragment> partitionSpecial(const Tokenizer::Impl& impl, std::string_view text, bool parseSpecial)
{
    std::vector<Fragment> frags;
    if (!text.empty())
        frags.push_back({kNoToken, 0, text.size()});
    std::vector<Fragment> next;
    for (int32_t id : impl.specialTokens) {
        const TokenType type = impl.vocab.typeOf(id);
        if (!parseSpecial && type != TokenType::UserDefined)
            continue;
        const std::string& special = impl.vocab.tokens[size_t(id)];
        if (special.empty())
            continue;
        next.clear();
        for (const Fragment& f : frags) {
            if (f.token != kNoToken) {
                next.push_back(f);
                continue;
            }
            size_t pos = f.offset;
            const size_t end = f.offset + f.length;
            for (size_t hit; (hit = text.substr(0, end).find(special, pos)) != std::string_view::npos;) {
                if (hit > pos)
                    next.push_back({kNoToken, pos, hit - pos});
                next.push_back({id, hit, special.size()});
                pos = hit + special.size();
            }
            if (pos < end)
                next.push_back({kNoToken, pos, end - pos});
        }
        frags.swap(next);
    }
    return frags;
}

Tokenizer Tokenizer::fromVocab(Vocab vocab, const std::string& source)
{
    auto impl = std::make_shared<Impl>();
    impl->flavor = vocab.kind == VocabKind::Spm ? Impl::Flavor::LlamaSpm : Impl::Flavor::LlamaBpe;
    impl->source = source;
    impl->vocab = std::move(vocab);
    Vocab& v = impl->vocab;
    if (v.tokens.empty())
        throw Error(ErrorCode::Invalid, source, kNoOffset, "tokenizer vocabulary is empty");
    if (!v.types.empty() && v.types.size() < v.tokens.size())
        v.types.resize(v.tokens.size(), TokenType::Normal);
    if (v.types.empty())
        v.types.assign(v.tokens.size(), TokenType::Normal);
    for (int32_t* id : {&v.bosId, &v.eosId, &v.unkId, &v.padId})
        if (*id >= v.size())
            *id = kNoToken;
    impl->indexTokens();
    if (v.kind == VocabKind::Bpe) {
        impl->indexMerges(v.merges);
        impl->passes = passesFor(v.preKind);
    }
    for (std::string_view t : kForcedControl)
        if (const int32_t id = impl->find(t); id >= 0 && !isSpecialType(v.types[size_t(id)]))
            v.types[size_t(id)] = TokenType::Control;
    for (int32_t id = 0; id < v.size(); ++id)
        if (isSpecialType(v.types[size_t(id)]))
            impl->specialTokens.push_back(id);
    std::stable_sort(impl->specialTokens.begin(), impl->specialTokens.end(), [&](int32_t a, int32_t b) {
        return v.tokens[size_t(a)].size() > v.tokens[size_t(b)].size();
    });
    return Tokenizer(std::move(impl));
}

std::vector<int32_t> Tokenizer::encode(std::string_view text, bool addSpecial, bool parseSpecial) const
{
    const Impl& impl = *m_impl;
    if (impl.flavor == Impl::Flavor::HfBpe)
        return encodeHf(impl, text, addSpecial);
    const Vocab& v = impl.vocab;
    std::vector<int32_t> out;
    out.reserve(text.size() / 3 + 2);
    if (addSpecial && v.addBos && v.bosId >= 0)
        out.push_back(v.bosId);
    bool prevSpecial = true;  // SPM: the first text fragment gets a leading space
    for (const Fragment& f : partitionSpecial(impl, text, parseSpecial)) {
        if (f.token != kNoToken) {
            out.push_back(f.token);
            prevSpecial = true;
            continue;
        }
        const std::string_view part = text.substr(f.offset, f.length);
        if (impl.flavor == Impl::Flavor::LlamaSpm) {
            std::string escaped = v.addSpacePrefix && prevSpecial ? std::string(kSpmSpace) : std::string();
            escaped += replaceAll(part, " ", kSpmSpace);
            encodeSpmText(impl, escaped, out);
        } else {
            encodeLlamaBpeText(impl, part, out);
        }
        prevSpecial = false;
    }
    if (addSpecial && v.addEos && v.eosId >= 0)
        out.push_back(v.eosId);
    return out;
}

std::string Tokenizer::decode(std::span<const int32_t> ids, bool showSpecial) const
{
    const Impl& impl = *m_impl;
    if (impl.flavor == Impl::Flavor::HfBpe)
        return decodeHf(impl, ids, showSpecial);
    std::string out;
    bool stripSpace = impl.flavor == Impl::Flavor::LlamaSpm && impl.vocab.addSpacePrefix;
    for (int32_t id : ids) {
        std::string piece = llamaPiece(impl, id, showSpecial);
        if (piece.empty())
            continue;
        if (stripSpace && piece.front() == ' ')
            piece.erase(0, 1);
        stripSpace = false;
        out += piece;
    }
    return out;
}

std::string Tokenizer::tokenText(int32_t id) const
{
    const Vocab& v = m_impl->vocab;
    return id >= 0 && id < v.size() ? v.tokens[size_t(id)] : std::string();
}

std::string Tokenizer::tokenPiece(int32_t id) const
{
    if (m_impl->flavor == Impl::Flavor::HfBpe) {
        const int32_t one[1] = {id};
        return decodeHf(*m_impl, one, true);
    }
    return llamaPiece(*m_impl, id, true);
}

const Vocab& Tokenizer::vocab() const
{
    return m_impl->vocab;
}

std::string Tokenizer::description() const
{
    switch (m_impl->flavor) {
    case Impl::Flavor::LlamaSpm: return "SentencePiece (llama.cpp SPM)";
    case Impl::Flavor::LlamaBpe:
        return "byte-level BPE (llama.cpp, pre-tokenizer '" + (m_impl->vocab.pre.empty() ? std::string("default") : m_impl->vocab.pre) + "')";
    case Impl::Flavor::HfBpe: return "BPE (Hugging Face tokenizer.json)";
    }
    return {};
}

} // namespace qx
