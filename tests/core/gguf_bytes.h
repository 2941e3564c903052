#pragma once
// Byte-level GGUF image builder for hostile-input tests: appends raw little-endian fields so a test can
// break any rule on purpose, and remembers where each field went so it can assert the reported offset.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace qx::test {

class GgufBytes {
public:
    uint64_t pos() const { return m_bytes.size(); }
    const std::vector<std::byte>& bytes() const { return m_bytes; }
    std::vector<std::byte>& bytes() { return m_bytes; }

    template <class T>
    GgufBytes& put(T value)
    {
        const auto* p = reinterpret_cast<const std::byte*>(&value);
        m_bytes.insert(m_bytes.end(), p, p + sizeof(T));
        return *this;
    }
    GgufBytes& u32(uint32_t v) { return put(v); }
    GgufBytes& u64(uint64_t v) { return put(v); }
    GgufBytes& i64(int64_t v) { return put(v); }
    GgufBytes& str(std::string_view s)
    {
        u64(s.size());
        const auto* p = reinterpret_cast<const std::byte*>(s.data());
        m_bytes.insert(m_bytes.end(), p, p + s.size());
        return *this;
    }
    /// "GGUF", version, tensor count, kv count.
    GgufBytes& header(uint64_t tensors, uint64_t kvs, uint32_t version = 3)
    {
        for (char c : std::string_view("GGUF"))
            put(static_cast<uint8_t>(c));
        return u32(version).u64(tensors).u64(kvs);
    }
    GgufBytes& kvU32(std::string_view key, uint32_t v) { return str(key).u32(4).u32(v); }
    GgufBytes& kvString(std::string_view key, std::string_view v) { return str(key).u32(8).str(v); }
    /// A tensor info record: name, dims, type id, offset.
    GgufBytes& tensor(std::string_view name, std::vector<int64_t> ne, uint32_t type, uint64_t offset)
    {
        str(name).u32(static_cast<uint32_t>(ne.size()));
        for (int64_t n : ne)
            i64(n);
        return u32(type).u64(offset);
    }
    /// Zero bytes up to a multiple of `alignment`.
    GgufBytes& pad(uint64_t alignment = 32)
    {
        while (m_bytes.size() % alignment)
            m_bytes.push_back(std::byte{0});
        return *this;
    }
    GgufBytes& zeros(uint64_t n)
    {
        m_bytes.insert(m_bytes.end(), n, std::byte{0});
        return *this;
    }

private:
    std::vector<std::byte> m_bytes;
};

} // namespace qx::test
