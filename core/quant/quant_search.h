#pragma once
// Scale searches shared by ggml's block quantizers (internal to core/quant).
//
// These reproduce llama.cpp b4748's helpers (make_qx_quants, make_q3_quants, make_qkx2_quants,
// make_qkx3_quants, make_qp_quants, the IQ4 level search) operation for operation: the order of every
// float multiplication and summation is part of the contract, because the chosen levels (and so the
// bytes written) depend on rounding. Compile without -ffast-math / FP contraction.
//
// Conventions: `n` values in `x`, levels written to `L`; the return value is the block scale.

#include <cstdint>
#include <cstring>

namespace qx::quant {

constexpr float kGroupMaxEps = 1e-15f;

/// Round to nearest, ties to even, through the 1.5*2^23 magic constant (valid for |f| <= 4194303).
/// Out-of-range input yields an unspecified int but never undefined behaviour.
inline int nearestInt(float f)
{
    const float v = f + 12582912.f;
    int32_t i;
    std::memcpy(&i, &v, sizeof i);
    return (i & 0x007fffff) - 0x00400000;
}

/// float -> int32 as x86 cvttss2si does it (C's cast): truncation; NaN and out-of-range give INT32_MIN.
/// ggml's `(int8_t)f` / `(uint8_t)f` casts are this followed by keeping the low byte.
inline int32_t truncToInt(float f)
{
    if (!(f > -2147483904.f && f < 2147483648.f))
        return INT32_MIN;
    return static_cast<int32_t>(f);
}

/// ggml's MAX/MIN macros (a > b ? a : b), whose NaN behaviour differs from std::max/std::min.
inline float maxF(float a, float b) { return a > b ? a : b; }

/// Symmetric levels in [-nmax, nmax-1] (stored +nmax). rmseType 0: plain rounding; 1: x^2 weights (or
/// `qw`) with a 19-step scale search; negative: one refinement step only.
float makeQxQuants(int n, int nmax, const float* x, int8_t* L, int rmseType, const float* qw);

/// Q3_K's symmetric search with per-value coordinate descent (do_rmse) or plain rounding.
float makeQ3Quants(int n, int nmax, const float* x, int8_t* L, bool doRmse);

/// Asymmetric levels in [0, nmax] with a min; weights required. `theMin` receives -min (>= 0).
float makeQkx2Quants(int n, int nmax, const float* x, const float* weights, uint8_t* L, float* theMin,
                     uint8_t* Laux, float rmin, float rdelta, int nstep, bool useMad);

/// Like makeQkx2Quants but weights may be null (then x^2) — the importance-matrix variant.
float makeQkx3Quants(int n, int nmax, const float* x, const float* weights, uint8_t* L, float* theMin,
                     uint8_t* Laux, float rmin, float rdelta, int nstep, bool useMad);

/// Non-negative levels in [0, nmax] for quantizing the sub-block scales themselves (weighted).
float makeQpQuants(int n, int nmax, const float* x, uint8_t* L, const float* quantWeights);
/// make_qp_quants' final refinement of L (up to 5 passes), updating the two sums.
void refineQp(int n, int nmax, const float* x, uint8_t* L, const float* qw, float& sumlx, float& suml2);
/// make_qp_quants' first step: the largest x (below kGroupMaxEps: L is all zero and nothing else is
/// meaningful), the plain inverse scale nmax / max, its levels in L and their weighted squared error.
struct QpStart {
    float max = 0, iscale = 0, mse = 0;
};
QpStart qpStart(int n, int nmax, const float* x, uint8_t* L, const float* quantWeights);
/// make_qp_quants' last step: the levels at the chosen inverse scale, refined; returns the fitted scale.
float qpFinish(int n, int nmax, const float* x, uint8_t* L, const float* quantWeights, float iscale);
namespace avx2 {
/// makeQpQuants with its eight trial scales in the lanes of one vector (same result; AVX2 CPUs only).
float makeQpQuants(int n, int nmax, const float* x, uint8_t* L, const float* quantWeights);
} // namespace avx2

/// Index of the level of sorted `val[0..n)` nearest to x (ties go up).
int bestIndexInt8(int n, const int8_t* val, float x);

/// The 6-bit scale/min pair j of a Q4_K/Q5_K super-block.
inline void scaleMinK4(int j, const uint8_t* q, uint8_t* d, uint8_t* m)
{
    if (j < 4) {
        *d = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *d = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        *m = (q[j + 4] >> 4) | ((q[j - 0] >> 6) << 4);
    }
}

} // namespace qx::quant
