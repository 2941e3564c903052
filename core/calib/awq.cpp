#include "calib/awq.h"

#include "calib/gptq.h"
#include "common/error.h"
#include "common/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace qx {
namespace {

std::vector<float> copyOf(const WeightView& v)
{
    return std::vector<float>(v.data, v.data + v.rows * v.cols);
}

const LayerCalib& calibOf(const CalibData& calib, const std::string& name)
{
    auto it = calib.find(name);
    if (it == calib.end())
        throw Error(ErrorCode::Invalid, "no calibration data for " + name);
    return it->second;
}

/// A tensor by name: from the whole model, or from one block's float copies.
using TensorLookup = std::function<WeightView(const std::string&)>;

TensorLookup lookupIn(const FloatTensors& block)
{
    return [&block](const std::string& name) {
        const auto it = block.find(name);
        if (it == block.end())
            throw Error(ErrorCode::Invalid, "AWQ: the block's tensors lack " + name);
        return it->second.view();
    };
}

// AWQ scales for one α: meanAbs^α, clamped at 1e-4, divided by sqrt(max·min).
std::vector<float> awqScales(std::span<const float> meanAbs, double alpha)
{
    std::vector<float> s(meanAbs.size());
    for (size_t j = 0; j < s.size(); ++j)
        s[j] = std::max(1e-4f, static_cast<float>(std::pow(std::max(0.0f, meanAbs[j]), alpha)));
    const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    const float norm = std::sqrt(*lo * *hi);
    for (float& v : s)
        v /= norm;
    return s;
}

// tr(ΔW H ΔWᵀ) of the quantized scaled weights `q` brought back (divided by s) against the float `w`.
double lossOfScaled(const WeightView& w, std::span<const float> q, std::span<const float> s,
                    std::span<const double> hessian)
{
    std::vector<float> back(q.begin(), q.end());
    for (int64_t r = 0; r < w.rows; ++r)
        for (int64_t c = 0; c < w.cols; ++c)
            back[static_cast<size_t>(r * w.cols + c)] /= s[static_cast<size_t>(c)];
    return layerLoss({w.data, static_cast<size_t>(w.rows * w.cols)}, back, w.rows, w.cols, hessian);
}

// Quantizes W·diag(s) on the grid: {scaled quantized values, loss of their unscaled form}.
std::pair<std::vector<float>, double> scaledQuant(const WeightView& w, const QuantGrid& grid, std::span<const float> s,
                                                  std::span<const double> hessian)
{
    std::vector<float> scaled = copyOf(w);
    for (int64_t r = 0; r < w.rows; ++r)
        for (int64_t c = 0; c < w.cols; ++c)
            scaled[static_cast<size_t>(r * w.cols + c)] *= s[static_cast<size_t>(c)];
    std::vector<float> q = fakeQuantGrid(grid, scaled, w.cols);
    const double loss = lossOfScaled(w, q, s, hessian);
    return {std::move(q), loss};
}

// One scale per input column of the group's weights, from one per output of the preceding tensor.
std::vector<float> expandScales(const ScaleGroup& g, std::span<const float> scales, int64_t cols)
{
    if (g.scaleIndex.empty())
        return std::vector<float>(scales.begin(), scales.end());
    if (static_cast<int64_t>(g.scaleIndex.size()) != cols)
        throw Error(ErrorCode::Mismatch, "scale index does not match the columns of " + g.weights.front());
    std::vector<float> out(static_cast<size_t>(cols));
    for (size_t j = 0; j < out.size(); ++j)
        out[j] = scales[static_cast<size_t>(g.scaleIndex[j])];
    return out;
}

// meanAbs per scale: the mean over the columns sharing it (identity without a scale index).
std::vector<float> reduceMeanAbs(const ScaleGroup& g, std::span<const float> meanAbs, int64_t scales)
{
    if (g.scaleIndex.empty())
        return std::vector<float>(meanAbs.begin(), meanAbs.end());
    std::vector<double> sum(static_cast<size_t>(scales), 0.0);
    std::vector<int> count(static_cast<size_t>(scales), 0);
    for (size_t j = 0; j < g.scaleIndex.size(); ++j) {
        sum[static_cast<size_t>(g.scaleIndex[j])] += meanAbs[j];
        ++count[static_cast<size_t>(g.scaleIndex[j])];
    }
    std::vector<float> out(sum.size());
    for (size_t k = 0; k < out.size(); ++k)
        out[k] = count[k] ? static_cast<float>(sum[k] / count[k]) : 0.0f;
    return out;
}

// AWQ's clip search on one block of one row (values at `at`, columns c0 … c0+len of a row of `cols`).
void clipBlock(std::span<const float> scaled, std::vector<float>& out, int64_t at, int64_t len, int64_t c0,
               int64_t cols, const QuantGrid& grid, std::span<const float> s, std::span<const double> h)
{
    const auto orig = scaled.subspan(static_cast<size_t>(at), static_cast<size_t>(len));
    float amax = 0.0f;
    for (float v : orig)
        amax = std::max(amax, std::fabs(v));
    std::vector<float> trial(static_cast<size_t>(len));
    std::vector<double> d(static_cast<size_t>(len));
    double best = -1.0;
    for (int k = 0; k < 10 && amax > 0.0f; ++k) {
        const float m = amax * (1.0f - 0.05f * static_cast<float>(k));
        for (int64_t j = 0; j < len; ++j)
            trial[static_cast<size_t>(j)] = std::clamp(orig[static_cast<size_t>(j)], -m, m);
        const std::vector<float> q = fakeQuantGrid(grid, trial, len);
        for (int64_t j = 0; j < len; ++j)
            d[static_cast<size_t>(j)] = (static_cast<double>(orig[static_cast<size_t>(j)]) - q[static_cast<size_t>(j)])
                                        / s[static_cast<size_t>(c0 + j)];
        double loss = 0.0;
        for (int64_t i = 0; i < len; ++i) {
            const double* row = h.data() + (c0 + i) * cols + c0;
            double dot = 0.0;
            for (int64_t j = 0; j < len; ++j)
                dot += row[j] * d[static_cast<size_t>(j)];
            loss += d[static_cast<size_t>(i)] * dot;
        }
        if (best < 0.0 || loss < best) {
            best = loss;
            std::copy(trial.begin(), trial.end(), out.begin() + at);
        }
    }
}

} // namespace

