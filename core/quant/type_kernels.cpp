#include "quant/type_kernels.h"

#include "common/half.h"

#include <cstring>

namespace qx::quant {
namespace {

void rowF16(const float* x, void* dst, int64_t n, const float*)
{
    auto* y = static_cast<uint16_t*>(dst);
    for (int64_t i = 0; i < n; ++i)
        y[i] = fp32ToFp16(x[i]);
}

void rowBF16(const float* x, void* dst, int64_t n, const float*)
{
    auto* y = static_cast<uint16_t*>(dst);
    for (int64_t i = 0; i < n; ++i)
        y[i] = fp32ToBf16(x[i]);
}

void rowF32(const float* x, void* dst, int64_t n, const float*) { std::memcpy(dst, x, static_cast<size_t>(n) * 4); }

using enum ImportanceUse;
using T = TensorType;

constexpr TypeKernels kKernels[] = {
    {T::F32, nullptr, &rowF32, Ignored},
    {T::F16, nullptr, &rowF16, Ignored},
    {T::BF16, nullptr, &rowBF16, Ignored},
    {T::Q4_0, &dequantizeRowQ4_0, &quantizeRowQ4_0Ref, Optional},
    {T::Q4_1, &dequantizeRowQ4_1, &quantizeRowQ4_1Ref, Optional},
    {T::Q5_0, &dequantizeRowQ5_0, &quantizeRowQ5_0Ref, Optional},
    {T::Q5_1, &dequantizeRowQ5_1, &quantizeRowQ5_1Ref, Optional},
    {T::Q8_0, &dequantizeRowQ8_0, &quantizeRowQ8_0Ref, Ignored},
    {T::Q2_K, &dequantizeRowQ2_K, &quantizeRowQ2_KRef, Optional},
    {T::Q3_K, &dequantizeRowQ3_K, &quantizeRowQ3_KRef, Optional},
    {T::Q4_K, &dequantizeRowQ4_K, &quantizeRowQ4_KRef, Optional},
    {T::Q5_K, &dequantizeRowQ5_K, &quantizeRowQ5_KRef, Optional},
    {T::Q6_K, &dequantizeRowQ6_K, &quantizeRowQ6_KRef, Optional},
    {T::IQ4_NL, &dequantizeRowIQ4_NL, &quantizeRowIQ4_NLRef, Optional},
    {T::IQ4_XS, &dequantizeRowIQ4_XS, &quantizeRowIQ4_XSRef, Optional},
    {T::IQ2_XXS, &dequantizeRowIQ2_XXS, &quantizeRowIQ2_XXSRef, Required},
    {T::IQ2_XS, &dequantizeRowIQ2_XS, &quantizeRowIQ2_XSRef, Required},
    {T::IQ2_S, &dequantizeRowIQ2_S, &quantizeRowIQ2_SRef, Optional},
    {T::IQ3_XXS, &dequantizeRowIQ3_XXS, &quantizeRowIQ3_XXSRef, Optional},
    {T::IQ3_S, &dequantizeRowIQ3_S, &quantizeRowIQ3_SRef, Optional},
    {T::IQ1_S, &dequantizeRowIQ1_S, &quantizeRowIQ1_SRef, Required},
    {T::IQ1_M, &dequantizeRowIQ1_M, &quantizeRowIQ1_MRef, Optional},
    {T::TQ1_0, &dequantizeRowTQ1_0, &quantizeRowTQ1_0Ref, Ignored},
    {T::TQ2_0, &dequantizeRowTQ2_0, &quantizeRowTQ2_0Ref, Ignored},
    {T::MXFP4, &dequantizeRowMXFP4, nullptr, Ignored},
    {T::F8_E4M3, &dequantizeRowF8E4M3, nullptr, Ignored},
    {T::F8_E5M2, &dequantizeRowF8E5M2, nullptr, Ignored},
};

} // namespace

const TypeKernels* typeKernels(TensorType type)
{
    for (const TypeKernels& k : kKernels)
        if (k.type == type)
            return &k;
    return nullptr;
}

RowDequantizer blockDequantizer(TensorType type)
{
    const TypeKernels* k = typeKernels(type);
    return k ? k->dequantize : nullptr;
}

} // namespace qx::quant
