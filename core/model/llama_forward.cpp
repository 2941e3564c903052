#include "model/llama_forward.h"

#include "common/error.h"
#include "model/attention.h"
#include "model/dnnl_int8_linear.h"
#include "model/dnnl_linear.h"
#include "model/llama_ops.h"
#include "model/parallel_for.h"
#include "quant/activation_rounding.h"

#include <chrono>
#include <cmath>
#include <cstring>

namespace qx {
namespace {

// Element-wise passes over fewer values than this run on the calling thread: starting a thread costs more.
constexpr int64_t kMinParallelValues = int64_t{1} << 18;

int threadsFor(int64_t values, int threads) { return values < kMinParallelValues ? 1 : threads; }

// Adds the wall time of its scope to a ForwardTimings field.
class ScopedTimer {
public:
    explicit ScopedTimer(double& sink) : m_sink(sink), m_start(std::chrono::steady_clock::now()) {}
    ~ScopedTimer() { m_sink += std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }
    ScopedTimer(const ScopedTimer&) = delete;
    ScopedTimer& operator=(const ScopedTimer&) = delete;

private:
    double& m_sink;
    std::chrono::steady_clock::time_point m_start;
};

std::string layerName(int64_t layer, const char* weight)
{
    return "blk." + std::to_string(layer) + "." + weight + ".weight";
}

} // namespace

struct LlamaForward::Impl {
    std::shared_ptr<const LlamaWeights> weights;
    ForwardOptions options;
    int threads = 1;
    DnnlLinear linear;
    DnnlInt8Linear int8Linear;
    std::map<std::string, Int8Matrix> int8Weights; // W8A8: every blk.* projection, quantized once
    std::vector<int8_t> codes;                     // W8A8: the current input's codes and steps
    std::vector<float> codeSteps;
    ActivationHook hook;
    ActivationTransform transform;
    ForwardTimings timings;
    std::vector<float> transformed;
    // Scratch buffers, kept between calls: n tokens × width.
    std::vector<float> x, cur, q, k, v, attn, tmp, gate, up, rounded;
    AttentionWorkspace attnScratch;

    Impl(std::shared_ptr<const LlamaWeights> w, ForwardOptions o)
        : weights(std::move(w)), options(o), threads(resolveThreadCount(o.threads)), linear(threads, o.bf16Compute),
          int8Linear(threads)
    {
        if (options.activationQuant != ActivationQuant::None)
            prepareInt8();
    }

    void prepareInt8();
    void projectInt8(const std::string& name, const float* in, int64_t rows, const WeightView& b, float* out);

    void project(const std::string& name, const float* in, int64_t rows, const WeightView& w, const WeightView& b,
                 float* out)
    {
        ScopedTimer timer(timings.linear);
        if (hook)
            hook(name, in, rows, w.cols);
        if (transform) {
            transformed.assign(in, in + rows * w.cols);
            transform(name, transformed.data(), rows, w.cols);
            in = transformed.data();
        }
        if (options.emulateActivationQuantization) {
            const TensorType dotType = vecDotType(storageTypeOf(name));
            if (dotType != TensorType::F32) {
                rounded.assign(in, in + rows * w.cols);
                roundActivations(dotType, rounded, w.cols);
                in = rounded.data();
            }
        }
        if (options.activationQuant != ActivationQuant::None && name != "output.weight")
            projectInt8(name, in, rows, b, out);
        else
            linear.apply(in, rows, w, b, out);
    }

    TensorType storageTypeOf(const std::string& name) const
    {
        if (name == "output.weight" && weights->tensor(name).data == nullptr)
            return weights->storageType("token_embd.weight");   // tied embeddings
        return weights->storageType(name);
    }

    void normRows(const float* in, int64_t rows, const WeightView& w, float* out)
    {
        const int64_t d = w.cols;
        const double eps = weights->config().rmsNormEps;
        ScopedTimer timer(timings.norm);
        parallelFor(rows, threadsFor(rows * d, threads),
                    [&](int64_t b, int64_t e) { rmsNormRows(in + b * d, e - b, w, eps, out + b * d); });
    }

