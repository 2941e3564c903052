#include "model/unicode_text.h"

#include <array>
#include <memory>

namespace qx::unicode {
namespace {

constexpr uint32_t kOutOfRange = 0xFFFFFFFF;
constexpr uint8_t kInRangeBit = 0x20;  // set by PieceScanner for positions inside the piece

// One byte per code point, expanded once from the range table (1.1 MB, built on first use).
const std::vector<uint8_t>& flagTable()
{
    static const std::vector<uint8_t> table = [] {
        std::vector<uint8_t> t(kMaxCodePoint + 1, kUndefined);
        for (size_t i = 0; i < kUnicodeRangeCount; ++i) {
            const uint32_t end = i + 1 < kUnicodeRangeCount ? kUnicodeRanges[i + 1].first : kMaxCodePoint + 1;
            for (uint32_t c = kUnicodeRanges[i].first; c < end; ++c)
                t[c] = kUnicodeRanges[i].flags;
        }
        return t;
    }();
    return table;
}

struct ByteAlphabet {
    std::array<std::string, 256> toUnicode;
    std::array<int16_t, 324> toByte{};  // the alphabet uses code points below 324
};

const ByteAlphabet& byteAlphabet()
{
    static const ByteAlphabet alphabet = [] {
        ByteAlphabet a;
        a.toByte.fill(-1);
        std::array<uint32_t, 256> cpt{};
        std::array<bool, 256> direct{};
        for (int b = 0; b < 256; ++b)
            direct[b] = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        uint32_t next = 256;
        for (int b = 0; b < 256; ++b)
            cpt[b] = direct[b] ? uint32_t(b) : next++;
        for (int b = 0; b < 256; ++b) {
            appendUtf8(a.toUnicode[b], cpt[b]);
            a.toByte[cpt[b]] = int16_t(b);
        }
        return a;
    }();
    return alphabet;
}

// Cursor over one piece [ini, end) of the code points, with llama.cpp's out-of-piece conventions:
// cpt() is kOutOfRange and flags() is 0 outside the piece; inside, flags() has kInRangeBit set.
struct PieceScanner {
    const std::vector<uint32_t>& cpts;
    size_t ini, end;
    std::vector<size_t>& out;
    size_t prevEnd;

