// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/quant_search.h"

#include <algorithm>
#include <cmath>

namespace qx::quant {
namespace {

inline float qxWeight(const float* qw, int rmseType, const float* x, int i)
{
    if (qw)
        return qw[i];
    switch (rmseType) {
    case 1: return x[i] * x[i];
    case 2: return 1.f;
    case 3: return std::fabs(x[i]);
    default: return std::sqrt(std::fabs(x[i]));
    }
}

inline int clampInt(int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); }

/// Largest |x| and the signed value that has it (first one wins on ties).
inline float signedAbsMax(int n, const float* x, float* amaxOut)
{
    float max = 0, amax = 0;
    for (int i = 0; i < n; ++i) {
        const float ax = std::fabs(x[i]);
        if (ax > amax) {
            amax = ax;
            max = x[i];
        }
    }
    *amaxOut = amax;
    return max;
}

} // namespace

float makeQxQuants(int n, int nmax, const float* x, int8_t* L, int rmseType, const float* qw)
{
    float amax;
    const float max = signedAbsMax(n, x, &amax);
    if (amax < kGroupMaxEps) {
        std::fill(L, L + n, int8_t(0));
        return 0.f;
    }
    float iscale = -nmax / max;
    if (rmseType == 0) {
        for (int i = 0; i < n; ++i)
            L[i] = static_cast<int8_t>(nmax + clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1));
        return 1 / iscale;
    }
    bool returnEarly = false;
    if (rmseType < 0) {
        rmseType = -rmseType;
        returnEarly = true;
    }
    float sumlx = 0, suml2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1);
        L[i] = static_cast<int8_t>(l + nmax);
        const float w = qxWeight(qw, rmseType, x, i);
        sumlx += w * x[i] * l;
        suml2 += w * l * l;
    }
    float scale = suml2 ? sumlx / suml2 : 0.0f;
    if (returnEarly)
        return suml2 > 0 ? 0.5f * (scale + 1 / iscale) : 1 / iscale;
    float best = scale * sumlx;
    for (int is = -9; is <= 9; ++is) {
        if (is == 0)
            continue;
        iscale = -(nmax + 0.1f * is) / max;
        sumlx = suml2 = 0;
        for (int i = 0; i < n; ++i) {
            const int l = clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1);
            const float w = qxWeight(qw, rmseType, x, i);
            sumlx += w * x[i] * l;
            suml2 += w * l * l;
        }
        if (suml2 > 0 && sumlx * sumlx > best * suml2) {
            for (int i = 0; i < n; ++i)
                L[i] = static_cast<int8_t>(nmax + clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1));
            scale = sumlx / suml2;
            best = scale * sumlx;
        }
    }
    return scale;
}

namespace {

/// make_q3_quants' coordinate descent: L holds signed levels on entry and exit.
void refineQ3(int n, int nmax, const float* x, int8_t* L, float& sumlx, float& suml2)
{
    for (int itry = 0; itry < 5; ++itry) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float w = x[i] * x[i];
            float slx = sumlx - w * x[i] * L[i];
            if (slx > 0) {
                float sl2 = suml2 - w * L[i] * L[i];
                const int newL = clampInt(nearestInt(x[i] * sl2 / slx), -nmax, nmax - 1);
                if (newL != L[i]) {
                    slx += w * x[i] * newL;
                    sl2 += w * newL * newL;
                    if (sl2 > 0 && slx * slx * suml2 > sumlx * sumlx * sl2) {
                        L[i] = static_cast<int8_t>(newL);
                        sumlx = slx;
                        suml2 = sl2;
                        ++changed;
                    }
                }
            }
        }
        if (!changed)
            break;
    }
}

} // namespace

