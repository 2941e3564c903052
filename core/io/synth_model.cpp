#include "io/synth_model.h"

#include "common/error.h"
#include "common/half.h"
#include "io/gguf_reader.h"
#include "io/synth_weights.h"
#include "common/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <thread>

namespace qx {
namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

void validate(const SynthOptions& o)
{
    if (o.dim <= 0 || o.layers <= 0 || o.ff <= 0 || o.heads <= 0 || o.kvHeads <= 0 || o.contextLength <= 0)
        invalid("synth: every size must be positive");
    if (o.headDim < 0 || o.headDim % 2 != 0)
        invalid("synth: the head size must be even");
    if (o.headDim == 0 && (o.dim % o.heads != 0 || (o.dim / o.heads) % 2 != 0))
        invalid("synth: dim must be a multiple of heads with an even head size");
    if (o.heads % o.kvHeads != 0)
        invalid("synth: heads must be a multiple of kv-heads");
    if (o.type != TensorType::F32 && o.type != TensorType::F16)
        invalid("synth: type must be F32 or F16");
    if (o.dim > UINT32_MAX || o.ff > UINT32_MAX || o.layers > UINT32_MAX || o.contextLength > UINT32_MAX)
        invalid("synth: sizes must fit in u32");
}

/// Runs fn(begin, end) over [0, rows) on the engine's threads when the work is large enough to pay for them.
void parallelRows(int64_t rows, int64_t rowLength, const std::function<void(int64_t, int64_t)>& fn)
{
    parallelFor(rows, rows * rowLength < (int64_t(1) << 18) ? 1 : resolveThreadCount(0), fn);
}

/// Stores `values` as `type` (F32 or F16) at `dst`.
void storeRow(std::span<const float> values, TensorType type, std::byte* dst)
{
    if (type == TensorType::F32) {
        std::memcpy(dst, values.data(), values.size_bytes());
        return;
    }
    for (size_t i = 0; i < values.size(); ++i) {
        const uint16_t h = fp32ToFp16(values[i]);
        std::memcpy(dst + 2 * i, &h, 2);
    }
}

GgufTensorToWrite matrix(std::string name, int64_t in, int64_t out, TensorType type, uint64_t seed)
{
    auto fill = [in, out, type, seed](std::span<std::byte> dst) {
        const synth::MatrixStyle style = synth::makeMatrixStyle(seed, in);
        const size_t rowBytes = static_cast<size_t>(in) * (type == TensorType::F32 ? 4 : 2);
        parallelRows(out, in, [&](int64_t begin, int64_t end) {
            std::vector<float> row(static_cast<size_t>(in));
            for (int64_t r = begin; r < end; ++r) {
                synth::matrixRow(style, r, row);
                storeRow(row, type, dst.data() + static_cast<size_t>(r) * rowBytes);
            }
        });
    };
    return {std::move(name), {in, out}, type, std::move(fill)};
}

int64_t headSize(const SynthOptions& o) { return o.headDim > 0 ? o.headDim : o.dim / o.heads; }

GgufTensorToWrite ropeFactors(const SynthOptions& o)
{
    const std::vector<float> f = llama3RopeFactors(headSize(o), 10000.0, 8.0, 1.0, 4.0, 128.0);
    auto fill = [f](std::span<std::byte> dst) { storeRow(f, TensorType::F32, dst.data()); };
    return {"rope_freqs.weight", {int64_t(f.size())}, TensorType::F32, std::move(fill)};
}

GgufTensorToWrite norm(std::string name, int64_t n, uint64_t seed)
{
    auto fill = [n, seed](std::span<std::byte> dst) {
        std::vector<float> values(static_cast<size_t>(n));
        synth::normVector(seed, values);
        storeRow(values, TensorType::F32, dst.data());
    };
    return {std::move(name), {n}, TensorType::F32, std::move(fill)};
}

std::vector<KeyValue> synthMetadata(const SynthOptions& o, const std::vector<KeyValue>& tokenizerKeys)
{
    const auto u32 = [](int64_t v) { return GgufValue::u32(static_cast<uint32_t>(v)); };
    std::vector<KeyValue> md = {
        {"general.architecture", GgufValue::string("llama")},
        {"general.name", GgufValue::string("synthetic-llama-d" + std::to_string(o.dim) + "-l" + std::to_string(o.layers)
                                           + "-s" + std::to_string(o.seed))},
        {"llama.context_length", u32(o.contextLength)},
        {"llama.embedding_length", u32(o.dim)},
        {"llama.block_count", u32(o.layers)},
        {"llama.feed_forward_length", u32(o.ff)},
        {"llama.attention.head_count", u32(o.heads)},
        {"llama.attention.head_count_kv", u32(o.kvHeads)},
        {"llama.rope.dimension_count", u32(headSize(o))},
        {"llama.attention.layer_norm_rms_epsilon", GgufValue::f32(1e-5f)},
        {"general.file_type", u32(o.type == TensorType::F16 ? 1 : 0)},   // llama_ftype ALL_F32 / MOSTLY_F16
    };
    if (o.headDim > 0) {
        md.push_back({"llama.attention.key_length", u32(o.headDim)});
        md.push_back({"llama.attention.value_length", u32(o.headDim)});
    }
    md.insert(md.end(), tokenizerKeys.begin(), tokenizerKeys.end());
    return md;
}

std::vector<GgufTensorToWrite> synthTensors(const SynthOptions& o, int64_t vocab)
{
    const int64_t kvDim = headSize(o) * o.kvHeads, qDim = headSize(o) * o.heads;
    uint64_t index = 0;
    const auto seed = [&] { return synth::mixSeed(o.seed, 0x7E45, index++); };
    std::vector<GgufTensorToWrite> t;
    t.push_back(matrix("token_embd.weight", o.dim, vocab, o.type, seed()));
    for (int64_t l = 0; l < o.layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        t.push_back(norm(p + "attn_norm.weight", o.dim, seed()));
        t.push_back(matrix(p + "attn_q.weight", o.dim, qDim, o.type, seed()));
        t.push_back(matrix(p + "attn_k.weight", o.dim, kvDim, o.type, seed()));
        t.push_back(matrix(p + "attn_v.weight", o.dim, kvDim, o.type, seed()));
        t.push_back(matrix(p + "attn_output.weight", qDim, o.dim, o.type, seed()));
        t.push_back(norm(p + "ffn_norm.weight", o.dim, seed()));
        t.push_back(matrix(p + "ffn_gate.weight", o.dim, o.ff, o.type, seed()));
        t.push_back(matrix(p + "ffn_up.weight", o.dim, o.ff, o.type, seed()));
        t.push_back(matrix(p + "ffn_down.weight", o.ff, o.dim, o.type, seed()));
    }
    t.push_back(norm("output_norm.weight", o.dim, seed()));
    if (!o.tiedEmbeddings)
        t.push_back(matrix("output.weight", o.dim, vocab, o.type, seed()));
    if (o.ropeFreqs)
        t.push_back(ropeFactors(o));
    return t;
}

} // namespace

