#include "io/safetensors_reader.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "io/json_file.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

namespace qx {
namespace {

using nlohmann::json;

constexpr uint64_t kHeaderStart = 8;

struct Header {
    const std::string& file;
    std::string_view text;     ///< the JSON header bytes
    uint64_t dataStart = 0;    ///< absolute offset of the data section
    uint64_t dataSize = 0;
};

struct Entry {
    TensorInfo info;
    uint64_t begin = 0;        ///< relative to the data section
    uint64_t end = 0;
};

uint64_t saturatingAdd(uint64_t a, uint64_t b) { return b > UINT64_MAX - a ? UINT64_MAX : a + b; }

/// Absolute offset of a tensor's key inside the header, or of the header itself when not found verbatim.
uint64_t keyOffset(const Header& h, const std::string& name)
{
    const size_t pos = h.text.find('"' + name + '"');
    return pos == std::string_view::npos ? kHeaderStart : kHeaderStart + pos;
}

std::vector<uint64_t> unsignedArray(const Header& h, const std::string& name, const json& v, const char* field)
{
    auto it = v.find(field);
    if (it == v.end())
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name), "tensor '" + name + "' has no '" + field + "'");
    if (!it->is_array())
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name),
                    "tensor '" + name + "': '" + field + "' is not an array");
    std::vector<uint64_t> out;
    for (const json& x : *it) {
        if (!x.is_number_unsigned())
            throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name),
                        "tensor '" + name + "': '" + field + "' holds a value that is not a non-negative integer");
        out.push_back(x.get<uint64_t>());
    }
    return out;
}

TensorType entryType(const Header& h, const std::string& name, const json& v)
{
    auto it = v.find("dtype");
    if (it == v.end() || !it->is_string())
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name),
                    "tensor '" + name + "': 'dtype' is missing or not a string");
    try {
        return safetensorsDtype(it->get<std::string>());
    } catch (const Error& e) {
        throw Error(e.code(), h.file, keyOffset(h, name), "tensor '" + name + "': " + e.detail());
    }
}

/// Elements x element size, with the shape turned into ggml axis order.
uint64_t shapeBytes(const Header& h, const std::string& name, const std::vector<uint64_t>& shape, TensorType type,
                    std::vector<int64_t>& ne)
{
    uint64_t elements = 1;
    for (uint64_t d : shape) {
        if (d > uint64_t(INT64_MAX) || (d != 0 && elements > UINT64_MAX / d))
            throw Error(ErrorCode::Overflow, h.file, keyOffset(h, name), "tensor '" + name + "': shape overflows");
        elements *= d;
    }
    const uint64_t size = tensorTypeInfo(type)->typeSize;
    if (elements > UINT64_MAX / size)
        throw Error(ErrorCode::Overflow, h.file, keyOffset(h, name), "tensor '" + name + "': byte size overflows");
    ne.assign(shape.rbegin(), shape.rend());
    if (ne.empty())
        ne.push_back(1); // a 0-d scalar: one element
    return elements * size;
}

Entry readEntry(const Header& h, const std::string& name, const json& v)
{
    if (!v.is_object())
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name), "tensor '" + name + "' is not a JSON object");
    Entry e;
    e.info.name = e.info.originalName = name;
    e.info.sourceFile = h.file;
    e.info.type = entryType(h, name, v);
    const uint64_t expected = shapeBytes(h, name, unsignedArray(h, name, v, "shape"), e.info.type, e.info.ne);
    const std::vector<uint64_t> range = unsignedArray(h, name, v, "data_offsets");
    if (range.size() != 2)
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, name),
                    "tensor '" + name + "': 'data_offsets' must hold exactly [begin, end]");
    e.begin = range[0];
    e.end = range[1];
    const uint64_t at = saturatingAdd(h.dataStart, e.begin);
    if (e.begin > e.end)
        throw Error(ErrorCode::Invalid, h.file, at, "tensor '" + name + "': data_offsets begin > end");
    if (e.end > h.dataSize)
        throw Error(ErrorCode::Truncated, h.file, at,
                    "tensor '" + name + "': data_offsets end " + std::to_string(e.end) + " is beyond the " +
                        std::to_string(h.dataSize) + " data bytes");
    if (e.end - e.begin != expected)
        throw Error(ErrorCode::Mismatch, h.file, at,
                    "tensor '" + name + "': dtype x shape = " + std::to_string(expected) +
                        " bytes but data_offsets span " + std::to_string(e.end - e.begin));
    e.info.fileOffset = h.dataStart + e.begin;
    e.info.nbytes = expected;
    return e;
}

