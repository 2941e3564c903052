#pragma once
// Errors the core reports instead of crashing: a machine-readable code, the file concerned, and (for file
// formats) the byte offset where the problem was found. The UI turns these into translated text; the
// what() string is a plain English fallback for the CLI and logs.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace qx {

enum class ErrorCode {
    Io,            ///< open/read/write/mmap failed (errno text in the message)
    Truncated,     ///< the file ends before the structure it promises
    BadMagic,      ///< not a file of the expected kind
    Unsupported,   ///< a valid file using something we do not handle (big-endian, unknown version, ...)
    Invalid,       ///< a rule of the format is broken (duplicate key, bad offset, wrong size, ...)
    Overflow,      ///< a count or size that overflows 64-bit arithmetic
    Mismatch,      ///< two inputs that should agree do not (shapes, names, sizes)
    Cancelled,     ///< the progress callback asked to stop
    InvalidArgument,
    OverBudget,    ///< a job would need more memory than its budget (the message says how much and what to lower)
};

constexpr uint64_t kNoOffset = UINT64_MAX;

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string file, uint64_t offset, const std::string& message);
    Error(ErrorCode code, const std::string& message) : Error(code, {}, kNoOffset, message) {}

    ErrorCode code() const { return m_code; }
    const std::string& file() const { return m_file; }
    uint64_t offset() const { return m_offset; }
    /// The message without the file/offset prefix.
    const std::string& detail() const { return m_detail; }

private:
    ErrorCode m_code;
    std::string m_file;
    uint64_t m_offset;
    std::string m_detail;
};

const char* errorCodeName(ErrorCode code);

} // namespace qx