std::vector<ScaleGroup> normBlockGroups(int64_t layer)
{
    const std::string p = "blk." + std::to_string(layer) + ".";
    return {{p + "attn_norm.weight", {p + "attn_q.weight", p + "attn_k.weight", p + "attn_v.weight"}, {}},
            {p + "ffn_norm.weight", {p + "ffn_gate.weight", p + "ffn_up.weight"}, {}}};
}

std::vector<ScaleGroup> normScaleGroups(const LlamaWeights& weights)
{
    std::vector<ScaleGroup> out;
    for (size_t l = 0; l < weights.layers().size(); ++l)
        for (ScaleGroup& g : normBlockGroups(static_cast<int64_t>(l)))
            out.push_back(std::move(g));
    return out;
}

std::vector<ScaleGroup> awqBlockGroups(const LlamaConfig& cfg, int64_t layer)
{
    const int64_t perKv = cfg.nHeadKv > 0 ? cfg.nHead / cfg.nHeadKv : 1;
    std::vector<int64_t> vIndex(static_cast<size_t>(cfg.nHead * cfg.headDim));
    for (size_t j = 0; j < vIndex.size(); ++j) // column (head h, dim d) ← V row (kv head h / perKv, dim d)
        vIndex[j] = (static_cast<int64_t>(j) / cfg.headDim / perKv) * cfg.headDim + static_cast<int64_t>(j) % cfg.headDim;
    const std::string p = "blk." + std::to_string(layer) + ".";
    return {{p + "attn_v.weight", {p + "attn_output.weight"}, vIndex},
            {p + "attn_norm.weight", {p + "attn_q.weight", p + "attn_k.weight", p + "attn_v.weight"}, {}},
            {p + "ffn_up.weight", {p + "ffn_down.weight"}, {}},
            {p + "ffn_norm.weight", {p + "ffn_gate.weight", p + "ffn_up.weight"}, {}}};
}

std::vector<ScaleGroup> awqScaleGroups(const LlamaWeights& weights)
{
    std::vector<ScaleGroup> out;
    for (size_t l = 0; l < weights.layers().size(); ++l)
        for (ScaleGroup& g : awqBlockGroups(weights.config(), static_cast<int64_t>(l)))
            out.push_back(std::move(g));
    return out;
}

