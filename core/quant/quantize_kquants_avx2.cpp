// AVX2 Q4_K / Q6_K quantizers, bit-identical to the scalar reference (see quantize_simd.h).
//
// ggml's scale searches sum over the values of one sub-block in a fixed order, so they cannot be split
// within a sub-block. Instead each SIMD lane runs the whole scalar search of one sub-block: lane k of
// vector v handles sub-block 8v + k, and V vectors are processed together so that V independent add
// chains hide the adder latency. Values are transposed first (t[i * 8V + lane] = value i of that lane).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quantize_simd.h"

#include "quant/ggml_blocks.h"
#include "quant/kquant_parts.h"
#include "quant/quant_search.h"
#include "quant/simd_avx2_util.h"

#include <cmath>
#include <cstring>
#include <type_traits>

namespace qx::quant::avx2 {
namespace {

using namespace qx::ggml;

inline __m256 ld(const float* p) { return _mm256_load_ps(p); }
inline __m256i ldi(const int32_t* p) { return _mm256_load_si256(reinterpret_cast<const __m256i*>(p)); }
inline void sti(int32_t* p, __m256i v) { _mm256_store_si256(reinterpret_cast<__m256i*>(p), v); }
inline __m256i asInt(__m256 m) { return _mm256_castps_si256(m); }

// ------------------------------------------------------------------------------------------------ Q6_K

/// Sums of make_qx_quants for one candidate inverse scale per vector; levels stored when `out` is set.
/// For finite input |isc * x| <= nmax + 1, where (v + 1.5*2^23) - 1.5*2^23 is exactly the float of
/// nearest_int(v), so levels are rounded and clamped as floats. `wxt` holds w*x per value.
template <int V>
void qxSums(int nmax, const float* xt, const float* wt, const float* wxt, const __m256* isc, __m256* sumlx,
            __m256* suml2, int32_t* out)
{
    constexpr int W = 8 * V;
    const __m256 magic = _mm256_set1_ps(12582912.f);
    const __m256 lo = _mm256_set1_ps(static_cast<float>(-nmax)), hi = _mm256_set1_ps(static_cast<float>(nmax - 1));
    for (int v = 0; v < V; ++v)
        sumlx[v] = suml2[v] = zeroPs();
    for (int i = 0; i < 16; ++i) {
        for (int v = 0; v < V; ++v) {
            const int at = i * W + 8 * v;
            const __m256 r = _mm256_sub_ps(_mm256_add_ps(_mm256_mul_ps(isc[v], ld(xt + at)), magic), magic);
            const __m256 lf = _mm256_max_ps(lo, _mm256_min_ps(r, hi));
            if (out)
                sti(out + at, _mm256_add_epi32(_mm256_cvtps_epi32(lf), _mm256_set1_epi32(nmax)));
            sumlx[v] = _mm256_add_ps(sumlx[v], _mm256_mul_ps(ld(wxt + at), lf));
            suml2[v] = _mm256_add_ps(suml2[v], _mm256_mul_ps(_mm256_mul_ps(ld(wt + at), lf), lf));
        }
    }
}

/// make_qx_quants(16, nmax, x, L, 1, w) for 8V sub-blocks. The 18 candidate scales are independent, so
/// their sums are computed up front; the scalar code's sequential "keep if better" then only picks, per
/// lane, the last candidate that won, whose levels are recomputed once at the end.
template <int V>
void qxQuantsLanes(int nmax, const float* xt, const float* wt, int32_t* Lt, float* scales)
{
    constexpr int W = 8 * V;
    alignas(32) float wxt[16 * W];
    for (int i = 0; i < 16 * W; i += 8)
        _mm256_store_ps(wxt + i, _mm256_mul_ps(ld(wt + i), ld(xt + i)));
    __m256 amax[V], max[V];
    for (int v = 0; v < V; ++v)
        amax[v] = max[v] = zeroPs();
    for (int i = 0; i < 16; ++i)
        for (int v = 0; v < V; ++v) {
            const __m256 xv = ld(xt + i * W + 8 * v);
            const __m256 gt = _mm256_cmp_ps(absPs(xv), amax[v], _CMP_GT_OQ);
            amax[v] = _mm256_blendv_ps(amax[v], absPs(xv), gt);
            max[v] = _mm256_blendv_ps(max[v], xv, gt);
        }
    __m256 isc[V], slx[V], sl2[V], scale[V], best[V], chosen[V], won[V];
    for (int v = 0; v < V; ++v)
        isc[v] = _mm256_div_ps(_mm256_set1_ps(static_cast<float>(-nmax)), max[v]);
    qxSums<V>(nmax, xt, wt, wxt, isc, slx, sl2, Lt);
    for (int v = 0; v < V; ++v) {
        scale[v] = _mm256_and_ps(_mm256_div_ps(slx[v], sl2[v]), _mm256_cmp_ps(sl2[v], zeroPs(), _CMP_NEQ_UQ));
        best[v] = _mm256_mul_ps(scale[v], slx[v]);
        chosen[v] = won[v] = zeroPs();
    }
    for (int is = -9; is <= 9; ++is) {
        if (is == 0)
            continue;
        const float num = -(nmax + 0.1f * is);
        for (int v = 0; v < V; ++v)
            isc[v] = _mm256_div_ps(_mm256_set1_ps(num), max[v]);
        qxSums<V>(nmax, xt, wt, wxt, isc, slx, sl2, nullptr);
        for (int v = 0; v < V; ++v) {
            const __m256 better = _mm256_and_ps(
                _mm256_cmp_ps(sl2[v], zeroPs(), _CMP_GT_OQ),
                _mm256_cmp_ps(_mm256_mul_ps(slx[v], slx[v]), _mm256_mul_ps(best[v], sl2[v]), _CMP_GT_OQ));
            scale[v] = _mm256_blendv_ps(scale[v], _mm256_div_ps(slx[v], sl2[v]), better);
            best[v] = _mm256_blendv_ps(best[v], _mm256_mul_ps(scale[v], slx[v]), better);
            chosen[v] = _mm256_blendv_ps(chosen[v], isc[v], better);
            won[v] = _mm256_or_ps(won[v], better);
        }
    }
    for (int i = 0; i < 16; ++i)
        for (int v = 0; v < V; ++v) {
            const __m256 xv = ld(xt + i * W + 8 * v);
            const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(chosen[v], xv)), -nmax, nmax - 1);
            const __m256i keep = _mm256_blendv_epi8(ldi(Lt + i * W + 8 * v),
                                                    _mm256_add_epi32(l, _mm256_set1_epi32(nmax)), asInt(won[v]));
            const __m256 zeroLane = _mm256_cmp_ps(amax[v], _mm256_set1_ps(kGroupMaxEps), _CMP_LT_OQ);
            sti(Lt + i * W + 8 * v, _mm256_andnot_si256(asInt(zeroLane), keep));
        }
    for (int v = 0; v < V; ++v) {
        const __m256 zeroLane = _mm256_cmp_ps(amax[v], _mm256_set1_ps(kGroupMaxEps), _CMP_LT_OQ);
        _mm256_storeu_ps(scales + 8 * v, _mm256_andnot_ps(zeroLane, scale[v]));
    }
}

