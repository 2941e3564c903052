// Bit-exactness with ggml needs every a*b+c rounded twice: no FMA contraction, whatever the flags.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/iq_sweep.h"

namespace qx::quant::iq {

void scaleSweepRef(const SweepGroup& g, const float* ids, int count, SweepOut& out)
{
    const int dims = g.grid->dims();
    for (int c = 0; c < count; ++c) {
        const float id = ids[c], scale = 1 / id;
        int8_t L[32];
        for (int k = 0; k < g.n / dims; ++k) {
            bool onGrid = false;
            snapToGrid(*g.grid, g.xval + dims * k, g.waux + dims * k, id, scale, g.maxQ, L + dims * k, onGrid);
            out.onGrid[k][c] = onGrid;
        }
        oddLevelSums(g.n, g.weight, g.xval, L, out.sumqx[c], out.sumq2[c]);
        for (int i = 0; i < g.n; ++i)
            out.L[i][c] = L[i];
    }
}

} // namespace qx::quant::iq