std::vector<float> llama3RopeFactors(int64_t headDim, double base, double factor, double lowFreqFactor,
                                     double highFreqFactor, double originalContext)
{
    // Frequencies whose wavelength is short keep their speed, long ones are slowed down by `factor`, and
    // those in between blend the two (Llama 3.1's "llama3" rope scaling).
    constexpr double kPi = 3.14159265358979323846;
    const double lowWavelength = originalContext / lowFreqFactor, highWavelength = originalContext / highFreqFactor;
    std::vector<float> factors;
    for (int64_t i = 0; i < headDim; i += 2) {
        const double wavelength = 2.0 * kPi * std::pow(base, double(i) / double(headDim));
        if (wavelength < highWavelength) {
            factors.push_back(1.0f);
        } else if (wavelength > lowWavelength) {
            factors.push_back(float(factor));
        } else {
            const double smooth = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
            factors.push_back(float(1.0 / ((1.0 - smooth) / factor + smooth)));
        }
    }
    return factors;
}

SynthPlan planSynthModel(const SynthOptions& options)
{
    validate(options);
    if (options.vocabFrom.empty())
        invalid("synth: a GGUF to take the tokenizer from is required");
    const auto vocabModel = openGguf(options.vocabFrom);
    std::vector<KeyValue> tokenizerKeys;
    for (const auto& kv : vocabModel->metadata)
        if (kv.key.rfind("tokenizer.", 0) == 0)
            tokenizerKeys.push_back(kv);
    SynthPlan plan;
    plan.vocabSize = vocabModel->tokenizer.vocabSize;
    if (plan.vocabSize <= 0)
        throw Error(ErrorCode::InvalidArgument, options.vocabFrom, kNoOffset, "has no tokenizer.ggml.tokens array");
    plan.metadata = synthMetadata(options, tokenizerKeys);
    plan.tensors = synthTensors(options, plan.vocabSize);
    return plan;
}

uint64_t writeSynthModel(const SynthOptions& options, const std::string& path, const ProgressFn& progress)
{
    const SynthPlan plan = planSynthModel(options);
    writeGguf(path, plan.metadata, plan.tensors, 32, progress);
    return std::filesystem::file_size(path);
}

} // namespace qx
