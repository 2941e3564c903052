#include "io/tensor_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace qx {
namespace {

constexpr std::array kTypes = {
    TensorTypeInfo{TensorType::F32, "F32", 1, 4, true, false},
    TensorTypeInfo{TensorType::F16, "F16", 1, 2, true, false},
    TensorTypeInfo{TensorType::Q4_0, "Q4_0", 32, 18, true, true},
    TensorTypeInfo{TensorType::Q4_1, "Q4_1", 32, 20, true, true},
    TensorTypeInfo{TensorType::Q5_0, "Q5_0", 32, 22, true, true},
    TensorTypeInfo{TensorType::Q5_1, "Q5_1", 32, 24, true, true},
    TensorTypeInfo{TensorType::Q8_0, "Q8_0", 32, 34, true, true},
    TensorTypeInfo{TensorType::Q8_1, "Q8_1", 32, 36, true, true},
    TensorTypeInfo{TensorType::Q2_K, "Q2_K", 256, 84, true, true},
    TensorTypeInfo{TensorType::Q3_K, "Q3_K", 256, 110, true, true},
    TensorTypeInfo{TensorType::Q4_K, "Q4_K", 256, 144, true, true},
    TensorTypeInfo{TensorType::Q5_K, "Q5_K", 256, 176, true, true},
    TensorTypeInfo{TensorType::Q6_K, "Q6_K", 256, 210, true, true},
    TensorTypeInfo{TensorType::Q8_K, "Q8_K", 256, 292, true, true},
    TensorTypeInfo{TensorType::IQ2_XXS, "IQ2_XXS", 256, 66, true, true},
    TensorTypeInfo{TensorType::IQ2_XS, "IQ2_XS", 256, 74, true, true},
    TensorTypeInfo{TensorType::IQ3_XXS, "IQ3_XXS", 256, 98, true, true},
    TensorTypeInfo{TensorType::IQ1_S, "IQ1_S", 256, 50, true, true},
    TensorTypeInfo{TensorType::IQ4_NL, "IQ4_NL", 32, 18, true, true},
    TensorTypeInfo{TensorType::IQ3_S, "IQ3_S", 256, 110, true, true},
    TensorTypeInfo{TensorType::IQ2_S, "IQ2_S", 256, 82, true, true},
    TensorTypeInfo{TensorType::IQ4_XS, "IQ4_XS", 256, 136, true, true},
    TensorTypeInfo{TensorType::I8, "I8", 1, 1, true, false},
    TensorTypeInfo{TensorType::I16, "I16", 1, 2, true, false},
    TensorTypeInfo{TensorType::I32, "I32", 1, 4, true, false},
    TensorTypeInfo{TensorType::I64, "I64", 1, 8, true, false},
    TensorTypeInfo{TensorType::F64, "F64", 1, 8, true, false},
    TensorTypeInfo{TensorType::IQ1_M, "IQ1_M", 256, 56, true, true},
    TensorTypeInfo{TensorType::BF16, "BF16", 1, 2, true, false},
    TensorTypeInfo{TensorType::TQ1_0, "TQ1_0", 256, 54, true, true},
    TensorTypeInfo{TensorType::TQ2_0, "TQ2_0", 256, 66, true, true},
    TensorTypeInfo{TensorType::MXFP4, "MXFP4", 32, 17, true, true},
    TensorTypeInfo{TensorType::U8, "U8", 1, 1, false, false},
    TensorTypeInfo{TensorType::Bool, "BOOL", 1, 1, false, false},
    TensorTypeInfo{TensorType::F8_E4M3, "F8_E4M3", 1, 1, false, false},
    TensorTypeInfo{TensorType::F8_E5M2, "F8_E5M2", 1, 1, false, false},
};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
    });
}

} // namespace

const TensorTypeInfo* tensorTypeInfo(TensorType type)
{
    for (const auto& info : kTypes)
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
    for (const auto& info : kTypes)
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
