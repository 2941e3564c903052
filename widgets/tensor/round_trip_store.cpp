#include "tensor/round_trip_store.h"

#include "common/error.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <algorithm>

namespace qx::ui {
namespace {

/// The views' block for rows whose format has none of its own: the whole row when it is short, else the
/// largest power of two up to kMaxBlockLength that divides the row.
int64_t windowLength(int64_t rowLength)
{
    if (rowLength <= RoundTripStore::kMaxBlockLength)
        return std::max<int64_t>(1, rowLength);
    int64_t w = RoundTripStore::kMaxBlockLength;
    while (w > 1 && rowLength % w != 0)
        w /= 2;
    return w;
}

bool reportOk(const ProgressFn& progress, double fraction)
{
    if (progress && !progress(fraction))
        throw Error(ErrorCode::Cancelled, "round trip cancelled");
    return true;
}

bool isNf4(const CandidateFormat& f)
{
    const std::optional<SchemeId> id = f.format.catalogId();
    return id && (*id == SchemeId::Nf4 || *id == SchemeId::Nf4DoubleQuant);
}

} // namespace

std::shared_ptr<const RoundTripStore> RoundTripStore::make(const CandidateFormat& format, std::span<const float> original,
                                                           int64_t rowLength, const ProgressFn& progress,
                                                           std::span<const float> importance)
{
    if (rowLength <= 0 || original.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "round trip: the values are not whole rows");
    std::shared_ptr<RoundTripStore> s(new RoundTripStore);
    s->m_format = format;
    s->m_rowLength = rowLength;
    s->m_rows = static_cast<int64_t>(original.size()) / rowLength;
    s->m_blockLength = windowLength(rowLength);
    if (format.format.isGguf()) {
        const TensorTypeInfo* info = tensorTypeInfo(*format.format.ggufType());
        if (rowLength % info->blockSize != 0)
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset,
                        "row length is not a multiple of the block size of " + format.name());
        if (info->blockSize > 1)
            s->m_blockLength = info->blockSize;
        s->m_rowBytes = *tensorBytes(*format.format.ggufType(), static_cast<uint64_t>(rowLength));
        s->m_packed.resize(s->m_rowBytes * static_cast<uint64_t>(s->m_rows));
        const int64_t chunk = std::max<int64_t>(1, (int64_t(1) << 20) / rowLength);
        for (int64_t first = 0; first < s->m_rows; first += chunk) {
            reportOk(progress, static_cast<double>(first) / static_cast<double>(s->m_rows));
            const int64_t count = std::min(chunk, s->m_rows - first);
            quantizeRows(*format.format.ggufType(), original.subspan(size_t(first * rowLength), size_t(count * rowLength)), rowLength,
                         std::span(s->m_packed).subspan(size_t(first) * s->m_rowBytes, size_t(count) * s->m_rowBytes),
                         importance);
        }
        return s;
    }
    if (const auto uniform = format.format.uniform()) {
        const UniformQuantized q = quantizeUniform(original, rowLength, *uniform, progress);
        s->m_values = std::make_shared<const std::vector<float>>(dequantizeUniform(q));
        s->m_steps = q.steps;
        s->m_zeroPoints = q.zeroPoints;
        s->m_groupLength = q.groupLength;
        if (uniform->granularity == Granularity::PerGroup && q.groupLength <= kMaxBlockLength)
            s->m_blockLength = q.groupLength;
        return s;
    }
    auto values = std::make_shared<std::vector<float>>(original.size());
    fakeQuantChoice(*format.format.scheme(), original, *values, rowLength, progress);
    s->m_values = std::move(values);
    if (isNf4(format) && rowLength % 64 == 0)
        s->m_blockLength = 64;
    return s;
}

void RoundTripStore::readRows(int64_t first, int64_t count, std::span<float> dst) const
{
    if (m_values) {
        const auto from = m_values->begin() + first * m_rowLength;
        std::copy(from, from + count * m_rowLength, dst.begin());
        return;
    }
    for (int64_t r = 0; r < count; ++r)
        dequantizeRow(*m_format.format.ggufType(), std::span(m_packed).subspan(size_t(first + r) * m_rowBytes, m_rowBytes),
                      dst.subspan(size_t(r * m_rowLength), size_t(m_rowLength)));
}

RowSource RoundTripStore::source() const
{
    RowSource s;
    s.rows = m_rows;
    s.rowLength = m_rowLength;
    s.read = [this](int64_t first, int64_t count, std::span<float> dst) { readRows(first, count, dst); };
    if (m_values)
        s.view = [this](int64_t first, int64_t count) {
            return std::span<const float>(*m_values).subspan(size_t(first * m_rowLength), size_t(count * m_rowLength));
        };
    return s;
}

BlockGrid RoundTripStore::grid(int64_t row, int64_t block) const
{
    if (row < 0 || row >= m_rows || block < 0 || block >= blocksPerRow())
        throw Error(ErrorCode::InvalidArgument, "block grid: no such block");
    const int64_t first = row * m_rowLength + block * m_blockLength;
    if (!m_values) {
        const TensorTypeInfo* info = tensorTypeInfo(*m_format.format.ggufType());
        const uint64_t bytes = static_cast<uint64_t>(m_blockLength) / info->blockSize * info->typeSize;
        const uint64_t at = static_cast<uint64_t>(row) * m_rowBytes + static_cast<uint64_t>(block) * bytes;
        return ggufBlockGrid(*m_format.format.ggufType(), std::span(m_packed).subspan(at, bytes));
    }
    const auto decoded = std::span<const float>(*m_values).subspan(size_t(first), size_t(m_blockLength));
    if (const auto uniform = m_format.format.uniform()) {
        const auto group = static_cast<size_t>(first / std::max<int64_t>(1, m_groupLength));
        return uniformBlockGrid(*uniform, m_steps[group], m_zeroPoints.empty() ? 0 : m_zeroPoints[group], decoded);
    }
    if (isNf4(m_format) && m_blockLength == 64)
        return nf4BlockGrid(decoded);
    return valuesBlockGrid(decoded);
}

size_t RoundTripStore::memoryBytes() const
{
    return m_packed.size() + (m_values ? m_values->size() * sizeof(float) : 0) + m_steps.size() * sizeof(float)
           + m_zeroPoints.size() * sizeof(int32_t);
}

} // namespace qx::ui
