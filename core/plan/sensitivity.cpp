#include "plan/sensitivity.h"

#include "common/error.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"
#include "plan/candidates.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace qx {
namespace {

std::vector<float> importanceFor(const ImatrixFile* imatrix, const TensorInfo& t)
{
    if (!imatrix) return {};
    return imatrixImportanceFor(*imatrix, t.name, t.rowLength()).value_or(std::vector<float>{});
}

bool fits(const TensorInfo& t, TensorType type)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    return isCandidateTensor(t) && info && canQuantize(type) && t.rowLength() % int64_t(info->blockSize) == 0;
}

// "blk.3.attn_q.weight" -> layer "blk.3", class "attn_q"; other names are their own class, no layer.
void splitName(const std::string& name, std::string& layer, std::string& cls)
{
    layer.clear();
    cls = name.substr(0, name.rfind(".weight"));
    if (name.rfind("blk.", 0) != 0) return;
    const size_t dot = name.find('.', 4);
    layer = name.substr(0, dot);
    cls = name.substr(dot + 1, name.rfind(".weight") - dot - 1);
}

std::vector<SensitivityEntry> means(const std::map<std::string, std::pair<double, int>>& sums)
{
    std::vector<SensitivityEntry> out;
    for (const auto& [k, v] : sums) out.push_back({k, v.first / double(v.second)});
    return out;
}

double measure(const std::shared_ptr<LlamaWeights>& w, std::span<const int32_t> tokens, int64_t seqLen,
               std::span<const float> base)
{
    LlamaForward fwd(w);
    const std::vector<float> logits = fwd.forward(tokens, seqLen, seqLen / 2);
    return meanKld(base, logits, w->config().nVocab);
}

struct Unit {
    std::string name;                        // the tensor's name, or "blk.N" for a whole layer
    std::vector<const TensorInfo*> tensors;
};

// One unit per tensor; in EnableOneLayer mode one per layer (file order) and one per tensor outside layers.
std::vector<Unit> unitsFor(const std::vector<const TensorInfo*>& targets, SensitivityMode mode)
{
    std::vector<Unit> units;
    std::map<std::string, size_t> layerIndex;
    for (const TensorInfo* t : targets) {
        std::string layer, cls;
        splitName(t->name, layer, cls);
        if (mode != SensitivityMode::EnableOneLayer || layer.empty()) {
            units.push_back({t->name, {t}});
            continue;
        }
        const auto [it, inserted] = layerIndex.emplace(layer, units.size());
        if (inserted) units.push_back({layer, {}});
        units[it->second].tensors.push_back(t);
    }
    return units;
}

const SchemeChoice* schemeFor(const SchemeChoices* schemes, const std::string& tensor)
{
    if (!schemes)
        return nullptr;
    const auto it = schemes->find(tensor);
    return it == schemes->end() ? nullptr : &it->second;
}

} // namespace

std::vector<float> roundTripTensor(const TensorInfo& tensor, TensorType type, std::span<const float> importance)
{
    const std::vector<float> w = dequantizeTensor(tensor);
    if (type == TensorType::F32) return w;
    const int64_t rowLength = tensor.rowLength();
    const uint64_t rowBytes = *tensorBytes(type, uint64_t(rowLength));
    const uint64_t rows = w.size() / uint64_t(rowLength);
    std::vector<std::byte> q(rowBytes * rows);
    quantizeRows(type, w, rowLength, q, importance);
    std::vector<float> back(w.size());
    for (uint64_t r = 0; r < rows; ++r)
        dequantizeRow(type, std::span<const std::byte>(q).subspan(r * rowBytes, rowBytes),
                      std::span<float>(back).subspan(r * uint64_t(rowLength), size_t(rowLength)));
    return back;
}

void applyPlan(LlamaWeights& weights, const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix,
               const std::map<std::string, std::vector<float>>* substitutions, const SchemeChoices* schemes)
{
    const std::vector<std::string> names = weights.tensorNames();
    if (substitutions)
        for (const auto& [name, values] : *substitutions) {
            if (std::find(names.begin(), names.end(), name) == names.end())
                throw Error(ErrorCode::Mismatch, "calibrated values for a tensor the model does not use: " + name);
            const WeightView t = weights.tensor(name);
            if (static_cast<int64_t>(values.size()) != t.rows * t.cols)
                throw Error(ErrorCode::InvalidArgument, "calibrated values of the wrong size for " + name);
        }
    if (substitutions)
        for (const auto& [name, values] : *substitutions)
            weights.substitute(name, values);
    for (const PlanEntry& e : plan.entries) {
        if (substitutions && substitutions->count(e.tensor)) {
            if (e.type != TensorType::F32)
                weights.setStorageType(e.tensor, e.type);
            continue;
        }
        if (std::find(names.begin(), names.end(), e.tensor) == names.end()) continue;
        const TensorInfo* t = model.findTensor(e.tensor);
        if (!t) throw Error(ErrorCode::Mismatch, "plan names a tensor the model does not have: " + e.tensor);
        if (const SchemeChoice* scheme = schemeFor(schemes, e.tensor)) {
            weights.substitute(e.tensor, schemeRoundTrip(*t, *scheme));
            continue;
        }
        if (e.type == TensorType::F32) continue;
        weights.substitute(e.tensor, roundTripTensor(*t, e.type, importanceFor(imatrix, *t)));
        weights.setStorageType(e.tensor, e.type);   // so --ggml-matmul rounds activations as for the planned type
    }
}

