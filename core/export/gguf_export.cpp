#include "export/gguf_export.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "export/export_writer.h"
#include "export/hf_convert.h"
#include "io/gguf_format.h"
#include "io/gguf_reader.h"
#include "model/llama_weights.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <sys/mman.h>
#include <unistd.h>

namespace qx {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kQuantizationVersion = 2;   // GGML_QNT_VERSION
constexpr size_t kMaxStringOverride = 127;     // llama_model_kv_override::val_str holds 128 chars
constexpr int64_t kChunkElements = int64_t(1) << 22;

void setKey(std::vector<KeyValue>& kvs, const std::string& key, GgufValue value)
{
    kvs.erase(std::remove_if(kvs.begin(), kvs.end(), [&](const KeyValue& kv) { return kv.key == key; }), kvs.end());
    kvs.push_back({key, std::move(value)});
}

void removeKey(std::vector<KeyValue>& kvs, const std::string& key)
{
    kvs.erase(std::remove_if(kvs.begin(), kvs.end(), [&](const KeyValue& kv) { return kv.key == key; }), kvs.end());
}

std::vector<KeyValue> exportMetadata(const ModelFile& model, const Plan& plan, const ExportOptions& options,
                                     const ImatrixFile* imatrix)
{
    std::vector<KeyValue> kvs = model.format == ModelFormat::Gguf ? model.metadata : convertedMetadata(model);
    for (const char* key : {"split.no", "split.count", "split.tensors.count"})
        removeKey(kvs, key);
    setKey(kvs, "general.quantization_version", GgufValue::u32(kQuantizationVersion));
    setKey(kvs, "general.file_type", GgufValue::u32(planFileType(model, plan)));
    if (!imatrix)
        return kvs;
    std::string label = options.imatrixLabel.empty() ? plan.imatrixPath : options.imatrixLabel;
    label.resize(std::min(label.size(), kMaxStringOverride));
    setKey(kvs, "quantize.imatrix.file", GgufValue::string(label));
    if (!imatrix->dataset.empty())
        setKey(kvs, "quantize.imatrix.dataset", GgufValue::string(imatrix->dataset.substr(0, kMaxStringOverride)));
    std::set<std::string> names;
    for (const auto& e : imatrix->entries)
        names.insert(e.name);
    setKey(kvs, "quantize.imatrix.entries_count", GgufValue::i32(static_cast<int32_t>(names.size())));
    if (imatrix->lastChunk > 0)
        setKey(kvs, "quantize.imatrix.chunks_count", GgufValue::i32(imatrix->lastChunk));
    return kvs;
}

/// A fast 64-bit checksum of written tensor data (FNV-style over 8-byte words, then the tail bytes).
uint64_t fnv1a(std::span<const std::byte> bytes)
{
    uint64_t h = 1469598103934665603ull;
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i)
        h = (h ^ uint64_t(bytes[i])) * 1099511628211ull;
    return h;
}

/// Drops `data`'s pages from this process when they belong to one of the model's read-only file mappings
/// (they fault back in from the page cache if read again), so a large export does not keep the whole
/// source resident. Anything else (memory not mapped from a file) is left alone.
void releasePages(const ModelFile& model, std::span<const std::byte> data)
{
    const auto page = uintptr_t(::sysconf(_SC_PAGESIZE));
    for (const auto& m : model.mappings) {
        if (!m || data.empty() || data.data() < m->data() || data.data() + data.size() > m->data() + m->size())
            continue;
        const uintptr_t start = uintptr_t(data.data()) & ~(page - 1);   // mappings start on a page
        const uintptr_t end = (uintptr_t(data.data() + data.size()) + page - 1) & ~(page - 1);
        ::madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED);
        return;
    }
}

/// Streams a tensor into its planned type, reporting progress in elements.
class TensorFiller {
public:
    TensorFiller(const ImatrixFile* imatrix, const ProgressFn& progress, uint64_t totalElements)
        : m_imatrix(imatrix), m_progress(progress), m_total(std::max<uint64_t>(totalElements, 1)) {}

