#include "io/gguf_value.h"

#include "common/error.h"

namespace qx {

bool GgufValue::isInteger() const
{
    switch (type) {
    case GgufType::U8: case GgufType::I8: case GgufType::U16: case GgufType::I16:
    case GgufType::U32: case GgufType::I32: case GgufType::U64: case GgufType::I64:
        return true;
    default:
        return false;
    }
}

int64_t GgufValue::toInt() const
{
    if (const auto* u = std::get_if<uint64_t>(&value))
        return static_cast<int64_t>(*u);
    if (const auto* i = std::get_if<int64_t>(&value))
        return *i;
    if (const auto* d = std::get_if<double>(&value))
        return static_cast<int64_t>(*d);
    throw Error(ErrorCode::Mismatch, std::string("GGUF value of type ") + ggufTypeName(type) + " is not a number");
}

double GgufValue::toDouble() const
{
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    return static_cast<double>(toInt());
}

const std::string& GgufValue::toString() const
{
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    throw Error(ErrorCode::Mismatch, std::string("GGUF value of type ") + ggufTypeName(type) + " is not a string");
}

const std::vector<GgufValue>& GgufValue::elements() const
{
    if (const auto* a = std::get_if<std::vector<GgufValue>>(&value))
        return *a;
    throw Error(ErrorCode::Mismatch, std::string("GGUF value of type ") + ggufTypeName(type) + " is not an array");
}

const char* ggufTypeName(GgufType type)
{
    switch (type) {
    case GgufType::U8: return "u8";
    case GgufType::I8: return "i8";
    case GgufType::U16: return "u16";
    case GgufType::I16: return "i16";
    case GgufType::U32: return "u32";
    case GgufType::I32: return "i32";
    case GgufType::F32: return "f32";
    case GgufType::Bool: return "bool";
    case GgufType::String: return "str";
    case GgufType::Array: return "arr";
    case GgufType::U64: return "u64";
    case GgufType::I64: return "i64";
    case GgufType::F64: return "f64";
    }
    return "?";
}

} // namespace qx
