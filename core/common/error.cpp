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

} // namespace

Error::Error(ErrorCode code, std::string file, uint64_t offset, const std::string& message)
    : std::runtime_error(composeMessage(file, offset, message))
    , m_code(code)
    , m_file(std::move(file))
    , m_offset(offset)
    , m_detail(message)
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
