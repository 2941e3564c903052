#pragma once
// Bounds-checked little-endian reads over a byte buffer, for the GGUF parser. Every read checks the bytes
// left first and throws qx::Error(Truncated) naming the file, the offset and what was being read, so a
// hostile length or count can never make the parser read past the buffer or allocate from it.

#include "common/error.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>

namespace qx::gguf {

static_assert(std::endian::native == std::endian::little, "the GGUF reader assumes a little-endian host");

class ByteCursor {
public:
    ByteCursor(std::span<const std::byte> bytes, const std::string& file) : m_bytes(bytes), m_file(file) {}

    uint64_t offset() const { return m_pos; }
    uint64_t size() const { return m_bytes.size(); }
    uint64_t remaining() const { return m_bytes.size() - m_pos; }
    const std::string& file() const { return m_file; }

    /// Throws Truncated unless `n` more bytes are available.
    void need(uint64_t n, const char* what) const
    {
        if (n > remaining())
            fail(ErrorCode::Truncated, m_pos,
                 std::string("file ends inside ") + what + " (needs " + std::to_string(n) + " bytes, "
                     + std::to_string(remaining()) + " left)");
    }

    template <class T>
    T read(const char* what)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        need(sizeof(T), what);
        T value;
        std::memcpy(&value, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return value;
    }

    /// A GGUF string: u64 length, then that many bytes.
    std::string readString(const char* what)
    {
        const uint64_t at = m_pos;
        const uint64_t length = read<uint64_t>(what);
        if (length > remaining())
            fail(ErrorCode::Truncated, at,
                 std::string(what) + " length " + std::to_string(length) + " exceeds the "
                     + std::to_string(remaining()) + " bytes left in the file");
        std::string text(reinterpret_cast<const char*>(m_bytes.data() + m_pos), static_cast<size_t>(length));
        m_pos += length;
        return text;
    }

    [[noreturn]] void fail(ErrorCode code, uint64_t at, const std::string& message) const
    {
        throw Error(code, m_file, at, message);
    }

private:
    std::span<const std::byte> m_bytes;
    const std::string& m_file;
    uint64_t m_pos = 0;
};

} // namespace qx::gguf
