#pragma once
// Every weight format the explorer offers, as one constexpr traits table (ggml's type-traits idea):
// llama.cpp's block types that our quantizers write bit-exactly (exportable to GGUF: floats, legacy,
// K-quants, the i-quants and the ternary TQ types, largest first within a family) followed by the
// textbook integer / float schemes of the scheme catalog (fake-quantized only; the catalog's FP16 and
// BF16 are the GGUF F16 / BF16 entries here).
//
// Units: blockSize is the number of consecutive row values sharing scales (0 = the scales follow the
// tensor or row shape); bytesPerBlock is 0 for non-GGUF schemes; bitsPerWeight includes scales (exact
// for per-block scales, the code width for shape-dependent ones — storedBytes() is always exact).
// fits(rowLength): the row (ggml's ne[0]) is a whole number of blocks. When a K-/IQ-quant does not fit,
// llama-quantize (b4748) falls back to IQ4_NL (Q2_K, Q3_K, IQ4_XS), Q5_0 (Q4_K), Q5_1 (Q5_K),
// Q8_0 (Q6_K), and to F16 when the fallback does not fit either; legacy types have no fallback there.

#include "io/tensor_type.h"
#include "quant/scheme_catalog.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace qx {

enum class FormatFamily { Float, Legacy, KQuant, IQuant, Ternary, Integer, MiniFloat, NormalFloat, FixedPoint };

struct FormatInfo {
    std::string_view name;
    FormatFamily family;
    int blockSize;             ///< values per block (0: scales per tensor/row)
    int bytesPerBlock;         ///< GGUF types only, else 0
    double bitsPerWeight;      ///< incl. scales (see top of file)
    bool ggufExportable;       ///< a GGUF file can hold it: ggufType is meaningful
    TensorType ggufType;       ///< when ggufExportable
    SchemeId scheme;           ///< when !ggufExportable
};

namespace detail {
/// A GGUF type's row: its name, block size and bytes from the type table (io/tensor_type.h).
constexpr FormatInfo gguf(FormatFamily f, TensorType t)
{
    const TensorTypeInfo& row = tensorTypeRow(t);
    const int block = static_cast<int>(row.blockSize), bytes = static_cast<int>(row.typeSize);
    return {row.name, f, block, bytes, 8.0 * bytes / block, true, t, SchemeId::Fp16};
}
constexpr FormatInfo scheme(const SchemeInfo& s, int block)
{
    const FormatFamily f = s.family == SchemeFamily::Integer       ? FormatFamily::Integer
                           : s.family == SchemeFamily::Float       ? FormatFamily::MiniFloat
                           : s.family == SchemeFamily::NormalFloat ? FormatFamily::NormalFloat
                                                                   : FormatFamily::FixedPoint;
    return {s.name, f, block, 0, s.bitsPerWeight, false, TensorType::F32, s.id};
}
} // namespace detail

inline constexpr std::array<FormatInfo, 39> kFormats{{
    detail::gguf(FormatFamily::Float, TensorType::F32),
    detail::gguf(FormatFamily::Float, TensorType::F16),
    detail::gguf(FormatFamily::Float, TensorType::BF16),
    detail::gguf(FormatFamily::Legacy, TensorType::Q8_0),
    detail::gguf(FormatFamily::Legacy, TensorType::Q5_1),
    detail::gguf(FormatFamily::Legacy, TensorType::Q5_0),
    detail::gguf(FormatFamily::Legacy, TensorType::Q4_1),
    detail::gguf(FormatFamily::Legacy, TensorType::Q4_0),
    detail::gguf(FormatFamily::KQuant, TensorType::Q6_K),
    detail::gguf(FormatFamily::KQuant, TensorType::Q5_K),
    detail::gguf(FormatFamily::KQuant, TensorType::Q4_K),
    detail::gguf(FormatFamily::KQuant, TensorType::Q3_K),
    detail::gguf(FormatFamily::KQuant, TensorType::Q2_K),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ4_NL),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ4_XS),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ3_S),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ3_XXS),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ2_S),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ2_XS),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ2_XXS),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ1_M),
    detail::gguf(FormatFamily::IQuant, TensorType::IQ1_S),
    detail::gguf(FormatFamily::Ternary, TensorType::TQ2_0),
    detail::gguf(FormatFamily::Ternary, TensorType::TQ1_0),
    detail::scheme(kSchemeCatalog[0], 0),
    detail::scheme(kSchemeCatalog[1], 0),
    detail::scheme(kSchemeCatalog[2], 128),
    detail::scheme(kSchemeCatalog[3], 128),
    detail::scheme(kSchemeCatalog[4], 32),
    detail::scheme(kSchemeCatalog[5], 128),
    detail::scheme(kSchemeCatalog[6], 64),
    detail::scheme(kSchemeCatalog[9], 0),
    detail::scheme(kSchemeCatalog[10], 0),
    detail::scheme(kSchemeCatalog[11], 0),
    detail::scheme(kSchemeCatalog[12], 32),
    detail::scheme(kSchemeCatalog[13], 16),
    detail::scheme(kSchemeCatalog[14], 64),
    detail::scheme(kSchemeCatalog[15], 64),
    detail::scheme(kSchemeCatalog[16], 1),
}};

static_assert(kFormats[10].bitsPerWeight == 4.5 && kFormats[3].bitsPerWeight == 8.5);

struct FormatFit {
    bool fits = true;
    std::string reason;                     ///< e.g. "row 172 is not a multiple of 32"; empty when it fits
    std::optional<TensorType> fallback;     ///< llama-quantize's substitute type, when it has one
    bool operator==(const FormatFit&) const = default;
};

/// The table entry named `name` (case-insensitive, GGUF spelling for GGUF types), or nullptr.
const FormatInfo* findFormat(std::string_view name);
/// The table entry of GGUF type `type`, or nullptr when the explorer cannot quantize to it.
const FormatInfo* formatOf(TensorType type);
/// Whether rows of `rowLength` values can be stored in `format`, and llama.cpp's fallback when not.
FormatFit fits(const FormatInfo& format, int64_t rowLength);
/// llama-quantize's (b4748) replacement type for `type` on rows of `rowLength` it cannot hold (F16 last).
std::optional<TensorType> llamaFallbackType(TensorType type, int64_t rowLength);
/// Quantize + dequantize row-major `in` (rows of rowLength) into `out`. GGUF types go through the
/// bit-exact quantizers (importance: per-column imatrix weights, or empty); schemes ignore importance.
/// Throws InvalidArgument when the format does not fit (message as FormatFit::reason) or sizes differ, and
/// when a needsImportance format gets none.
void fakeQuant(const FormatInfo& format, std::span<const float> in, int64_t rowLength, std::span<float> out,
               std::span<const float> importance = {});
/// Exact bytes a rows × rowLength tensor occupies in `format` (for GGUF types: the tensor data in a GGUF).
uint64_t storedBytes(const FormatInfo& format, int64_t rows, int64_t rowLength);
/// storedBytes · 8 / values.
double storedBitsPerWeight(const FormatInfo& format, int64_t rows, int64_t rowLength);
/// Display name of a family ("K-quant", ...).
std::string_view formatFamilyName(FormatFamily family);

} // namespace qx
