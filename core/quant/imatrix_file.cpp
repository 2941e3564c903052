#include "quant/imatrix_file.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

namespace qx {
namespace {

/// Bounds-checked little-endian cursor over the file bytes.
class Cursor {
public:
    Cursor(std::span<const std::byte> bytes, const std::string& file) : m_bytes(bytes), m_file(file) {}

    uint64_t offset() const { return m_pos; }
    uint64_t remaining() const { return m_bytes.size() - m_pos; }

    int32_t i32(const char* what)
    {
        need(4, what);
        int32_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }

    std::string text(int32_t len, const char* what)
    {
        if (len < 0)
            fail(ErrorCode::Invalid, m_pos - 4, std::string("negative length of ") + what);
        need(static_cast<uint64_t>(len), what);
        std::string s(reinterpret_cast<const char*>(m_bytes.data() + m_pos), static_cast<size_t>(len));
        m_pos += static_cast<uint64_t>(len);
        return s;
    }

    void floats(std::vector<float>& out, int32_t n, const char* what)
    {
        need(static_cast<uint64_t>(n) * 4, what);
        out.resize(static_cast<size_t>(n));
        std::memcpy(out.data(), m_bytes.data() + m_pos, static_cast<size_t>(n) * 4);
        m_pos += static_cast<uint64_t>(n) * 4;
    }

    [[noreturn]] void fail(ErrorCode code, uint64_t at, const std::string& message) const
    {
        throw Error(code, m_file, at, "imatrix: " + message);
    }

private:
    void need(uint64_t n, const char* what) const
    {
        if (n > remaining())
            fail(ErrorCode::Truncated, m_pos,
                 std::string("file ends inside ") + what + " (" + std::to_string(n) + " bytes needed, "
                     + std::to_string(remaining()) + " left)");
    }

    std::span<const std::byte> m_bytes;
    const std::string& m_file;
    uint64_t m_pos = 0;
};

ImatrixEntry readEntry(Cursor& c, int index)
{
    const std::string label = "entry " + std::to_string(index);
    ImatrixEntry e;
    const int32_t len = c.i32("an entry name length");
    e.name = c.text(len, "an entry name");
    e.ncall = c.i32("a call count");
    const uint64_t nvalAt = c.offset();
    const int32_t nval = c.i32("a value count");
    if (nval < 1)
        c.fail(ErrorCode::Invalid, nvalAt, label + " (" + e.name + ") has " + std::to_string(nval) + " values");
    c.floats(e.values, nval, "the values of an entry");
    return e;
}

void putBytes(std::vector<std::byte>& out, const void* data, size_t n)
{
    // resize + memcpy rather than insert(): g++ 12 -O3 warns falsely (-Wstringop-overflow) on the latter.
    const size_t at = out.size();
    out.resize(at + n);
    if (n)
        std::memcpy(out.data() + at, data, n);
}

void putI32(std::vector<std::byte>& out, int32_t v) { putBytes(out, &v, 4); }

/// Columns per matrix of a GGUF-style entry; throws when its values do not split into its counts.
size_t matrixColumns(const ImatrixEntry& e)
{
    if (e.values.size() % e.counts.size() != 0)
        throw Error(ErrorCode::InvalidArgument, "imatrix entry '" + e.name + "': " + std::to_string(e.values.size())
                                                    + " sums do not split into " + std::to_string(e.counts.size())
                                                    + " matrices");
    return e.values.size() / e.counts.size();
}

} // namespace

const ImatrixEntry* ImatrixFile::find(std::string_view tensorName) const
{
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->name == tensorName)
            return &*it;
    return nullptr;
}