    void fill(const ModelFile& model, const TensorInfo& src, TensorType type, std::span<std::byte> dst)
    {
        const std::vector<int64_t> rowMap = hfRowPermutation(model, src);
        if (type == src.type)
            copyRows(src, rowMap, dst);
        else
            convertRows(src, type, rowMap, dst);
        checksums.push_back(fnv1a(dst));
    }

    /// Produces the tensor into `writer`: bytes that stay as stored straight from the source mapping,
    /// anything else through one of the writer's buffers. The source's pages are released afterwards.
    void write(const ModelFile& model, const TensorInfo& src, TensorType type, size_t bytes, size_t pad,
               ExportWriter& writer)
    {
        if (type == src.type && src.data.size() == bytes && hfRowPermutation(model, src).empty()) {
            checksums.push_back(fnv1a(src.data));
            writer.submitView(src.data, pad, [&model, data = src.data] { releasePages(model, data); });
            advance(src.elementCount());
            return;
        }
        std::vector<std::byte> buffer = writer.takeBuffer(bytes);
        fill(model, src, type, buffer);
        releasePages(model, src.data);
        writer.submit(std::move(buffer), pad);
    }

    std::vector<uint64_t> checksums;

private:
    void advance(uint64_t elements)
    {
        m_done += elements;
        if (m_progress && !m_progress(std::min(1.0, double(m_done) / double(m_total))))
            throw Error(ErrorCode::Cancelled, "export cancelled");
    }

    void copyRows(const TensorInfo& src, const std::vector<int64_t>& rowMap, std::span<std::byte> dst)
    {
        if (src.data.size() != dst.size())
            throw Error(ErrorCode::Invalid, src.sourceFile, src.fileOffset, "tensor '" + src.name + "' data size");
        if (rowMap.empty()) {
            std::memcpy(dst.data(), src.data.data(), dst.size());
        } else {
            const size_t rowBytes = dst.size() / rowMap.size();
            for (size_t r = 0; r < rowMap.size(); ++r)
                std::memcpy(dst.data() + r * rowBytes, src.data.data() + size_t(rowMap[r]) * rowBytes, rowBytes);
        }
        advance(src.elementCount());
    }

    std::optional<std::vector<float>> importance(const TensorInfo& src, int64_t slices) const
    {
        if (!m_imatrix)
            return std::nullopt;
        const ImatrixEntry* e = m_imatrix->find(src.name);
        if (!e)
            return std::nullopt;
        // llama-quantize ignores a token_embd entry of the wrong size and fails on any other
        if (src.name == "token_embd.weight" && int64_t(e->values.size()) != src.rowLength() * slices)
            return std::nullopt;
        return imatrixImportanceFor(*m_imatrix, src.name, src.rowLength() * slices);
    }

    void convertRows(const TensorInfo& src, TensorType type, const std::vector<int64_t>& rowMap,
                     std::span<std::byte> dst)
    {
        const int64_t n = src.rowLength(), rows = src.rows();
        const int64_t slices = src.ne.size() > 2 ? rows / std::max<int64_t>(src.ne[1], 1) : 1;
        const int64_t rowsPerSlice = rows / std::max<int64_t>(slices, 1);
        const auto imp = importance(src, slices);
        const uint64_t rowBytes = *tensorBytes(type, uint64_t(n));
        const int64_t chunkRows = std::max<int64_t>(1, std::min(rowsPerSlice, kChunkElements / std::max<int64_t>(n, 1)));
        std::vector<float> f32;
        for (int64_t s = 0; s < slices; ++s) {
            const std::span<const float> sliceImp = imp ? std::span<const float>(*imp).subspan(size_t(s * n), size_t(n))
                                                        : std::span<const float>{};
            for (int64_t r0 = 0; r0 < rowsPerSlice; r0 += chunkRows) {
                const int64_t first = s * rowsPerSlice + r0, count = std::min(chunkRows, rowsPerSlice - r0);
                const std::span<const float> rows = sourceRows(src, rowMap, first, count, f32);
                quantizeRows(type, rows, n, dst.subspan(size_t(first) * rowBytes, size_t(count) * rowBytes), sliceImp);
                advance(uint64_t(count * n));
            }
        }
    }

