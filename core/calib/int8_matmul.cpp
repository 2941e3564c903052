#include "calib/int8_matmul.h"

#include "common/error.h"
#include "common/parallel_for.h"
#include "common/thread_count.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qx {
namespace {

inline int8_t code8(float x, float inv)
{
    const float r = std::round(x * inv);
    return static_cast<int8_t>(std::clamp(r, -127.0f, 127.0f));
}

// Step of one row over the columns not kept in float.
float rowStep(const float* x, int64_t cols, std::span<const uint8_t> keep)
{
    float amax = 0.0f;
    for (int64_t j = 0; j < cols; ++j)
        if (keep.empty() || !keep[static_cast<size_t>(j)])
            amax = std::max(amax, std::fabs(x[j]));
    return amax / 127.0f;
}

} // namespace

void fakeQuantRowsInt8(float* x, int64_t rows, int64_t cols, std::span<const uint8_t> keepFloat)
{
    if (!keepFloat.empty() && keepFloat.size() != static_cast<size_t>(cols))
        throw Error(ErrorCode::InvalidArgument, "int8: column mask length differs from the row width");
    for (int64_t r = 0; r < rows; ++r) {
        float* row = x + r * cols;
        const float step = rowStep(row, cols, keepFloat);
        const float inv = step > 0.0f ? 1.0f / step : 0.0f;
        for (int64_t j = 0; j < cols; ++j)
            if (keepFloat.empty() || !keepFloat[static_cast<size_t>(j)])
                row[j] = step * static_cast<float>(code8(row[j], inv));
    }
}

PackedTensor packInt8Rows(std::span<const float> values, int64_t cols, std::span<const uint8_t> keepFloat)
{
    if (cols <= 0 || values.size() % static_cast<size_t>(cols) != 0)
        throw Error(ErrorCode::InvalidArgument, "int8: the values are not whole rows");
    if (!keepFloat.empty() && keepFloat.size() != static_cast<size_t>(cols))
        throw Error(ErrorCode::InvalidArgument, "int8: column mask length differs from the row width");
    PackedTensor p;
    p.type = TensorType::I8;
    p.rowLength = cols;
    p.rows = static_cast<int64_t>(values.size()) / cols;
    p.blocks.resize(values.size());
    p.rowSteps.resize(static_cast<size_t>(p.rows));
    for (int64_t j = 0; j < cols; ++j)
        if (!keepFloat.empty() && keepFloat[static_cast<size_t>(j)])
            p.floatColumns.push_back(j);
    const size_t kept = p.floatColumns.size();
    p.floatValues.resize(static_cast<size_t>(p.rows) * kept);
    auto* codes = reinterpret_cast<int8_t*>(p.blocks.data());
    // A 7B layer is 45 M values: rows on every thread past ~1 M.
    const int threads = static_cast<int>(std::min<int64_t>(int64_t(values.size()) / (int64_t(1) << 20) + 1,
                                                           resolveThreadCount(0)));
    parallelFor(p.rows, threads, [&](int64_t first, int64_t last) {
        for (int64_t r = first; r < last; ++r) {
            const float* row = values.data() + r * cols;
            const float step = rowStep(row, cols, keepFloat);
            const float inv = step > 0.0f ? 1.0f / step : 0.0f;
            p.rowSteps[static_cast<size_t>(r)] = step;
            for (int64_t j = 0; j < cols; ++j)
                codes[r * cols + j] = keepFloat.empty() || !keepFloat[static_cast<size_t>(j)] ? code8(row[j], inv) : 0;
            for (size_t k = 0; k < kept; ++k)
                p.floatValues[static_cast<size_t>(r) * kept + k] = row[p.floatColumns[k]];
        }
    });
    return p;
}

