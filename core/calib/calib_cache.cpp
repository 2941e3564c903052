#include "calib/calib_cache.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace qx {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'Q', 'X', 'C', 'A', 'L', 'I', 'B', '1'};

uint64_t fnv1a(const std::string& text)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

template <typename T>
void put(AtomicFile& out, const T& v)
{
    out.write(std::as_bytes(std::span(&v, 1)));
}

template <typename T>
void putVector(AtomicFile& out, const std::vector<T>& v)
{
    put(out, static_cast<uint64_t>(v.size()));
    out.write(std::as_bytes(std::span(v)));
}

// Bounds-checked reading of the whole file.
class Reader {
public:
    Reader(std::string bytes, std::string path) : m_bytes(std::move(bytes)), m_path(std::move(path)) {}
    void read(void* dst, uint64_t n)
    {
        if (n > m_bytes.size() - m_at)
            throw Error(ErrorCode::Invalid, m_path, m_at, "calibration cache file is truncated");
        std::memcpy(dst, m_bytes.data() + m_at, n);
        m_at += n;
    }
    template <typename T>
    T get()
    {
        T v;
        read(&v, sizeof v);
        return v;
    }
    std::string string() { return bytesOf(get<uint32_t>()); }
    std::string bytesOf(uint64_t n)
    {
        std::string s(std::min<uint64_t>(n, m_bytes.size() - m_at), '\0');
        read(s.data(), n);
        return s;
    }
    template <typename T>
    std::vector<T> vector()
    {
        const uint64_t n = get<uint64_t>();
        if (n > (m_bytes.size() - m_at) / sizeof(T))
            throw Error(ErrorCode::Invalid, m_path, m_at, "calibration cache file is truncated");
        std::vector<T> v(n);
        read(v.data(), n * sizeof(T));
        return v;
    }

private:
    std::string m_bytes, m_path;
    uint64_t m_at = 0;
};

LayerCalib readLayer(Reader& in, const std::string& path)
{
    LayerCalib l;
    l.cols = in.get<int64_t>();
    l.samples = in.get<int64_t>();
    l.hessian = in.vector<double>();
    l.meanAbs = in.vector<float>();
    l.maxAbs = in.vector<float>();
    const auto cols = static_cast<uint64_t>(l.cols);
    if (l.cols <= 0 || l.samples <= 0 || l.meanAbs.size() != cols || l.maxAbs.size() != cols
        || (!l.hessian.empty() && l.hessian.size() != cols * cols))
        throw Error(ErrorCode::Invalid, path, kNoOffset, "calibration cache file holds inconsistent sizes");
    return l;
}

} // namespace

std::string calibCacheKey(const std::string& modelPath, const std::string& calibText, const CalibOptions& o)
{
    std::error_code ec;
    const fs::path p = fs::absolute(modelPath, ec);
    const auto size = fs::is_regular_file(p, ec) ? fs::file_size(p, ec) : 0;
    const auto time = fs::last_write_time(p, ec).time_since_epoch().count();
    char buf[512];
    std::snprintf(buf, sizeof buf, "v1|%s|%llu|%lld|text %016llx %zu|ctx %lld|chunks %lld|bos %d|hessian %d",
                  p.string().c_str(), static_cast<unsigned long long>(size), static_cast<long long>(time),
                  static_cast<unsigned long long>(fnv1a(calibText)), calibText.size(), static_cast<long long>(o.nCtx),
                  static_cast<long long>(o.maxChunks), o.bosToken ? *o.bosToken : -1, o.wantHessian ? 1 : 0);
    return buf;
}

std::string calibCachePath(const std::string& dir, const std::string& key)
{
    char name[40];
    std::snprintf(name, sizeof name, "calib-%016llx.bin", static_cast<unsigned long long>(fnv1a(key)));
    return (fs::path(dir) / name).string();
}

void saveCalibData(const std::string& path, const std::string& key, const CalibData& data)
{
    AtomicFile out(path);
    out.write(std::string_view(kMagic, sizeof kMagic));
    put(out, static_cast<uint32_t>(key.size()));
    out.write(key);
    put(out, static_cast<uint64_t>(data.size()));
    for (const auto& [name, l] : data) {
        put(out, static_cast<uint32_t>(name.size()));
        out.write(name);
        put(out, l.cols);
        put(out, l.samples);
        putVector(out, l.hessian);
        putVector(out, l.meanAbs);
        putVector(out, l.maxAbs);
    }
    out.commit();
}

std::optional<CalibData> loadCalibData(const std::string& path, const std::string& key)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    Reader in(std::move(bytes), path);
    char magic[8];
    in.read(magic, sizeof magic);
    if (std::memcmp(magic, kMagic, sizeof magic) != 0)
        throw Error(ErrorCode::Invalid, path, 0, "not a calibration cache file");
    if (in.string() != key)
        return std::nullopt;
    CalibData data;
    const auto layers = in.get<uint64_t>();
    for (uint64_t i = 0; i < layers; ++i) {
        std::string name = in.string();
        data[name] = readLayer(in, path);
    }
    return data;
}

std::shared_ptr<const CalibData> CalibCache::find(const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : it->second;
}

void CalibCache::put(const std::string& key, std::shared_ptr<const CalibData> data)
{
    std::lock_guard lock(m_mutex);
    m_entries[key] = std::move(data);
}

} // namespace qx
