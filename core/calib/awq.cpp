#include "calib/awq.h"

#include "calib/gptq.h"
#include "common/error.h"

#include <algorithm>
#include <cmath>

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

// Quantizes W·diag(s) on the grid: {scaled quantized values, loss of their unscaled form}.
std::pair<std::vector<float>, double> scaledQuant(const WeightView& w, const QuantGrid& grid, std::span<const float> s,
                                                  std::span<const double> hessian)
{
    std::vector<float> scaled = copyOf(w);
    for (int64_t r = 0; r < w.rows; ++r)
        for (int64_t c = 0; c < w.cols; ++c)
            scaled[static_cast<size_t>(r * w.cols + c)] *= s[static_cast<size_t>(c)];
    std::vector<float> q = fakeQuantGrid(grid, scaled, w.cols);
    std::vector<float> back = q;
    for (int64_t r = 0; r < w.rows; ++r)
        for (int64_t c = 0; c < w.cols; ++c)
            back[static_cast<size_t>(r * w.cols + c)] /= s[static_cast<size_t>(c)];
    const double loss = layerLoss({w.data, static_cast<size_t>(w.rows * w.cols)}, back, w.rows, w.cols, hessian);
    return {std::move(q), loss};
}

} // namespace

std::vector<ScaleGroup> normScaleGroups(const LlamaWeights& weights)
{
    std::vector<ScaleGroup> out;
    for (size_t l = 0; l < weights.layers().size(); ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        out.push_back({p + "attn_norm.weight", {p + "attn_q.weight", p + "attn_k.weight", p + "attn_v.weight"}});
        out.push_back({p + "ffn_norm.weight", {p + "ffn_gate.weight", p + "ffn_up.weight"}});
    }
    return out;
}

std::vector<ScaleGroup> awqScaleGroups(const LlamaWeights& weights)
{
    std::vector<ScaleGroup> out;
    const auto norms = normScaleGroups(weights);
    for (size_t i = 0; i + 1 < norms.size(); i += 2) {
        const std::string p = "blk." + std::to_string(i / 2) + ".";
        out.push_back(norms[i]);
        out.push_back({p + "ffn_up.weight", {p + "ffn_down.weight"}});
        out.push_back(norms[i + 1]);
    }
    return out;
}

Substitutions foldInputScales(const LlamaWeights& weights, const ScaleGroup& group, std::span<const float> scales)
{
    Substitutions out;
    const WeightView prev = weights.tensor(group.norm);
    std::vector<float> norm = copyOf(prev);
    const int64_t outputs = prev.rows > 1 ? prev.rows : prev.cols; // a norm vector, or a matrix's output rows
    if (!prev || outputs != static_cast<int64_t>(scales.size()))
        throw Error(ErrorCode::Mismatch, "scale count differs from the outputs of " + group.norm);
    const int64_t per = prev.rows > 1 ? prev.cols : 1;
    for (size_t j = 0; j < norm.size(); ++j)
        norm[j] /= scales[j / static_cast<size_t>(per)];
    out[group.norm] = std::move(norm);
    for (const std::string& name : group.weights) {
        const WeightView w = weights.tensor(name);
        std::vector<float> v = copyOf(w);
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t c = 0; c < w.cols; ++c)
                v[static_cast<size_t>(r * w.cols + c)] *= scales[static_cast<size_t>(c)];
        out[name] = std::move(v);
    }
    return out;
}

AwqResult awqQuantize(const LlamaWeights& weights, const CalibData& calib, const QuantGrid& grid, int gridPoints,
                      const ProgressFn& progress)
{
    AwqResult result;
    LlamaWeights work = weights; // float weights with the scales folded so far
    const auto groups = awqScaleGroups(weights);
    for (size_t gi = 0; gi < groups.size(); ++gi) {
        const ScaleGroup& g = groups[gi];
        if (!gridFits(grid, weights.tensor(g.weights.front()).cols))
            continue;
        const LayerCalib& c = calibOf(calib, g.weights.front());
        if (c.hessian.empty())
            throw Error(ErrorCode::Invalid, "AWQ needs the Hessian of " + g.weights.front());
        for (const auto& name : g.weights)
            validateGrid(grid, work.tensor(name).cols);
        AwqGroupReport rep{g.norm, 0.0, 0.0, -1.0};
        std::vector<float> bestScales;
        std::vector<std::vector<float>> bestQ;
        for (int k = 0; k < std::max(1, gridPoints); ++k) {
            const double alpha = static_cast<double>(k) / std::max(1, gridPoints);
            const std::vector<float> s = awqScales(c.meanAbs, alpha);
            double loss = 0.0;
            std::vector<std::vector<float>> qs;
            for (const auto& name : g.weights) {
                auto [q, l] = scaledQuant(work.tensor(name), grid, s, c.hessian);
                loss += l;
                qs.push_back(std::move(q));
            }
            if (k == 0)
                rep.lossRtn = loss;
            if (rep.lossAwq < 0.0 || loss < rep.lossAwq) {
                rep = {g.norm, alpha, rep.lossRtn, loss};
                bestScales = s;
                bestQ = std::move(qs);
            }
        }
        Substitutions folded = foldInputScales(work, g, bestScales);
        work.substitute(g.norm, folded[g.norm]);
        result.tensors[g.norm] = folded[g.norm]; // ffn_up: replaced by its quantized form later
        for (size_t i = 0; i < g.weights.size(); ++i)
            result.tensors[g.weights[i]] = std::move(bestQ[i]);
        for (auto& [name, values] : folded)
            result.folded[name] = std::move(values);
        result.groups.push_back(rep);
        if (progress && !progress(static_cast<double>(gi + 1) / static_cast<double>(groups.size())))
            throw Error(ErrorCode::Cancelled, "AWQ cancelled");
    }
    return result;
}

Substitutions smoothQuantFold(const LlamaWeights& weights, const CalibData& calib, double alpha)
{
    Substitutions out;
    for (const ScaleGroup& g : normScaleGroups(weights)) {
        const LayerCalib& c = calibOf(calib, g.weights.front());
        std::vector<float> wMax(c.maxAbs.size(), 0.0f);
        for (const auto& name : g.weights) {
            const WeightView w = weights.tensor(name);
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
        Substitutions f = foldInputScales(weights, g, s);
        out.insert(std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
    }
    return out;
}

} // namespace qx
