#include "export/tensor_filler.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "common/page_release.h"
#include "export/hf_convert.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cstring>

namespace qx {
namespace {

constexpr int64_t kChunkElements = int64_t(1) << 22;

/// Drops `data`'s pages once written (see common/page_release.h), so a large export does not keep the whole
/// source resident.
void releasePages(const ModelFile& model, std::span<const std::byte> data)
{
    releaseMappedPages(model.mappings, data);
}

/// Rows [first, first + count) as F32: a view of the mapping for F32 sources in order (no copy), else
/// decoded into `buffer`.
std::span<const float> sourceRows(const TensorInfo& src, const std::vector<int64_t>& rowMap, int64_t first,
                                  int64_t count, std::vector<float>& buffer)
{
    const int64_t n = src.rowLength();
    const auto* p = reinterpret_cast<const float*>(src.data.data());
    if (src.type == TensorType::F32 && rowMap.empty() && reinterpret_cast<uintptr_t>(p) % alignof(float) == 0
        && src.data.size() >= size_t((first + count) * n) * sizeof(float))
        return {p + first * n, size_t(count * n)};
    buffer.resize(size_t(count * n));
    const std::span<float> buf(buffer);
    if (rowMap.empty())
        dequantizeRows(src, first, count, buf);
    else
        for (int64_t r = 0; r < count; ++r)
            dequantizeRows(src, rowMap[size_t(first + r)], 1, buf.subspan(size_t(r * n), size_t(n)));
    return buf;
}

} // namespace

uint64_t exportChecksum(std::span<const std::byte> bytes)
{
    uint64_t h = 1469598103934665603ull;
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i)
        h = (h ^ uint64_t(bytes[i])) * 1099511628211ull;
    return h;
}

uint64_t exportedBytes(const TensorInfo& src, TensorType type)
{
    if (type == src.type && !tensorTypeInfo(type))
        return src.nbytes;
    const auto bytes = tensorBytes(type, src.elementCount());
    if (!bytes)
        throw Error(ErrorCode::Mismatch, src.sourceFile, src.fileOffset,
                    "tensor '" + src.name + "' cannot be written as " + std::string(tensorTypeName(type)));
    return *bytes;
}

std::optional<std::vector<float>> exportImportance(const ImatrixFile* imatrix, const TensorInfo& src)
{
    if (!imatrix)
        return std::nullopt;
    const ImatrixEntry* e = imatrix->find(src.name);
    if (!e)
        return std::nullopt;
    const int64_t slices = src.ne.size() > 2 ? src.rows() / std::max<int64_t>(src.ne[1], 1) : 1;
    if (src.name == "token_embd.weight" && int64_t(e->values.size()) != src.rowLength() * slices)
        return std::nullopt;
    return imatrixImportanceFor(*imatrix, src.name, src.rowLength() * slices);
}

void TensorFiller::fill(const ModelFile& model, const TensorInfo& src, TensorType type, std::span<std::byte> dst)
{
    const std::vector<int64_t> rowMap = hfRowPermutation(model, src);
    if (type == src.type)
        copyRows(src, rowMap, dst);
    else
        convertRows(src, type, rowMap, dst);
    checksums.push_back(exportChecksum(dst));
}

void TensorFiller::write(const ModelFile& model, const TensorInfo& src, TensorType type, size_t bytes, size_t pad,
                         ExportWriter& writer)
{
    if (type == src.type && src.data.size() == bytes && hfRowPermutation(model, src).empty()) {
        checksums.push_back(exportChecksum(src.data));
        writer.submitView(src.data, pad, [&model, data = src.data] { releasePages(model, data); });
        advance(src.elementCount());
        return;
    }
    std::vector<std::byte> buffer = writer.takeBuffer(bytes);
    fill(model, src, type, buffer);
    releasePages(model, src.data);
    writer.submit(std::move(buffer), pad);
}

void TensorFiller::advance(uint64_t elements)
{
    m_done += elements;
    if (m_progress && !m_progress(std::min(1.0, double(m_done) / double(m_total))))
        throw Error(ErrorCode::Cancelled, "export cancelled");
}

void TensorFiller::copyRows(const TensorInfo& src, const std::vector<int64_t>& rowMap, std::span<std::byte> dst)
{
    if (src.data.size() != dst.size())
        throw Error(ErrorCode::Invalid, src.sourceFile, src.fileOffset, "tensor '" + src.name + "' data size");
    if (rowMap.empty()) {
        std::memcpy(dst.data(), src.data.data(), dst.size());
    } else {
        const size_t rowBytes = dst.size() / rowMap.size();
        for (size_t r = 0; r < rowMap.size(); ++r)
            std::memcpy(dst.data() + r * rowBytes, src.data.data() + size_t(rowMap[r]) * rowBytes, rowBytes);
    }
    advance(src.elementCount());
}

void TensorFiller::convertRows(const TensorInfo& src, TensorType type, const std::vector<int64_t>& rowMap,
                               std::span<std::byte> dst)
{
    const int64_t n = src.rowLength(), rows = src.rows();
    const int64_t slices = src.ne.size() > 2 ? rows / std::max<int64_t>(src.ne[1], 1) : 1;
    const int64_t rowsPerSlice = rows / std::max<int64_t>(slices, 1);
    const auto imp = exportImportance(m_imatrix, src);
    const uint64_t rowBytes = *tensorBytes(type, uint64_t(n));
    const int64_t chunkRows = std::max<int64_t>(1, std::min(rowsPerSlice, kChunkElements / std::max<int64_t>(n, 1)));
    std::vector<float> f32;
    for (int64_t s = 0; s < slices; ++s) {
        const std::span<const float> sliceImp = imp ? std::span<const float>(*imp).subspan(size_t(s * n), size_t(n))
                                                    : std::span<const float>{};
        for (int64_t r0 = 0; r0 < rowsPerSlice; r0 += chunkRows) {
            const int64_t first = s * rowsPerSlice + r0, count = std::min(chunkRows, rowsPerSlice - r0);
            const std::span<const float> rowsF32 = sourceRows(src, rowMap, first, count, f32);
            quantizeRows(type, rowsF32, n, dst.subspan(size_t(first) * rowBytes, size_t(count) * rowBytes), sliceImp);
            advance(uint64_t(count * n));
        }
    }
}

} // namespace qx
