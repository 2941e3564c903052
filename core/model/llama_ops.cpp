#include "model/llama_ops.h"

#include "common/error.h"
#include "model/attention_kernels.h"

#include <cmath>
#include <cstring>
#include <string>

namespace qx {

void rmsNormRows(const float* x, int64_t rows, const WeightView& weight, double eps, float* y)
{
    const int64_t n = weight.cols * weight.rows;
    for (int64_t r = 0; r < rows; ++r) {
        const float* xr = x + r * n;
        double sum = 0.0;
        for (int64_t i = 0; i < n; ++i)
            sum += static_cast<double>(xr[i] * xr[i]);
        const float mean = static_cast<float>(sum / static_cast<double>(n));
        const float scale = 1.0f / std::sqrt(mean + static_cast<float>(eps));
        float* yr = y + r * n;
        for (int64_t i = 0; i < n; ++i)
            yr[i] = (xr[i] * scale) * weight.data[i];
    }
}

std::vector<float> ropeTable(int64_t seqLen, const LlamaConfig& c, const float* freqFactors)
{
    // ggml builds theta by repeated multiplication in float; we do the same so the angles agree bit for bit.
    const int64_t pairs = c.nRot / 2;
    const float thetaScale = std::pow(static_cast<float>(c.ropeFreqBase), -2.0f / static_cast<float>(c.nRot));
    const float freqScale = static_cast<float>(c.ropeFreqScale);
    std::vector<float> table(static_cast<size_t>(seqLen * pairs * 2));
    for (int64_t p = 0; p < seqLen; ++p) {
        float theta = static_cast<float>(p);
        for (int64_t i = 0; i < pairs; ++i) {
            // ggml: rope_yarn(theta / ff, freq_scale) = freq_scale · (theta / ff); ff = 1 leaves theta exact.
            const float angle = freqScale * (freqFactors ? theta / freqFactors[i] : theta);
            table[static_cast<size_t>((p * pairs + i) * 2)] = std::cos(angle);
            table[static_cast<size_t>((p * pairs + i) * 2 + 1)] = std::sin(angle);
            theta *= thetaScale;
        }
    }
    return table;
}

void applyRope(float* x, int64_t seqLen, int64_t nHeads, const LlamaConfig& c, const std::vector<float>& table)
{
    const int64_t pairs = c.nRot / 2;
    for (int64_t p = 0; p < seqLen; ++p) {
        const float* cs = table.data() + p * pairs * 2;
        for (int64_t h = 0; h < nHeads; ++h) {
            float* head = x + (p * nHeads + h) * c.headDim;
            for (int64_t i = 0; i < pairs; ++i) {
                const int64_t a = c.ropeNeox ? i : 2 * i;
                const int64_t b = c.ropeNeox ? i + pairs : 2 * i + 1;
                const float x0 = head[a], x1 = head[b];
                const float cosT = cs[2 * i], sinT = cs[2 * i + 1];
                head[a] = x0 * cosT - x1 * sinT;
                head[b] = x0 * sinT + x1 * cosT;
            }
        }
    }
}

void siluMul(float* gate, const float* up, int64_t n)
{
    for (int64_t i = 0; i < n; ++i) {
        const float g = gate[i];
        gate[i] = g / (1.0f + std::exp(-g)) * up[i];
    }
}

void siluMulFast(float* gate, const float* up, int64_t n)
{
    if (detail::cpuHasAvx2Fma())
        detail::siluMulAvx2(gate, up, n);
    else
        siluMul(gate, up, n);
}

void addInPlace(float* a, const float* b, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        a[i] += b[i];
}

void embedTokens(const WeightView& embedding, const int32_t* tokens, int64_t count, float* out)
{
    const int64_t dim = embedding.cols;
    for (int64_t t = 0; t < count; ++t) {
        const int32_t id = tokens[t];
        if (id < 0 || id >= embedding.rows)
            throw Error(ErrorCode::InvalidArgument, "token id " + std::to_string(id) + " at position "
                                                        + std::to_string(t) + " is outside the vocabulary of "
                                                        + std::to_string(embedding.rows));
        std::memcpy(out + t * dim, embedding.data + static_cast<int64_t>(id) * dim, sizeof(float) * size_t(dim));
    }
}

bool hasNaN(const float* x, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        if (std::isnan(x[i]))
            return true;
    return false;
}

} // namespace qx
