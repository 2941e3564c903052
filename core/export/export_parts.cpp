#include "export/export_parts.h"

#include "common/error.h"
#include "export/tensor_filler.h"
#include "io/gguf_format.h"
#include "io/gguf_split.h"

#include <algorithm>

namespace qx {
namespace {

std::string outputPrefix(const std::string& outPath)
{
    const std::string suffix = ".gguf";
    if (outPath.size() > suffix.size() && outPath.compare(outPath.size() - suffix.size(), suffix.size(), suffix) == 0)
        return outPath.substr(0, outPath.size() - suffix.size());
    return outPath;
}

void setKey(std::vector<KeyValue>& kvs, const std::string& key, GgufValue value)
{
    kvs.erase(std::remove_if(kvs.begin(), kvs.end(), [&](const KeyValue& kv) { return kv.key == key; }), kvs.end());
    kvs.push_back({key, std::move(value)});
}

/// Part of each tensor by gguf-split's size rule.
std::vector<int> partsBySize(const ExportLayout& layout, uint64_t maxBytes)
{
    std::vector<int> partOf;
    int part = 0;
    uint64_t current = 0;
    for (size_t i = 0; i < layout.tensors.size(); ++i) {
        const uint64_t bytes = *gguf::padTo(exportedBytes(*layout.sources[i], layout.tensors[i].type), 32);
        if (current > 0 && current + bytes > maxBytes) {
            ++part;
            current = 0;
        }
        current += bytes;
        partOf.push_back(part);
    }
    return partOf;
}

/// Part of each tensor by the split source file it came from.
std::vector<int> partsBySource(const ModelFile& model, const ExportLayout& layout)
{
    std::vector<int> partOf;
    for (const TensorInfo* src : layout.sources) {
        const auto it = std::find(model.splitPaths.begin(), model.splitPaths.end(), src->sourceFile);
        partOf.push_back(it == model.splitPaths.end() ? 0 : int(it - model.splitPaths.begin()));
    }
    return partOf;
}

/// How a part's split.* keys are written: none (a single part of --keep-split), in llama-quantize's order
/// (no, count, tensors.count) or in gguf-split's (no, tensors.count, count: it sets split.count last).
enum class SplitKeys { None, LlamaQuantize, GgufSplit };

std::vector<ExportPart> makeParts(const ExportLayout& layout, const std::vector<int>& partOf, const std::string& prefix,
                                  SplitKeys keys)
{
    const int count = partOf.empty() ? 1 : *std::max_element(partOf.begin(), partOf.end()) + 1;
    if (count > 65535)
        throw Error(ErrorCode::InvalidArgument, prefix, kNoOffset, "a split into more than 65535 parts");
    std::vector<ExportPart> parts(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        ExportPart& p = parts[size_t(i)];
        p.path = splitPartPath(prefix, i, count);
        p.layout.alignment = i == 0 ? layout.alignment : gguf::kDefaultAlignment;
        if (i == 0)
            p.layout.metadata = layout.metadata;
        if (keys == SplitKeys::None)
            continue;
        setKey(p.layout.metadata, kSplitNoKey, GgufValue::u16(uint16_t(i)));
        if (keys == SplitKeys::LlamaQuantize)
            setKey(p.layout.metadata, kSplitCountKey, GgufValue::u16(uint16_t(count)));
        setKey(p.layout.metadata, kSplitTensorsCountKey, GgufValue::i32(int32_t(layout.tensors.size())));
        if (keys == SplitKeys::GgufSplit)
            setKey(p.layout.metadata, kSplitCountKey, GgufValue::u16(uint16_t(count)));
    }
    for (size_t t = 0; t < layout.tensors.size(); ++t) {
        ExportLayout& l = parts[size_t(partOf[t])].layout;
        l.tensors.push_back(layout.tensors[t]);
        l.sources.push_back(layout.sources[t]);
    }
    return parts;
}

} // namespace

std::vector<ExportPart> exportParts(const ModelFile& model, const ExportLayout& layout, const ExportOptions& options,
                                    const std::string& outPath)
{
    if (options.splitMaxBytes > 0 && options.keepSplit)
        throw Error(ErrorCode::InvalidArgument, "use either --split-max-size or --keep-split, not both");
    const std::string prefix = outputPrefix(outPath);
    if (options.splitMaxBytes > 0)
        return makeParts(layout, partsBySize(layout, options.splitMaxBytes), prefix, SplitKeys::GgufSplit);
    if (options.keepSplit) {
        return makeParts(layout, partsBySource(model, layout), prefix,
                         model.splitPaths.size() > 1 ? SplitKeys::LlamaQuantize : SplitKeys::None);
    }
    return {ExportPart{outPath, layout}};
}

} // namespace qx
