#pragma once
// Run-time CPU checks for the dispatched SIMD kernels.

namespace qx {

/// True when the CPU runs AVX2 + FMA + F16C code (the *_avx2.cpp kernels). clang 14 cannot query F16C
/// with __builtin_cpu_supports; every x86 CPU with AVX2 also has F16C, so there AVX2 + FMA decide.
inline bool cpuHasAvx2Fma16c()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
#if defined(__clang__)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
#endif
#else
    return false;
#endif
}

/// True when the CPU runs the *_avx512.cpp kernels (AVX-512 F, BW, VL and DQ).
inline bool cpuHasAvx512()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
#else
    return false;
#endif
}

} // namespace qx