void q6SuperBlock(const float* x, const float* qw, BlockQ6_K& b)
{
    alignas(32) float xt[16 * 16], wt[16 * 16], sc[16];
    alignas(32) int32_t Lt[16 * 16];
    int8_t L[kQK_K];
    transpose(x, 16, 16, xt);
    if (qw) {
        transpose(qw, 16, 16, wt);
    } else {
        for (int i = 0; i < 16 * 16; i += 8)
            _mm256_store_ps(wt + i, _mm256_mul_ps(ld(xt + i), ld(xt + i)));
    }
    qxQuantsLanes<2>(32, xt, wt, Lt, sc);
    for (int k = 0; k < 16; ++k)
        for (int i = 0; i < 16; ++i)
            L[16 * k + i] = static_cast<int8_t>(Lt[i * 16 + k]);
    if (!q6EncodeScales(sc, b))
        return;
    for (int j = 0; j < 16; ++j) {
        const float d = fp16ToFp32(b.d) * b.scales[j];
        if (d)
            storeLevels(x + 16 * j, 16, _mm256_set1_ps(d), zeroPs(), -32, 31, 32, L + 16 * j);
    }
    q6Pack(L, b);
}

// ------------------------------------------------------------------------------------------------ Q4_K

/// make_qkx2_quants(N, nmax, x, w, ..., MAD) for 8V sub-blocks (weights given, or Q4_K's reference
/// weights av_x + |x|); with the weights given it is make_qkx3_quants too.
/// Unlike Q6_K's search, each candidate depends on the min chosen so far, so candidates stay sequential.
template <int V, int N = 32, bool MAD = false>
struct Qkx2Lanes {
    static constexpr int n = N, W = 8 * V;
    const float* xt;
    alignas(32) float wt[n * W];
    alignas(32) int32_t Laux[n * W];
    __m256 min[V], max[V], sumW[V], sumX[V];

