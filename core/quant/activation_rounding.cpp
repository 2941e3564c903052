// Activation rounding as ggml-cpu's matmul does it; the arithmetic must not be contracted to FMAs.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/activation_rounding.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/quant_search.h"

#include <algorithm>
#include <cmath>

namespace qx {
namespace {

/// ggml-cpu's AVX2 quantize_row_q8_0 / q8_1, then dequantized.
void roundQ8_0Block(float* x)
{
    float amax = 0.0f;
    for (int j = 0; j < 32; ++j)
        amax = std::max(amax, std::fabs(x[j]));
    const float d = fp16ToFp32(fp32ToFp16(amax / 127.f));
    const float id = amax != 0.0f ? 127.f / amax : 0.0f;
    for (int j = 0; j < 32; ++j)
        x[j] = d * std::nearbyint(x[j] * id);   // default rounding mode: to nearest even, as _mm256_round_ps
}

/// quantize_row_q8_K_ref, then dequantized.
void roundQ8_KBlock(float* x)
{
    float max = 0.0f, amax = 0.0f;
    for (int j = 0; j < 256; ++j) {
        const float ax = std::fabs(x[j]);
        if (ax > amax) {
            amax = ax;
            max = x[j];
        }
    }
    if (amax == 0.0f) {
        std::fill(x, x + 256, 0.0f);
        return;
    }
    const float iscale = -127.f / max;
    const float d = 1.0f / iscale;
    for (int j = 0; j < 256; ++j)
        x[j] = d * static_cast<float>(std::min(127, quant::nearestInt(iscale * x[j])));
}

} // namespace

TensorType vecDotType(TensorType weightType)
{
    switch (weightType) {
    case TensorType::F16: return TensorType::F16;
    case TensorType::BF16: return TensorType::BF16;
    case TensorType::Q4_0:
    case TensorType::Q5_0:
    case TensorType::Q8_0:
    case TensorType::IQ4_NL: return TensorType::Q8_0;
    case TensorType::Q4_1:
    case TensorType::Q5_1: return TensorType::Q8_1;
    case TensorType::Q2_K:
    case TensorType::Q3_K:
    case TensorType::Q4_K:
    case TensorType::Q5_K:
    case TensorType::Q6_K:
    case TensorType::IQ4_XS: return TensorType::Q8_K;
    default: return TensorType::F32;
    }
}

void roundActivations(TensorType dotType, std::span<float> rows, int64_t cols)
{
    if (dotType == TensorType::F32)
        return;
    if (dotType == TensorType::F16 || dotType == TensorType::BF16) {
        for (float& x : rows)
            x = dotType == TensorType::F16 ? roundToFp16(x) : bf16ToFp32(fp32ToBf16(x));
        return;
    }
    const int64_t block = dotType == TensorType::Q8_K ? 256 : 32;
    if (dotType != TensorType::Q8_0 && dotType != TensorType::Q8_1 && dotType != TensorType::Q8_K)
        throw Error(ErrorCode::InvalidArgument, "roundActivations: not a vec_dot_type");
    if (cols <= 0 || cols % block != 0 || rows.size() % static_cast<size_t>(cols) != 0)
        throw Error(ErrorCode::InvalidArgument, "roundActivations: rows are not whole blocks");
    for (size_t b = 0; b < rows.size(); b += static_cast<size_t>(block)) {
        if (block == 256)
            roundQ8_KBlock(rows.data() + b);
        else
            roundQ8_0Block(rows.data() + b);
    }
}

} // namespace qx