    void attention(int64_t layer, int64_t n, int64_t seqLen, const std::vector<float>& rope);
    void feedForward(int64_t layer, int64_t n);
    std::vector<float> run(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput, bool checkLayers);
};

void LlamaForward::Impl::prepareInt8()
{
    if (options.emulateActivationQuantization)
        throw Error(ErrorCode::InvalidArgument, "W8A8 and ggml activation rounding exclude each other");
    const bool isStatic = options.activationQuant == ActivationQuant::StaticInt8;
    if (isStatic && !options.staticInputSteps)
        throw Error(ErrorCode::InvalidArgument, "static int8 activations need calibrated input steps");
    static const char* const kProjections[] = {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up",
                                               "ffn_down"};
    for (int64_t layer = 0; layer < weights->config().nLayer; ++layer)
        for (const char* p : kProjections) {
            const std::string name = layerName(layer, p);
            if (isStatic && !options.staticInputSteps->count(name))
                throw Error(ErrorCode::InvalidArgument, "no static int8 input step for " + name);
            int8Weights.emplace(name, quantizeRowsInt8(weights->tensor(name)));
        }
}

void LlamaForward::Impl::projectInt8(const std::string& name, const float* in, int64_t rows, const WeightView& b,
                                     float* out)
{
    const Int8Matrix& w = int8Weights.at(name);
    const int64_t cols = w.cols;
    codes.resize(static_cast<size_t>(rows * cols));
    if (options.activationQuant == ActivationQuant::StaticInt8) {
        codeSteps.assign(1, options.staticInputSteps->at(name));
        parallelFor(rows, threadsFor(rows * cols, threads), [&](int64_t r0, int64_t r1) {
            quantizeInt8WithStep(in + r0 * cols, (r1 - r0) * cols, codeSteps[0], codes.data() + r0 * cols);
        });
    } else {
        codeSteps.resize(static_cast<size_t>(rows));
        parallelFor(rows, threadsFor(rows * cols, threads), [&](int64_t r0, int64_t r1) {
            quantizeRowsInt8(in + r0 * cols, r1 - r0, cols, codes.data() + r0 * cols, codeSteps.data() + r0);
        });
    }
    int8Linear.apply(codes.data(), codeSteps, rows, w, b, out);
}

void LlamaForward::Impl::attention(int64_t layer, int64_t n, int64_t seqLen, const std::vector<float>& rope)
{
    const LlamaConfig& c = weights->config();
    const LlamaLayerWeights& L = weights->layers()[static_cast<size_t>(layer)];
    const int64_t qDim = c.nHead * c.headDim, kvDim = c.nHeadKv * c.headDim;
    normRows(x.data(), n, L.attnNorm, cur.data());
    project(layerName(layer, "attn_q"), cur.data(), n, L.wq, L.bq, q.data());
    project(layerName(layer, "attn_k"), cur.data(), n, L.wk, L.bk, k.data());
    project(layerName(layer, "attn_v"), cur.data(), n, L.wv, L.bv, v.data());
    const AttentionShape shape{seqLen, c.nHead, c.nHeadKv, c.headDim,
                               1.0f / std::sqrt(static_cast<float>(c.headDim)), options.emulateF16KvCache};
    {
        ScopedTimer timer(timings.attention);
        for (int64_t s = 0; s < n / seqLen; ++s) {
            float* qs = q.data() + s * seqLen * qDim;
            float* ks = k.data() + s * seqLen * kvDim;
            applyRope(qs, seqLen, c.nHead, c, rope);
            applyRope(ks, seqLen, c.nHeadKv, c, rope);
            causalAttention(qs, ks, v.data() + s * seqLen * kvDim, attn.data() + s * seqLen * qDim, shape, threads,
                            &attnScratch);
        }
    }
    project(layerName(layer, "attn_output"), attn.data(), n, L.wo, {}, tmp.data());
    ScopedTimer add(timings.elementwise);
    addInPlace(x.data(), tmp.data(), n * c.nEmbd);
}

void LlamaForward::Impl::feedForward(int64_t layer, int64_t n)
{
    const LlamaConfig& c = weights->config();
    const LlamaLayerWeights& L = weights->layers()[static_cast<size_t>(layer)];
    normRows(x.data(), n, L.ffnNorm, cur.data());
    project(layerName(layer, "ffn_gate"), cur.data(), n, L.gate, {}, gate.data());
    project(layerName(layer, "ffn_up"), cur.data(), n, L.up, {}, up.data());
    const int64_t ff = c.nFf;
    {
        ScopedTimer timer(timings.elementwise);
        parallelFor(n, threadsFor(n * ff, threads),
                    [&](int64_t b, int64_t e) { siluMulFast(gate.data() + b * ff, up.data() + b * ff, (e - b) * ff); });
    }
    project(layerName(layer, "ffn_down"), gate.data(), n, L.down, {}, tmp.data());
    ScopedTimer timer(timings.elementwise);
    addInPlace(x.data(), tmp.data(), n * c.nEmbd);
}

std::vector<float> LlamaForward::Impl::run(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput,
                                           bool checkLayers)
{
    const LlamaConfig& c = weights->config();
    const int64_t n = static_cast<int64_t>(tokens.size());
    const auto size = [](int64_t a, int64_t b) { return static_cast<size_t>(a * b); };
    x.resize(size(n, c.nEmbd));
    cur.resize(size(n, c.nEmbd));
    q.resize(size(n, c.nHead * c.headDim));
    attn.resize(q.size());
    k.resize(size(n, c.nHeadKv * c.headDim));
    v.resize(k.size());
    tmp.resize(size(n, c.nEmbd));
    gate.resize(size(n, c.nFf));
    up.resize(gate.size());
    embedTokens(weights->tokenEmbedding(), tokens.data(), n, x.data());
    const std::vector<float> rope = ropeTable(seqLen, c);
    for (int64_t layer = 0; layer < c.nLayer; ++layer) {
        attention(layer, n, seqLen, rope);
        feedForward(layer, n);
        if (checkLayers && hasNaN(x.data(), n * c.nEmbd))
            throw Error(ErrorCode::Invalid, "NaN in the output of layer " + std::to_string(layer) + " (blk."
                                                + std::to_string(layer) + ")");
    }
    // Only the positions whose logits are wanted go through the final norm and the output head.
    const int64_t nSeq = n / seqLen, perSeq = seqLen - firstOutput, nOut = nSeq * perSeq;
    for (int64_t s = 0; s < nSeq; ++s)
        std::memmove(x.data() + s * perSeq * c.nEmbd, x.data() + (s * seqLen + firstOutput) * c.nEmbd,
                     sizeof(float) * size(perSeq, c.nEmbd));
    normRows(x.data(), nOut, weights->outputNorm(), cur.data());
    std::vector<float> logits(size(nOut, c.nVocab));
    project("output.weight", cur.data(), nOut, weights->output(), {}, logits.data());
    return logits;
}

LlamaForward::LlamaForward(std::shared_ptr<const LlamaWeights> weights, ForwardOptions options)
{
    if (!weights)
        throw Error(ErrorCode::InvalidArgument, "LlamaForward: no weights");
    m_impl = std::make_unique<Impl>(std::move(weights), options);
}

LlamaForward::~LlamaForward() = default;

std::vector<float> LlamaForward::forward(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput)
{
    if (seqLen <= 0 || tokens.empty() || tokens.size() % static_cast<size_t>(seqLen) != 0)
        throw Error(ErrorCode::InvalidArgument, "forward: " + std::to_string(tokens.size())
                                                    + " tokens do not form sequences of " + std::to_string(seqLen));
    if (firstOutput < 0 || firstOutput >= seqLen)
        throw Error(ErrorCode::InvalidArgument, "forward: first output position " + std::to_string(firstOutput)
                                                    + " outside the sequence");
    std::vector<float> logits;
    {
        ScopedTimer timer(m_impl->timings.total);
        logits = m_impl->run(tokens, seqLen, firstOutput, false);
    }
    if (hasNaN(logits.data(), static_cast<int64_t>(logits.size()))) {
        m_impl->run(tokens, seqLen, firstOutput, true); // throws naming the first layer with a NaN
        throw Error(ErrorCode::Invalid, "NaN in the logits (output norm or output head)");
    }
    return logits;
}

void LlamaForward::setActivationHook(ActivationHook hook) { m_impl->hook = std::move(hook); }
void LlamaForward::setActivationTransform(ActivationTransform transform) { m_impl->transform = std::move(transform); }
const LlamaWeights& LlamaForward::weights() const { return *m_impl->weights; }
const ForwardOptions& LlamaForward::options() const { return m_impl->options; }
const ForwardTimings& LlamaForward::timings() const { return m_impl->timings; }
void LlamaForward::resetTimings() { m_impl->timings = {}; }

} // namespace qx