float makeQ3Quants(int n, int nmax, const float* x, int8_t* L, bool doRmse)
{
    float amax;
    const float max = signedAbsMax(n, x, &amax);
    if (amax < kGroupMaxEps) {
        std::fill(L, L + n, int8_t(0));
        return 0.f;
    }
    const float iscale = -nmax / max;
    if (doRmse) {
        float sumlx = 0, suml2 = 0;
        for (int i = 0; i < n; ++i) {
            const int l = clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1);
            L[i] = static_cast<int8_t>(l);
            const float w = x[i] * x[i];
            sumlx += w * x[i] * l;
            suml2 += w * l * l;
        }
        refineQ3(n, nmax, x, L, sumlx, suml2);
        for (int i = 0; i < n; ++i)
            L[i] = static_cast<int8_t>(L[i] + nmax);
        return sumlx / suml2;
    }
    for (int i = 0; i < n; ++i)
        L[i] = static_cast<int8_t>(clampInt(nearestInt(iscale * x[i]), -nmax, nmax - 1) + nmax);
    return 1 / iscale;
}

namespace {

/// The common body of make_qkx2_quants / make_qkx3_quants; `w(i)` yields the weight of value i.
template <typename WeightFn>
float makeQkxQuants(int n, int nmax, const float* x, WeightFn w, uint8_t* L, float* theMin, uint8_t* Laux,
                    float rmin, float rdelta, int nstep, bool useMad)
{
    float min = x[0], max = x[0];
    float sumW = w(0);
    float sumX = sumW * x[0];
    for (int i = 1; i < n; ++i) {
        if (x[i] < min) min = x[i];
        if (x[i] > max) max = x[i];
        const float wi = w(i);
        sumW += wi;
        sumX += wi * x[i];
    }
    if (min > 0)
        min = 0;
    if (max == min) {
        std::fill(L, L + n, uint8_t(0));
        *theMin = -min;
        return 0.f;
    }
    float iscale = nmax / (max - min);
    float scale = 1 / iscale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
        L[i] = static_cast<uint8_t>(clampInt(nearestInt(iscale * (x[i] - min)), 0, nmax));
        float diff = scale * L[i] + min - x[i];
        diff = useMad ? std::fabs(diff) : diff * diff;
        bestError += w(i) * diff;
    }
    if (nstep < 1) {
        *theMin = -min;
        return scale;
    }
    for (int is = 0; is <= nstep; ++is) {
        iscale = (rmin + rdelta * is + nmax) / (max - min);
        float sumL = 0, sumL2 = 0, sumXL = 0;
        for (int i = 0; i < n; ++i) {
            const int l = clampInt(nearestInt(iscale * (x[i] - min)), 0, nmax);
            Laux[i] = static_cast<uint8_t>(l);
            const float wi = w(i);
            sumL += wi * l;
            sumL2 += wi * l * l;
            sumXL += wi * l * x[i];
        }
        const float D = sumW * sumL2 - sumL * sumL;
        if (D > 0) {
            float thisScale = (sumW * sumXL - sumX * sumL) / D;
            float thisMin = (sumL2 * sumX - sumL * sumXL) / D;
            if (thisMin > 0) {
                thisMin = 0;
                thisScale = sumXL / sumL2;
            }
            float curError = 0;
            for (int i = 0; i < n; ++i) {
                float diff = thisScale * Laux[i] + thisMin - x[i];
                diff = useMad ? std::fabs(diff) : diff * diff;
                curError += w(i) * diff;
            }
            if (curError < bestError) {
                std::copy(Laux, Laux + n, L);
                bestError = curError;
                scale = thisScale;
                min = thisMin;
            }
        }
    }
    *theMin = -min;
    return scale;
}

} // namespace

float makeQkx2Quants(int n, int nmax, const float* x, const float* weights, uint8_t* L, float* theMin,
                     uint8_t* Laux, float rmin, float rdelta, int nstep, bool useMad)
{
    return makeQkxQuants(n, nmax, x, [weights](int i) { return weights[i]; }, L, theMin, Laux, rmin, rdelta,
                         nstep, useMad);
}

