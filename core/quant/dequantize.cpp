#include "quant/dequantize.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/dequantize_blocks.h"

#include <cstring>
#include <string>

namespace qx {
namespace {

template <typename T>
void convertPlain(std::span<const std::byte> src, std::span<float> dst)
{
    for (size_t i = 0; i < dst.size(); ++i) {
        T v;
        std::memcpy(&v, src.data() + i * sizeof(T), sizeof(T));
        dst[i] = static_cast<float>(v);
    }
}

void convertHalf(std::span<const std::byte> src, std::span<float> dst, float (*decode)(uint16_t))
{
    for (size_t i = 0; i < dst.size(); ++i) {
        uint16_t v;
        std::memcpy(&v, src.data() + 2 * i, 2);
        dst[i] = decode(v);
    }
}

} // namespace

bool canDequantize(TensorType type)
{
    switch (type) {
    case TensorType::F32: case TensorType::F16: case TensorType::BF16: case TensorType::F64:
    case TensorType::I8: case TensorType::I16: case TensorType::I32: case TensorType::I64:
    case TensorType::U8: case TensorType::Bool:
        return true;
    default:
        return quant::blockDequantizer(type) != nullptr;
    }
}

std::string undecodableReason(TensorType type)
{
    if (isForeignGgufTypeId(static_cast<uint32_t>(type)))
        return std::string(tensorTypeName(type)) + ", not decodable (a type newer than this program)";
    return "values of type " + std::string(tensorTypeName(type)) + " are not decodable yet";
}

namespace {

/// Refuses types we cannot decode (naming them) and spans whose sizes do not match.
void checkRowSize(TensorType type, std::span<const std::byte> src, std::span<float> dst)
{
    if (!canDequantize(type))
        throw Error(ErrorCode::Unsupported,
                    undecodableReason(type));
    const auto bytes = tensorBytes(type, dst.size());
    if (!bytes || *bytes != src.size())
        throw Error(ErrorCode::InvalidArgument, "dequantizeRow: " + std::to_string(src.size()) + " bytes do not hold "
                                                    + std::to_string(dst.size()) + " values of "
                                                    + std::string(tensorTypeName(type)));
}

} // namespace

void dequantizeRow(TensorType type, std::span<const std::byte> src, std::span<float> dst)
{
    checkRowSize(type, src, dst);
    if (const auto fast = quant::simdRowDequantizer(type)) {
        fast(src.data(), dst.data(), static_cast<int64_t>(dst.size()));
        return;
    }
    dequantizeRowRef(type, src, dst);
}

void dequantizeRowRef(TensorType type, std::span<const std::byte> src, std::span<float> dst)
{
    checkRowSize(type, src, dst);
    switch (type) {
    case TensorType::F32: std::memcpy(dst.data(), src.data(), src.size()); return;
    case TensorType::F16: convertHalf(src, dst, &fp16ToFp32); return;
    case TensorType::BF16: convertHalf(src, dst, &bf16ToFp32); return;
    case TensorType::F64: convertPlain<double>(src, dst); return;
    case TensorType::I8: convertPlain<int8_t>(src, dst); return;
    case TensorType::I16: convertPlain<int16_t>(src, dst); return;
    case TensorType::I32: convertPlain<int32_t>(src, dst); return;
    case TensorType::I64: convertPlain<int64_t>(src, dst); return;
    case TensorType::U8: convertPlain<uint8_t>(src, dst); return;
    case TensorType::Bool: convertPlain<uint8_t>(src, dst); return;
    default:
        if (const auto fn = quant::blockDequantizer(type)) {
            fn(src.data(), dst.data(), static_cast<int64_t>(dst.size()));
            return;
        }
        throw Error(ErrorCode::Unsupported,
                    undecodableReason(type));
    }
}

void dequantizeRows(const TensorInfo& tensor, int64_t firstRow, int64_t rowCount, std::span<float> dst)
{
    const int64_t rowLength = tensor.rowLength();
    if (firstRow < 0 || rowCount < 0 || firstRow + rowCount > tensor.rows()
        || dst.size() != static_cast<size_t>(rowCount * rowLength))
        throw Error(ErrorCode::InvalidArgument, "dequantizeRows: rows out of range for tensor " + tensor.name);
    if (!canDequantize(tensor.type))
        throw Error(ErrorCode::Unsupported, tensor.sourceFile, tensor.fileOffset,
                    "tensor " + tensor.name + ": " + undecodableReason(tensor.type));
    const uint64_t rowBytes = tensorBytes(tensor.type, static_cast<uint64_t>(rowLength)).value_or(0);
    if (static_cast<uint64_t>(firstRow + rowCount) * rowBytes > tensor.data.size())
        throw Error(ErrorCode::InvalidArgument, tensor.sourceFile, tensor.fileOffset,
                    "tensor " + tensor.name + " has " + std::to_string(tensor.data.size())
                        + " bytes of data, fewer than its shape and type need");
    const auto src = tensor.data.subspan(static_cast<size_t>(firstRow) * rowBytes, static_cast<size_t>(rowCount) * rowBytes);
    dequantizeRow(tensor.type, src, dst);
}

std::vector<float> dequantizeTensor(const TensorInfo& tensor)
{
    std::vector<float> out(tensor.elementCount());
    dequantizeRows(tensor, 0, tensor.rows(), out);
    return out;
}

} // namespace qx
