#include "compare/model_diff.h"

#include "stats/error_metrics.h"

#include <cmath>
#include <limits>
#include <map>

namespace qx {
namespace {

uint64_t elements(const std::vector<int64_t>& ne)
{
    uint64_t n = 1;
    for (const int64_t x : ne)
        n *= uint64_t(x);
    return n;
}

void add(DiffTotals& t, const TensorDiff& d)
{
    ++t.tensors;
    const bool hasA = d.status != TensorDiffStatus::OnlyInB, hasB = d.status != TensorDiffStatus::OnlyInA;
    if (hasA && !d.aliasA) {
        t.bytesA += d.bytesA;
        t.valuesA += elements(d.neA);
    }
    if (hasB && !d.aliasB) {
        t.bytesB += d.bytesB;
        t.valuesB += elements(d.neB);
    }
    switch (d.status) {
    case TensorDiffStatus::Identical: ++t.identical; break;
    case TensorDiffStatus::Compared:
        ++t.compared;
        t.signalEnergy += d.signalEnergy;
        t.noiseEnergy += d.noiseEnergy;
        break;
    default: ++t.unmatched; break;
    }
}

void finish(DiffTotals& t)
{
    t.bitsPerWeightA = t.valuesA ? double(t.bytesA) * 8.0 / double(t.valuesA) : 0.0;
    t.bitsPerWeightB = t.valuesB ? double(t.bytesB) * 8.0 / double(t.valuesB) : 0.0;
    t.sqnrDb = sqnrDb(t.signalEnergy, t.noiseEnergy);
    t.relativeError = t.signalEnergy > 0 ? std::sqrt(t.noiseEnergy / t.signalEnergy)
                                         : (t.noiseEnergy > 0 ? std::numeric_limits<double>::infinity() : 0.0);
}

} // namespace

DiffTotals totalsOf(const std::vector<TensorDiff>& tensors, std::string key)
{
    DiffTotals t;
    t.key = std::move(key);
    for (const TensorDiff& d : tensors)
        add(t, d);
    finish(t);
    return t;
}

std::vector<DiffTotals> totalsByLayer(const std::vector<TensorDiff>& tensors)
{
    std::map<int, DiffTotals> layers;
    for (const TensorDiff& d : tensors)
        if (d.layer >= 0) {
            DiffTotals& t = layers[d.layer];
            t.key = std::to_string(d.layer);
            add(t, d);
        }
    std::vector<DiffTotals> out;
    for (auto& [layer, t] : layers) {
        finish(t);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<DiffTotals> totalsByClass(const std::vector<TensorDiff>& tensors)
{
    std::vector<DiffTotals> out;
    std::map<std::string, size_t> index;
    for (const TensorDiff& d : tensors) {
        const auto [it, fresh] = index.emplace(d.tensorClass, out.size());
        if (fresh) {
            out.emplace_back();
            out.back().key = d.tensorClass;
        }
        add(out[it->second], d);
    }
    for (DiffTotals& t : out)
        finish(t);
    return out;
}

} // namespace qx
