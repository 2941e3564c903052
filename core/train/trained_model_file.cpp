// GGUF round trip of trained models.
#include "train/trained_model_file.h"

#include "common/error.h"
#include "io/gguf_reader.h"
#include "io/gguf_writer.h"
#include "io/model_file.h"

#include <cstring>

namespace qx {
namespace {

std::vector<KeyValue> shapeKeys(const TrainShape& s)
{
    const auto u32 = [](int64_t v) { return GgufValue::u32(static_cast<uint32_t>(v)); };
    return {
        {"general.architecture", GgufValue::string("llama")},
        {"general.name", GgufValue::string("qexplore-stories")},
        {"general.file_type", u32(0)},
        {"llama.context_length", u32(s.ctx)},
        {"llama.embedding_length", u32(s.dim)},
        {"llama.block_count", u32(s.layers)},
        {"llama.feed_forward_length", u32(s.ff)},
        {"llama.attention.head_count", u32(s.heads)},
        {"llama.attention.head_count_kv", u32(s.kvHeads)},
        {"llama.rope.dimension_count", u32(s.dim / s.heads)},
        {"llama.rope.freq_base", GgufValue::f32(static_cast<float>(s.ropeBase))},
        {"llama.attention.layer_norm_rms_epsilon", GgufValue::f32(static_cast<float>(s.rmsEps))},
        {"llama.vocab_size", u32(s.vocab)},
    };
}

} // namespace

void writeTrainedModel(const std::string& path, const TrainedModel& model, const ProgressFn& progress)
{
    std::vector<KeyValue> md = shapeKeys(model.shape);
    md.insert(md.end(), model.extraKeys.begin(), model.extraKeys.end());
    md.insert(md.end(), model.tokenizerKeys.begin(), model.tokenizerKeys.end());
    std::vector<GgufTensorToWrite> tensors;
    for (const ParamTensor& t : paramLayout(model.shape)) {
        if (t.offset + t.count > static_cast<int64_t>(model.params.size()))
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "parameters do not match the shape");
        const float* src = model.params.data() + t.offset;
        const auto bytes = static_cast<size_t>(t.count) * sizeof(float);
        tensors.push_back({t.name, t.ne, TensorType::F32,
                           [src, bytes](std::span<std::byte> dst) { std::memcpy(dst.data(), src, bytes); }});
    }
    writeGguf(path, md, tensors, 32, progress);
}

TrainedModel readTrainedModel(const std::string& path)
{
    const auto file = openGguf(path);
    const ModelSpec& spec = file->spec;
    TrainedModel m;
    m.shape.dim = spec.embeddingLength;
    m.shape.layers = spec.blockCount;
    m.shape.heads = spec.headCount;
    m.shape.kvHeads = spec.headCountKv;
    m.shape.ff = spec.feedForwardLength;
    m.shape.vocab = spec.vocabSize;
    m.shape.ctx = spec.contextLength;
    m.shape.ropeBase = spec.ropeFreqBase;
    m.shape.rmsEps = spec.rmsNormEps;
    const auto layout = paramLayout(m.shape);
    m.params.resize(static_cast<size_t>(paramCount(layout)));
    for (const ParamTensor& t : layout) {
        const TensorInfo* info = nullptr;
        for (const TensorInfo& candidate : file->tensors)
            if (candidate.name == t.name)
                info = &candidate;
        if (!info || info->type != TensorType::F32 || info->elementCount() != static_cast<uint64_t>(t.count))
            throw Error(ErrorCode::Unsupported, path, kNoOffset, "not a trained F32 model: tensor " + t.name);
        std::memcpy(m.params.data() + t.offset, info->data.data(), static_cast<size_t>(t.count) * sizeof(float));
    }
    for (const KeyValue& kv : file->metadata) {
        if (kv.key.rfind("tokenizer.", 0) == 0)
            m.tokenizerKeys.push_back(kv);
        else if (kv.key.rfind("qexplore.", 0) == 0 || kv.key == "general.description")
            m.extraKeys.push_back(kv);
    }
    return m;
}

} // namespace qx
