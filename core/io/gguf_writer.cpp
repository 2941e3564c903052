#include "io/gguf_writer.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "io/gguf_format.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <unistd.h>
#include <unordered_set>

namespace qx {
namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

class ByteWriter {
public:
    std::vector<std::byte> bytes;

    template <class T>
    void put(T value)
    {
        append(&value, sizeof(T));
    }
    void string(const std::string& s)
    {
        put<uint64_t>(s.size());
        append(s.data(), s.size());
    }
    void append(const void* data, size_t n)
    {
        const size_t at = bytes.size();
        bytes.resize(at + n);
        if (n)
            std::memcpy(bytes.data() + at, data, n);
    }
    void pad(uint64_t alignment)
    {
        bytes.resize(static_cast<size_t>(*gguf::padTo(bytes.size(), alignment)), std::byte{0});
    }
};

/// The integer bits of an integer-typed value, whichever alternative holds them.
uint64_t integerBits(const GgufValue& v, const std::string& key)
{
    if (const auto* u = std::get_if<uint64_t>(&v.value))
        return *u;
    if (const auto* i = std::get_if<int64_t>(&v.value))
        return static_cast<uint64_t>(*i);
    invalid("key '" + key + "': " + ggufTypeName(v.type) + " value does not hold an integer");
}

double floatValue(const GgufValue& v, const std::string& key)
{
    if (const auto* d = std::get_if<double>(&v.value))
        return *d;
    invalid("key '" + key + "': " + ggufTypeName(v.type) + " value does not hold a float");
}

void encodeValue(ByteWriter& w, const GgufValue& v, const std::string& key);

void encodeArray(ByteWriter& w, const GgufValue& v, const std::string& key)
{
    const auto* elements = std::get_if<std::vector<GgufValue>>(&v.value);
    if (!elements)
        invalid("key '" + key + "': array value does not hold elements");
    w.put<uint32_t>(static_cast<uint32_t>(v.arrayType));
    w.put<uint64_t>(elements->size());
    for (const auto& e : *elements) {
        if (e.type != v.arrayType)
            invalid("key '" + key + "': " + ggufTypeName(e.type) + " element in an array of "
                    + ggufTypeName(v.arrayType));
        encodeValue(w, e, key);
    }
}

void encodeValue(ByteWriter& w, const GgufValue& v, const std::string& key)
{
    switch (v.type) {
    case GgufType::U8: case GgufType::I8: w.put<uint8_t>(static_cast<uint8_t>(integerBits(v, key))); return;
    case GgufType::U16: case GgufType::I16: w.put<uint16_t>(static_cast<uint16_t>(integerBits(v, key))); return;
    case GgufType::U32: case GgufType::I32: w.put<uint32_t>(static_cast<uint32_t>(integerBits(v, key))); return;
    case GgufType::U64: case GgufType::I64: w.put<uint64_t>(integerBits(v, key)); return;
    case GgufType::F32: w.put<float>(static_cast<float>(floatValue(v, key))); return;
    case GgufType::F64: w.put<double>(floatValue(v, key)); return;
    case GgufType::Bool: {
        const auto* b = std::get_if<bool>(&v.value);
        if (!b)
            invalid("key '" + key + "': bool value does not hold a bool");
        w.put<uint8_t>(*b ? 1 : 0);
        return;
    }
    case GgufType::String: w.string(v.toString()); return;
    case GgufType::Array: encodeArray(w, v, key); return;
    }
    invalid("key '" + key + "': unknown GGUF value type " + std::to_string(uint32_t(v.type)));
}

void checkAlignment(uint64_t alignment)
{
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > UINT32_MAX)
        invalid("GGUF alignment " + std::to_string(alignment) + " is not a power of two that fits in u32");
}

/// The metadata as written: validated, with general.alignment appended when it is needed and missing.
std::vector<KeyValue> effectiveMetadata(const std::vector<KeyValue>& metadata, uint64_t alignment)
{
    std::unordered_set<std::string> keys;
    bool hasAlignment = false;
    for (const auto& kv : metadata) {
        if (!keys.insert(kv.key).second)
            invalid("duplicate metadata key '" + kv.key + "'");
        if (kv.key == gguf::kAlignmentKey) {
            if (kv.value.type != GgufType::U32 || integerBits(kv.value, kv.key) != alignment)
                invalid("general.alignment must be a u32 equal to the alignment " + std::to_string(alignment));
            hasAlignment = true;
        }
    }
    std::vector<KeyValue> out = metadata;
    if (!hasAlignment && alignment != gguf::kDefaultAlignment)
        out.push_back({std::string(gguf::kAlignmentKey), GgufValue::u32(static_cast<uint32_t>(alignment))});
    return out;
}

