#include "export/gguf_export.h"

#include "common/error.h"
#include "export/export_parts.h"
#include "export/export_writer.h"
#include "export/hf_convert.h"
#include "export/tensor_filler.h"
#include "io/gguf_format.h"
#include "io/gguf_reader.h"
#include "model/llama_weights.h"
#include "model/tokenizer.h"
#include "plan/presets.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

namespace qx {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kQuantizationVersion = 2;   // GGML_QNT_VERSION
constexpr size_t kMaxStringOverride = 127;     // llama_model_kv_override::val_str holds 128 chars

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
    setKey(kvs, "general.quantization_version", GgufValue::u32(kQuantizationVersion));
    setKey(kvs, "general.file_type", GgufValue::u32(planFileType(model, plan)));
    for (const char* key : {"split.no", "split.count", "split.tensors.count"})
        removeKey(kvs, key);
    for (const KeyValue& kv : options.kvOverrides)
        setKey(kvs, kv.key, kv.value);
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
                   std::span<const uint64_t> checksums)
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
        if (t.nbytes != exportedBytes(*layout.sources[i], w.type) || exportChecksum(t.data) != checksums[i])
            fail("tensor '" + w.name + "' data");
    }
}

/// What llama-quantize refuses, in the order it would meet it: very-low-bit types without importance data,
/// requantizing without permission.
void refuseLikeLlamaQuantize(const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix,
                             const ExportOptions& options)
{
    const uint32_t ftype = planFileType(model, plan);
    std::vector<const TensorInfo*> order = plannedTensors(model);
    if (!options.keepSplit)
        order = llamaQuantizeOrder(order);
    for (const TensorInfo* src : order) {
        const TensorType type = plan.find(src->name)->type;
        if (type == src->type)
            continue;
        if (const auto why = llamaQuantizeRefusal(src->name, type, ftype, exportImportance(imatrix, *src).has_value()))
            throw Error(ErrorCode::InvalidArgument, *why);
        const TensorTypeInfo* stored = tensorTypeInfo(src->type);
        if (!options.allowRequantize && stored && stored->isQuantized)
            throw Error(ErrorCode::InvalidArgument, src->sourceFile, src->fileOffset,
                        "requantizing from type " + std::string(stored->name) + " is disabled (tensor " + src->name
                            + "; --allow-requantize permits it)");
    }
}

uint64_t partSize(const ExportLayout& layout)
{
    std::vector<GgufTensorToWrite> tensors = layout.tensors;
    for (size_t i = 0; i < tensors.size(); ++i)
        if (!tensorTypeInfo(tensors[i].type))
            tensors[i].foreignBytes = exportedBytes(*layout.sources[i], tensors[i].type);
    return predictGgufFileSize(layout.metadata, tensors, layout.alignment);
}

/// Writes one part into a finished (not yet renamed) `writer`; returns its checksums.
std::vector<uint64_t> writePart(const ModelFile& model, const ExportLayout& layout, ExportWriter& writer,
                                TensorFiller& filler, ExportResult& result)
{
    filler.checksums.clear();
    const std::vector<std::byte> header = encodeGgufHeader(layout.metadata, layout.tensors, layout.alignment);
    writer.submitView(header, 0);
    for (size_t i = 0; i < layout.tensors.size(); ++i) {
        const TensorInfo* src = layout.sources[i];
        const TensorType type = layout.tensors[i].type;
        ++(type == src->type ? result.copiedTensors : result.quantizedTensors);
        const uint64_t bytes = exportedBytes(*src, type);
        const uint64_t padded = *gguf::padTo(bytes, layout.alignment);
        filler.write(model, *src, type, size_t(bytes), size_t(padded - bytes), writer);
    }
    writer.finish();
    return filler.checksums;
}

} // namespace

