#include "quant/packed_tensor.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"
#include "quant/dequantize.h"
#include "quant/kquant_parts.h"
#include "quant/quantize.h"

#include <algorithm>

namespace qx {

std::vector<float> PackedTensor::unpack() const
{
    std::vector<float> out(static_cast<size_t>(valueCount()));
    const size_t rowBytes = blocks.size() / static_cast<size_t>(rows > 0 ? rows : 1);
    // Threads pay off past ~1 M values (a 7B layer is 45 M); rows are independent.
    const int threads = static_cast<int>(std::min<int64_t>(valueCount() / (int64_t(1) << 20) + 1, resolveThreadCount(0)));
    parallelFor(rows, threads, [&](int64_t first, int64_t last) {
        for (int64_t r = first; r < last; ++r)
            dequantizeRow(type, std::span(blocks).subspan(size_t(r) * rowBytes, rowBytes),
                          std::span(out).subspan(size_t(r * rowLength), size_t(rowLength)));
    });
    return out;
}

PackedTensor packRows(TensorType type, std::span<const float> values, int64_t rowLength)
{
    if (rowLength <= 0 || values.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "packRows: the values are not whole rows");
    const std::optional<uint64_t> rowBytes = tensorBytes(type, static_cast<uint64_t>(rowLength));
    if (!rowBytes)
        throw Error(ErrorCode::InvalidArgument, "packRows: a row of " + std::to_string(rowLength) + " values is not whole "
                                                    + std::string(tensorTypeName(type)) + " blocks");
    PackedTensor p;
    p.type = type;
    p.rowLength = rowLength;
    p.rows = static_cast<int64_t>(values.size()) / rowLength;
    p.blocks.resize(static_cast<size_t>(*rowBytes) * static_cast<size_t>(p.rows));
    quantizeRows(type, values, rowLength, p.blocks);
    return p;
}

std::optional<PackedTensor> packExactly(TensorType type, std::span<const float> values, int64_t rowLength)
{
    if (rowLength <= 0 || values.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "packExactly: the values are not whole rows");
    if (!tensorBytes(type, static_cast<uint64_t>(rowLength)) || !canQuantize(type) || !canDequantize(type)
        || quantizeNeedsImportance(type))
        return std::nullopt;
    PackedTensor p = packRows(type, values, rowLength);
    const std::vector<float> back = p.unpack();
    if (!std::equal(back.begin(), back.end(), values.begin())) // −0 and +0 alike: (q − 8)·d is −0 for d < 0
        return std::nullopt;
    return p;
}

bool encodeOnBlockScales(TensorType type, std::span<const float> values, std::span<std::byte> block)
{
    const std::optional<uint64_t> bytes = tensorBytes(type, 256);
    if (values.size() != 256 || !bytes || block.size() != *bytes)
        throw Error(ErrorCode::InvalidArgument, "encodeOnBlockScales: one block of 256 values is needed");
    return quant::encodeOnBlockScales(type, values, block);
}

} // namespace qx
