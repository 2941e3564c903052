#include "io/gguf_reader.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "io/gguf_cursor.h"
#include "io/gguf_format.h"
#include "io/gguf_model_spec.h"
#include "io/spec_limits.h"

#include <cstring>
#include <unordered_set>

namespace qx {
namespace {

using gguf::ByteCursor;

/// A tensor info record plus where its offset field sits, for error messages.
struct TensorRecord {
    TensorInfo info;
    uint64_t relativeOffset = 0;
    uint64_t offsetFieldAt = 0;
    bool sizeKnown = true;   ///< false for a foreign type: its size comes from the next tensor's offset
};

/// A name for an error message: quoted, control bytes shown as '?', cut after 80 bytes (hostile names can
/// be as long as the file).
std::string quoted(const std::string& s)
{
    std::string out = "'";
    for (size_t i = 0; i < s.size() && i < 80; ++i)
        out += static_cast<unsigned char>(s[i]) < 0x20 ? '?' : s[i];
    return out + (s.size() > 80 ? "'..." : "'");
}

GgufType readValueType(ByteCursor& c, const char* what)
{
    const uint64_t at = c.offset();
    const uint32_t id = c.read<uint32_t>(what);
    if (!gguf::isValidType(id))
        c.fail(ErrorCode::Invalid, at, std::string(what) + " " + std::to_string(id) + " is not a GGUF value type (0..12)");
    return static_cast<GgufType>(id);
}

/// Reads values, keeping count of the array elements held so far: a small hostile file must not be able
/// to make the parser hold billions of elements (each costs far more memory than its bytes on disk).
class ValueReader {
public:
    explicit ValueReader(ByteCursor& c) : m_c(c) {}

    GgufValue read(GgufType type, int depth = 0)
    {
        ByteCursor& c = m_c;
        const auto make = [type](auto v) { return GgufValue{type, GgufType::U32, v}; };
        switch (type) {
        case GgufType::U8: return make(uint64_t{c.read<uint8_t>("u8 value")});
        case GgufType::I8: return make(int64_t{c.read<int8_t>("i8 value")});
        case GgufType::U16: return make(uint64_t{c.read<uint16_t>("u16 value")});
        case GgufType::I16: return make(int64_t{c.read<int16_t>("i16 value")});
        case GgufType::U32: return make(uint64_t{c.read<uint32_t>("u32 value")});
        case GgufType::I32: return make(int64_t{c.read<int32_t>("i32 value")});
        case GgufType::U64: return make(c.read<uint64_t>("u64 value"));
        case GgufType::I64: return make(c.read<int64_t>("i64 value"));
        case GgufType::F32: return make(double{c.read<float>("f32 value")});
        case GgufType::F64: return make(c.read<double>("f64 value"));
        case GgufType::Bool: return make(c.read<uint8_t>("bool value") != 0);
        case GgufType::String: return make(c.readString("string value"));
        case GgufType::Array: return readArray(depth);
        }
        c.fail(ErrorCode::Invalid, c.offset(), "unknown value type");
    }

private:
    GgufValue readArray(int depth)
    {
        ByteCursor& c = m_c;
        const GgufType elementType = readValueType(c, "array element type");
        if (elementType == GgufType::Array && depth + 1 >= gguf::kMaxArrayDepth)
            c.fail(ErrorCode::Unsupported, c.offset() - 4,
                   "arrays nested deeper than " + std::to_string(gguf::kMaxArrayDepth) + " levels");
        const uint64_t countAt = c.offset();
        const uint64_t count = c.read<uint64_t>("array length");
        if (count > c.remaining() / gguf::minEncodedSize(elementType))
            c.fail(ErrorCode::Truncated, countAt,
                   "array of " + std::to_string(count) + " " + ggufTypeName(elementType)
                       + " elements does not fit in the " + std::to_string(c.remaining()) + " bytes left in the file");
        if (count > gguf::kMaxArrayElements - m_elements)
            c.fail(ErrorCode::Unsupported, countAt,
                   "metadata arrays hold more than " + std::to_string(gguf::kMaxArrayElements) + " elements in all");
        m_elements += count;
        std::vector<GgufValue> elements;
        elements.reserve(static_cast<size_t>(count));
        for (uint64_t i = 0; i < count; ++i)
            elements.push_back(read(elementType, depth + 1));
        return GgufValue::array(elementType, std::move(elements));
    }