ImatrixFile parseImatrixDat(std::span<const std::byte> bytes, const std::string& fileName)
{
    Cursor c(bytes, fileName);
    ImatrixFile file;
    const int32_t n = c.i32("the entry count");
    if (n < 1)
        c.fail(ErrorCode::Invalid, 0, "entry count " + std::to_string(n) + " (no data in the file)");
    // Each entry takes at least 16 bytes: reject absurd counts before allocating.
    if (static_cast<uint64_t>(n) > c.remaining() / 16)
        c.fail(ErrorCode::Truncated, 0, "entry count " + std::to_string(n) + " does not fit the file");
    file.entries.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        file.entries.push_back(readEntry(c, i));
    if (c.remaining() > 0) {
        file.hasTrailer = true;
        file.lastChunk = c.i32("the chunk count");
        const int32_t len = c.i32("the dataset name length");
        file.dataset = c.text(len, "the dataset name");
        if (c.remaining() > 0)
            c.fail(ErrorCode::Invalid, c.offset(), std::to_string(c.remaining()) + " unexpected bytes after the trailer");
    }
    return file;
}

ImatrixFile readImatrixDat(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, kNoOffset, "imatrix: cannot open the file");
    std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(ErrorCode::Io, path, kNoOffset, "imatrix: read error");
    return parseImatrixDat(std::as_bytes(std::span(raw)), path);
}

std::vector<std::byte> serializeImatrixDat(const ImatrixFile& file)
{
    std::vector<std::byte> out;
    putI32(out, static_cast<int32_t>(file.entries.size()));
    for (const auto& e : file.entries) {
        putI32(out, static_cast<int32_t>(e.name.size()));
        putBytes(out, e.name.data(), e.name.size());
        putI32(out, e.ncall);
        const std::vector<float> values = imatrixDatValues(e);
        putI32(out, static_cast<int32_t>(values.size()));
        putBytes(out, values.data(), values.size() * sizeof(float));
    }
    if (file.hasTrailer) {
        putI32(out, file.lastChunk);
        putI32(out, static_cast<int32_t>(file.dataset.size()));
        putBytes(out, file.dataset.data(), file.dataset.size());
    }
    return out;
}

void writeImatrixDat(const std::string& path, const ImatrixFile& file)
{
    const auto bytes = serializeImatrixDat(file);
    AtomicFile out(path);
    out.write(std::as_bytes(std::span(bytes)));
    out.commit();
}

std::vector<float> imatrixDatValues(const ImatrixEntry& entry)
{
    if (entry.counts.empty())
        return entry.values;
    std::vector<float> v(entry.values.size());
    const size_t cols = matrixColumns(entry);
    for (size_t i = 0; i < v.size(); ++i) {
        const auto count = static_cast<float>(entry.counts[i / cols]);
        v[i] = count == 0.0f ? static_cast<float>(entry.ncall) : entry.values[i] / count * static_cast<float>(entry.ncall);
    }
    return v;
}

std::vector<float> imatrixImportance(const ImatrixEntry& entry)
{
    std::vector<float> v = entry.values;
    if (!entry.counts.empty()) {
        const size_t cols = matrixColumns(entry);
        for (size_t i = 0; i < v.size(); ++i) {
            const auto count = static_cast<float>(entry.counts[i / cols]);
            v[i] = count > 0.0f ? v[i] / count : 1.0f;
        }
        return v;
    }
    if (entry.ncall > 0)
        for (float& x : v)
            x /= entry.ncall;
    return v;
}

std::optional<std::vector<float>> imatrixImportanceFor(const ImatrixFile& file, std::string_view tensorName,
                                                       int64_t rowLength)
{
    const ImatrixEntry* e = file.find(tensorName);
    if (!e)
        return std::nullopt;
    if (e->values.size() != static_cast<size_t>(rowLength)) {
        if (tensorName == "token_embd.weight")   // llama-quantize ignores this one mismatch
            return std::nullopt;
        throw Error(ErrorCode::Mismatch, "imatrix size " + std::to_string(e->values.size())
                                             + " is different from tensor size " + std::to_string(rowLength)
                                             + " for " + std::string(tensorName));
    }
    return imatrixImportance(*e);
}

} // namespace qx
