#include "quant/quantize_simd.h"

#include "common/cpu_features.h"

#include "quant/type_kernels.h"

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
    const TypeKernels* k = typeKernels(type);
    return k && cpuHasAvx2() ? k->quantizeAvx2 : nullptr;
}

RowDequantizer simdRowDequantizer(TensorType type)
{
    const TypeKernels* k = typeKernels(type);
    return k && cpuHasAvx2() ? k->dequantizeAvx2 : nullptr;
}

} // namespace qx::quant