    ByteCursor& m_c;
    uint64_t m_elements = 0;
};

/// Magic, version and the two counts. Returns the version.
uint32_t readHeader(ByteCursor& c, uint64_t& tensorCount, uint64_t& kvCount)
{
    c.need(4, "the GGUF magic");
    char magic[4];
    for (char& ch : magic)
        ch = static_cast<char>(c.read<uint8_t>("the GGUF magic"));
    if (std::memcmp(magic, gguf::kMagic, 4) != 0)
        c.fail(ErrorCode::BadMagic, 0, "not a GGUF file (the first 4 bytes are not \"GGUF\")");
    const uint32_t version = c.read<uint32_t>("the version");
    if (version != 0 && (version & 0xFFFFu) == 0)
        c.fail(ErrorCode::Unsupported, 4, "big-endian GGUF is not supported");
    if (version == 0 || version == 1 || version > gguf::kVersion)
        c.fail(ErrorCode::Unsupported, 4,
               "GGUF version " + std::to_string(version) + " is not supported (only versions 2 and 3)");
    tensorCount = c.read<uint64_t>("the tensor count");
    kvCount = c.read<uint64_t>("the key/value count");
    if (tensorCount > static_cast<uint64_t>(INT64_MAX))
        c.fail(ErrorCode::Invalid, 8, "the tensor count is negative");
    if (kvCount > static_cast<uint64_t>(INT64_MAX))
        c.fail(ErrorCode::Invalid, 16, "the key/value count is negative");
    return version;
}

/// Reads the key/value pairs into `out`; returns the alignment they declare.
uint64_t readMetadata(ByteCursor& c, uint64_t count, std::vector<KeyValue>& out)
{
    if (count > c.remaining() / (8 + 4))
        c.fail(ErrorCode::Truncated, 16,
               std::to_string(count) + " key/value pairs do not fit in the " + std::to_string(c.remaining())
                   + " bytes left in the file");
    std::unordered_set<std::string> seen;
    ValueReader values(c);
    uint64_t alignment = gguf::kDefaultAlignment;
    for (uint64_t i = 0; i < count; ++i) {
        const uint64_t keyAt = c.offset();
        std::string key = c.readString("key");
        if (!seen.insert(key).second)
            c.fail(ErrorCode::Invalid, keyAt, "duplicate key " + quoted(key));
        const GgufType type = readValueType(c, "value type");
        const uint64_t valueAt = c.offset();
        GgufValue value = values.read(type);
        if (key == gguf::kAlignmentKey) {
            if (type != GgufType::U32)
                c.fail(ErrorCode::Invalid, valueAt - 4,
                       "general.alignment must be of type u32 but is " + std::string(ggufTypeName(type)));
            alignment = std::get<uint64_t>(value.value);
            if (alignment == 0 || (alignment & (alignment - 1)) != 0)
                c.fail(ErrorCode::Invalid, valueAt,
                       "general.alignment " + std::to_string(alignment) + " is not a non-zero power of two");
        }
        out.push_back({std::move(key), std::move(value)});
    }
    return alignment;
}

/// The shape part of a tensor info: n_dims and ne[], with llama.cpp's checks.
std::vector<int64_t> readShape(ByteCursor& c, const std::string& name)
{
    const uint64_t dimsAt = c.offset();
    const uint32_t nDims = c.read<uint32_t>("tensor dimension count");
    if (nDims > gguf::kMaxDims)
        c.fail(ErrorCode::Invalid, dimsAt,
               "tensor " + quoted(name) + " has " + std::to_string(nDims) + " dimensions (at most 4 allowed)");
    std::vector<int64_t> ne(nDims);
    int64_t full[4] = {1, 1, 1, 1};
    for (uint32_t j = 0; j < nDims; ++j) {
        const uint64_t at = c.offset();
        ne[j] = full[j] = c.read<int64_t>("tensor shape");
        if (ne[j] < 0)
            c.fail(ErrorCode::Invalid, at,
                   "tensor " + quoted(name) + " dimension " + std::to_string(j) + " has negative size "
                       + std::to_string(ne[j]));
    }
    const bool empty = full[0] == 0 || full[1] == 0 || full[2] == 0 || full[3] == 0;
    if (!empty
        && (INT64_MAX / full[1] <= full[0] || INT64_MAX / full[2] <= full[0] * full[1]
            || INT64_MAX / full[3] <= full[0] * full[1] * full[2]))
        c.fail(ErrorCode::Overflow, dimsAt, "tensor " + quoted(name) + " has an element count >= INT64_MAX");
    return ne;
}

/// Bytes of a tensor of a known type, after checking that its rows are whole blocks.
uint64_t tensorSize(const ByteCursor& c, const TensorInfo& t, const TensorTypeInfo& type, uint64_t typeAt)
{
    const int64_t rowLength = t.ne.empty() ? 1 : t.ne[0];
    if (rowLength % type.blockSize != 0)
        c.fail(ErrorCode::Invalid, typeAt,
               "tensor " + quoted(t.name) + " rows of " + std::to_string(rowLength) + " elements are not a "
                   + "multiple of the " + std::string(type.name) + " block size " + std::to_string(type.blockSize));
    const uint64_t blocks = t.elementCount() / type.blockSize;
    if (blocks > UINT64_MAX / type.typeSize)
        c.fail(ErrorCode::Overflow, typeAt, "tensor " + quoted(t.name) + " size in bytes overflows 64 bits");
    return blocks * type.typeSize;
}

TensorRecord readTensorInfo(ByteCursor& c, std::unordered_set<std::string>& names)
{
    TensorRecord r;
    const uint64_t nameAt = c.offset();
    r.info.name = c.readString("tensor name");
    if (r.info.name.size() > gguf::kMaxNameBytes)
        c.fail(ErrorCode::Invalid, nameAt,
               "tensor name " + quoted(r.info.name) + " is " + std::to_string(r.info.name.size())
                   + " bytes long (must be shorter than 64)");
    if (!names.insert(r.info.name).second)
        c.fail(ErrorCode::Invalid, nameAt, "duplicate tensor name " + quoted(r.info.name));
    r.info.originalName = r.info.name;
    r.info.ne = readShape(c, r.info.name);
    const uint64_t typeAt = c.offset();
    const uint32_t typeId = c.read<uint32_t>("tensor type");
    const TensorTypeInfo* type = ggmlTypeInfo(typeId);
    if (!type && isForeignGgufTypeId(typeId)) {   // a type newer than ours: listed, sized by its neighbours
        r.info.type = static_cast<TensorType>(typeId);
        r.sizeKnown = false;
    } else if (!type) {
        c.fail(ErrorCode::Invalid, typeAt,
               "tensor " + quoted(r.info.name) + " has ggml type id " + std::to_string(typeId) + ", beyond any known type");
    } else {
        r.info.type = type->type;
        r.info.nbytes = tensorSize(c, r.info, *type, typeAt);
    }
    r.offsetFieldAt = c.offset();
    r.relativeOffset = c.read<uint64_t>("tensor data offset");
    return r;
}

std::vector<TensorRecord> readTensorInfos(ByteCursor& c, uint64_t count)
{
    if (count > c.remaining() / (8 + 4 + 4 + 8))
        c.fail(ErrorCode::Truncated, 8,
               std::to_string(count) + " tensor infos do not fit in the " + std::to_string(c.remaining())
                   + " bytes left in the file");
    std::vector<TensorRecord> records;
    records.reserve(static_cast<size_t>(count));
    std::unordered_set<std::string> names;
    for (uint64_t i = 0; i < count; ++i)
        records.push_back(readTensorInfo(c, names));
    return records;
}

/// The bytes a tensor of a foreign type spans: up to the next tensor's data (which must not start before
/// it), or to the end of the file for the last one. This includes its padding.
uint64_t foreignTensorSize(const ByteCursor& c, const std::vector<TensorRecord>& records, size_t i, uint64_t dataSize)
{
    const TensorRecord& r = records[i];
    const uint64_t end = i + 1 < records.size() ? records[i + 1].relativeOffset : dataSize;
    if (end < r.relativeOffset || end > dataSize)
        c.fail(ErrorCode::Invalid, i + 1 < records.size() ? records[i + 1].offsetFieldAt : r.offsetFieldAt,
               "the data of tensor " + quoted(r.info.name) + " (" + std::string(tensorTypeName(r.info.type))
                   + ", a type newer than this program) cannot be delimited: the next tensor's data offset "
                   + std::to_string(end) + " is outside " + std::to_string(r.relativeOffset) + ".." + std::to_string(dataSize));
    return end - r.relativeOffset;
}

/// Checks offsets against the running padded sum and the file size; fills the absolute offsets and views.
std::vector<TensorInfo> placeTensors(const ByteCursor& c, std::vector<TensorRecord>& records, uint64_t alignment,
                                     std::span<const std::byte> bytes)
{
    std::vector<TensorInfo> tensors;
    if (records.empty())
        return tensors;
    const uint64_t headerEnd = c.offset();
    const uint64_t dataStart = *gguf::padTo(headerEnd, alignment); // headerEnd <= size, cannot overflow
    if (dataStart > c.size())
        c.fail(ErrorCode::Truncated, headerEnd,
               "the file ends before the data section, which starts at byte " + std::to_string(dataStart));
    const uint64_t dataSize = c.size() - dataStart;
    uint64_t expected = 0;
    tensors.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        TensorRecord& r = records[i];
        TensorInfo& t = r.info;
        if (r.relativeOffset != expected)
            c.fail(ErrorCode::Invalid, r.offsetFieldAt,
                   "tensor " + quoted(t.name) + " has data offset " + std::to_string(r.relativeOffset) + ", expected "
                       + std::to_string(expected) + " (the running sum of padded tensor sizes)");
        if (!r.sizeKnown)
            t.nbytes = foreignTensorSize(c, records, i, dataSize);
        if (t.nbytes > dataSize || expected > dataSize - t.nbytes)   // at the byte the message names
            c.fail(ErrorCode::Truncated, dataStart + expected,
                   "tensor " + quoted(t.name) + " data (" + std::to_string(t.nbytes) + " bytes at byte "
                       + std::to_string(dataStart + expected) + ") extends past the end of the file ("
                       + std::to_string(c.size()) + " bytes)");
        t.fileOffset = dataStart + expected;
        t.data = bytes.subspan(static_cast<size_t>(t.fileOffset), static_cast<size_t>(t.nbytes));
        const auto padded = gguf::padTo(t.nbytes, alignment);
        if (!padded || *padded > UINT64_MAX - expected)
            c.fail(ErrorCode::Overflow, r.offsetFieldAt, "tensor " + quoted(t.name) + " padded size overflows 64 bits");
        expected += *padded;
        tensors.push_back(std::move(t));
    }
    return tensors;
}

} // namespace