    /// Rows [first, first + count) as F32: a view of the mapping for F32 sources in order (no copy),
    /// else decoded into `buffer`.
    static std::span<const float> sourceRows(const TensorInfo& src, const std::vector<int64_t>& rowMap, int64_t first,
                                             int64_t count, std::vector<float>& buffer)
    {
        const int64_t n = src.rowLength();
        const auto* p = reinterpret_cast<const float*>(src.data.data());
        if (src.type == TensorType::F32 && rowMap.empty() && reinterpret_cast<uintptr_t>(p) % alignof(float) == 0
            && src.data.size() >= size_t((first + count) * n) * sizeof(float))
            return {p + first * n, size_t(count * n)};
        buffer.resize(size_t(count * n));
        const std::span<float> buf(buffer);
        if (rowMap.empty())
            dequantizeRows(src, first, count, buf);
        else
            for (int64_t r = 0; r < count; ++r)
                dequantizeRows(src, rowMap[size_t(first + r)], 1, buf.subspan(size_t(r * n), size_t(n)));
        return buf;
    }

    const ImatrixFile* m_imatrix;
    const ProgressFn& m_progress;
    uint64_t m_total, m_done = 0;
};

void refuseInput(const ModelFile& model, const std::string& outPath)
{
    std::error_code ec;
    if (!fs::exists(outPath, ec))
        return;
    std::set<std::string> inputs{model.path};
    for (const auto& t : model.tensors)
        if (!t.sourceFile.empty())
            inputs.insert(t.sourceFile);
    for (const auto& in : inputs)
        if (fs::equivalent(in, outPath, ec))
            throw Error(ErrorCode::InvalidArgument, outPath, kNoOffset, "refusing to overwrite the input model");
}

/// A model converted from another format is checked as ppl checks it, before a byte is written: export must
/// never write (and "verify") a GGUF llama.cpp cannot load. A GGUF source is copied as it is.
void checkConvertible(const ModelFile& model)
{
    if (model.format == ModelFormat::Gguf)
        return;
    const ModelSpec& s = model.spec;
    if (s.headCount > 0 && (s.embeddingLength % s.headCount != 0 || (s.headCountKv > 0 && s.headCount % s.headCountKv != 0)))
        throw Error(ErrorCode::Invalid, model.path, kNoOffset,
                    "impossible head counts: " + std::to_string(s.headCount) + " heads, " + std::to_string(s.headCountKv)
                        + " key/value heads, embedding length " + std::to_string(s.embeddingLength));
    if (LlamaWeights::supportsArchitecture(s.architecture))
        LlamaWeights::checkModel(model);   // every tensor present, in its shape (a transposed one is refused)
    if (model.format == ModelFormat::HfFolder || model.format == ModelFormat::Llama2c)
        openTokenizer(model.path);         // no tokenizer, or one we cannot convert, is an error naming the file
}

void checkFreeSpace(const std::string& outPath, uint64_t needed)
{
    const fs::path dir = fs::absolute(outPath).parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorCode::Io, outPath, kNoOffset, "the directory " + dir.string() + " does not exist");
    const fs::space_info space = fs::space(dir, ec);
    if (!ec && space.available < needed)
        throw Error(ErrorCode::Io, outPath, kNoOffset,
                    "not enough free space: " + std::to_string(needed) + " bytes needed, "
                        + std::to_string(space.available) + " available");
}

/// Re-reads the finished temporary file `written` before it may replace `outPath`.
void verifyWritten(const std::string& written, const std::string& outPath, const ExportLayout& layout,
                   const std::vector<uint64_t>& checksums)
{
    std::shared_ptr<const ModelFile> file;
    try {
        file = openGguf(written);
    } catch (const Error& e) {
        throw Error(ErrorCode::Mismatch, outPath, kNoOffset, std::string("verification after writing failed: ") + e.detail());
    }
    auto fail = [&](const std::string& what) {
        throw Error(ErrorCode::Mismatch, outPath, kNoOffset, "verification after writing failed: " + what);
    };
    if (file->tensors.size() != layout.tensors.size())
        fail("tensor count differs");
    for (size_t i = 0; i < layout.tensors.size(); ++i) {
        const TensorInfo& t = file->tensors[i];
        const GgufTensorToWrite& w = layout.tensors[i];
        std::vector<int64_t> ne = w.ne;
        while (ne.size() > 1 && ne.back() == 1)
            ne.pop_back();
        std::vector<int64_t> got = t.ne;
        while (got.size() > 1 && got.back() == 1)
            got.pop_back();
        if (t.name != w.name || t.type != w.type || got != ne)
            fail("tensor '" + w.name + "' name, type or shape");
        if (t.nbytes != *tensorBytes(w.type, t.elementCount()) || fnv1a(t.data) != checksums[i])
            fail("tensor '" + w.name + "' data");
    }
}

