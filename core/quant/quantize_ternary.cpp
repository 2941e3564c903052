// TQ1_0 and TQ2_0: ternary weights (-1, 0, +1) times the block's absolute maximum, as llama.cpp b4748's
// quantize_row_tq1_0_ref / quantize_row_tq2_0_ref. Importance data is ignored (ggml ignores it too).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include "quant/block_quantizers.h"

#include "common/half.h"
#include "quant/ggml_blocks.h"
#include "quant/quant_search.h"

#include <cmath>

namespace qx::quant {
namespace {

using namespace qx::ggml;

/// The block's scale (its largest |x|, written as fp16) and its inverse.
float ternaryScale(const float* x, uint16_t& d)
{
    float amax = 0;
    for (int j = 0; j < kQK_K; ++j)
        amax = maxF(amax, std::fabs(x[j]));
    d = fp32ToFp16(amax);
    return amax ? 1.0f / amax : 0.0f;
}

/// -1, 0, +1 as 0, 1, 2 (ggml's lroundf; what a non-finite value becomes is kept to one byte).
uint8_t trit(float x, float id) { return static_cast<uint8_t>(std::lround(x * id) + 1); }

/// `count` trits x[0], x[stride], ... as the base-3 fraction of 256 that TQ1_0 stores (rounded up).
uint8_t packTrits(const float* x, int stride, int count, float id)
{
    uint8_t q = 0;
    for (int n = 0; n < count; ++n)
        q = static_cast<uint8_t>(q * 3 + trit(x[n * stride], id));
    if (count == 4)
        q = static_cast<uint8_t>(q * 3);   // four trits sit in the top positions of five
    return static_cast<uint8_t>((static_cast<uint16_t>(q) * 256 + (243 - 1)) / 243);
}

} // namespace

void quantizeRowTQ1_0Ref(const float* x, void* dst, int64_t n, const float*)
{
    auto* y = static_cast<BlockTQ1_0*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i, x += kQK_K) {
        const float id = ternaryScale(x, y[i].d);
        for (int m = 0; m < 32; ++m)          // 160 values, 5 per byte, 32 apart
            y[i].qs[m] = packTrits(x + m, 32, 5, id);
        for (int m = 0; m < 16; ++m)          // 80 values, 5 per byte, 16 apart
            y[i].qs[32 + m] = packTrits(x + 160 + m, 16, 5, id);
        for (int j = 0; j < 4; ++j)           // 16 values, 4 per byte, 4 apart
            y[i].qh[j] = packTrits(x + 240 + j, 4, 4, id);
    }
}

void quantizeRowTQ2_0Ref(const float* x, void* dst, int64_t n, const float*)
{
    auto* y = static_cast<BlockTQ2_0*>(dst);
    for (int64_t i = 0; i < n / kQK_K; ++i, x += kQK_K) {
        const float id = ternaryScale(x, y[i].d);
        for (int j = 0; j < kQK_K / 4; j += 32)
            for (int m = 0; m < 32; ++m) {
                uint8_t q = 0;
                for (int b = 0; b < 4; ++b)
                    q = static_cast<uint8_t>(q + ((trit(x[4 * j + m + 32 * b], id) & 3) << (2 * b)));
                y[i].qs[j + m] = q;
            }
    }
}

} // namespace qx::quant
