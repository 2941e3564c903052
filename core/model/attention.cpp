#include "model/attention.h"

#include "common/cpu_features.h"

#include "common/half.h"
#include "model/attention_kernels.h"
#include "common/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace qx {
namespace {

inline float maybeRound(float x, bool roundF16) { return roundF16 ? roundToFp16(x) : x; }

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
    static const bool has = cpuHasAvx2Fma16c();
    return has;
}

void attnScoresPortable(const AttentionTile& t, const float* kt, float* scores)
{
    for (int r = 0; r < t.nQueries; ++r) {
        float* row = scores + r * t.ldk;
        for (int64_t j = 0; j < t.nKeys; ++j)
            row[j] = 0.0f;
        for (int64_t d = 0; d < t.headDim; ++d)
            for (int64_t j = 0; j < t.nKeys; ++j)
                row[j] += t.q[r * t.headDim + d] * kt[d * t.ldk + j];
    }
}

void attnWeightedSumPortable(const AttentionTile& t, const float* p, const float* v, float* out, int64_t outStride)
{
    for (int r = 0; r < t.nQueries; ++r) {
        float* o = out + r * outStride;
        for (int64_t d = 0; d < t.headDim; ++d)
            o[d] = 0.0f;
        for (int64_t j = 0; j < t.nKeys; ++j)
            for (int64_t d = 0; d < t.headDim; ++d)
                o[d] += p[r * t.ldk + j] * v[j * t.headDim + d];
    }
}

// ggml's soft_max: x·scale, running max, exp(x - max) in f32 summed in double, then multiplied by
// (float)(1/sum). Fills p[0..n) from raw scores s[0..n).
void softmaxRowPortable(const float* s, float* p, int64_t n, float scale)
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

void roundToFp16Portable(float* x, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        x[i] = roundToFp16(x[i]);
}

} // namespace detail

namespace {

struct Kernels {
    decltype(&detail::attnScoresPortable) scores;
    decltype(&detail::attnWeightedSumPortable) weightedSum;
    decltype(&detail::roundToFp16Portable) round;
    decltype(&detail::softmaxRowPortable) softmax;
};

Kernels pickKernels()
{
    if (detail::cpuHasAvx2Fma())
        return {&detail::attnScoresAvx2, &detail::attnWeightedSumAvx2, &detail::roundToFp16Avx2, &detail::softmaxRowAvx2};
    return {&detail::attnScoresPortable, &detail::attnWeightedSumPortable, &detail::roundToFp16Portable,
            &detail::softmaxRowPortable};
}

// Keys of every KV head transposed (headDim rows of ldk keys, zero-padded) and values packed
// ([seqLen × headDim] per head), both rounded to fp16 when asked.
void packKeysValues(const float* k, const float* v, const AttentionShape& s, int64_t ldk, int threads,
                    std::vector<float>& kt, std::vector<float>& vp)
{
    const int64_t T = s.seqLen, hd = s.headDim;
    kt.assign(static_cast<size_t>(s.nHeadKv * hd * ldk), 0.0f);
    vp.resize(static_cast<size_t>(s.nHeadKv * T * hd));
    // Packing is a copy: worth a second thread only for long sequences.
    parallelFor(s.nHeadKv, T * hd * s.nHeadKv < (int64_t{1} << 17) ? 1 : threads, [&](int64_t b, int64_t e) {
        for (int64_t g = b; g < e; ++g) {
            float* kg = kt.data() + g * hd * ldk;
            for (int64_t t = 0; t < T; ++t)
                for (int64_t d = 0; d < hd; ++d)
                    kg[d * ldk + t] = maybeRound(k[(t * s.nHeadKv + g) * hd + d], s.roundF16);
            gatherHead(v, T, s.nHeadKv, hd, g, s.roundF16, vp.data() + g * T * hd);
        }
    });
}

} // namespace

void causalAttention(const float* q, const float* k, const float* v, float* out, const AttentionShape& s,
                     int threads, AttentionWorkspace* workspace)
{
    const int64_t T = s.seqLen, hd = s.headDim, group = s.nHead / s.nHeadKv;
    const int64_t ldk = (T + 15) / 16 * 16, tiles = (T + detail::kQueryTile - 1) / detail::kQueryTile;
    AttentionWorkspace local;
    AttentionWorkspace& ws = workspace ? *workspace : local;
    std::vector<float>& kt = ws.keys;
    std::vector<float>& vp = ws.values;
    packKeysValues(k, v, s, ldk, threads, kt, vp);
    const Kernels kern = pickKernels();
    parallelFor(s.nHead * tiles, threads, [&](int64_t begin, int64_t end) {
        std::vector<float> qTile(static_cast<size_t>(detail::kQueryTile * hd));
        std::vector<float> scores(static_cast<size_t>(detail::kQueryTile * ldk));
        std::vector<float> probs(scores.size());
        for (int64_t item = begin; item < end; ++item) {
            const int64_t h = item / tiles, i0 = (item % tiles) * detail::kQueryTile, g = h / group;
            const int nq = static_cast<int>(std::min<int64_t>(detail::kQueryTile, T - i0));
            const detail::AttentionTile tile{qTile.data(), nq, i0 + nq, hd, ldk};
            for (int r = 0; r < nq; ++r)
                for (int64_t d = 0; d < hd; ++d)
                    qTile[static_cast<size_t>(r * hd + d)] = maybeRound(q[((i0 + r) * s.nHead + h) * hd + d], s.roundF16);
            kern.scores(tile, kt.data() + g * hd * ldk, scores.data());
            for (int r = 0; r < nq; ++r) {
                float* p = probs.data() + r * ldk;
                const int64_t n = i0 + r + 1; // causal: query i sees keys 0..i
                kern.softmax(scores.data() + r * ldk, p, n, s.scale);
                if (s.roundF16)
                    kern.round(p, n);
                std::fill(p + n, p + tile.nKeys, 0.0f);
            }
            kern.weightedSum(tile, probs.data(), vp.data() + g * T * hd, out + (i0 * s.nHead + h) * hd, s.nHead * hd);
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
            detail::softmaxRowPortable(scores.data(), probs.data(), i + 1, s.scale);
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
