#pragma once
// TEST-ONLY: a tiny GGUF tensor-table reader for the block-format reference tests, so they do not depend
// on the production reader (core/io). It trusts its input (the llama.cpp reference files) and checks just
// enough to fail a test instead of crashing. Layout: magic "GGUF", u32 version, u64 n_tensors, u64 n_kv,
// key/values, tensor infos (name, u32 n_dims, u64 ne[n_dims], u32 type, u64 offset), padding to
// general.alignment (default 32), then the data section.

#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace qx::test {

struct GgufTestTensor {
    std::string name;
    std::vector<int64_t> ne;
    uint32_t type = 0;
    std::vector<std::byte> data;
    int64_t rows() const { int64_t r = 1; for (size_t i = 1; i < ne.size(); ++i) r *= ne[i]; return r; }
};

class GgufTestReader {
public:
    explicit GgufTestReader(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        m_buf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (m_buf.size() < 24 || std::memcmp(m_buf.data(), "GGUF", 4) != 0)
            throw std::runtime_error("not a GGUF file: " + path);
        m_pos = 4;
        get<uint32_t>();
        const auto nTensors = get<uint64_t>();
        const auto nKv = get<uint64_t>();
        uint64_t alignment = 32;
        for (uint64_t i = 0; i < nKv; ++i) {
            const std::string key = str();
            const auto type = get<uint32_t>();
            if (key == "general.alignment" && type == 4)
                alignment = get<uint32_t>();
            else
                skipValue(type);
        }
        struct Info { std::string name; std::vector<int64_t> ne; uint32_t type; uint64_t offset; };
        std::vector<Info> infos;
        for (uint64_t i = 0; i < nTensors; ++i) {
            Info t;
            t.name = str();
            const auto nd = get<uint32_t>();
            for (uint32_t d = 0; d < nd; ++d)
                t.ne.push_back(static_cast<int64_t>(get<uint64_t>()));
            t.type = get<uint32_t>();
            t.offset = get<uint64_t>();
            infos.push_back(std::move(t));
        }
        const uint64_t dataStart = (m_pos + alignment - 1) / alignment * alignment;
        for (size_t i = 0; i < infos.size(); ++i) {
            const uint64_t begin = dataStart + infos[i].offset;
            const uint64_t end = i + 1 < infos.size() ? dataStart + infos[i + 1].offset : m_buf.size();
            if (begin > end || end > m_buf.size())
                throw std::runtime_error("bad tensor offsets in " + path);
            GgufTestTensor t{infos[i].name, infos[i].ne, infos[i].type, {}};
            t.data.resize(end - begin);
            std::memcpy(t.data.data(), m_buf.data() + begin, end - begin);
            order.push_back(t.name);
            tensors.emplace(t.name, std::move(t));
        }
    }

    std::map<std::string, GgufTestTensor> tensors;
    std::vector<std::string> order;

private:
    template <typename T> T get()
    {
        if (m_pos + sizeof(T) > m_buf.size())
            throw std::runtime_error("truncated GGUF");
        T v;
        std::memcpy(&v, m_buf.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }
    std::string str()
    {
        const auto n = get<uint64_t>();
        if (m_pos + n > m_buf.size())
            throw std::runtime_error("truncated GGUF string");
        std::string s(m_buf.data() + m_pos, n);
        m_pos += n;
        return s;
    }
    void skipValue(uint32_t type)
    {
        static const size_t sizes[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
        if (type == 8) { str(); return; }
        if (type == 9) {
            const auto et = get<uint32_t>();
            const auto n = get<uint64_t>();
            for (uint64_t i = 0; i < n; ++i)
                skipValue(et);
            return;
        }
        if (type > 12)
            throw std::runtime_error("bad GGUF value type");
        m_pos += sizes[type];
    }

    std::vector<char> m_buf;
    size_t m_pos = 0;
};

} // namespace qx::test