std::optional<ImatrixFile> exportImatrix(const Plan& plan, const ExportOptions& options)
{
    if (plan.imatrixPath.empty())
        return std::nullopt;
    ImatrixFile file = readImatrix(plan.imatrixPath);
    for (const auto& e : file.entries)
        for (float v : e.values)
            if (!std::isfinite(v))
                throw Error(ErrorCode::Invalid, plan.imatrixPath, kNoOffset, "imatrix entry '" + e.name + "' holds a non-finite value");
    const auto matches = [](const std::string& name, const std::vector<std::string>& parts) {
        return std::any_of(parts.begin(), parts.end(), [&](const std::string& p) { return name.find(p) != std::string::npos; });
    };
    std::erase_if(file.entries, [&](const ImatrixEntry& e) {
        return matches(e.name, options.excludeWeights)
               || (!options.includeWeights.empty() && !matches(e.name, options.includeWeights));
    });
    if (file.entries.empty())
        return std::nullopt;   // llama-quantize then quantizes as without an imatrix
    return file;
}

ExportLayout exportLayout(const ModelFile& model, const Plan& plan, const ExportOptions& options,
                          const ImatrixFile* imatrix)
{
    validatePlan(model, plan);
    ExportLayout layout;
    layout.metadata = exportMetadata(model, plan, options, imatrix);
    const bool hasAlignmentKey = model.format == ModelFormat::Gguf && model.findMetadata("general.alignment");
    layout.alignment = hasAlignmentKey ? model.alignment : 32;
    std::vector<const TensorInfo*> order = plannedTensors(model);
    if (options.llamaQuantizeOrder && !options.keepSplit)
        order = llamaQuantizeOrder(order);
    for (const TensorInfo* t : order) {
        layout.tensors.push_back({t->name, t->ne, plan.find(t->name)->type, {}, {}});
        if (!tensorTypeInfo(layout.tensors.back().type))
            layout.tensors.back().foreignBytes = t->nbytes;
        layout.sources.push_back(t);
    }
    return layout;
}

uint64_t predictExportSize(const ModelFile& model, const Plan& plan, const ExportOptions& options)
{
    const auto imatrix = exportImatrix(plan, options);
    const ExportLayout layout = exportLayout(model, plan, options, imatrix ? &*imatrix : nullptr);
    uint64_t total = 0;
    for (const ExportPart& part : exportParts(model, layout, options, "out.gguf"))
        total += partSize(part.layout);
    return total;
}

ExportResult exportGguf(const ModelFile& model, const Plan& plan, const std::string& outPath,
                        const ExportOptions& options, const ProgressFn& progress)
{
    refuseInput(model, outPath);
    checkConvertible(model);
    const auto imatrix = exportImatrix(plan, options);
    const ImatrixFile* imat = imatrix ? &*imatrix : nullptr;
    const ExportLayout layout = exportLayout(model, plan, options, imat);
    const std::vector<ExportPart> parts = exportParts(model, layout, options, outPath);
    uint64_t total = 0, totalElements = 0;
    for (const ExportPart& part : parts) {
        refuseInput(model, part.path);
        total += partSize(part.layout);
    }
    refuseLikeLlamaQuantize(model, plan, imat, options);
    checkFreeSpace(outPath, total);
    for (const TensorInfo* t : layout.sources)
        totalElements += t->elementCount();

    ExportResult result;
    TensorFiller filler(imat, progress, totalElements);
    std::vector<std::unique_ptr<ExportWriter>> writers;
    std::vector<std::vector<uint64_t>> checksums;
    for (const ExportPart& part : parts) {
        writers.push_back(std::make_unique<ExportWriter>(part.path, partSize(part.layout)));
        checksums.push_back(writePart(model, part.layout, *writers.back(), filler, result));
        if (writers.back()->offset() != partSize(part.layout))
            throw Error(ErrorCode::Mismatch, part.path, kNoOffset, "written size differs from the predicted size");
    }
    // Every part is verified under its temporary name; only then do all of them appear together.
    for (size_t i = 0; i < parts.size(); ++i) {
        writers[i]->finish();
        if (options.verify)
            verifyWritten(writers[i]->tempPath(), parts[i].path, parts[i].layout, checksums[i]);
    }
    commitAll(writers);
    for (const ExportPart& part : parts) {
        result.fileBytes += fs::file_size(part.path);
        result.files.push_back(part.path);
    }
    if (progress)
        progress(1.0);
    return result;
}

} // namespace qx
