#include "io/gguf_split.h"

#include "common/error.h"
#include "io/gguf_model_spec.h"
#include "io/gguf_reader.h"

#include <cstdio>
#include <filesystem>
#include <unordered_set>

namespace qx {
namespace {

std::optional<int64_t> intKey(const ModelFile& model, const char* key)
{
    const GgufValue* v = model.findMetadata(key);
    return v && v->isInteger() ? std::optional<int64_t>(v->toInt()) : std::nullopt;
}

std::string partName(int64_t index, int64_t count)
{
    return "part " + std::to_string(index + 1) + " of " + std::to_string(count);
}

/// Checks that `part` says it is part `index` of `count`.
void checkPart(const ModelFile& part, int64_t index, int64_t count)
{
    const auto no = intKey(part, kSplitNoKey), n = intKey(part, kSplitCountKey);
    if (!no || !n || *n != count || *no != index)
        throw Error(ErrorCode::Mismatch, part.path, kNoOffset,
                    "expected " + partName(index, count) + " of a split model, but its split.no / split.count say "
                        + (no && n ? partName(*no, *n) : std::string("nothing")));
}

/// Opens part `index` (reusing `given`, the part that was opened first).
std::shared_ptr<const ModelFile> openPart(const std::string& prefix, int64_t index, int64_t count,
                                          const std::shared_ptr<const ModelFile>& given, int64_t givenIndex)
{
    if (index == givenIndex)
        return given;
    const std::string path = splitPartPath(prefix, int(index), int(count));
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorCode::Io, path, kNoOffset,
                    partName(index, count) + " of the split model " + given->path + " is missing");
    return openGguf(path);
}

} // namespace

std::string splitPartPath(const std::string& prefix, int index, int count)
{
    char tail[48];
    std::snprintf(tail, sizeof tail, "-%05d-of-%05d.gguf", index + 1, count);
    return prefix + tail;
}

std::optional<std::string> splitPrefix(const std::string& path, int index, int count)
{
    char tail[48];
    std::snprintf(tail, sizeof tail, "-%05d-of-%05d.gguf", index + 1, count);
    const std::string postfix(tail);
    if (path.size() <= postfix.size() || path.compare(path.size() - postfix.size(), postfix.size(), postfix) != 0)
        return std::nullopt;
    return path.substr(0, path.size() - postfix.size());
}

std::shared_ptr<const ModelFile> openGgufModel(const std::string& path)
{
    std::shared_ptr<const ModelFile> given = openGguf(path);
    const int64_t count = intKey(*given, kSplitCountKey).value_or(0);
    if (count <= 1)
        return given;
    const auto index = intKey(*given, kSplitNoKey);
    if (!index || *index < 0 || *index >= count)
        throw Error(ErrorCode::Invalid, path, kNoOffset,
                    "split.count is " + std::to_string(count) + " but split.no is missing or out of range");
    const auto prefix = splitPrefix(path, int(*index), int(count));
    if (!prefix)
        throw Error(ErrorCode::Invalid, path, kNoOffset,
                    "is " + partName(*index, count) + " of a split model, but its name does not end in "
                        + splitPartPath("", int(*index), int(count)) + ", so the other parts cannot be found");
    auto merged = std::make_shared<ModelFile>();
    std::unordered_set<std::string> names;
    for (int64_t i = 0; i < count; ++i) {
        const std::shared_ptr<const ModelFile> part = openPart(*prefix, i, count, given, *index);
        checkPart(*part, i, count);
        if (i == 0) {
            *merged = *part;
            merged->tensors.clear();
            merged->mappings.clear();
        }
        for (const TensorInfo& t : part->tensors) {
            if (!names.insert(t.name).second)
                throw Error(ErrorCode::Invalid, part->path, t.fileOffset,
                            "tensor '" + t.name + "' is also in an earlier part of the split model");
            merged->tensors.push_back(t);
        }
        merged->mappings.insert(merged->mappings.end(), part->mappings.begin(), part->mappings.end());
        merged->splitPaths.push_back(part->path);
    }
    const auto total = intKey(*merged, kSplitTensorsCountKey);
    if (!total || *total != int64_t(merged->tensors.size()))
        throw Error(ErrorCode::Mismatch, merged->path, kNoOffset,
                    "the split model's parts hold " + std::to_string(merged->tensors.size()) + " tensors, but "
                        + "split.tensors.count says " + (total ? std::to_string(*total) : std::string("nothing")));
    merged->spec = ggufModelSpec(merged->metadata, merged->tensors);
    return merged;
}

} // namespace qx