    uint32_t cpt(size_t pos) const { return pos >= ini && pos < end ? cpts[pos] : kOutOfRange; }
    uint8_t flags(size_t pos) const { return pos >= ini && pos < end ? uint8_t(flagsOf(cpts[pos]) | kInRangeBit) : 0; }
    size_t add(size_t to)
    {
        const size_t len = to - prevEnd;
        if (len > 0)
            out.push_back(len);
        prevEnd = to;
        return len;
    }
};

bool letter(uint8_t f) { return (f & kInRangeBit) && (f & 0x0F) == kLetter; }
bool number(uint8_t f) { return (f & kInRangeBit) && (f & 0x0F) == kNumber; }
bool space(uint8_t f) { return (f & kWhitespaceBit) != 0; }
bool other(uint8_t f) { return f != 0 && !space(f) && !letter(f) && !number(f); }  // [^\s\p{L}\p{N}]
uint32_t asciiLower(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// 's|'t|'re|'ve|'m|'ll|'d at pos (case-insensitive when asked); returns the match length or 0.
size_t contraction(const PieceScanner& s, size_t pos, bool anyCase)
{
    if (s.cpt(pos) != '\'' || pos + 1 >= s.end)
        return 0;
    auto low = [&](size_t p) { return anyCase ? asciiLower(s.cpt(p)) : s.cpt(p); };
    const uint32_t c1 = low(pos + 1);
    if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd')
        return 2;
    if (pos + 2 >= s.end)
        return 0;
    const uint32_t c2 = low(pos + 2);
    if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l'))
        return 3;
    return 0;
}

// \s+(?!\S)|\s+ (and, with newlines, \s*[\r\n]+ first); returns the new position or pos when no match.
size_t whitespaceRun(PieceScanner& s, size_t pos, bool newlineRule)
{
    size_t n = 0, lastNewlineEnd = 0;
    while (space(s.flags(pos + n))) {
        const uint32_t c = s.cpt(pos + n);
        if (c == '\r' || c == '\n')
            lastNewlineEnd = pos + n + 1;
        ++n;
    }
    if (newlineRule && lastNewlineEnd > 0)
        return lastNewlineEnd;
    if (n > 1 && s.cpt(pos + n) != kOutOfRange)
        return pos + n - 1;
    return pos + n;
}

void scanGpt2(PieceScanner& s)
{
    for (size_t pos = s.ini; pos < s.end;) {
        const uint32_t c = s.cpt(pos);
        if (const size_t n = contraction(s, pos, false)) {
            pos += s.add(pos + n);
            continue;
        }
        uint8_t f2 = c == ' ' ? s.flags(pos + 1) : s.flags(pos);
        bool (*cls)(uint8_t) = letter(f2) ? letter : number(f2) ? number : other(f2) ? other : nullptr;
        if (cls) {
            pos += (c == ' ');
            while (cls(f2))
                f2 = s.flags(++pos);
            s.add(pos);
            continue;
        }
        const size_t next = whitespaceRun(s, pos, false);
        pos = next > pos ? next : pos + 1;
        s.add(pos);
    }
}

void scanLlama3(PieceScanner& s, size_t maxDigits)
{
    for (size_t pos = s.ini; pos < s.end;) {
        const uint32_t c = s.cpt(pos);
        const uint8_t f = s.flags(pos);
        if (const size_t n = contraction(s, pos, true)) {
            pos += s.add(pos + n);
            continue;
        }
        if (!(c == '\r' || c == '\n' || number(f)) && (letter(f) || letter(s.flags(pos + 1)))) {
            ++pos;
            while (letter(s.flags(pos)))
                ++pos;
            s.add(pos);
            continue;
        }
        if (number(f)) {
            for (size_t start = pos; number(s.flags(pos));) {
                if (++pos - start >= maxDigits) {
                    s.add(pos);
                    start = pos;
                }
            }
            s.add(pos);
            continue;
        }
        uint8_t f2 = c == ' ' ? s.flags(pos + 1) : f;
        if (!space(f2) && !letter(f2) && !number(f2)) {  // f is never 0 inside the piece
            pos += (c == ' ');
            while (other(f2))
                f2 = s.flags(++pos);
            for (uint32_t c2 = s.cpt(pos); c2 == '\r' || c2 == '\n'; c2 = s.cpt(++pos)) {}
            s.add(pos);
            continue;
        }
        const size_t next = whitespaceRun(s, pos, true);
        pos = next > pos ? next : pos + 1;
        s.add(pos);
    }
}

bool isPunctRunChar(uint32_t c)
{
    if ((flagsOf(c) & 0x0F) == kPunctuation)
        return true;
    return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '~' || c == '|';
}

// Isolates maximal runs of code points satisfying `pred` (one code point per word when `single`).
void scanRuns(PieceScanner& s, bool (*pred)(uint32_t), bool single)
{
    for (size_t pos = s.ini; pos < s.end;) {
        if (!pred(s.cpts[pos])) {
            ++pos;
            continue;
        }
        s.add(pos);
        ++pos;
        while (!single && pos < s.end && pred(s.cpts[pos]))
            ++pos;
        s.add(pos);
    }
    s.add(s.end);
}

void scanAsciiTriples(PieceScanner& s)
{
    auto digit = [&](size_t p) { return p < s.end && s.cpts[p] >= '0' && s.cpts[p] <= '9'; };
    for (size_t pos = s.ini; pos < s.end;) {
        if (digit(pos) && digit(pos + 1) && digit(pos + 2)) {
            s.add(pos);
            pos += 3;
            s.add(pos);
        } else {
            ++pos;
        }
    }
    s.add(s.end);
}

} // namespace

uint8_t flagsOf(uint32_t cpt)
{
    return cpt <= kMaxCodePoint ? flagTable()[cpt] : uint8_t(kUndefined);
}

size_t utf8SequenceLength(char lead)
{
    static constexpr size_t lookup[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
    return lookup[static_cast<uint8_t>(lead) >> 4];
}

std::vector<uint32_t> decodeUtf8(std::string_view text)
{
    std::vector<uint32_t> out;
    out.reserve(text.size());
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    auto cont = [&](size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
    for (size_t i = 0; i < n;) {
        const uint8_t b = p[i];
        if (b < 0x80) {
            out.push_back(b);
            i += 1;
        } else if ((b & 0xE0) == 0xC0 && cont(i + 1)) {
            out.push_back(uint32_t(b & 0x1F) << 6 | (p[i + 1] & 0x3F));
            i += 2;
        } else if ((b & 0xF0) == 0xE0 && cont(i + 1) && cont(i + 2)) {
            out.push_back(uint32_t(b & 0x0F) << 12 | uint32_t(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F));
            i += 3;
        } else if ((b & 0xF8) == 0xF0 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
            out.push_back(uint32_t(b & 0x07) << 18 | uint32_t(p[i + 1] & 0x3F) << 12 |
                          uint32_t(p[i + 2] & 0x3F) << 6 | (p[i + 3] & 0x3F));
            i += 4;
        } else {
            out.push_back(0xFFFD);
            i += 1;
        }
    }
    return out;
}

void appendUtf8(std::string& out, uint32_t cpt)
{
    if (cpt > kMaxCodePoint)
        cpt = 0xFFFD;
    if (cpt <= 0x7F) {
        out.push_back(char(cpt));
    } else if (cpt <= 0x7FF) {
        out.push_back(char(0xC0 | (cpt >> 6)));
        out.push_back(char(0x80 | (cpt & 0x3F)));
    } else if (cpt <= 0xFFFF) {
        out.push_back(char(0xE0 | (cpt >> 12)));
        out.push_back(char(0x80 | ((cpt >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cpt & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cpt >> 18)));
        out.push_back(char(0x80 | ((cpt >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cpt >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cpt & 0x3F)));
    }
}

const std::string& byteToUnicode(uint8_t b)
{
    return byteAlphabet().toUnicode[b];
}

int unicodeToByte(uint32_t cpt)
{
    const auto& table = byteAlphabet().toByte;
    return cpt < table.size() ? table[cpt] : -1;
}

std::string byteLevelEncode(std::string_view text)
{
    const auto& a = byteAlphabet();
    std::string out;
    out.reserve(text.size() * 2);
    for (char c : text)
        out += a.toUnicode[static_cast<uint8_t>(c)];
    return out;
}

std::string byteLevelDecode(std::string_view text)
{
    std::string out;
    for (uint32_t cpt : decodeUtf8(text)) {
        const int b = unicodeToByte(cpt);
        if (b >= 0)
            out.push_back(char(b));
        else
            appendUtf8(out, cpt);
    }
    return out;
}

std::vector<size_t> splitPass(SplitPass pass, const std::vector<uint32_t>& cpts, const std::vector<size_t>& pieces)
{
    std::vector<size_t> out;
    out.reserve(pieces.size());
    size_t start = 0;
    for (size_t len : pieces) {
        PieceScanner s{cpts, start, start + len, out, start};
        switch (pass) {
        case SplitPass::Gpt2: scanGpt2(s); break;
        case SplitPass::Llama3: scanLlama3(s, 3); break;
        case SplitPass::Qwen2: scanLlama3(s, 1); break;
        case SplitPass::Numbers: scanRuns(s, [](uint32_t c) { return isNumber(c); }, false); break;
        case SplitPass::SingleNumbers: scanRuns(s, [](uint32_t c) { return isNumber(c); }, true); break;
        case SplitPass::PunctRuns: scanRuns(s, isPunctRunChar, false); break;
        case SplitPass::AsciiTriples: scanAsciiTriples(s); break;
        }
        start += len;
    }
    return out;
}

std::vector<std::string> splitWords(std::string_view text, const std::vector<SplitPass>& passes)
{
    const std::vector<uint32_t> cpts = decodeUtf8(text);
    std::vector<size_t> pieces{cpts.size()};
    for (SplitPass pass : passes)
        pieces = splitPass(pass, cpts, pieces);
    std::vector<std::string> words;
    words.reserve(pieces.size());
    size_t start = 0;
    for (size_t len : pieces) {
        std::string& w = words.emplace_back();
        for (size_t i = start; i < start + len; ++i)
            appendUtf8(w, cpts[i]);
        start += len;
    }
    return words;
}

} // namespace qx::unicode
