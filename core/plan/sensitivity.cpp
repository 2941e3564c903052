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

double positionKld(const float* base, const float* test, int64_t nVocab)
{
    const double ma = *std::max_element(base, base + nVocab), mb = *std::max_element(test, test + nVocab);
    double sa = 0, sb = 0;
    for (int64_t i = 0; i < nVocab; ++i) { sa += std::exp(base[i] - ma); sb += std::exp(test[i] - mb); }
    const double la = ma + std::log(sa), lb = mb + std::log(sb);
    double kl = 0;
    for (int64_t i = 0; i < nVocab; ++i) {
        const double lpa = base[i] - la, lpb = test[i] - lb;
        kl += std::exp(lpa) * (lpa - lpb);
    }
    return kl;
}

double meanKld(std::span<const float> baseLogits, std::span<const float> testLogits, int64_t nVocab)
{
    if (baseLogits.size() != testLogits.size() || nVocab <= 0 || baseLogits.size() % size_t(nVocab) != 0)
        throw Error(ErrorCode::InvalidArgument, "meanKld: logits of different sizes");
    const size_t n = baseLogits.size() / size_t(nVocab);
    double total = 0.0;
    for (size_t p = 0; p < n; ++p)
        total += positionKld(baseLogits.data() + p * size_t(nVocab), testLogits.data() + p * size_t(nVocab), nVocab);
    return n ? total / double(n) : 0.0;
}

} // namespace qx
