#include "model/block_runner.h"

#include "common/error.h"
#include "model/llama_ops.h"
#include "common/parallel_for.h"
#include "quant/activation_rounding.h"
#include "model/scoped_timer.h"

#include <algorithm>
#include <cmath>

namespace qx {
namespace {

// Element-wise passes over fewer values than this run on the calling thread: waking threads costs more.
constexpr int64_t kMinParallelValues = int64_t{1} << 18;

int threadsFor(int64_t values, int threads) { return values < kMinParallelValues ? 1 : threads; }

// A projection costing more than `sliceMacs` multiply-adds runs in slices of whole multiples of 64 rows
// of about that cost each (ForwardOptions::pollSliceMacs): at 7B (4096 x 11008) a slice is 320 rows.
int64_t sliceRows(const WeightView& w, int64_t rows, double sliceMacs)
{
    constexpr int64_t kRowMultiple = 64;
    const double rowMacs = double(w.rows) * double(w.cols);
    if (rowMacs * double(rows) <= sliceMacs)
        return rows;
    const auto multiples = static_cast<int64_t>(sliceMacs / rowMacs) / kRowMultiple;
    return std::max<int64_t>(1, multiples) * kRowMultiple;
}

void grow(std::vector<float>& v, int64_t rows, int64_t cols)
{
    const auto n = static_cast<size_t>(rows * cols);
    if (v.size() < n)
        v.resize(n);
}

} // namespace

WeightView Stage::view(const std::string& name) const
{
    const auto it = tensors.find(name);
    return it == tensors.end() ? WeightView{} : it->second.view;
}

TensorType Stage::type(const std::string& name) const
{
    const auto it = tensors.find(name);
    return it == tensors.end() ? TensorType::F32 : it->second.storageType;
}

BlockRunner::BlockRunner(const LlamaConfig& config, const ForwardOptions& options, int threads,
                         ForwardTimings& timings)
    : m_config(config), m_options(options), m_threads(threads), m_timings(timings),
      m_linear(threads, options.bf16Compute), m_int8Linear(threads)
{
}

void BlockRunner::setRope(int64_t seqLen, const WeightView& freqFactors)
{
    if (freqFactors && freqFactors.cols * freqFactors.rows != m_config.nRot / 2)
        throw Error(ErrorCode::Invalid, "rope_freqs.weight holds " + std::to_string(freqFactors.cols * freqFactors.rows)
                                            + " factors, the rope needs " + std::to_string(m_config.nRot / 2));
    m_rope = ropeTable(seqLen, m_config, freqFactors.data);
    m_ropeLen = seqLen;
}

void BlockRunner::reserve(int64_t rows)
{
    const LlamaConfig& c = m_config;
    grow(m_cur, rows, c.nEmbd);
    grow(m_q, rows, c.qDim());
    grow(m_attn, rows, c.qDim());
    grow(m_k, rows, c.kvDim());
    grow(m_v, rows, c.kvDim());
    grow(m_tmp, rows, c.nEmbd);
}

void BlockRunner::normRows(const float* in, int64_t rows, const WeightView& w, float* out)
{
    const int64_t d = w.cols;
    const double eps = m_config.rmsNormEps;
    ScopedTimer timer(m_timings.norm);
    parallelFor(rows, threadsFor(rows * d, m_threads),
                [&](int64_t b, int64_t e) { rmsNormRows(in + b * d, e - b, w, eps, out + b * d); });
}

void BlockRunner::project(const std::string& name, const Stage& s, const float* in, int64_t rows,
                          const WeightView& b, float* out)
{
    const WeightView w = s.view(name);
    ScopedTimer timer(m_timings.linear);
    if (m_hook)
        m_hook(name, in, rows, w.cols);
    if (m_transform) {
        m_transformed.assign(in, in + rows * w.cols);
        m_transform(name, m_transformed.data(), rows, w.cols);
        in = m_transformed.data();
    }
    if (m_options.emulateActivationQuantization) {
        const TensorType dotType = vecDotType(s.type(name));
        if (dotType != TensorType::F32) {
            m_rounded.assign(in, in + rows * w.cols);
            roundActivations(dotType, m_rounded, w.cols);
            in = m_rounded.data();
        }
    }
    if (const auto it = s.int8.find(name); it != s.int8.end())
        projectInt8(name, it->second, in, rows, b, out);
    else
        linear(in, rows, w, b, out);
}

void BlockRunner::linear(const float* in, int64_t rows, const WeightView& w, const WeightView& b, float* out)
{
    const int64_t slice = m_poll ? sliceRows(w, rows, m_options.pollSliceMacs) : rows;
    for (int64_t r0 = 0; r0 < rows; r0 += slice) {
        if (m_poll)
            m_poll();
        m_linear.apply(in + r0 * w.cols, std::min(slice, rows - r0), w, b, out + r0 * w.rows);
    }
}

void BlockRunner::projectInt8(const std::string& name, const Int8Matrix& w, const float* in, int64_t rows,
                              const WeightView& b, float* out)
{
    const int64_t cols = w.cols;
    m_codes.resize(static_cast<size_t>(rows * cols));
    if (m_options.activationQuant == ActivationQuant::StaticInt8) {
        m_codeSteps.assign(1, m_options.staticInputSteps->at(name));
        parallelFor(rows, threadsFor(rows * cols, m_threads), [&](int64_t r0, int64_t r1) {
            quantizeInt8WithStep(in + r0 * cols, (r1 - r0) * cols, m_codeSteps[0], m_codes.data() + r0 * cols);
        });
    } else {
        m_codeSteps.resize(static_cast<size_t>(rows));
        parallelFor(rows, threadsFor(rows * cols, m_threads), [&](int64_t r0, int64_t r1) {
            quantizeRowsInt8(in + r0 * cols, r1 - r0, cols, m_codes.data() + r0 * cols, m_codeSteps.data() + r0);
        });
    }
    m_int8Linear.apply(m_codes.data(), m_codeSteps, rows, w, b, out);
}

void BlockRunner::attention(int64_t layer, const Stage& w, float* x, int64_t rows, int64_t seqLen)
{
    const LlamaConfig& c = m_config;
    if (seqLen != m_ropeLen)
        throw Error(ErrorCode::InvalidArgument, "attention: no rope table for sequences of " + std::to_string(seqLen));
    reserve(rows);
    const int64_t qDim = c.qDim(), kvDim = c.kvDim();
    const auto name = [layer](const char* what) { return blockTensorName(layer, what); };
    const std::string p = "blk." + std::to_string(layer) + ".";
    normRows(x, rows, w.view(name("attn_norm")), m_cur.data());
    project(name("attn_q"), w, m_cur.data(), rows, w.view(p + "attn_q.bias"), m_q.data());
    project(name("attn_k"), w, m_cur.data(), rows, w.view(p + "attn_k.bias"), m_k.data());
    project(name("attn_v"), w, m_cur.data(), rows, w.view(p + "attn_v.bias"), m_v.data());
    const AttentionShape shape{seqLen, c.nHead, c.nHeadKv, c.headDim, 1.0f / std::sqrt(static_cast<float>(c.headDim)),
                               m_options.emulateF16KvCache};
    {
        ScopedTimer timer(m_timings.attention);
        for (int64_t s = 0; s < rows / seqLen; ++s) {
            float* qs = m_q.data() + s * seqLen * qDim;
            float* ks = m_k.data() + s * seqLen * kvDim;
            applyRope(qs, seqLen, c.nHead, c, m_rope);
            applyRope(ks, seqLen, c.nHeadKv, c, m_rope);
            causalAttention(qs, ks, m_v.data() + s * seqLen * kvDim, m_attn.data() + s * seqLen * qDim, shape,
                            m_threads, &m_attnScratch);
        }
    }
    project(name("attn_output"), w, m_attn.data(), rows, {}, m_tmp.data());
    ScopedTimer add(m_timings.elementwise);
    addInPlace(x, m_tmp.data(), rows * c.nEmbd);
}

void BlockRunner::feedForward(int64_t layer, const Stage& w, float* x, int64_t rows)
{
    const LlamaConfig& c = m_config;
    reserve(rows);
    grow(m_gate, rows, c.nFf);
    grow(m_up, rows, c.nFf);
    const auto name = [layer](const char* what) { return blockTensorName(layer, what); };
    normRows(x, rows, w.view(name("ffn_norm")), m_cur.data());
    project(name("ffn_gate"), w, m_cur.data(), rows, {}, m_gate.data());
    project(name("ffn_up"), w, m_cur.data(), rows, {}, m_up.data());
    const int64_t ff = c.nFf;
    {
        ScopedTimer timer(m_timings.elementwise);
        parallelFor(rows, threadsFor(rows * ff, m_threads), [&](int64_t b, int64_t e) {
            siluMulFast(m_gate.data() + b * ff, m_up.data() + b * ff, (e - b) * ff);
        });
    }
    project(name("ffn_down"), w, m_gate.data(), rows, {}, m_tmp.data());
    ScopedTimer timer(m_timings.elementwise);
    addInPlace(x, m_tmp.data(), rows * c.nEmbd);
}

void BlockRunner::head(const Stage& w, const std::string& head, const float* x, int64_t rows, float* logits)
{
    grow(m_cur, rows, m_config.nEmbd);
    normRows(x, rows, w.view("output_norm.weight"), m_cur.data());
    Stage named;
    if (head != "output.weight") { // tied embeddings: the matrix is token_embd, hooks still see output.weight
        named.tensors["output.weight"] = w.tensors.at(head);
        project("output.weight", named, m_cur.data(), rows, {}, logits);
        return;
    }
    project("output.weight", w, m_cur.data(), rows, {}, logits);
}

} // namespace qx