std::vector<float> llmInt8Matmul(const float* x, int64_t rows, int64_t cols, const WeightView& w, float threshold,
                                 std::vector<int64_t>* outliers)
{
    if (w.cols != cols)
        throw Error(ErrorCode::Mismatch, "llmInt8Matmul: input width differs from the weight's");
    std::vector<uint8_t> mask(static_cast<size_t>(cols), 0);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < cols; ++j)
            if (std::fabs(x[r * cols + j]) >= threshold)
                mask[static_cast<size_t>(j)] = 1;
    if (outliers) {
        outliers->clear();
        for (int64_t j = 0; j < cols; ++j)
            if (mask[static_cast<size_t>(j)])
                outliers->push_back(j);
    }
    std::vector<float> xs(static_cast<size_t>(rows)), ws(static_cast<size_t>(w.rows));
    std::vector<int8_t> xq(static_cast<size_t>(rows * cols)), wq(static_cast<size_t>(w.rows * cols));
    auto quantize = [&](const float* m, int64_t n, std::vector<float>& steps, std::vector<int8_t>& codes) {
        for (int64_t r = 0; r < n; ++r) {
            steps[static_cast<size_t>(r)] = rowStep(m + r * cols, cols, mask);
            const float inv = steps[static_cast<size_t>(r)] > 0 ? 1.0f / steps[static_cast<size_t>(r)] : 0.0f;
            for (int64_t j = 0; j < cols; ++j)
                codes[static_cast<size_t>(r * cols + j)] = mask[static_cast<size_t>(j)] ? 0 : code8(m[r * cols + j], inv);
        }
    };
    quantize(x, rows, xs, xq);
    quantize(w.data, w.rows, ws, wq);
    std::vector<float> y(static_cast<size_t>(rows * w.rows));
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t o = 0; o < w.rows; ++o) {
            int32_t acc = 0;
            float outlier = 0.0f;
            for (int64_t j = 0; j < cols; ++j) {
                acc += xq[static_cast<size_t>(r * cols + j)] * wq[static_cast<size_t>(o * cols + j)];
                if (mask[static_cast<size_t>(j)])
                    outlier += x[r * cols + j] * w.data[o * cols + j];
            }
            y[static_cast<size_t>(r * w.rows + o)] =
                static_cast<float>(acc) * xs[static_cast<size_t>(r)] * ws[static_cast<size_t>(o)] + outlier;
        }
    return y;
}

void checkW8A8Settings(bool smoothQuant, double alpha, float threshold)
{
    if (smoothQuant && (!std::isfinite(alpha) || alpha < 0.0 || alpha > 1.0))
        throw Error(ErrorCode::InvalidArgument, "SmoothQuant alpha must lie in [0, 1]");
    if (!smoothQuant && (!std::isfinite(threshold) || threshold <= 0.0f))
        throw Error(ErrorCode::InvalidArgument, "LLM.int8 threshold must be positive");
}

std::vector<uint8_t> outlierMask(const LayerCalib& calib, float threshold)
{
    std::vector<uint8_t> m(calib.maxAbs.size());
    for (size_t j = 0; j < m.size(); ++j)
        m[j] = calib.maxAbs[j] >= threshold ? 1 : 0;
    return m;
}

ColumnMasks outlierColumns(const CalibData& calib, float threshold)
{
    ColumnMasks out;
    for (const auto& [name, c] : calib)
        out[name] = outlierMask(c, threshold);
    return out;
}

std::string outlierNote(const std::string& layer, std::span<const uint8_t> mask, float threshold)
{
    constexpr size_t kListed = 24; // a 7B ffn_down can have thousands
    std::string cols;
    size_t count = 0;
    for (size_t j = 0; j < mask.size(); ++j)
        if (mask[j] && ++count <= kListed)
            cols += ' ' + std::to_string(j);
    if (count > kListed)
        cols += " ... (" + std::to_string(count) + " of " + std::to_string(mask.size()) + ")";
    char head[160];
    std::snprintf(head, sizeof head, "%-26s outlier columns (|x| >= %.1f):", layer.c_str(), threshold);
    return head + (cols.empty() ? std::string(" none") : cols);
}

Substitutions int8Weights(const LlamaWeights& weights, const Substitutions& base, const ColumnMasks& keep)
{
    Substitutions out;
    for (const std::string& name : weights.tensorNames()) {
        const WeightView w = weights.tensor(name);
        if (name.rfind("blk.", 0) != 0 || w.rows <= 1 || name.find("norm") != std::string::npos)
            continue;
        auto b = base.find(name);
        std::vector<float> v = b != base.end() ? b->second : std::vector<float>(w.data, w.data + w.rows * w.cols);
        auto k = keep.find(name);
        fakeQuantRowsInt8(v.data(), w.rows, w.cols,
                          k != keep.end() ? std::span<const uint8_t>(k->second) : std::span<const uint8_t>{});
        out[name] = std::move(v);
    }
    return out;
}

ActivationTransform int8ActivationTransform(std::shared_ptr<const ColumnMasks> keep)
{
    return [keep](const std::string& name, float* x, int64_t rows, int64_t cols) {
        if (name.rfind("blk.", 0) != 0)
            return;
        std::span<const uint8_t> mask;
        if (keep) {
            auto it = keep->find(name);
            if (it != keep->end())
                mask = it->second;
        }
        fakeQuantRowsInt8(x, rows, cols, mask);
    };
}

} // namespace qx
