#pragma once
// The expected values of the views' round trips, computed through the core's scalar reference quantizer
// and dequantizer row by row (independent of the threaded and SIMD paths the views use).

#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <cstddef>
#include <span>
#include <vector>

namespace qx::test {

/// quantize → dequantize of row-major `values` (rows of rowLength) in GGUF type `type`.
inline std::vector<float> coreRoundTrip(TensorType type, const std::vector<float>& values, int64_t rowLength)
{
    const uint64_t rowBytes = *tensorBytes(type, static_cast<uint64_t>(rowLength));
    const int64_t rows = static_cast<int64_t>(values.size()) / rowLength;
    std::vector<std::byte> packed(rowBytes * rows);
    quantizeRowsRef(type, values, rowLength, packed);
    std::vector<float> out(values.size());
    for (int64_t r = 0; r < rows; ++r)
        dequantizeRowRef(type, std::span<const std::byte>(packed).subspan(r * rowBytes, rowBytes),
                         std::span<float>(out).subspan(r * rowLength, rowLength));
    return out;
}

} // namespace qx::test