void readMetadata(const Header& h, const json& v, ModelFile& mf)
{
    if (!v.is_object())
        throw Error(ErrorCode::Invalid, h.file, keyOffset(h, "__metadata__"), "'__metadata__' is not an object");
    for (const auto& [key, value] : v.items()) {
        if (!value.is_string())
            throw Error(ErrorCode::Invalid, h.file, keyOffset(h, "__metadata__"),
                        "'__metadata__' value of '" + key + "' is not a string");
        mf.metadata.push_back({key, GgufValue::string(value.get<std::string>())});
    }
}

/// Sorts by data order and rejects two non-empty tensors sharing a byte.
void checkLayout(const Header& h, std::vector<Entry>& entries)
{
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.info.name < b.info.name;
    });
    const Entry* last = nullptr;
    for (const Entry& e : entries) {
        if (e.begin == e.end)
            continue;
        if (last && e.begin < last->end)
            throw Error(ErrorCode::Invalid, h.file, h.dataStart + e.begin,
                        "tensor '" + e.info.name + "' overlaps tensor '" + last->info.name + "'");
        if (!last || e.end > last->end)
            last = &e;
    }
}

/// `__metadata__` entries "alias": "stored tensor" become extra views of the stored tensor.
void addAliases(ModelFile& mf)
{
    const size_t stored = mf.tensors.size();
    for (const KeyValue& kv : mf.metadata) {
        const std::string& target = kv.value.toString();
        if (mf.findTensor(kv.key) || kv.key == target)
            continue;
        for (size_t i = 0; i < stored; ++i) {
            if (mf.tensors[i].name != target)
                continue;
            TensorInfo alias = mf.tensors[i];
            alias.name = alias.originalName = kv.key;
            alias.aliasOf = target;
            mf.tensors.push_back(std::move(alias));
            break;
        }
    }
}

Header readHeaderBounds(std::span<const std::byte> bytes, const std::string& fileName)
{
    if (bytes.size() < kHeaderStart)
        throw Error(ErrorCode::Truncated, fileName, 0, "file is shorter than the 8-byte header length");
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | static_cast<uint8_t>(bytes[size_t(i)]);
    if (n > bytes.size() - kHeaderStart)
        throw Error(ErrorCode::Truncated, fileName, 0,
                    "header length " + std::to_string(n) + " is beyond the end of the " +
                        std::to_string(bytes.size()) + "-byte file");
    Header h{fileName, {reinterpret_cast<const char*>(bytes.data()) + kHeaderStart, size_t(n)}};
    h.dataStart = kHeaderStart + n;
    h.dataSize = bytes.size() - h.dataStart;
    return h;
}

ModelFile readSingle(const std::string& path)
{
    auto map = MappedFile::open(path);
    ModelFile mf = parseSafetensors(map->bytes(), path);
    mf.mappings.push_back(std::move(map));
    return mf;
}

/// The shard's path beside the index; shard names must stay inside that folder.
std::string shardPath(const std::string& indexPath, const std::string& shard)
{
    const std::filesystem::path rel(shard);
    bool escapes = shard.empty() || rel.is_absolute();
    for (const auto& part : rel)
        escapes = escapes || part == "..";
    if (escapes)
        throw Error(ErrorCode::Invalid, indexPath, kNoOffset, "weight_map names an unusable shard '" + shard + "'");
    return (std::filesystem::path(indexPath).parent_path() / rel).string();
}

std::map<std::string, std::string> readWeightMap(const json& index, const std::string& indexPath, ModelFile& mf)
{
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw Error(ErrorCode::Invalid, indexPath, kNoOffset, "no 'weight_map' object");
    std::map<std::string, std::string> weightMap;
    for (const auto& [tensor, shard] : index["weight_map"].items()) {
        if (!shard.is_string())
            throw Error(ErrorCode::Invalid, indexPath, kNoOffset, "weight_map entry '" + tensor + "' is not a string");
        weightMap[tensor] = shard.get<std::string>();
    }
    if (auto it = index.find("metadata"); it != index.end() && it->is_object())
        for (const auto& [key, value] : it->items()) {
            if (value.is_string())
                mf.metadata.push_back({key, GgufValue::string(value.get<std::string>())});
            else if (value.is_number_unsigned())
                mf.metadata.push_back({key, GgufValue::u64(value.get<uint64_t>())});
        }
    return weightMap;
}

