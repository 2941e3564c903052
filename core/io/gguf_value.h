#pragma once
// A GGUF metadata value. Integers and floats are held widened but keep their GGUF type, so a value read
// from a file is written back with the same type. Arrays hold their element type and the elements
// (which may themselves be arrays: GGUF allows nesting).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace qx {

enum class GgufType : uint32_t {
    U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, Bool = 7, String = 8, Array = 9,
    U64 = 10, I64 = 11, F64 = 12,
};
constexpr uint32_t kGgufTypeCount = 13;

struct GgufValue {
    GgufType type = GgufType::U32;
    GgufType arrayType = GgufType::U32;  ///< element type when type == Array
    std::variant<uint64_t, int64_t, double, bool, std::string, std::vector<GgufValue>> value;

    bool isArray() const { return type == GgufType::Array; }
    bool isString() const { return type == GgufType::String; }
    bool isInteger() const;
    bool isFloat() const { return type == GgufType::F32 || type == GgufType::F64; }

    /// Numeric value as int64/double (throws qx::Error(Mismatch) for strings, arrays and bools).
    int64_t toInt() const;
    double toDouble() const;
    const std::string& toString() const;                   ///< throws unless a string
    const std::vector<GgufValue>& elements() const;        ///< throws unless an array

    static GgufValue u16(uint16_t v) { return {GgufType::U16, GgufType::U32, uint64_t(v)}; }
    static GgufValue u32(uint32_t v) { return {GgufType::U32, GgufType::U32, uint64_t(v)}; }
    static GgufValue i32(int32_t v) { return {GgufType::I32, GgufType::U32, int64_t(v)}; }
    static GgufValue u64(uint64_t v) { return {GgufType::U64, GgufType::U32, v}; }
    static GgufValue f32(float v) { return {GgufType::F32, GgufType::U32, double(v)}; }
    static GgufValue f64(double v) { return {GgufType::F64, GgufType::U32, v}; }
    static GgufValue boolean(bool v) { return {GgufType::Bool, GgufType::U32, v}; }
    static GgufValue string(std::string v) { return {GgufType::String, GgufType::U32, std::move(v)}; }
    static GgufValue array(GgufType elementType, std::vector<GgufValue> v)
    {
        return {GgufType::Array, elementType, std::move(v)};
    }

    bool operator==(const GgufValue&) const = default;
};

struct KeyValue {
    std::string key;
    GgufValue value;
    bool operator==(const KeyValue&) const = default;
};

const char* ggufTypeName(GgufType type);

} // namespace qx
