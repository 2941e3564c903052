#include "io/model_file.h"

#include <numeric>

namespace qx {

uint64_t TensorInfo::elementCount() const
{
    return std::accumulate(ne.begin(), ne.end(), uint64_t{1},
                           [](uint64_t a, int64_t b) { return a * static_cast<uint64_t>(b); });
}

int64_t TensorInfo::rows() const
{
    if (ne.empty())
        return 1;
    return static_cast<int64_t>(elementCount() / static_cast<uint64_t>(ne[0] > 0 ? ne[0] : 1));
}

double TensorInfo::bitsPerWeight() const
{
    const uint64_t n = elementCount();
    return n ? 8.0 * static_cast<double>(nbytes) / static_cast<double>(n) : 0.0;
}

const TensorInfo* ModelFile::findTensor(std::string_view name) const
{
    for (const auto& t : tensors)
        if (t.name == name)
            return &t;
    for (const auto& t : tensors)
        if (t.originalName == name)
            return &t;
    return nullptr;
}

const GgufValue* ModelFile::findMetadata(std::string_view key) const
{
    for (const auto& kv : metadata)
        if (kv.key == key)
            return &kv.value;
    return nullptr;
}

uint64_t ModelFile::totalParameters() const
{
    uint64_t n = 0;
    for (const auto& t : tensors)
        if (t.aliasOf.empty())
            n += t.elementCount();
    return n;
}

uint64_t ModelFile::totalTensorBytes() const
{
    uint64_t n = 0;
    for (const auto& t : tensors)
        if (t.aliasOf.empty())
            n += t.nbytes;
    return n;
}

} // namespace qx
