#include "quant/formats.h"

#include "common/error.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "quant/uniform_quant.h"

#include <cctype>
#include <cmath>
#include <cstddef>
#include <vector>

namespace qx {
namespace {

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string notMultiple(int64_t rowLength, int block)
{
    return "row " + std::to_string(rowLength) + " is not a multiple of " + std::to_string(block);
}

/// The switch in llama-quant.cpp's tensor-type selection (convert_incompatible_tensor).
std::optional<TensorType> firstFallback(TensorType type)
{
    switch (type) {
    case TensorType::TQ1_0:
    case TensorType::TQ2_0: return TensorType::Q4_0;
    case TensorType::IQ2_XXS:
    case TensorType::IQ2_XS:
    case TensorType::IQ2_S:
    case TensorType::IQ3_XXS:
    case TensorType::IQ3_S:
    case TensorType::IQ1_S:
    case TensorType::IQ1_M:
    case TensorType::Q2_K:
    case TensorType::Q3_K:
    case TensorType::IQ4_XS: return TensorType::IQ4_NL;
    case TensorType::Q4_K: return TensorType::Q5_0;
    case TensorType::Q5_K: return TensorType::Q5_1;
    case TensorType::Q6_K: return TensorType::Q8_0;
    default: return std::nullopt;
    }
}

} // namespace

const FormatInfo* findFormat(std::string_view name)
{
    for (const auto& f : kFormats)
        if (equalsNoCase(f.name, name))
            return &f;
    return nullptr;
}

const FormatInfo* formatOf(TensorType type)
{
    for (const auto& f : kFormats)
        if (f.ggufExportable && f.ggufType == type)
            return &f;
    return nullptr;
}

std::optional<TensorType> llamaFallbackType(TensorType type, int64_t rowLength)
{
    const std::optional<TensorType> next = firstFallback(type);
    if (!next)
        return std::nullopt;
    const TensorTypeInfo* info = tensorTypeInfo(*next);
    if (rowLength % static_cast<int64_t>(info->blockSize) != 0)
        return TensorType::F16;
    return next;
}

FormatFit fits(const FormatInfo& format, int64_t rowLength)
{
    FormatFit fit;
    if (rowLength <= 0) {
        fit.fits = false;
        fit.reason = "row " + std::to_string(rowLength) + " is empty";
        return fit;
    }
    if (format.blockSize <= 1 || rowLength % format.blockSize == 0)
        return fit;
    fit.fits = false;
    fit.reason = notMultiple(rowLength, format.blockSize);
    if (format.ggufExportable)
        fit.fallback = llamaFallbackType(format.ggufType, rowLength);
    return fit;
}

void fakeQuant(const FormatInfo& format, std::span<const float> in, int64_t rowLength, std::span<float> out,
               std::span<const float> importance)
{
    if (in.size() != out.size() || rowLength <= 0 || in.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "fakeQuant: input and output are not whole rows of equal size");
    const FormatFit fit = fits(format, rowLength);
    if (!fit.fits)
        throw Error(ErrorCode::InvalidArgument, fit.reason);
    if (!format.ggufExportable) {
        fakeQuantScheme(format.scheme, in, out, rowLength);
        return;
    }
    const auto rows = static_cast<int64_t>(in.size()) / rowLength;
    const uint64_t rowBytes = *tensorBytes(format.ggufType, static_cast<uint64_t>(rowLength));
    std::vector<std::byte> blocks(rowBytes * static_cast<uint64_t>(rows));
    quantizeRows(format.ggufType, in, rowLength, blocks, importance);
    for (int64_t r = 0; r < rows; ++r) {
        const auto rowOffset = static_cast<size_t>(r * rowLength);
        dequantizeRow(format.ggufType, std::span<const std::byte>(blocks).subspan(r * rowBytes, rowBytes),
                      out.subspan(rowOffset, static_cast<size_t>(rowLength)));
    }
}

uint64_t storedBytes(const FormatInfo& format, int64_t rows, int64_t rowLength)
{
    if (rows < 0 || rowLength < 0)
        throw Error(ErrorCode::InvalidArgument, "storedBytes: negative shape");
    const auto values = static_cast<uint64_t>(rows) * static_cast<uint64_t>(rowLength);
    if (format.ggufExportable) {
        const std::optional<uint64_t> bytes = tensorBytes(format.ggufType, values);
        if (!bytes || !fits(format, rowLength).fits)
            throw Error(ErrorCode::InvalidArgument, notMultiple(rowLength, format.blockSize));
        return *bytes;
    }
    if (schemeInfo(format.scheme).family == SchemeFamily::Integer)
        return uniformStorageBytes(uniformSchemeOf(format.scheme), rows, rowLength);
    const double bits = schemeBitsPerWeight(format.scheme, rows, rowLength) * static_cast<double>(values);
    return static_cast<uint64_t>(std::ceil(bits / 8.0 - 1e-9));
}

double storedBitsPerWeight(const FormatInfo& format, int64_t rows, int64_t rowLength)
{
    const auto values = static_cast<double>(rows) * static_cast<double>(rowLength);
    return values > 0 ? static_cast<double>(storedBytes(format, rows, rowLength)) * 8.0 / values : 0.0;
}

std::string_view formatFamilyName(FormatFamily family)
{
    switch (family) {
    case FormatFamily::Float: return "float";
    case FormatFamily::Legacy: return "legacy";
    case FormatFamily::KQuant: return "K-quant";
    case FormatFamily::IQuant: return "I-quant";
    case FormatFamily::Ternary: return "ternary";
    case FormatFamily::Integer: return "integer";
    case FormatFamily::MiniFloat: return "minifloat";
    case FormatFamily::NormalFloat: return "normal float";
    case FormatFamily::FixedPoint: return "fixed point";
    }
    return "?";
}

} // namespace qx