std::optional<ImatrixFile> loadImatrix(const Plan& plan)
{
    if (plan.imatrixPath.empty())
        return std::nullopt;
    ImatrixFile file = readImatrix(plan.imatrixPath);
    for (const auto& e : file.entries)
        for (float v : e.values)
            if (!std::isfinite(v))
                throw Error(ErrorCode::Invalid, plan.imatrixPath, kNoOffset, "imatrix entry '" + e.name + "' holds a non-finite value");
    return file;
}

} // namespace

ExportLayout exportLayout(const ModelFile& model, const Plan& plan, const ExportOptions& options,
                          const ImatrixFile* imatrix)
{
    validatePlan(model, plan);
    ExportLayout layout;
    layout.metadata = exportMetadata(model, plan, options, imatrix);
    const bool hasAlignmentKey = model.format == ModelFormat::Gguf && model.findMetadata("general.alignment");
    layout.alignment = hasAlignmentKey ? model.alignment : 32;
    std::vector<const TensorInfo*> order = plannedTensors(model);
    if (options.llamaQuantizeOrder)
        order = llamaQuantizeOrder(order);
    for (const TensorInfo* t : order) {
        layout.tensors.push_back({t->name, t->ne, plan.find(t->name)->type, {}});
        layout.sources.push_back(t);
    }
    return layout;
}

uint64_t predictExportSize(const ModelFile& model, const Plan& plan, const ExportOptions& options)
{
    const auto imatrix = loadImatrix(plan);
    const ExportLayout layout = exportLayout(model, plan, options, imatrix ? &*imatrix : nullptr);
    return predictGgufFileSize(layout.metadata, layout.tensors, layout.alignment);
}

ExportResult exportGguf(const ModelFile& model, const Plan& plan, const std::string& outPath,
                        const ExportOptions& options, const ProgressFn& progress)
{
    refuseInput(model, outPath);
    checkConvertible(model);
    const auto imatrix = loadImatrix(plan);
    ExportLayout layout = exportLayout(model, plan, options, imatrix ? &*imatrix : nullptr);
    const uint64_t size = predictGgufFileSize(layout.metadata, layout.tensors, layout.alignment);
    checkFreeSpace(outPath, size);

    ExportResult result;
    uint64_t totalElements = 0;
    for (const TensorInfo* t : layout.sources)
        totalElements += t->elementCount();
    TensorFiller filler(imatrix ? &*imatrix : nullptr, progress, totalElements);
    const std::vector<std::byte> header = encodeGgufHeader(layout.metadata, layout.tensors, layout.alignment);
    {
        ExportWriter writer(outPath, size);
        writer.submitView(header, 0);
        for (size_t i = 0; i < layout.tensors.size(); ++i) {
            const TensorInfo* src = layout.sources[i];
            const TensorType type = layout.tensors[i].type;
            ++(type == src->type ? result.copiedTensors : result.quantizedTensors);
            const uint64_t bytes = *tensorBytes(type, src->elementCount());
            const uint64_t padded = *gguf::padTo(bytes, layout.alignment);
            filler.write(model, *src, type, size_t(bytes), size_t(padded - bytes), writer);
        }
        if (writer.offset() != size)
            throw Error(ErrorCode::Mismatch, outPath, kNoOffset, "written size differs from the predicted size");
        writer.finish();
        if (options.verify)
            verifyWritten(writer.tempPath(), outPath, layout, filler.checksums);
        writer.commit();
    }
    result.fileBytes = fs::file_size(outPath);
    if (progress)
        progress(1.0);
    return result;
}

} // namespace qx