    /// `weights` (transposed like xt) or nullptr for the reference weights av_x + |x|.
    Qkx2Lanes(const float* xTransposed, const float* weights) : xt(xTransposed)
    {
        if (weights) {
            std::memcpy(wt, weights, sizeof wt);
        } else {
            __m256 sumX2[V];
            for (int v = 0; v < V; ++v)
                sumX2[v] = zeroPs();
            for (int i = 0; i < n; ++i)
                for (int v = 0; v < V; ++v)
                    sumX2[v] = _mm256_add_ps(sumX2[v], _mm256_mul_ps(ld(xt + i * W + 8 * v), ld(xt + i * W + 8 * v)));
            for (int v = 0; v < V; ++v) {
                const __m256 avX = _mm256_sqrt_ps(_mm256_div_ps(sumX2[v], _mm256_set1_ps(static_cast<float>(n))));
                for (int i = 0; i < n; ++i)
                    _mm256_store_ps(wt + i * W + 8 * v, _mm256_add_ps(avX, absPs(ld(xt + i * W + 8 * v))));
            }
        }
        for (int v = 0; v < V; ++v) {
            min[v] = max[v] = ld(xt + 8 * v);
            sumW[v] = ld(wt + 8 * v);
            sumX[v] = _mm256_mul_ps(sumW[v], min[v]);
        }
        for (int i = 1; i < n; ++i)
            for (int v = 0; v < V; ++v) {
                const __m256 xv = ld(xt + i * W + 8 * v), w = ld(wt + i * W + 8 * v);
                min[v] = _mm256_min_ps(xv, min[v]);
                max[v] = _mm256_max_ps(xv, max[v]);
                sumW[v] = _mm256_add_ps(sumW[v], w);
                sumX[v] = _mm256_add_ps(sumX[v], _mm256_mul_ps(w, xv));
            }
        for (int v = 0; v < V; ++v)
            min[v] = _mm256_blendv_ps(min[v], zeroPs(), _mm256_cmp_ps(min[v], zeroPs(), _CMP_GT_OQ));
    }

    static __m256 penalty(__m256 diff) { return MAD ? absPs(diff) : _mm256_mul_ps(diff, diff); }

    /// Levels for inverse scale `isc` into `out`, and the weighted error of (scale, mn) for them.
    void levelsAndError(int nmax, const __m256* isc, const __m256* scale, const __m256* mn, int32_t* out,
                        __m256* err) const
    {
        for (int v = 0; v < V; ++v)
            err[v] = zeroPs();
        for (int i = 0; i < n; ++i)
            for (int v = 0; v < V; ++v) {
                const __m256 xv = ld(xt + i * W + 8 * v);
                const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(isc[v], _mm256_sub_ps(xv, min[v]))), 0, nmax);
                sti(out + i * W + 8 * v, l);
                const __m256 diff =
                    _mm256_sub_ps(_mm256_add_ps(_mm256_mul_ps(scale[v], _mm256_cvtepi32_ps(l)), mn[v]), xv);
                err[v] = _mm256_add_ps(err[v], _mm256_mul_ps(ld(wt + i * W + 8 * v), penalty(diff)));
            }
    }

    void run(int nmax, float rmin, float rdelta, int nstep, int32_t* Lt, float* scales, float* theMins);
    void candidate(int nmax, const __m256* isc, __m256* bestError, __m256* scale, int32_t* Lt);
};

