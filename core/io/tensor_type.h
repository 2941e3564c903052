#pragma once
// Every element type a tensor can be stored in: ggml's types with their GGUF ids (values 0..38, the ids
// written in GGUF files, plus MXFP4 = 39 from a later ggml), and the safetensors-only dtypes that ggml lacks
// (ids from 1000 up). A type packs `blockSize` elements into `typeSize` bytes; plain types have blockSize 1.
//
// A GGUF file may name a type id newer than this table (up to kMaxForeignTypeId). Such a tensor keeps the id
// as its TensorType value: tensorTypeInfo() returns nullptr for it and tensorTypeName() "type N", and its
// values cannot be decoded, but it is listed and its bytes can be carried along.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace qx {

enum class TensorType : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    IQ2_XXS = 16, IQ2_XS = 17, IQ3_XXS = 18, IQ1_S = 19, IQ4_NL = 20, IQ3_S = 21, IQ2_S = 22, IQ4_XS = 23,
    I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, IQ1_M = 29, BF16 = 30, TQ1_0 = 34, TQ2_0 = 35,
    MXFP4 = 39,   // newer than b4748: decoded, never written
    // Not in ggml: safetensors dtypes.
    U8 = 1000, Bool = 1001, F8_E4M3 = 1002, F8_E5M2 = 1003,
};

/// One past the largest ggml type id of llama.cpp b4748 (its GGML_TYPE_COUNT): the types it reads and writes.
constexpr uint32_t kGgmlTypeCount = 39;
/// The largest GGUF type id accepted as "a type newer than ours"; larger ids mark a corrupt file.
constexpr uint32_t kMaxForeignTypeId = 255;

struct TensorTypeInfo {
    TensorType type;
    std::string_view name;   ///< ggml's spelling, e.g. "Q4_K", "F16"; safetensors' for the extras
    uint32_t blockSize;      ///< elements per block
    uint32_t typeSize;       ///< bytes per block
    bool isGgml;             ///< may appear in a GGUF file
    bool isQuantized;        ///< block-quantized (scales inside the blocks)
};

/// The table itself: every type we know, in GGUF id order, then the safetensors extras. Other tables
/// (quant/formats.h, quant/ggml_blocks.h' struct sizes) read their sizes from it.
inline constexpr std::array kTensorTypes = {
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

/// The row of a type of the table, usable in constant expressions (not a constant for other values).
constexpr const TensorTypeInfo& tensorTypeRow(TensorType type)
{
    for (const TensorTypeInfo& info : kTensorTypes)
        if (info.type == type)
            return info;
    throw "tensorTypeRow: not a type of the table";
}

/// Traits of `type`; nullptr for ids that are not a known type (removed ggml ids 4, 5, 31-33, 36-38, and
/// ids newer than this table).
const TensorTypeInfo* tensorTypeInfo(TensorType type);
/// The traits of a raw GGUF type id (a b4748 type or MXFP4), or nullptr when the id is unknown or removed.
const TensorTypeInfo* ggmlTypeInfo(uint32_t id);
/// True for a GGUF type id we do not know but accept (see top): removed ids and ids up to kMaxForeignTypeId.
bool isForeignGgufTypeId(uint32_t id);
/// Looks a type up by name, case-insensitively ("q4_k" -> Q4_K); "type N" gives a foreign GGUF id N.
std::optional<TensorType> tensorTypeFromName(std::string_view name);
/// ggml's spelling ("Q4_K"); "type N" for a foreign GGUF id N; "?" for anything else.
std::string_view tensorTypeName(TensorType type);

/// Bytes that `elements` values of `type` occupy; nullopt when `elements` is not a multiple of the block size.
std::optional<uint64_t> tensorBytes(TensorType type, uint64_t elements);
/// Storage bits per weight including in-block scales (e.g. Q4_K -> 4.5, Q8_0 -> 8.5).
double bitsPerWeight(TensorType type);

} // namespace qx
