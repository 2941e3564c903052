// GGUF imatrix files (layout at the top of quant/imatrix_file.h), read through the GGUF reader so every
// structural check (truncation, offsets, shapes) is the one all GGUF files get.
#include "quant/imatrix_file.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "io/gguf_reader.h"
#include "io/gguf_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

namespace qx {
namespace {

constexpr const char* kDatasetsKey = "imatrix.datasets";
constexpr const char* kChunkCountKey = "imatrix.chunk_count";
constexpr const char* kChunkSizeKey = "imatrix.chunk_size";
constexpr std::string_view kSumsSuffix = ".in_sum2";
constexpr std::string_view kCountsSuffix = ".counts";
constexpr uint32_t kDefaultChunkSize = 512;   ///< llama-imatrix's default context

[[noreturn]] void fail(ErrorCode code, const std::string& file, uint64_t at, const std::string& message)
{
    throw Error(code, file, at, "imatrix: " + message);
}

uint32_t u32Key(const ModelFile& m, const char* key)
{
    const GgufValue* v = m.findMetadata(key);
    if (!v->isInteger() || v->toInt() < 0 || v->toInt() > int64_t(UINT32_MAX))
        fail(ErrorCode::Invalid, m.path, kNoOffset, std::string(key) + " is not a 32-bit unsigned integer");
    return static_cast<uint32_t>(v->toInt());
}

void readMetadata(const ModelFile& m, ImatrixFile& f)
{
    if (const GgufValue* type = m.findMetadata("general.type"); type && !(type->isString() && type->toString() == "imatrix"))
        fail(ErrorCode::Invalid, m.path, kNoOffset, "general.type is not \"imatrix\": not an importance matrix");
    if (!m.findMetadata(kDatasetsKey) || !m.findMetadata(kChunkCountKey) || !m.findMetadata(kChunkSizeKey))
        fail(ErrorCode::Invalid, m.path, kNoOffset,
             "missing imatrix metadata (imatrix.datasets, imatrix.chunk_count, imatrix.chunk_size)");
    const GgufValue* datasets = m.findMetadata(kDatasetsKey);
    if (!datasets->isArray() || datasets->arrayType != GgufType::String)
        fail(ErrorCode::Invalid, m.path, kNoOffset, "imatrix.datasets is not an array of strings");
    for (const GgufValue& d : datasets->elements())
        f.datasets.push_back(d.toString());
    f.lastChunk = static_cast<int>(std::min<uint32_t>(u32Key(m, kChunkCountKey), INT32_MAX));
    f.chunkSize = u32Key(m, kChunkSizeKey);
    f.hasTrailer = true;   // written as .dat, the file keeps its chunk count and (last) dataset
    f.dataset = f.datasets.empty() ? std::string() : f.datasets.back();
}

std::vector<float> f32Data(const TensorInfo& t)
{
    std::vector<float> v(t.elementCount());
    std::memcpy(v.data(), t.data.data(), v.size() * sizeof(float));
    return v;
}

ImatrixEntry readEntry(const ModelFile& m, const std::string& name, const TensorInfo* sums, const TensorInfo* counts,
                       uint32_t chunkSize)
{
    if (!sums || !counts)
        fail(ErrorCode::Mismatch, m.path, (sums ? sums : counts)->fileOffset,
             "mismatched sums and counts for " + name + " (" + (sums ? "no .counts" : "no .in_sum2") + ")");
    if (sums->type != TensorType::F32 || counts->type != TensorType::F32)
        fail(ErrorCode::Mismatch, m.path, sums->fileOffset, "sums and counts for " + name + " must be F32");
    ImatrixEntry e;
    e.name = name;
    e.values = f32Data(*sums);
    const std::vector<float> raw = f32Data(*counts);
    if (raw.empty() || e.values.size() % raw.size() != 0)
        fail(ErrorCode::Mismatch, m.path, counts->fileOffset,
             name + ": " + std::to_string(e.values.size()) + " sums do not split into " + std::to_string(raw.size())
                 + " counted matrices");
    int64_t maxCount = 0;
    for (float c : raw) {
        if (!std::isfinite(c) || c < 0.0f || c > 0x1p62f)
            fail(ErrorCode::Invalid, m.path, counts->fileOffset, name + ": count " + std::to_string(c) + " is not a row count");
        e.counts.push_back(std::lround(c));
        maxCount = std::max(maxCount, e.counts.back());
    }
    // what llama-imatrix writes as ncall when it converts to .dat (ceiling division)
    if (chunkSize > 0)
        e.ncall = static_cast<int>(std::min<int64_t>((maxCount + chunkSize - 1) / chunkSize, INT32_MAX));
    return e;
}

bool stripSuffix(std::string& name, std::string_view suffix)
{
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    name.resize(name.size() - suffix.size());
    return true;
}

ImatrixFile fromModel(const ModelFile& m)
{
    ImatrixFile f;
    readMetadata(m, f);
    std::map<std::string, std::pair<const TensorInfo*, const TensorInfo*>> pairs;   // name order, as llama.cpp
    for (const TensorInfo& t : m.tensors) {
        std::string name = t.name;
        if (stripSuffix(name, kSumsSuffix))
            pairs[name].first = &t;
        else if (stripSuffix(name, kCountsSuffix))
            pairs[name].second = &t;
    }
    if (pairs.empty())
        fail(ErrorCode::Invalid, m.path, kNoOffset, "no data in the file (no .in_sum2/.counts tensors)");
    for (const auto& [name, p] : pairs)
        f.entries.push_back(readEntry(m, name, p.first, p.second, f.chunkSize));
    return f;
}

/// One weight as GGUF tensors: in_sum2 and counts, converted from .dat-style values when needed.
struct GgufEntryData {
    std::string name;
    std::vector<float> sums, counts;
};

GgufEntryData toGgufData(const ImatrixEntry& e, uint32_t chunkSize)
{
    GgufEntryData d{e.name, e.values, {}};
    if (!e.counts.empty()) {
        if (e.values.size() % e.counts.size() != 0)
            throw Error(ErrorCode::InvalidArgument, "imatrix entry '" + e.name + "': sums do not split into its counts");
        for (int64_t c : e.counts)
            d.counts.push_back(static_cast<float>(c));
        return d;
    }
    const auto scale = static_cast<float>(chunkSize);
    for (float& v : d.sums)
        v *= scale;
    d.counts.push_back(e.ncall > 0 ? static_cast<float>(e.ncall) * scale : scale);
    return d;
}

std::vector<KeyValue> metadataOf(const ImatrixFile& f, uint32_t chunkSize)
{
    std::vector<GgufValue> datasets;
    if (!f.datasets.empty())
        for (const std::string& d : f.datasets)
            datasets.push_back(GgufValue::string(d));
    else if (!f.dataset.empty())
        datasets.push_back(GgufValue::string(f.dataset));
    return {{"general.type", GgufValue::string("imatrix")},
            {kDatasetsKey, GgufValue::array(GgufType::String, std::move(datasets))},
            {kChunkCountKey, GgufValue::u32(static_cast<uint32_t>(std::max(f.lastChunk, 0)))},
            {kChunkSizeKey, GgufValue::u32(chunkSize)}};
}

GgufTensorToWrite f32Tensor(std::string name, const std::vector<float>& data, int64_t cols)
{
    const auto rows = static_cast<int64_t>(data.size()) / std::max<int64_t>(cols, 1);
    return {std::move(name), {cols, rows}, TensorType::F32, [&data](std::span<std::byte> dst) {
                std::memcpy(dst.data(), data.data(), data.size() * sizeof(float));
            }};
}

} // namespace

ImatrixFile parseImatrixGguf(std::span<const std::byte> bytes, const std::string& fileName)
{
    return fromModel(parseGguf(bytes, fileName));
}

ImatrixFile readImatrixGguf(const std::string& path)
{
    const auto mapped = MappedFile::open(path);
    return parseImatrixGguf(mapped->bytes(), path);
}

void writeImatrixGguf(const std::string& path, const ImatrixFile& file)
{
    const uint32_t chunkSize = file.chunkSize ? file.chunkSize : kDefaultChunkSize;
    std::map<std::string, const ImatrixEntry*> latest;   // a repeated name: the last one wins, as on reading
    for (const ImatrixEntry& e : file.entries)
        latest[e.name] = &e;
    std::vector<GgufEntryData> data;
    data.reserve(latest.size());
    for (const auto& [name, e] : latest)
        data.push_back(toGgufData(*e, chunkSize));
    std::vector<GgufTensorToWrite> tensors;
    for (const GgufEntryData& d : data) {
        const auto nmat = static_cast<int64_t>(d.counts.size());
        tensors.push_back(f32Tensor(d.name + std::string(kSumsSuffix), d.sums, static_cast<int64_t>(d.sums.size()) / nmat));
        tensors.push_back(f32Tensor(d.name + std::string(kCountsSuffix), d.counts, 1));
    }
    writeGguf(path, metadataOf(file, chunkSize), tensors);
}

ImatrixFile readImatrix(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, kNoOffset, "imatrix: cannot open the file");
    char magic[4] = {};
    in.read(magic, 4);
    const bool gguf = in.gcount() == 4 && std::memcmp(magic, "GGUF", 4) == 0;
    in.close();
    return gguf ? readImatrixGguf(path) : readImatrixDat(path);
}

void writeImatrix(const std::string& path, const ImatrixFile& file)
{
    const std::string_view ext = ".gguf";
    if (path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
        writeImatrixGguf(path, file);
    else
        writeImatrixDat(path, file);
}

} // namespace qx