template <int V, int N, bool MAD>
void Qkx2Lanes<V, N, MAD>::candidate(int nmax, const __m256* isc, __m256* bestError, __m256* scale, int32_t* Lt)
{
    __m256 sumL[V], sumL2[V], sumXL[V];
    for (int v = 0; v < V; ++v)
        sumL[v] = sumL2[v] = sumXL[v] = zeroPs();
    for (int i = 0; i < n; ++i)
        for (int v = 0; v < V; ++v) {
            const __m256 xv = ld(xt + i * W + 8 * v), w = ld(wt + i * W + 8 * v);
            const __m256i l = clampEpi32(nearestInt8(_mm256_mul_ps(isc[v], _mm256_sub_ps(xv, min[v]))), 0, nmax);
            sti(Laux + i * W + 8 * v, l);
            const __m256 lf = _mm256_cvtepi32_ps(l);
            const __m256 wl = _mm256_mul_ps(w, lf);
            sumL[v] = _mm256_add_ps(sumL[v], wl);
            sumL2[v] = _mm256_add_ps(sumL2[v], _mm256_mul_ps(wl, lf));
            sumXL[v] = _mm256_add_ps(sumXL[v], _mm256_mul_ps(wl, xv));
        }
    __m256 dPos[V], thisScale[V], thisMin[V], curError[V];
    int anyD = 0;
    for (int v = 0; v < V; ++v) {
        const __m256 D = _mm256_sub_ps(_mm256_mul_ps(sumW[v], sumL2[v]), _mm256_mul_ps(sumL[v], sumL[v]));
        dPos[v] = _mm256_cmp_ps(D, zeroPs(), _CMP_GT_OQ);
        anyD |= _mm256_movemask_ps(dPos[v]);
        thisScale[v] = _mm256_div_ps(_mm256_sub_ps(_mm256_mul_ps(sumW[v], sumXL[v]), _mm256_mul_ps(sumX[v], sumL[v])), D);
        thisMin[v] = _mm256_div_ps(_mm256_sub_ps(_mm256_mul_ps(sumL2[v], sumX[v]), _mm256_mul_ps(sumL[v], sumXL[v])), D);
        const __m256 minPos = _mm256_cmp_ps(thisMin[v], zeroPs(), _CMP_GT_OQ);
        thisMin[v] = _mm256_blendv_ps(thisMin[v], zeroPs(), minPos);
        thisScale[v] = _mm256_blendv_ps(thisScale[v], _mm256_div_ps(sumXL[v], sumL2[v]), minPos);
        curError[v] = zeroPs();
    }
    if (!anyD)
        return;
    for (int i = 0; i < n; ++i)
        for (int v = 0; v < V; ++v) {
            const __m256 lf = _mm256_cvtepi32_ps(ldi(Laux + i * W + 8 * v));
            const __m256 diff =
                _mm256_sub_ps(_mm256_add_ps(_mm256_mul_ps(thisScale[v], lf), thisMin[v]), ld(xt + i * W + 8 * v));
            curError[v] = _mm256_add_ps(curError[v], _mm256_mul_ps(ld(wt + i * W + 8 * v), penalty(diff)));
        }
    for (int v = 0; v < V; ++v) {
        const __m256 better = _mm256_and_ps(dPos[v], _mm256_cmp_ps(curError[v], bestError[v], _CMP_LT_OQ));
        if (!_mm256_movemask_ps(better))
            continue;
        for (int i = 0; i < n; ++i)
            sti(Lt + i * W + 8 * v, _mm256_blendv_epi8(ldi(Lt + i * W + 8 * v), ldi(Laux + i * W + 8 * v), asInt(better)));
        bestError[v] = _mm256_blendv_ps(bestError[v], curError[v], better);
        scale[v] = _mm256_blendv_ps(scale[v], thisScale[v], better);
        min[v] = _mm256_blendv_ps(min[v], thisMin[v], better);
    }
}