ModelFile parseGguf(std::span<const std::byte> bytes, const std::string& fileName)
{
    ByteCursor c(bytes, fileName);
    ModelFile model;
    model.format = ModelFormat::Gguf;
    model.path = fileName;
    uint64_t tensorCount = 0, kvCount = 0;
    model.ggufVersion = readHeader(c, tensorCount, kvCount);
    model.alignment = readMetadata(c, kvCount, model.metadata);
    std::vector<TensorRecord> records = readTensorInfos(c, tensorCount);
    model.tensors = placeTensors(c, records, model.alignment, bytes);
    for (auto& t : model.tensors)
        t.sourceFile = fileName;
    model.spec = ggufModelSpec(model.metadata, model.tensors);
    const std::string& a = model.spec.architecture;
    checkSpecLimits(model.spec, fileName,
                    {a + ".block_count", a + ".embedding_length", a + ".feed_forward_length", a + ".attention.head_count",
                     a + ".attention.head_count_kv", a + ".vocab_size", a + ".context_length"});
    model.tokenizer = ggufTokenizerInfo(model.metadata, fileName);
    return model;
}

std::shared_ptr<const ModelFile> openGguf(const std::string& path)
{
    std::shared_ptr<const MappedFile> mapping = MappedFile::open(path);
    auto model = std::make_shared<ModelFile>(parseGguf(mapping->bytes(), path));
    model->mappings.push_back(std::move(mapping));
    return model;
}

} // namespace qx
