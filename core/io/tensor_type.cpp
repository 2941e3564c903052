#include "io/tensor_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace qx {
namespace {



bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
    });
}

} // namespace

const TensorTypeInfo* tensorTypeInfo(TensorType type)
{
    for (const auto& info : kTensorTypes)
        if (info.type == type)
            return &info;
    return nullptr;
}

const TensorTypeInfo* ggmlTypeInfo(uint32_t id)
{
    if (id > kMaxForeignTypeId)
        return nullptr;
    const TensorTypeInfo* info = tensorTypeInfo(static_cast<TensorType>(id));
    return info && info->isGgml ? info : nullptr;
}

bool isForeignGgufTypeId(uint32_t id) { return id <= kMaxForeignTypeId && !ggmlTypeInfo(id); }

std::optional<TensorType> tensorTypeFromName(std::string_view name)
{
    for (const auto& info : kTensorTypes)
        if (equalsIgnoreCase(info.name, name))
            return info.type;
    // "type N" names a foreign GGUF type id (as tensorTypeName spells it)
    if (name.size() > 5 && name.substr(0, 5) == "type " && name.size() <= 8) {
        uint32_t id = 0;
        for (const char c : name.substr(5)) {
            if (c < '0' || c > '9')
                return std::nullopt;
            id = id * 10 + uint32_t(c - '0');
        }
        if (isForeignGgufTypeId(id))
            return static_cast<TensorType>(id);
    }
    return std::nullopt;
}

std::string_view tensorTypeName(TensorType type)
{
    if (const TensorTypeInfo* info = tensorTypeInfo(type))
        return info->name;
    static const std::array<std::string, kMaxForeignTypeId + 1> kForeign = [] {
        std::array<std::string, kMaxForeignTypeId + 1> names;
        for (uint32_t id = 0; id <= kMaxForeignTypeId; ++id)
            names[id] = "type " + std::to_string(id);
        return names;
    }();
    const auto id = static_cast<uint32_t>(type);
    return id <= kMaxForeignTypeId ? std::string_view(kForeign[id]) : std::string_view("?");
}

std::optional<uint64_t> tensorBytes(TensorType type, uint64_t elements)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    if (!info || elements % info->blockSize != 0)
        return std::nullopt;
    return elements / info->blockSize * info->typeSize;
}

double bitsPerWeight(TensorType type)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    return info ? 8.0 * info->typeSize / info->blockSize : 0.0;
}

} // namespace qx
