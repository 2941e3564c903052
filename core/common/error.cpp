#include "common/error.h"

namespace qx {
namespace {

std::string composeMessage(const std::string& file, uint64_t offset, const std::string& message)
{
    std::string text;
    if (!file.empty())
        text += file + ": ";
    if (offset != kNoOffset)
        text += "at byte " + std::to_string(offset) + ": ";
    return text + message;
}

/// Back from `at` to the start of a UTF-8 character.
size_t characterStart(const std::string& text, size_t at)
{
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

// Messages stay readable whatever a file holds (error.h promises plain English): a run of more than 512
// bytes without a space (a 1 MB tensor name) is cut to its first 160 bytes and its length, and a message
// longer than 4 KiB loses its middle.

/// `text` with every run of more than kMaxWord bytes without a space (a hostile 1 MB tensor name or key)
/// cut to its first kKeptBytes and its length, then the whole cut in its middle beyond kMaxMessage bytes.
std::string shortened(const std::string& text)
{
    constexpr size_t kMaxWord = 512, kKeptBytes = 160, kMaxMessage = 4096;
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n')
            ++end;
        if (end - i > kMaxWord)
            out += text.substr(i, characterStart(text, i + kKeptBytes) - i) + "…(" + std::to_string(end - i) +
                   " bytes in all)";
        else
            out.append(text, i, end - i);
        if (end < text.size())
            out += text[end];
        i = end + 1;
    }
    if (out.size() <= kMaxMessage)
        return out;
    const size_t head = characterStart(out, kMaxMessage / 2), tail = characterStart(out, out.size() - kMaxMessage / 4);
    return out.substr(0, head) + " … " + out.substr(tail);
}

} // namespace

Error::Error(ErrorCode code, std::string file, uint64_t offset, const std::string& message)
    : std::runtime_error(composeMessage(file, offset, shortened(message)))
    , m_code(code)
    , m_file(std::move(file))
    , m_offset(offset)
    , m_detail(shortened(message))
{
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::Truncated: return "truncated";
    case ErrorCode::BadMagic: return "bad-magic";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::Overflow: return "overflow";
    case ErrorCode::Mismatch: return "mismatch";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::OverBudget: return "over-budget";
    }
    return "unknown";
}

} // namespace qx
