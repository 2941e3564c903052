#pragma once
// The non-GGUF quantization schemes the explorer offers (ggml's block types live in io/tensor_type.h),
// as one constexpr table the UI can list and the tests can loop over. bitsPerWeight is exact for schemes
// whose scales are per block; for per-tensor / per-channel scales (shapeDependent) it is the code width,
// and schemeBitsPerWeight() gives the exact figure for a shape.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace qx {

struct UniformScheme;

enum class SchemeFamily { Integer, Float, NormalFloat, FixedPoint };

enum class SchemeId {
    Int8PerChannel, Int8PerTensor, Int4G128Sym, Int4G128Asym, Int4G32Sym, Int3G128Asym, Int2G64Asym,
    Fp16, Bf16, Fp8E4M3PerTensor, Fp8E4M3PerChannel, Fp8E5M2PerTensor, MxFp4, NvFp4, Nf4, Nf4DoubleQuant,
    FixedQ3_4,
};

struct SchemeInfo {
    SchemeId id;
    std::string_view name;
    SchemeFamily family;
    double bitsPerWeight;
    bool shapeDependent;
};

/// Bits per weight of a per-group integer scheme: b + (scale bits + zero-point bits) / G.
constexpr double groupBitsPerWeight(int bits, int group, int scaleBits, bool asymmetric)
{
    return bits + (scaleBits + (asymmetric ? bits : 0)) / static_cast<double>(group);
}

inline constexpr std::array<SchemeInfo, 17> kSchemeCatalog{{
    {SchemeId::Int8PerChannel, "INT8 per-channel", SchemeFamily::Integer, 8.0, true},
    {SchemeId::Int8PerTensor, "INT8 per-tensor", SchemeFamily::Integer, 8.0, true},
    {SchemeId::Int4G128Sym, "INT4 g128 sym", SchemeFamily::Integer, groupBitsPerWeight(4, 128, 16, false), false},
    {SchemeId::Int4G128Asym, "INT4 g128 asym", SchemeFamily::Integer, groupBitsPerWeight(4, 128, 16, true), false},
    {SchemeId::Int4G32Sym, "INT4 g32 sym", SchemeFamily::Integer, groupBitsPerWeight(4, 32, 16, false), false},
    {SchemeId::Int3G128Asym, "INT3 g128 asym", SchemeFamily::Integer, groupBitsPerWeight(3, 128, 16, true), false},
    {SchemeId::Int2G64Asym, "INT2 g64 asym", SchemeFamily::Integer, groupBitsPerWeight(2, 64, 16, true), false},
    {SchemeId::Fp16, "FP16", SchemeFamily::Float, 16.0, false},
    {SchemeId::Bf16, "BF16", SchemeFamily::Float, 16.0, false},
    {SchemeId::Fp8E4M3PerTensor, "FP8 E4M3 per-tensor", SchemeFamily::Float, 8.0, true},
    {SchemeId::Fp8E4M3PerChannel, "FP8 E4M3 per-channel", SchemeFamily::Float, 8.0, true},
    {SchemeId::Fp8E5M2PerTensor, "FP8 E5M2 per-tensor", SchemeFamily::Float, 8.0, true},
    {SchemeId::MxFp4, "MXFP4 (E2M1, E8M0 / 32)", SchemeFamily::Float, 4.25, false},
    {SchemeId::NvFp4, "NVFP4 (E2M1, E4M3 / 16)", SchemeFamily::Float, 4.5, true},
    {SchemeId::Nf4, "NF4 (absmax / 64)", SchemeFamily::NormalFloat, 4.5, false},
    {SchemeId::Nf4DoubleQuant, "NF4 + double quant", SchemeFamily::NormalFloat, 4.0 + 8.0 / 64 + 32.0 / (64 * 256), true},
    {SchemeId::FixedQ3_4, "Fixed point Q3.4", SchemeFamily::FixedPoint, 8.0, false},
}};

static_assert(groupBitsPerWeight(4, 128, 16, true) == 4.15625);

/// The catalog entry of `id`.
const SchemeInfo& schemeInfo(SchemeId id);
/// The UniformScheme behind an Integer-family id (InvalidArgument for other families).
UniformScheme uniformSchemeOf(SchemeId id);
/// Exact bits per weight of `id` for a rows × rowLength tensor.
double schemeBitsPerWeight(SchemeId id, int64_t rows, int64_t rowLength);
/// Fake-quantizes row-major `in` (rows of rowLength) with scheme `id` into `out`.
void fakeQuantScheme(SchemeId id, std::span<const float> in, std::span<float> out, int64_t rowLength);

} // namespace qx