std::vector<std::string> groupTensorNames(const std::vector<ScaleGroup>& groups)
{
    std::vector<std::string> out;
    const auto add = [&](const std::string& name) {
        if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    };
    for (const ScaleGroup& g : groups) {
        add(g.norm);
        for (const std::string& w : g.weights)
            add(w);
    }
    return out;
}

namespace {

Substitutions foldScales(const TensorLookup& tensor, const ScaleGroup& group, std::span<const float> scales)
{
    Substitutions out;
    const WeightView prev = tensor(group.norm);
    std::vector<float> norm = copyOf(prev);
    const int64_t outputs = prev.rows > 1 ? prev.rows : prev.cols; // a norm vector, or a matrix's output rows
    if (!prev || outputs != static_cast<int64_t>(scales.size()))
        throw Error(ErrorCode::Mismatch, "scale count differs from the outputs of " + group.norm);
    const int64_t per = prev.rows > 1 ? prev.cols : 1;
    for (size_t j = 0; j < norm.size(); ++j)
        norm[j] /= scales[j / static_cast<size_t>(per)];
    out[group.norm] = std::move(norm);
    for (const std::string& name : group.weights) {
        const WeightView w = tensor(name);
        const std::vector<float> sw = expandScales(group, scales, w.cols);
        std::vector<float> v = copyOf(w);
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t c = 0; c < w.cols; ++c)
                v[static_cast<size_t>(r * w.cols + c)] *= sw[static_cast<size_t>(c)];
        out[name] = std::move(v);
    }
    return out;
}

} // namespace

Substitutions foldInputScales(const LlamaWeights& weights, const ScaleGroup& group, std::span<const float> scales)
{
    return foldScales([&weights](const std::string& name) { return weights.tensor(name); }, group, scales);
}

std::vector<float> awqClip(std::span<const float> scaled, int64_t rows, int64_t cols, const QuantGrid& grid,
                           std::span<const float> s, std::span<const double> hessian)
{
    std::vector<float> out(scaled.begin(), scaled.end());
    const int64_t unit = grid.blockLength(cols);
    parallelFor(rows, 0, [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; ++r)
            for (int64_t c0 = 0; c0 < cols; c0 += unit)
                clipBlock(scaled, out, r * cols + c0, std::min(unit, cols - c0), c0, cols, grid, s, hessian);
    });
    return out;
}

namespace {

// The α grid search of one group: the best scales (one per output of g.norm) and the report.
std::vector<float> searchScales(const TensorLookup& tensor, const ScaleGroup& g, const LayerCalib& c,
                                const QuantGrid& grid, int gridPoints, AwqGroupReport& rep)
{
    const int64_t nScales = [&] {
        const WeightView prev = tensor(g.norm);
        return prev.rows > 1 ? prev.rows : prev.cols;
    }();
    const std::vector<float> meanAbs = reduceMeanAbs(g, c.meanAbs, nScales);
    std::vector<float> best;
    rep = {g.norm, 0.0, 0.0, -1.0, 0.0};
    for (int k = 0; k < std::max(1, gridPoints); ++k) {
        const double alpha = static_cast<double>(k) / std::max(1, gridPoints);
        const std::vector<float> s = awqScales(meanAbs, alpha);
        double loss = 0.0;
        for (const auto& name : g.weights) {
            const WeightView w = tensor(name);
            loss += scaledQuant(w, grid, expandScales(g, s, w.cols), c.hessian).second;
        }
        if (k == 0)
            rep.lossRtn = loss;
        if (rep.lossAwq < 0.0 || loss < rep.lossAwq) {
            rep.alpha = alpha;
            rep.lossAwq = loss;
            best = s;
        }
    }
    return best;
}

bool clipped(const std::string& name)
{
    return name.find("attn_q.") == std::string::npos && name.find("attn_k.") == std::string::npos;
}

} // namespace

