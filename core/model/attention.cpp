#include "model/attention.h"

#include "common/half.h"
#include "model/attention_kernels.h"
#include "model/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace qx {
namespace {

inline float maybeRound(float x, bool roundF16) { return roundF16 ? roundToFp16(x) : x; }

// ggml's soft_max: x·scale, running max, exp(x - max) in f32 summed in double, then multiplied by
// (float)(1/sum). Fills p[0..n) from raw scores s[0..n).
void softmaxRow(const float* s, float* p, int64_t n, float scale)
{
    float maxV = -std::numeric_limits<float>::infinity();
    for (int64_t j = 0; j < n; ++j) {
        p[j] = s[j] * scale;
        maxV = std::max(maxV, p[j]);
    }
    double sum = 0.0;
    for (int64_t j = 0; j < n; ++j) {
        p[j] = std::exp(p[j] - maxV);
        sum += static_cast<double>(p[j]);
    }
    const float inv = static_cast<float>(1.0 / sum);
    for (int64_t j = 0; j < n; ++j)
        p[j] *= inv;
}

// Copies head `g` of a [seqLen × nHeads·headDim] matrix into a contiguous [seqLen × headDim] block.
void gatherHead(const float* src, int64_t seqLen, int64_t nHeads, int64_t headDim, int64_t g, bool roundF16,
                float* dst)
{
    for (int64_t t = 0; t < seqLen; ++t) {
        const float* row = src + (t * nHeads + g) * headDim;
        for (int64_t d = 0; d < headDim; ++d)
            dst[t * headDim + d] = maybeRound(row[d], roundF16);
    }
}

} // namespace

namespace detail {

bool cpuHasAvx2Fma()
{
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
}

void attnScoresPortable(const float* q, const float* kt, int64_t ldk, int64_t n, int64_t hd, float* scores)
{
    for (int64_t j = 0; j < n; ++j)
        scores[j] = 0.0f;
    for (int64_t d = 0; d < hd; ++d)
        for (int64_t j = 0; j < n; ++j)
            scores[j] += q[d] * kt[d * ldk + j];
}

void attnWeightedSumPortable(const float* p, const float* v, int64_t n, int64_t hd, float* out)
{
    for (int64_t d = 0; d < hd; ++d)
        out[d] = 0.0f;
    for (int64_t j = 0; j < n; ++j)
        for (int64_t d = 0; d < hd; ++d)
            out[d] += p[j] * v[j * hd + d];
}

} // namespace detail

void causalAttention(const float* q, const float* k, const float* v, float* out, const AttentionShape& s,
                     int threads)
{
    const int64_t T = s.seqLen, hd = s.headDim, group = s.nHead / s.nHeadKv;
    // Keys transposed per KV head (hd rows of ldk ≥ T keys, zero-padded to a multiple of 8), values packed.
    const int64_t ldk = (T + 7) / 8 * 8;
    std::vector<float> kPacked(static_cast<size_t>(s.nHeadKv * hd * ldk), 0.0f);
    std::vector<float> vPacked(static_cast<size_t>(s.nHeadKv * T * hd));
    parallelFor(s.nHeadKv, threads, [&](int64_t b, int64_t e) {
        for (int64_t g = b; g < e; ++g) {
            float* kt = kPacked.data() + g * hd * ldk;
            for (int64_t t = 0; t < T; ++t)
                for (int64_t d = 0; d < hd; ++d)
                    kt[d * ldk + t] = maybeRound(k[(t * s.nHeadKv + g) * hd + d], s.roundF16);
            gatherHead(v, T, s.nHeadKv, hd, g, s.roundF16, vPacked.data() + g * T * hd);
        }
    });
    const bool avx2 = detail::cpuHasAvx2Fma();
    const auto scoresFn = avx2 ? &detail::attnScoresAvx2 : &detail::attnScoresPortable;
    const auto sumFn = avx2 ? &detail::attnWeightedSumAvx2 : &detail::attnWeightedSumPortable;
    parallelFor(s.nHead * T, threads, [&](int64_t begin, int64_t end) {
        std::vector<float> scores(static_cast<size_t>(ldk)), probs(static_cast<size_t>(T));
        std::vector<float> qRow(static_cast<size_t>(hd));
        for (int64_t item = begin; item < end; ++item) {
            const int64_t h = item / T, i = item % T, g = h / group;
            for (int64_t d = 0; d < hd; ++d)
                qRow[static_cast<size_t>(d)] = maybeRound(q[(i * s.nHead + h) * hd + d], s.roundF16);
            scoresFn(qRow.data(), kPacked.data() + g * hd * ldk, ldk, i + 1, hd, scores.data());
            softmaxRow(scores.data(), probs.data(), i + 1, s.scale);
            if (s.roundF16)
                for (int64_t j = 0; j <= i; ++j)
                    probs[static_cast<size_t>(j)] = roundToFp16(probs[static_cast<size_t>(j)]);
            sumFn(probs.data(), vPacked.data() + g * T * hd, i + 1, hd, out + (i * s.nHead + h) * hd);
        }
    });
}

void causalAttentionRef(const float* q, const float* k, const float* v, float* out, const AttentionShape& s)
{
    const int64_t T = s.seqLen, hd = s.headDim, group = s.nHead / s.nHeadKv;
    const int64_t qStride = s.nHead * hd, kvStride = s.nHeadKv * hd;
    std::vector<float> scores(static_cast<size_t>(T)), probs(static_cast<size_t>(T));
    for (int64_t h = 0; h < s.nHead; ++h) {
        const int64_t g = h / group;
        for (int64_t i = 0; i < T; ++i) {
            for (int64_t j = 0; j <= i; ++j) {
                float dot = 0.0f;
                for (int64_t d = 0; d < hd; ++d)
                    dot += maybeRound(q[i * qStride + h * hd + d], s.roundF16)
                         * maybeRound(k[j * kvStride + g * hd + d], s.roundF16);
                scores[static_cast<size_t>(j)] = dot;
            }
            softmaxRow(scores.data(), probs.data(), i + 1, s.scale);
            for (int64_t d = 0; d < hd; ++d) {
                float sum = 0.0f;
                for (int64_t j = 0; j <= i; ++j)
                    sum += maybeRound(probs[static_cast<size_t>(j)], s.roundF16)
                         * maybeRound(v[j * kvStride + g * hd + d], s.roundF16);
                out[i * qStride + h * hd + d] = sum;
            }
        }
    }
}

} // namespace qx