/// Appends one shard's tensors, metadata and mapping; checks it holds what the weight map says.
void mergeShard(ModelFile& mf, ModelFile&& part, const std::string& shard,
                const std::map<std::string, std::string>& weightMap, std::set<std::string>& names)
{
    for (const auto& [tensor, file] : weightMap)
        if (file == shard && !part.findTensor(tensor))
            throw Error(ErrorCode::Mismatch, part.path, kHeaderStart,
                        "the index puts tensor '" + tensor + "' in this shard, but it is not there");
    for (TensorInfo& t : part.tensors) {
        if (names.count(t.name) && !t.aliasOf.empty())
            continue;
        if (!names.insert(t.name).second)
            throw Error(ErrorCode::Invalid, part.path, t.fileOffset, "tensor '" + t.name + "' is in two shards");
        mf.tensors.push_back(std::move(t));
    }
    for (KeyValue& kv : part.metadata)
        if (!mf.findMetadata(kv.key))
            mf.metadata.push_back(std::move(kv));
    mf.mappings.insert(mf.mappings.end(), part.mappings.begin(), part.mappings.end());
}

ModelFile readSharded(const std::string& indexPath)
{
    ModelFile mf;
    mf.format = ModelFormat::Safetensors;
    mf.path = indexPath;
    const auto weightMap = readWeightMap(readJsonFile(indexPath), indexPath, mf);
    std::set<std::string> shards;
    for (const auto& entry : weightMap)
        shards.insert(entry.second);
    std::set<std::string> names;
    for (const std::string& shard : shards)
        mergeShard(mf, readSingle(shardPath(indexPath, shard)), shard, weightMap, names);
    return mf;
}

bool endsWith(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

ModelFile readSafetensors(const std::string& path)
{
    return endsWith(path, ".json") ? readSharded(path) : readSingle(path);
}

std::shared_ptr<const ModelFile> openSafetensors(const std::string& path)
{
    return std::make_shared<const ModelFile>(readSafetensors(path));
}

TensorType safetensorsDtype(const std::string& dtype)
{
    static const std::map<std::string, TensorType, std::less<>> kDtypes = {
        {"F64", TensorType::F64}, {"F32", TensorType::F32},         {"F16", TensorType::F16},
        {"BF16", TensorType::BF16}, {"I64", TensorType::I64},       {"I32", TensorType::I32},
        {"I16", TensorType::I16}, {"I8", TensorType::I8},           {"U8", TensorType::U8},
        {"BOOL", TensorType::Bool}, {"F8_E4M3", TensorType::F8_E4M3}, {"F8_E5M2", TensorType::F8_E5M2},
    };
    auto it = kDtypes.find(dtype);
    if (it == kDtypes.end())
        throw Error(ErrorCode::Unsupported, "dtype '" + dtype + "' is not supported");
    return it->second;
}

ModelFile parseSafetensors(std::span<const std::byte> bytes, const std::string& fileName)
{
    const Header h = readHeaderBounds(bytes, fileName);
    const json root = parseJsonText(h.text, fileName, kHeaderStart, true);
    if (!root.is_object())
        throw Error(ErrorCode::Invalid, fileName, kHeaderStart, "header is not a JSON object");
    ModelFile mf;
    mf.format = ModelFormat::Safetensors;
    mf.path = fileName;
    std::vector<Entry> entries;
    for (const auto& [key, value] : root.items()) {
        if (key == "__metadata__")
            readMetadata(h, value, mf);
        else
            entries.push_back(readEntry(h, key, value));
    }
    checkLayout(h, entries);
    for (Entry& e : entries) {
        e.info.data = bytes.subspan(size_t(e.info.fileOffset), size_t(e.info.nbytes));
        mf.tensors.push_back(std::move(e.info));
    }
    addAliases(mf);
    return mf;
}

} // namespace qx
