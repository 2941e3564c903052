#pragma once
// Test helper: builds small safetensors files byte by byte (header JSON written by hand, so the tests do not
// depend on the reader's JSON library), and reads raw bytes of files for independent checks.

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace qx::test {

struct StTensor {
    std::string name;
    std::string dtype;
    std::vector<uint64_t> shape;
    std::string data;              ///< raw bytes
    int64_t begin = -1, end = -1;  ///< explicit data_offsets; -1: laid out one after another
};

inline std::string le64(uint64_t v)
{
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[size_t(i)] = char((v >> (8 * i)) & 0xff);
    return s;
}

inline std::string floatBytes(const std::vector<float>& v)
{
    std::string s(v.size() * 4, '\0');
    std::memcpy(s.data(), v.data(), s.size());
    return s;
}

/// The JSON header for `tensors` (and an optional raw `__metadata__` object text).
inline std::string stHeader(const std::vector<StTensor>& tensors, const std::string& metadataJson = {})
{
    std::ostringstream h;
    h << '{';
    bool first = true;
    if (!metadataJson.empty()) {
        h << "\"__metadata__\":" << metadataJson;
        first = false;
    }
    uint64_t offset = 0;
    for (const StTensor& t : tensors) {
        const uint64_t b = t.begin >= 0 ? uint64_t(t.begin) : offset;
        const uint64_t e = t.end >= 0 ? uint64_t(t.end) : b + t.data.size();
        offset = std::max(offset, e);
        h << (first ? "" : ",") << '"' << t.name << "\":{\"dtype\":\"" << t.dtype << "\",\"shape\":[";
        for (size_t i = 0; i < t.shape.size(); ++i)
            h << (i ? "," : "") << t.shape[i];
        h << "],\"data_offsets\":[" << b << ',' << e << "]}";
        first = false;
    }
    h << '}';
    return h.str();
}

/// A whole file: length, header, then the tensors' bytes concatenated (or `dataOverride` when given).
inline std::string stFile(const std::vector<StTensor>& tensors, const std::string& metadataJson = {},
                          const std::string* dataOverride = nullptr)
{
    const std::string header = stHeader(tensors, metadataJson);
    std::string data;
    if (dataOverride)
        data = *dataOverride;
    else
        for (const StTensor& t : tensors)
            data += t.data;
    return le64(header.size()) + header + data;
}

/// A file from raw header text and data.
inline std::string stRaw(const std::string& header, const std::string& data)
{
    return le64(header.size()) + header + data;
}

inline void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The little-endian float stored at absolute byte `offset` of `path`, read with plain iostreams.
inline float floatAt(const std::string& path, uint64_t offset)
{
    std::ifstream in(path, std::ios::binary);
    in.seekg(std::streamoff(offset));
    unsigned char b[4] = {};
    in.read(reinterpret_cast<char*>(b), 4);
    const uint32_t bits = uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

} // namespace qx::test