template <int V, int N, bool MAD>
void Qkx2Lanes<V, N, MAD>::run(int nmax, float rmin, float rdelta, int nstep, int32_t* Lt, float* scales, float* theMins)
{
    __m256 flat[V], min0[V], isc[V], scale[V], bestError[V];
    for (int v = 0; v < V; ++v) {
        flat[v] = _mm256_cmp_ps(max[v], min[v], _CMP_EQ_OQ);
        min0[v] = min[v];
        isc[v] = _mm256_div_ps(_mm256_set1_ps(static_cast<float>(nmax)), _mm256_sub_ps(max[v], min[v]));
        scale[v] = _mm256_div_ps(_mm256_set1_ps(1.f), isc[v]);
    }
    levelsAndError(nmax, isc, scale, min, Lt, bestError);
    for (int is = 0; is <= nstep; ++is) {
        const float num = rmin + rdelta * is + nmax;
        for (int v = 0; v < V; ++v)
            isc[v] = _mm256_div_ps(_mm256_set1_ps(num), _mm256_sub_ps(max[v], min[v]));
        candidate(nmax, isc, bestError, scale, Lt);
    }
    for (int v = 0; v < V; ++v) {
        for (int i = 0; i < n; ++i)
            sti(Lt + i * W + 8 * v, _mm256_andnot_si256(asInt(flat[v]), ldi(Lt + i * W + 8 * v)));
        // -min, signed zeros included
        _mm256_storeu_ps(theMins + 8 * v, _mm256_xor_ps(_mm256_set1_ps(-0.f), _mm256_blendv_ps(min[v], min0[v], flat[v])));
        _mm256_storeu_ps(scales + 8 * v, _mm256_andnot_ps(flat[v], scale[v]));
    }
}

/// Q2_K: the 16 sub-blocks of 16 of one super-block as two vectors of lanes.
void q2SuperBlock(const float* x, const float* qw, BlockQ2_K& b)
{
    alignas(32) float xt[16 * 16], wt[16 * 16], scales[16], mins[16], sw[16];
    alignas(32) int32_t Lt[16 * 16];
    transpose(x, 16, 16, xt);
    if (qw) {
        float sumX2 = 0;
        for (int l = 0; l < kQK_K; ++l)
            sumX2 += x[l] * x[l];
        const float sigma2 = sumX2 / kQK_K;
        for (int k = 0; k < 16; ++k) {
            sw[k] = 0;
            for (int l = 0; l < 16; ++l) {
                const float w = qw[16 * k + l] * std::sqrt(sigma2 + x[16 * k + l] * x[16 * k + l]);
                wt[l * 16 + k] = w;
                sw[k] += w;
            }
        }
        Qkx2Lanes<2, 16, false> lanes(xt, wt);
        lanes.run(3, -0.9f, 0.05f, 36, Lt, scales, mins);
        q2EncodeScalesWeighted(scales, mins, sw, b);
    } else {
        for (int i = 0; i < 16 * 16; i += 8)
            _mm256_store_ps(wt + i, absPs(ld(xt + i)));
        Qkx2Lanes<2, 16, true> lanes(xt, wt);
        lanes.run(3, -0.5f, 0.1f, 15, Lt, scales, mins);
        q2EncodeScalesRef(scales, mins, b);
    }
    uint8_t L[kQK_K];
    for (int k = 0; k < 16; ++k)
        for (int l = 0; l < 16; ++l)
            L[16 * k + l] = static_cast<uint8_t>(Lt[l * 16 + k]);
    q2Finish(x, b, L);
}

