#include "quant/quantize_simd.h"

#include "common/cpu_features.h"

#include "quant/dequantize_blocks.h"

#include <cstdlib>

namespace qx::quant {
namespace {

bool cpuHasAvx2()
{
#if defined(__x86_64__) || defined(__i386__)
    static const bool has = [] {
        if (const char* off = std::getenv("QX_NO_SIMD"); off && *off && *off != '0')
            return false;
        return cpuHasAvx2Fma16c();
    }();
    return has;
#else
    return false;
#endif
}

} // namespace

bool simdQuantizersEnabled() { return cpuHasAvx2(); }

RowQuantizer simdRowQuantizer(TensorType type)
{
#if defined(__x86_64__) || defined(__i386__)
    if (!cpuHasAvx2())
        return nullptr;
    switch (type) {
    case TensorType::Q4_0: return &avx2::quantizeRowQ4_0;
    case TensorType::Q4_1: return &avx2::quantizeRowQ4_1;
    case TensorType::Q5_0: return &avx2::quantizeRowQ5_0;
    case TensorType::Q5_1: return &avx2::quantizeRowQ5_1;
    case TensorType::Q8_0: return &avx2::quantizeRowQ8_0;
    case TensorType::Q2_K: return &avx2::quantizeRowQ2_K;
    case TensorType::Q4_K: return &avx2::quantizeRowQ4_K;
    case TensorType::Q5_K: return &avx2::quantizeRowQ5_K;
    case TensorType::Q6_K: return &avx2::quantizeRowQ6_K;
    case TensorType::IQ4_NL: return &avx2::quantizeRowIQ4_NL;
    case TensorType::IQ4_XS: return &avx2::quantizeRowIQ4_XS;
    case TensorType::IQ2_XXS: return &avx2::quantizeRowIQ2_XXS;
    case TensorType::IQ2_XS: return &avx2::quantizeRowIQ2_XS;
    case TensorType::IQ2_S: return &avx2::quantizeRowIQ2_S;
    case TensorType::IQ3_XXS: return &avx2::quantizeRowIQ3_XXS;
    case TensorType::IQ3_S: return &avx2::quantizeRowIQ3_S;
    case TensorType::IQ1_S: return &avx2::quantizeRowIQ1_S;
    case TensorType::IQ1_M: return &avx2::quantizeRowIQ1_M;
    case TensorType::F16: return &avx2::quantizeRowF16;
    default: return nullptr;
    }
#else
    (void)type;
    return nullptr;
#endif
}

RowDequantizer simdRowDequantizer(TensorType type)
{
#if defined(__x86_64__) || defined(__i386__)
    if (cpuHasAvx2() && type == TensorType::F16)
        return &avx2::dequantizeRowF16;
#endif
    (void)type;
    return nullptr;
}

} // namespace qx::quant
