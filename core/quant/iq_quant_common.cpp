// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/iq_quant_common.h"

#include "quant/quant_search.h"

#include <cfloat>
#include <cmath>

namespace qx::quant::iq {

void importanceWeights(int n, const float* x, const float* qw, float sigma2, float* weight)
{
    for (int i = 0; i < n; ++i)
        weight[i] = qw[i] * std::sqrt(sigma2 + x[i] * x[i]);
}

uint8_t foldSigns(const float* x, const float* weight, float* xval, bool evenSigns)
{
    int negatives = 0;
    uint8_t s = 0;
    for (int i = 0; i < 8; ++i) {
        if (x[i] >= 0) {
            xval[i] = x[i];
        } else {
            xval[i] = -x[i];
            ++negatives;
            s = static_cast<uint8_t>(s | (1 << i));
        }
    }
    if (!evenSigns)
        return s;
    if (negatives % 2) {
        int imin = 0;
        float min = weight[0] * x[0] * x[0];
        for (int i = 1; i < 8; ++i) {
            const float ax = weight[i] * x[i] * x[i];
            if (ax < min) {
                min = ax;
                imin = i;
            }
        }
        xval[imin] = -xval[imin];
        s = static_cast<uint8_t>(s ^ (1 << imin));
    }
    return s & 127;
}

void oddLevelSums(int n, const float* weight, const float* xval, const int8_t* L, float& sumqx, float& sumq2)
{
    sumqx = 0;
    sumq2 = 0;
    for (int i = 0; i < n; ++i) {
        const float w = weight[i];
        const float q = 2 * L[i] + 1;
        sumqx += w * xval[i] * q;
        sumq2 += w * q * q;
    }
}

int bestNeighbour(const GridSearch& grid, uint32_t code, const float* xval, const float* waux, float scale, int8_t* L)
{
    const std::span<const uint16_t> neighbours = grid.neighbours(code);
    float bestD2 = FLT_MAX;
    int best = neighbours.empty() ? 0 : neighbours[0];   // kept only when every distance is NaN
    for (const uint16_t row : neighbours) {
        const int8_t* pg = grid.point(row);
        float d2 = 0;
        for (int i = 0; i < grid.dims(); ++i) {
            const float q = pg[i];
            const float diff = scale * q - xval[i];
            d2 += waux[i] * diff * diff;
        }
        if (d2 < bestD2) {
            bestD2 = d2;
            best = row;
        }
    }
    const int8_t* pg = grid.point(best);
    for (int i = 0; i < grid.dims(); ++i)
        L[i] = static_cast<int8_t>((pg[i] - 1) / 2);
    return best;
}

int snapToGrid(const GridSearch& grid, const float* xval, const float* waux, float id, float scale, int kMaxQ,
               int8_t* L, bool& onGrid, NeighbourSearch search)
{
    for (int i = 0; i < grid.dims(); ++i) {
        const int l = nearestInt(0.5f * (id * xval[i] - 1));
        L[i] = static_cast<int8_t>(l < 0 ? 0 : (l > kMaxQ - 1 ? kMaxQ - 1 : l));
    }
    const uint32_t code = packLevels(L, grid.dims(), grid.levelBits());
    const int row = grid.rowOf(code);
    onGrid = row >= 0;
    return onGrid ? row : search(grid, code, xval, waux, scale, L);
}

int rowOfLevels(const GridSearch& grid, const int8_t* L)
{
    for (int i = 0; i < grid.dims(); ++i)
        if (L[i] < 0 || L[i] >= (1 << grid.levelBits()))
            return 0;
    const int row = grid.rowOf(packLevels(L, grid.dims(), grid.levelBits()));
    return row >= 0 ? row : 0;
}

int scaleCode(float id, float scale, int maxCode)
{
    const int l = nearestInt(0.5f * (id * scale - 1));
    return l < 0 ? 0 : (l > maxCode ? maxCode : l);
}

} // namespace qx::quant::iq
