#include "quant/packed_tensor.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"
#include "quant/dequantize.h"
#include "quant/kquant_parts.h"
#include "quant/quantize.h"

#include <algorithm>

namespace qx {

namespace {

/// Rows [first, last) of int8 codes with row steps, and their float columns.
void unpackInt8Rows(const PackedTensor& p, int64_t first, int64_t last, std::vector<float>& out)
{
    const auto* codes = reinterpret_cast<const int8_t*>(p.blocks.data());
    const size_t kept = p.floatColumns.size();
    for (int64_t r = first; r < last; ++r) {
        const float step = p.rowSteps[size_t(r)];
        float* row = out.data() + r * p.rowLength;
        for (int64_t j = 0; j < p.rowLength; ++j)
            row[j] = step * static_cast<float>(codes[r * p.rowLength + j]);
        for (size_t k = 0; k < kept; ++k)
            row[p.floatColumns[k]] = p.floatValues[size_t(r) * kept + k];
    }
}

} // namespace

std::vector<float> PackedTensor::unpack() const
{
    std::vector<float> out(static_cast<size_t>(valueCount()));
    const size_t rowBytes = blocks.size() / static_cast<size_t>(rows > 0 ? rows : 1);
    // Threads pay off past ~1 M values (a 7B layer is 45 M); rows are independent.
    const int threads = static_cast<int>(std::min<int64_t>(valueCount() / (int64_t(1) << 20) + 1, resolveThreadCount(0)));
    parallelFor(rows, threads, [&](int64_t first, int64_t last) {
        if (!ggmlBlocks()) {
            unpackInt8Rows(*this, first, last, out);
            return;
        }
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

bool canEncodeOnBlockScales(TensorType type)
{
    const std::optional<uint64_t> bytes = tensorBytes(type, 256);
    if (!bytes)
        return false;
    const std::vector<float> zeros(256, 0.0f);
    std::vector<std::byte> block(*bytes);
    return quant::encodeOnBlockScales(type, zeros, block); // false, block untouched, for other types
}

} // namespace qx
