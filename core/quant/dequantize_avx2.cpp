// AVX2/F16C decoders, bit-identical to the scalar ones in dequantize_blocks.cpp / common/half.h
// (checked on all 65536 half values by tst_ggml_blocks).
#include "quant/dequantize_blocks.h"

#include "common/half.h"

#include <immintrin.h>

namespace qx::quant::avx2 {

void dequantizeRowF16(const void* src, float* y, int64_t n)
{
    const auto* h = static_cast<const uint16_t*>(src);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i))));
    for (; i < n; ++i)
        y[i] = fp16ToFp32(h[i]);
}

} // namespace qx::quant::avx2
