// GGUF round trip of trained models.
#include "train/trained_model_file.h"

#include "common/error.h"
#include "common/half.h"
#include "io/gguf_reader.h"
#include "io/gguf_writer.h"
#include "io/model_file.h"

#include <cstring>

namespace qx {
namespace {

std::vector<KeyValue> shapeKeys(const TrainShape& s, MatrixStorage storage)
{
    const auto u32 = [](int64_t v) { return GgufValue::u32(static_cast<uint32_t>(v)); };
    return {
        {"general.architecture", GgufValue::string("llama")},
        {"general.name", GgufValue::string("qexplore-stories")},
        {"general.file_type", u32(storage == MatrixStorage::F16 ? 1 : 0)},
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

/// The tensor writer of one parameter: F32 bytes, or the values rounded to F16.
GgufTensorToWrite tensorToWrite(const ParamTensor& t, const float* src, MatrixStorage storage)
{
    const auto count = static_cast<size_t>(t.count);
    if (storage == MatrixStorage::F32 || t.isNorm)
        return {t.name, t.ne, TensorType::F32,
                [src, count](std::span<std::byte> dst) { std::memcpy(dst.data(), src, count * sizeof(float)); }};
    return {t.name, t.ne, TensorType::F16, [src, count](std::span<std::byte> dst) {
                for (size_t i = 0; i < count; ++i) {
                    const uint16_t h = fp32ToFp16(src[i]);
                    std::memcpy(dst.data() + i * sizeof h, &h, sizeof h);
                }
            }};
}

/// Copies one stored tensor (F32, or F16 widened) into `out`; false for any other type or size.
bool readParam(const TensorInfo& info, const ParamTensor& t, float* out)
{
    if (info.elementCount() != static_cast<uint64_t>(t.count))
        return false;
    const auto count = static_cast<size_t>(t.count);
    if (info.type == TensorType::F32 && info.data.size() >= count * sizeof(float)) {
        std::memcpy(out, info.data.data(), count * sizeof(float));
        return true;
    }
    if (info.type != TensorType::F16 || t.isNorm || info.data.size() < count * sizeof(uint16_t))
        return false;
    for (size_t i = 0; i < count; ++i) {
        uint16_t h = 0;
        std::memcpy(&h, info.data.data() + i * sizeof h, sizeof h);
        out[i] = fp16ToFp32(h);
    }
    return true;
}

} // namespace

void writeTrainedModel(const std::string& path, const TrainedModel& model, const ProgressFn& progress)
{
    std::vector<KeyValue> md = shapeKeys(model.shape, model.storage);
    md.insert(md.end(), model.extraKeys.begin(), model.extraKeys.end());
    md.insert(md.end(), model.tokenizerKeys.begin(), model.tokenizerKeys.end());
    std::vector<GgufTensorToWrite> tensors;
    for (const ParamTensor& t : paramLayout(model.shape)) {
        if (t.offset + t.count > static_cast<int64_t>(model.params.size()))
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "parameters do not match the shape");
        tensors.push_back(tensorToWrite(t, model.params.data() + t.offset, model.storage));
    }
    writeGguf(path, md, tensors, 32, progress);
}

TrainedModel readTrainedModel(const ModelFile& file)
{
    const ModelSpec& spec = file.spec;
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
        const TensorInfo* info = file.findTensor(t.name);
        if (!info || !readParam(*info, t, m.params.data() + t.offset))
            throw Error(ErrorCode::Unsupported, file.path, kNoOffset, "not a trained F32/F16 model: tensor " + t.name);
        if (info->type == TensorType::F16)
            m.storage = MatrixStorage::F16;
    }
    for (const KeyValue& kv : file.metadata) {
        if (kv.key.rfind("tokenizer.", 0) == 0)
            m.tokenizerKeys.push_back(kv);
        else if (kv.key.rfind("qexplore.", 0) == 0 || kv.key == "general.description")
            m.extraKeys.push_back(kv);
    }
    return m;
}

TrainedModel readTrainedModel(const std::string& path)
{
    return readTrainedModel(*openGguf(path));
}

std::vector<float> roundMatricesToF16(const TrainShape& shape, std::span<const float> params)
{
    std::vector<float> out(params.begin(), params.end());
    for (const ParamTensor& t : paramLayout(shape))
        if (!t.isNorm)
            for (int64_t i = t.offset; i < t.offset + t.count; ++i)
                out[static_cast<size_t>(i)] = roundToFp16(out[static_cast<size_t>(i)]);
    return out;
}

} // namespace qx
