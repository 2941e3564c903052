#include "quant/type_kernels.h"

#include "common/half.h"
#include "quant/quantize_simd.h"

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

// The AVX2 twins exist on x86 only (files *_avx2.cpp); elsewhere the scalar kernels run.
#if defined(__x86_64__) || defined(__i386__)
#define QX_AVX2(kernel) &avx2::kernel
#else
#define QX_AVX2(kernel) nullptr
#endif

constexpr TypeKernels kKernels[] = {
    {T::F32, nullptr, &rowF32, Ignored},
    {T::F16, nullptr, &rowF16, Ignored, QX_AVX2(quantizeRowF16), QX_AVX2(dequantizeRowF16)},
    {T::BF16, nullptr, &rowBF16, Ignored},
    {T::Q4_0, &dequantizeRowQ4_0, &quantizeRowQ4_0Ref, Optional, QX_AVX2(quantizeRowQ4_0)},
    {T::Q4_1, &dequantizeRowQ4_1, &quantizeRowQ4_1Ref, Optional, QX_AVX2(quantizeRowQ4_1)},
    {T::Q5_0, &dequantizeRowQ5_0, &quantizeRowQ5_0Ref, Optional, QX_AVX2(quantizeRowQ5_0)},
    {T::Q5_1, &dequantizeRowQ5_1, &quantizeRowQ5_1Ref, Optional, QX_AVX2(quantizeRowQ5_1)},
    {T::Q8_0, &dequantizeRowQ8_0, &quantizeRowQ8_0Ref, Ignored, QX_AVX2(quantizeRowQ8_0)},
    {T::Q2_K, &dequantizeRowQ2_K, &quantizeRowQ2_KRef, Optional, QX_AVX2(quantizeRowQ2_K)},
    {T::Q3_K, &dequantizeRowQ3_K, &quantizeRowQ3_KRef, Optional},
    {T::Q4_K, &dequantizeRowQ4_K, &quantizeRowQ4_KRef, Optional, QX_AVX2(quantizeRowQ4_K)},
    {T::Q5_K, &dequantizeRowQ5_K, &quantizeRowQ5_KRef, Optional, QX_AVX2(quantizeRowQ5_K)},
    {T::Q6_K, &dequantizeRowQ6_K, &quantizeRowQ6_KRef, Optional, QX_AVX2(quantizeRowQ6_K)},
    {T::IQ4_NL, &dequantizeRowIQ4_NL, &quantizeRowIQ4_NLRef, Optional, QX_AVX2(quantizeRowIQ4_NL)},
    {T::IQ4_XS, &dequantizeRowIQ4_XS, &quantizeRowIQ4_XSRef, Optional, QX_AVX2(quantizeRowIQ4_XS)},
    {T::IQ2_XXS, &dequantizeRowIQ2_XXS, &quantizeRowIQ2_XXSRef, Required, QX_AVX2(quantizeRowIQ2_XXS)},
    {T::IQ2_XS, &dequantizeRowIQ2_XS, &quantizeRowIQ2_XSRef, Required, QX_AVX2(quantizeRowIQ2_XS)},
    {T::IQ2_S, &dequantizeRowIQ2_S, &quantizeRowIQ2_SRef, Optional, QX_AVX2(quantizeRowIQ2_S)},
    {T::IQ3_XXS, &dequantizeRowIQ3_XXS, &quantizeRowIQ3_XXSRef, Optional, QX_AVX2(quantizeRowIQ3_XXS)},
    {T::IQ3_S, &dequantizeRowIQ3_S, &quantizeRowIQ3_SRef, Optional, QX_AVX2(quantizeRowIQ3_S)},
    {T::IQ1_S, &dequantizeRowIQ1_S, &quantizeRowIQ1_SRef, Required, QX_AVX2(quantizeRowIQ1_S)},
    {T::IQ1_M, &dequantizeRowIQ1_M, &quantizeRowIQ1_MRef, Optional, QX_AVX2(quantizeRowIQ1_M)},
    {T::TQ1_0, &dequantizeRowTQ1_0, &quantizeRowTQ1_0Ref, Ignored},
    {T::TQ2_0, &dequantizeRowTQ2_0, &quantizeRowTQ2_0Ref, Ignored},
    {T::MXFP4, &dequantizeRowMXFP4, nullptr, Ignored},
    {T::F8_E4M3, &dequantizeRowF8E4M3, nullptr, Ignored},
    {T::F8_E5M2, &dequantizeRowF8E5M2, nullptr, Ignored},
};

#undef QX_AVX2

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