AwqResult awqQuantizeGroups(FloatTensors& block, const std::vector<ScaleGroup>& groups, const CalibData& calib,
                            const QuantGrid& grid, int gridPoints, const ProgressFn& progress, bool clip)
{
    AwqResult result;
    const TensorLookup tensor = lookupIn(block);
    for (size_t gi = 0; gi < groups.size(); ++gi) {
        const ScaleGroup& g = groups[gi];
        if (!gridFits(grid, tensor(g.weights.front()).cols))
            continue;
        const LayerCalib& c = calibOf(calib, g.weights.front());
        if (c.hessian.empty())
            throw Error(ErrorCode::Invalid, "AWQ needs the Hessian of " + g.weights.front());
        for (const auto& name : g.weights)
            validateGrid(grid, tensor(name).cols);
        AwqGroupReport rep;
        const std::vector<float> scales = searchScales(tensor, g, c, grid, gridPoints, rep);
        Substitutions folded = foldScales(tensor, g, scales);
        for (const auto& name : g.weights) {
            const WeightView w = tensor(name);
            const std::vector<float> sw = expandScales(g, scales, w.cols);
            if (clip && clipped(name))
                folded[name] = awqClip(folded[name], w.rows, w.cols, grid, sw, c.hessian);
            std::vector<float> q = fakeQuantGrid(grid, folded[name], w.cols);
            rep.lossClip += lossOfScaled(w, q, sw, c.hessian);
            result.tensors[name] = std::move(q);
        }
        block.at(g.norm).values = folded[g.norm]; // later groups read the divided norm / rows
        result.tensors[g.norm] = folded[g.norm];  // ffn_up / attn_v: replaced by their quantized form later
        for (auto& [name, values] : folded)
            result.folded[name] = std::move(values);
        result.groups.push_back(rep);
        if (progress && !progress(static_cast<double>(gi + 1) / static_cast<double>(groups.size())))
            throw Error(ErrorCode::Cancelled, "AWQ cancelled");
    }
    return result;
}

AwqResult awqQuantize(const LlamaWeights& weights, const CalibData& calib, const QuantGrid& grid, int gridPoints,
                      const ProgressFn& progress, bool clip)
{
    AwqResult result;
    const int64_t nLayer = static_cast<int64_t>(weights.layers().size());
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        const std::vector<ScaleGroup> groups = awqBlockGroups(weights.config(), layer);
        FloatTensors block;
        for (const std::string& name : groupTensorNames(groups)) {
            const WeightView v = weights.tensor(name);
            block[name] = {copyOf(v), v.rows, v.cols};
        }
        const ProgressFn part = [&](double f) {
            return !progress || progress((static_cast<double>(layer) + f) / static_cast<double>(nLayer));
        };
        AwqResult r = awqQuantizeGroups(block, groups, calib, grid, gridPoints, part, clip);
        result.tensors.merge(r.tensors);
        result.folded.merge(r.folded);
        result.groups.insert(result.groups.end(), r.groups.begin(), r.groups.end());
    }
    return result;
}

namespace {

/// SmoothQuant's scales for one group, folded: s_j = max|X_j|^α / max|W_j|^(1−α), max|W_j| over the group.
Substitutions smoothQuantGroup(const TensorLookup& tensor, const ScaleGroup& g, const CalibData& calib, double alpha)
{
    const LayerCalib& c = calibOf(calib, g.weights.front());
    std::vector<float> wMax(c.maxAbs.size(), 0.0f);
    for (const auto& name : g.weights) {
        const WeightView w = tensor(name);
        if (w.cols != static_cast<int64_t>(wMax.size()))
            throw Error(ErrorCode::Mismatch, "SmoothQuant: " + name + " has another width than its captured input");
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t col = 0; col < w.cols; ++col)
                wMax[static_cast<size_t>(col)] = std::max(wMax[static_cast<size_t>(col)],
                                                          std::fabs(w.data[r * w.cols + col]));
    }
    std::vector<float> s(wMax.size());
    for (size_t j = 0; j < s.size(); ++j) {
        const double v = std::pow(std::max(c.maxAbs[j], 1e-5f), alpha) / std::pow(std::max(wMax[j], 1e-5f), 1.0 - alpha);
        s[j] = static_cast<float>(std::clamp(v, 1e-5, 1e5));
    }
    return foldScales(tensor, g, s);
}

} // namespace

Substitutions smoothQuantFold(const LlamaWeights& weights, const CalibData& calib, double alpha)
{
    Substitutions out;
    const TensorLookup tensor = [&weights](const std::string& name) { return weights.tensor(name); };
    for (const ScaleGroup& g : normScaleGroups(weights))
        out.merge(smoothQuantGroup(tensor, g, calib, alpha));
    return out;
}

Substitutions smoothQuantFoldGroups(const FloatTensors& block, const std::vector<ScaleGroup>& groups,
                                    const CalibData& calib, double alpha)
{
    Substitutions out;
    for (const ScaleGroup& g : groups)
        out.merge(smoothQuantGroup(lookupIn(block), g, calib, alpha));
    return out;
}

} // namespace qx