/// Validates a tensor and returns its data size in bytes.
uint64_t tensorDataBytes(const GgufTensorToWrite& t)
{
    const TensorTypeInfo* info = tensorTypeInfo(t.type);
    const bool foreign = !info && isForeignGgufTypeId(static_cast<uint32_t>(t.type)) && t.foreignBytes;
    if ((!info || !info->isGgml) && !foreign)
        invalid("tensor '" + t.name + "': type " + std::string(tensorTypeName(t.type)) + " cannot be stored in GGUF");
    if (t.name.size() > gguf::kMaxNameBytes)
        invalid("tensor name '" + t.name + "' is longer than 63 bytes");
    if (t.ne.size() > gguf::kMaxDims)
        invalid("tensor '" + t.name + "' has more than 4 dimensions");
    uint64_t elements = 1;
    for (int64_t n : t.ne) {
        if (n < 0)
            invalid("tensor '" + t.name + "' has a negative dimension");
        if (n != 0 && elements > uint64_t(INT64_MAX) / uint64_t(n))
            invalid("tensor '" + t.name + "' element count overflows");
        elements *= uint64_t(n);
    }
    if (foreign)
        return *t.foreignBytes;
    if (!t.ne.empty() && t.ne[0] % info->blockSize != 0)
        invalid("tensor '" + t.name + "' rows are not a multiple of the " + std::string(info->name) + " block size");
    return *tensorBytes(t.type, elements);
}

/// ggml_n_dims: trailing dimensions of size 1 are dropped, at least one is kept.
size_t writtenDims(const std::vector<int64_t>& ne)
{
    size_t n = ne.size();
    while (n > 1 && ne[n - 1] == 1)
        --n;
    return std::max<size_t>(n, 1);
}

std::vector<uint64_t> tensorSizes(const std::vector<GgufTensorToWrite>& tensors)
{
    std::vector<uint64_t> sizes;
    std::unordered_set<std::string> names;
    for (const auto& t : tensors) {
        if (!names.insert(t.name).second)
            invalid("duplicate tensor name '" + t.name + "'");
        sizes.push_back(tensorDataBytes(t));
    }
    return sizes;
}

void reportProgress(const ProgressFn& progress, double fraction)
{
    if (progress && !progress(fraction))
        throw Error(ErrorCode::Cancelled, "GGUF write cancelled");
}

} // namespace

std::vector<std::byte> encodeGgufHeader(const std::vector<KeyValue>& metadata,
                                        const std::vector<GgufTensorToWrite>& tensors, uint64_t alignment)
{
    checkAlignment(alignment);
    const std::vector<KeyValue> kvs = effectiveMetadata(metadata, alignment);
    const std::vector<uint64_t> sizes = tensorSizes(tensors);
    ByteWriter w;
    for (char c : gguf::kMagic)
        w.put<uint8_t>(static_cast<uint8_t>(c));
    w.put<uint32_t>(gguf::kVersion);
    w.put<uint64_t>(tensors.size());
    w.put<uint64_t>(kvs.size());
    for (const auto& kv : kvs) {
        w.string(kv.key);
        w.put<uint32_t>(static_cast<uint32_t>(kv.value.type));
        encodeValue(w, kv.value, kv.key);
    }
    uint64_t offset = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
        const auto& t = tensors[i];
        w.string(t.name);
        const size_t dims = writtenDims(t.ne);
        w.put<uint32_t>(static_cast<uint32_t>(dims));
        for (size_t j = 0; j < dims; ++j)
            w.put<int64_t>(j < t.ne.size() ? t.ne[j] : 1);
        w.put<uint32_t>(static_cast<uint32_t>(t.type));
        w.put<uint64_t>(offset);
        const auto padded = gguf::padTo(sizes[i], alignment);
        if (!padded || *padded > UINT64_MAX - offset)
            invalid("tensor data size overflows 64 bits");
        offset += *padded;
    }
    w.pad(alignment);
    return std::move(w.bytes);
}

uint64_t predictGgufFileSize(const std::vector<KeyValue>& metadata, const std::vector<GgufTensorToWrite>& tensors,
                             uint64_t alignment)
{
    uint64_t total = encodeGgufHeader(metadata, tensors, alignment).size();
    for (uint64_t size : tensorSizes(tensors))
        total += *gguf::padTo(size, alignment);
    return total;
}

void writeGguf(const std::string& path, const std::vector<KeyValue>& metadata,
               const std::vector<GgufTensorToWrite>& tensors, uint64_t alignment, const ProgressFn& progress)
{
    const std::vector<std::byte> header = encodeGgufHeader(metadata, tensors, alignment);
    const std::vector<uint64_t> sizes = tensorSizes(tensors);
    uint64_t total = header.size(), largest = 0;
    for (uint64_t size : sizes) {
        total += *gguf::padTo(size, alignment);
        largest = std::max(largest, size);
    }
    for (const auto& t : tensors)
        if (!t.fill)
            invalid("tensor '" + t.name + "' has no fill function");
    reportProgress(progress, 0.0);
    AtomicFile file(path);
    file.write(header);
    uint64_t written = header.size();
    std::vector<std::byte> buffer(static_cast<size_t>(std::max(largest, alignment)));
    for (size_t i = 0; i < tensors.size(); ++i) {
        const size_t n = static_cast<size_t>(sizes[i]);
        const size_t padded = static_cast<size_t>(*gguf::padTo(sizes[i], alignment));
        std::memset(buffer.data(), 0, n);
        tensors[i].fill(std::span<std::byte>(buffer.data(), n));
        file.write(std::span<const std::byte>(buffer.data(), n));
        std::memset(buffer.data(), 0, padded - n);
        file.write(std::span<const std::byte>(buffer.data(), padded - n));
        written += padded;
        reportProgress(progress, double(written) / double(total));
    }
    file.commit();
}

} // namespace qx
