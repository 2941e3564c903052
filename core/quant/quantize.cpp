// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quantize.h"

#include "common/error.h"
#include "common/parallel_chunks.h"
#include "common/half.h"
#include "quant/block_quantizers.h"
#include "quant/quantize_simd.h"
#include "quant/type_kernels.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace qx {
namespace {

quant::RowQuantizer refQuantizer(TensorType type)
{
    const quant::TypeKernels* k = quant::typeKernels(type);
    return k ? k->quantizeRef : nullptr;
}

} // namespace

namespace detail {

/// Checks the arguments of quantizeRows and returns the number of rows and the bytes per row.
void checkQuantizeArgs(TensorType type, std::span<const float> src, int64_t rowLength, std::span<std::byte> dst,
                       std::span<const float> importance, int64_t& rows, uint64_t& rowBytes)
{
    const std::string name(tensorTypeName(type));
    if (!canQuantize(type))
        throw Error(ErrorCode::Unsupported, "quantizing to " + name + " is not supported");
    if (rowLength <= 0)
        throw Error(ErrorCode::InvalidArgument, "row width " + std::to_string(rowLength) + " is not positive");
    const TensorTypeInfo* info = tensorTypeInfo(type);
    if (rowLength % info->blockSize != 0)
        throw Error(ErrorCode::InvalidArgument, "row width " + std::to_string(rowLength)
                                                    + " is not a multiple of the block size "
                                                    + std::to_string(info->blockSize) + " of " + name);
    if (src.size() % static_cast<size_t>(rowLength) != 0)
        throw Error(ErrorCode::InvalidArgument, "quantizeRows: " + std::to_string(src.size())
                                                    + " values are not whole rows of " + std::to_string(rowLength));
    rows = static_cast<int64_t>(src.size()) / rowLength;
    rowBytes = *tensorBytes(type, static_cast<uint64_t>(rowLength));
    if (dst.size() != rows * rowBytes)
        throw Error(ErrorCode::InvalidArgument, "quantizeRows: destination holds " + std::to_string(dst.size())
                                                    + " bytes, " + std::to_string(rows * rowBytes) + " needed");
    if (!importance.empty() && importance.size() != static_cast<size_t>(rowLength))
        throw Error(ErrorCode::InvalidArgument, "quantizeRows: importance has " + std::to_string(importance.size())
                                                    + " values for rows of " + std::to_string(rowLength));
    if (importance.empty() && quantizeNeedsImportance(type))
        throw Error(ErrorCode::InvalidArgument, name + " needs importance data (an imatrix): ggml cannot quantize "
                                                    + "it without one");
}

/// Quantizes rows [first, last) with the scalar reference kernels.
void quantizeRowRangeRef(TensorType type, const float* src, int64_t rowLength, std::byte* dst, uint64_t rowBytes,
                         const float* importance, int64_t first, int64_t last)
{
    const quant::RowQuantizer fn = refQuantizer(type);
    for (int64_t r = first; r < last; ++r)
        fn(src + r * rowLength, dst + r * rowBytes, rowLength, importance);
}

} // namespace detail

bool canQuantize(TensorType type) { return refQuantizer(type) != nullptr; }

bool quantizeNeedsImportance(TensorType type)
{
    const quant::TypeKernels* k = quant::typeKernels(type);
    return k && k->importance == quant::ImportanceUse::Required;
}

void quantizeRowsRef(TensorType type, std::span<const float> src, int64_t rowLength, std::span<std::byte> dst,
                     std::span<const float> importance)
{
    int64_t rows = 0;
    uint64_t rowBytes = 0;
    detail::checkQuantizeArgs(type, src, rowLength, dst, importance, rows, rowBytes);
    detail::quantizeRowRangeRef(type, src.data(), rowLength, dst.data(), rowBytes,
                                importance.empty() ? nullptr : importance.data(), 0, rows);
}

void quantizeRows(TensorType type, std::span<const float> src, int64_t rowLength, std::span<std::byte> dst,
                  std::span<const float> importance)
{
    int64_t rows = 0;
    uint64_t rowBytes = 0;
    detail::checkQuantizeArgs(type, src, rowLength, dst, importance, rows, rowBytes);
    quant::RowQuantizer fn = quant::simdRowQuantizer(type);
    if (!fn)
        fn = refQuantizer(type);
    const float* qw = importance.empty() ? nullptr : importance.data();
    auto work = [&](int64_t first, int64_t last) {
        for (int64_t r = first; r < last; ++r)
            fn(src.data() + r * rowLength, dst.data() + r * rowBytes, rowLength, qw);
    };
    // Threads only pay off past ~1 M values; rows are independent, so any split gives the same bytes. The
    // rows are handed out in chunks of ~64 K values as threads come free: an i-quant row's cost depends on
    // its values (how many codebook searches it needs), so fixed halves leave one thread waiting.
    const int64_t threads = std::min<int64_t>(rows, static_cast<int64_t>(src.size() >> 20) + 1);
    const int64_t grain = std::max<int64_t>(1, (int64_t(1) << 16) / rowLength);
    runChunks((rows + grain - 1) / grain, static_cast<int>(threads), {}, 0.0,
              1.0, [&](int64_t chunk, int) { work(chunk * grain, std::min(rows, (chunk + 1) * grain)); });
}

} // namespace qx
