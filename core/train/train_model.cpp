// Parameter layout, initialisation and conversion to evaluator weights for the trainable Llama model.
#include "train/train_model.h"

#include "common/error.h"

#include <cmath>
#include <random>

namespace qx {
namespace {

void checkShape(const TrainShape& s)
{
    const bool ok = s.dim > 0 && s.layers > 0 && s.heads > 0 && s.kvHeads > 0 && s.ff > 0 && s.vocab > 0
        && s.ctx > 1 && s.dim % s.heads == 0 && s.heads % s.kvHeads == 0 && (s.dim / s.heads) % 2 == 0;
    if (!ok)
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset,
                    "impossible model shape (dim must split into an even head size; heads must be a multiple "
                    "of kv-heads; every size positive)");
}

} // namespace

std::vector<ParamTensor> paramLayout(const TrainShape& s)
{
    checkShape(s);
    const int64_t kvDim = s.dim / s.heads * s.kvHeads;
    std::vector<ParamTensor> out;
    int64_t offset = 0;
    auto add = [&](std::string name, std::vector<int64_t> ne, bool isNorm) {
        int64_t count = 1;
        for (int64_t n : ne)
            count *= n;
        out.push_back({std::move(name), std::move(ne), offset, count, isNorm});
        offset += count;
    };
    add("token_embd.weight", {s.dim, s.vocab}, false);
    for (int64_t l = 0; l < s.layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        add(p + "attn_norm.weight", {s.dim}, true);
        add(p + "attn_q.weight", {s.dim, s.dim}, false);
        add(p + "attn_k.weight", {s.dim, kvDim}, false);
        add(p + "attn_v.weight", {s.dim, kvDim}, false);
        add(p + "attn_output.weight", {s.dim, s.dim}, false);
        add(p + "ffn_norm.weight", {s.dim}, true);
        add(p + "ffn_gate.weight", {s.dim, s.ff}, false);
        add(p + "ffn_up.weight", {s.dim, s.ff}, false);
        add(p + "ffn_down.weight", {s.ff, s.dim}, false);
    }
    add("output_norm.weight", {s.dim}, true);
    return out;
}

int64_t paramCount(const std::vector<ParamTensor>& layout)
{
    return layout.empty() ? 0 : layout.back().offset + layout.back().count;
}

std::vector<float> initParams(const TrainShape& shape, uint64_t seed)
{
    const auto layout = paramLayout(shape);
    std::vector<float> params(static_cast<size_t>(paramCount(layout)));
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const double residualScale = 1.0 / std::sqrt(2.0 * static_cast<double>(shape.layers));
    for (const ParamTensor& t : layout) {
        const bool residual = t.name.find("attn_output") != std::string::npos
            || t.name.find("ffn_down") != std::string::npos;
        const double sigma = 0.02 * (residual ? residualScale : 1.0);
        float* p = params.data() + t.offset;
        for (int64_t i = 0; i < t.count; ++i)
            p[i] = t.isNorm ? 1.0f : static_cast<float>(sigma * gauss(rng));
    }
    return params;
}

ModelSpec trainSpec(const TrainShape& s)
{
    ModelSpec spec;
    spec.architecture = "llama";
    spec.contextLength = s.ctx;
    spec.embeddingLength = s.dim;
    spec.blockCount = s.layers;
    spec.headCount = s.heads;
    spec.headCountKv = s.kvHeads;
    spec.feedForwardLength = s.ff;
    spec.vocabSize = s.vocab;
    spec.ropeDimensionCount = s.dim / s.heads;
    spec.ropeFreqBase = s.ropeBase;
    spec.rmsNormEps = s.rmsEps;
    spec.tiedEmbeddings = true;
    return spec;
}

std::shared_ptr<LlamaWeights> toLlamaWeights(const TrainShape& shape, std::span<const float> params)
{
    const auto layout = paramLayout(shape);
    if (static_cast<int64_t>(params.size()) != paramCount(layout))
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "parameter vector does not match the shape");
    std::map<std::string, std::vector<float>> tensors;
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const ParamTensor& t : layout) {
        const float* p = params.data() + t.offset;
        tensors[t.name] = std::vector<float>(p, p + t.count);
        shapes[t.name] = t.ne;
    }
    return LlamaWeights::fromTensors(trainSpec(shape), std::move(tensors), shapes);
}

} // namespace qx