/// Q4_K / Q5_K quantization of V consecutive super-blocks at x into y[0..V); `qw` (importance of these
/// columns, or nullptr) selects ggml's weighted path exactly as the scalar code does.
template <int V, typename Block>
void k4SuperBlocks(const float* x, const float* qw, Block* y)
{
    constexpr bool isQ5 = std::is_same_v<Block, BlockQ5_K>;
    constexpr int nmax = isQ5 ? 31 : 15, W = 8 * V;
    alignas(32) float xt[32 * W], wt[32 * W], scales[W], mins[W], sw[W];
    alignas(32) int32_t Lt[32 * W];
    transpose(x, 32, W, xt);
    if (qw) {
        for (int s = 0; s < V; ++s) {
            const float* xs = x + kQK_K * s;
            float sumX2 = 0;
            for (int l = 0; l < kQK_K; ++l)
                sumX2 += xs[l] * xs[l];
            const float sigma2 = 2 * sumX2 / kQK_K;
            for (int k = 0; k < 8; ++k) {
                float sumw = 0;
                for (int l = 0; l < 32; ++l) {
                    const float w = qw[kQK_K * s + 32 * k + l] * std::sqrt(sigma2 + xs[32 * k + l] * xs[32 * k + l]);
                    wt[l * W + 8 * s + k] = w;
                    sumw += w;
                }
                sw[8 * s + k] = sumw;
            }
        }
        Qkx2Lanes<V> lanes(xt, wt);
        lanes.run(nmax, -0.9f, 0.05f, 36, Lt, scales, mins);
    } else {
        Qkx2Lanes<V> lanes(xt, nullptr);
        lanes.run(nmax, isQ5 ? -0.5f : -1.f, 0.1f, isQ5 ? 15 : 20, Lt, scales, mins);
    }
    for (int s = 0; s < V; ++s) {
        uint8_t L[kQK_K];
        for (int k = 0; k < 8; ++k)
            for (int l = 0; l < 32; ++l)
                L[32 * k + l] = static_cast<uint8_t>(Lt[l * W + 8 * s + k]);
        Block& b = y[s];
        const float* xb = x + kQK_K * s;
        if (qw)
            k4EncodeScalesWeighted(scales + 8 * s, mins + 8 * s, sw + 8 * s, isQ5, b.scales, b.d, b.dmin);
        else
            k4EncodeScalesRef(scales + 8 * s, mins + 8 * s, b.scales, b.d, b.dmin);
        for (int j = 0; j < 8; ++j) {
            uint8_t sc, m;
            scaleMinK4(j, b.scales, &sc, &m);
            const float d = fp16ToFp32(b.d) * sc;
            if (d)
                storeLevels(xb + 32 * j, 32, _mm256_set1_ps(d), _mm256_set1_ps(fp16ToFp32(b.dmin) * m), 0, nmax, 0,
                            reinterpret_cast<int8_t*>(L + 32 * j));
        }
        if constexpr (isQ5)
            q5Pack(L, b);
        else
            q4Pack(L, b);
    }
}

template <typename Block>
void k4Row(const float* x, void* dst, int64_t n, const float* qw, RowQuantizer scalar)
{
    auto* y = static_cast<Block*>(dst);
    const int64_t nb = n / kQK_K;
    int64_t i = 0;
    while (i < nb) {
        const float* xb = x + kQK_K * i;
        const float* wb = qw ? qw + kQK_K * i : nullptr;
        if (hasNaN(xb, kQK_K)) {
            scalar(xb, &y[i], kQK_K, wb);
            ++i;
        } else if (i + 1 < nb && !hasNaN(xb + kQK_K, kQK_K)) {
            k4SuperBlocks<2>(xb, wb, y + i);
            i += 2;
        } else {
            k4SuperBlocks<1>(xb, wb, y + i);
            ++i;
        }
    }
}

} // namespace

void quantizeRowQ6_K(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ6_K*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float* xb = x + kQK_K * i;
        const float* wb = qw ? qw + kQK_K * i : nullptr;
        if (hasNonFinite(xb, kQK_K))
            quantizeRowQ6_KRef(xb, &y[i], kQK_K, wb);
        else
            q6SuperBlock(xb, wb, y[i]);
    }
}

void quantizeRowQ2_K(const float* x, void* dst, int64_t n, const float* qw)
{
    auto* y = static_cast<BlockQ2_K*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i) {
        const float* xb = x + kQK_K * i;
        const float* wb = qw ? qw + kQK_K * i : nullptr;
        if (hasNaN(xb, kQK_K))
            quantizeRowQ2_KRef(xb, &y[i], kQK_K, wb);
        else
            q2SuperBlock(xb, wb, y[i]);
    }
}

void quantizeRowQ4_K(const float* x, void* dst, int64_t n, const float* qw)
{
    k4Row<BlockQ4_K>(x, dst, n, qw, &quantizeRowQ4_KRef);
}

void quantizeRowQ5_K(const float* x, void* dst, int64_t n, const float* qw)
{
    k4Row<BlockQ5_K>(x, dst, n, qw, &quantizeRowQ5_KRef);
}

} // namespace qx::quant::avx2