std::vector<float> schemeRoundTrip(const TensorInfo& tensor, const SchemeChoice& scheme)
{
    const std::vector<float> w = dequantizeTensor(tensor);
    std::vector<float> back(w.size());
    fakeQuantChoice(scheme, w, back, tensor.rowLength());
    return back;
}

double meanKld(std::span<const float> baseLogits, std::span<const float> testLogits, int64_t nVocab)
{
    if (baseLogits.size() != testLogits.size() || nVocab <= 0 || baseLogits.size() % size_t(nVocab) != 0)
        throw Error(ErrorCode::InvalidArgument, "meanKld: logits of different sizes");
    const size_t n = baseLogits.size() / size_t(nVocab);
    double total = 0.0;
    for (size_t p = 0; p < n; ++p) {
        const float* a = baseLogits.data() + p * size_t(nVocab);
        const float* b = testLogits.data() + p * size_t(nVocab);
        const double ma = *std::max_element(a, a + nVocab), mb = *std::max_element(b, b + nVocab);
        double sa = 0, sb = 0;
        for (int64_t i = 0; i < nVocab; ++i) { sa += std::exp(a[i] - ma); sb += std::exp(b[i] - mb); }
        const double la = ma + std::log(sa), lb = mb + std::log(sb);
        double kl = 0;
        for (int64_t i = 0; i < nVocab; ++i) {
            const double lpa = a[i] - la, lpb = b[i] - lb;
            kl += std::exp(lpa) * (lpa - lpb);
        }
        total += kl;
    }
    return n ? total / double(n) : 0.0;
}

SensitivityResult measureSensitivity(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                     int64_t seqLen, TensorType type, SensitivityMode mode,
                                     const ImatrixFile* imatrix, const ProgressFn& progress)
{
    std::shared_ptr<LlamaWeights> w = LlamaWeights::fromModel(model);
    std::vector<const TensorInfo*> targets;
    for (const auto& name : w->tensorNames())
        if (const TensorInfo* t = model->findTensor(name); t && fits(*t, type)) targets.push_back(t);
    const std::vector<float> base = LlamaForward(w).forward(tokens, seqLen, seqLen / 2);
    const bool disable = mode == SensitivityMode::DisableOne;
    std::map<const TensorInfo*, std::vector<float>> quantized;
    for (const TensorInfo* t : targets) {
        quantized[t] = roundTripTensor(*t, type, importanceFor(imatrix, *t));
        if (disable) w->substitute(t->name, quantized[t]);
    }
    const std::vector<Unit> units = unitsFor(targets, mode);
    SensitivityResult r;
    std::map<std::string, std::pair<double, int>> layers, classes;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        for (const TensorInfo* t : u.tensors) w->substitute(t->name, disable ? dequantizeTensor(*t) : quantized[t]);
        const double kld = measure(w, tokens, seqLen, base);
        for (const TensorInfo* t : u.tensors) w->substitute(t->name, disable ? quantized[t] : dequantizeTensor(*t));
        if (u.tensors.size() != 1 || u.tensors[0]->name != u.name) {
            r.layers.push_back({u.name, kld});   // a whole layer (EnableOneLayer)
        } else {
            r.tensors.push_back({u.name, kld});
            std::string layer, cls;
            splitName(u.name, layer, cls);
            if (!layer.empty()) { layers[layer].first += kld; ++layers[layer].second; }
            classes[cls].first += kld;
            ++classes[cls].second;
        }
        if (progress && !progress(double(i + 1) / double(units.size())))
            throw Error(ErrorCode::Cancelled, "sensitivity measurement cancelled");
    }
    if (mode != SensitivityMode::EnableOneLayer) {
        r.layers = means(layers);
        r.classes = means(classes);
    }
    return r;
}

std::vector<MeasuredKld> measureEnableOne(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                                          int64_t seqLen, std::span<const TensorType> types,
                                          const ImatrixFile* imatrix, const ProgressFn& progress)
{
    std::shared_ptr<LlamaWeights> w = LlamaWeights::fromModel(model);
    std::vector<MeasuredKld> out;
    std::vector<const TensorInfo*> targets;
    for (const auto& name : w->tensorNames()) {
        const TensorInfo* t = model->findTensor(name);
        const auto type = t ? std::find_if(types.begin(), types.end(), [&](TensorType x) { return fits(*t, x); })
                            : types.end();
        if (type == types.end()) continue;
        out.push_back({t->name, *type, 0.0});
        targets.push_back(t);
    }
    const std::vector<float> base = LlamaForward(w).forward(tokens, seqLen, seqLen / 2);
    for (size_t i = 0; i < targets.size(); ++i) {
        const TensorInfo* t = targets[i];
        w->substitute(t->name, roundTripTensor(*t, out[i].type, importanceFor(imatrix, *t)));
        out[i].kld = measure(w, tokens, seqLen, base);
        w->substitute(t->name, dequantizeTensor(*t));
        if (progress && !progress(double(i + 1) / double(targets.size())))
            throw Error(ErrorCode::Cancelled, "sensitivity measurement cancelled");
    }
    return out;
}

} // namespace qx
