// Compiled with -mavx2 -mfma; only called when cpuHasAvx2Fma().
#include "model/avx2_math.h"
#include "model/llama_ops.h"

#include <algorithm>
#include <cmath>

namespace qx::detail {

void siluMulAvx2(float* gate, const float* up, int64_t n)
{
    const __m256 one = _mm256_set1_ps(1.0f), limit = _mm256_set1_ps(88.0f);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 g = _mm256_loadu_ps(gate + i);
        // exp(−g) clamped at e^88: for g < −88 the quotient is −0 either way.
        const __m256 e = expAvx2(_mm256_min_ps(_mm256_sub_ps(_mm256_setzero_ps(), g), limit));
        const __m256 silu = _mm256_div_ps(g, _mm256_add_ps(one, e));
        _mm256_storeu_ps(gate + i, _mm256_mul_ps(silu, _mm256_loadu_ps(up + i)));
    }
    for (; i < n; ++i)
        gate[i] = gate[i] / (1.0f + std::exp(-gate[i])) * up[i];
}

} // namespace qx::detail