float makeQkx3Quants(int n, int nmax, const float* x, const float* weights, uint8_t* L, float* theMin,
                     uint8_t* Laux, float rmin, float rdelta, int nstep, bool useMad)
{
    if (weights)
        return makeQkx2Quants(n, nmax, x, weights, L, theMin, Laux, rmin, rdelta, nstep, useMad);
    return makeQkxQuants(n, nmax, x, [x](int i) { return x[i] * x[i]; }, L, theMin, Laux, rmin, rdelta, nstep,
                         useMad);
}

void refineQp(int n, int nmax, const float* x, uint8_t* L, const float* qw, float& sumlx, float& suml2)
{
    for (int itry = 0; itry < 5; ++itry) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float w = qw[i];
            float slx = sumlx - w * x[i] * L[i];
            float sl2 = suml2 - w * L[i] * L[i];
            if (slx > 0 && sl2 > 0) {
                const int newL = std::min(nmax, nearestInt(x[i] * sl2 / slx));
                if (newL != L[i]) {
                    slx += w * x[i] * newL;
                    sl2 += w * newL * newL;
                    if (slx * slx * suml2 > sumlx * sumlx * sl2) {
                        L[i] = static_cast<uint8_t>(newL);
                        sumlx = slx;
                        suml2 = sl2;
                        ++changed;
                    }
                }
            }
        }
        if (!changed)
            break;
    }
}

QpStart qpStart(int n, int nmax, const float* x, uint8_t* L, const float* qw)
{
    QpStart start;
    for (int i = 0; i < n; ++i)
        start.max = maxF(start.max, x[i]);
    if (start.max < kGroupMaxEps) {
        std::fill(L, L + n, uint8_t(0));
        return start;
    }
    start.iscale = nmax / start.max;
    for (int i = 0; i < n; ++i)
        L[i] = static_cast<uint8_t>(nearestInt(start.iscale * x[i]));
    const float scale = 1 / start.iscale;
    for (int i = 0; i < n; ++i) {
        const float diff = x[i] - scale * L[i];
        start.mse += qw[i] * diff * diff;
    }
    return start;
}

float qpFinish(int n, int nmax, const float* x, uint8_t* L, const float* qw, float iscale)
{
    float sumlx = 0, suml2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = std::min(nmax, nearestInt(iscale * x[i]));
        L[i] = static_cast<uint8_t>(l);
        sumlx += qw[i] * x[i] * l;
        suml2 += qw[i] * l * l;
    }
    refineQp(n, nmax, x, L, qw, sumlx, suml2);
    return sumlx / suml2;
}

float makeQpQuants(int n, int nmax, const float* x, uint8_t* L, const float* qw)
{
    QpStart s = qpStart(n, nmax, x, L, qw);
    if (s.max < kGroupMaxEps)
        return 0.f;
    for (int is = -4; is <= 4; ++is) {
        if (is == 0)
            continue;
        const float iscaleIs = (0.1f * is + nmax) / s.max;
        const float scaleIs = 1 / iscaleIs;
        float mse = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::min(nmax, nearestInt(iscaleIs * x[i]));
            const float diff = x[i] - scaleIs * l;
            mse += qw[i] * diff * diff;
        }
        if (mse < s.mse) {
            s.mse = mse;
            s.iscale = iscaleIs;
        }
    }
    return qpFinish(n, nmax, x, L, qw, s.iscale);
}

int bestIndexInt8(int n, const int8_t* val, float x)
{
    if (x <= val[0])
        return 0;
    if (x >= val[n - 1])
        return n - 1;
    int ml = 0, mu = n - 1;
    while (mu - ml > 1) {
        const int mav = (ml + mu) / 2;
        if (x < val[mav])
            mu = mav;
        else
            ml = mav;
    }
    return x - val[mu - 1] < val[mu] - x ? mu - 1 : mu;
}

} // namespace qx::quant
