// Forward pass with cached activations and the backward pass of the trainable Llama model (Eigen).
#include "train/train_model.h"

#include "common/error.h"
#include "model/llama_ops.h"
#include "train/train_gemm.h"

#include <Eigen/Dense>

#include <cmath>
#include <limits>

namespace qx {

using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using CMap = Eigen::Map<const Mat>;
using MMap = Eigen::Map<Mat>;

struct LayerCache {
    Mat xin, xn1, q, k, v, o, x1, xn2, g, u, h;
    std::vector<float> r1, r2;
    std::vector<Mat> p; ///< attention probabilities per head (T × T, zero above the diagonal)
};

struct TrainWorkspace {
    TrainShape shape;
    std::vector<ParamTensor> layout;
    LlamaConfig config;
    std::vector<float> rope;
    std::vector<LayerCache> layers;
    Mat xf, xnf, logits;
    std::vector<float> rf;
    int64_t seqLen = 0;
};

std::unique_ptr<TrainWorkspace, void (*)(TrainWorkspace*)> makeWorkspace(const TrainShape& shape)
{
    auto* ws = new TrainWorkspace;
    ws->shape = shape;
    ws->layout = paramLayout(shape);
    ws->config = LlamaWeights::configFromSpec(trainSpec(shape));
    ws->layers.resize(static_cast<size_t>(shape.layers));
    return {ws, [](TrainWorkspace* p) { delete p; }};
}

namespace {

enum Slot { AttnNorm, Wq, Wk, Wv, Wo, FfnNorm, Gate, Up, Down, kSlots };

size_t slotIndex(int64_t layer, Slot s) { return static_cast<size_t>(1 + layer * kSlots + s); }

CMap matOf(const TrainWorkspace& ws, std::span<const float> params, size_t index)
{
    const ParamTensor& t = ws.layout[index];
    const int64_t rows = t.ne.size() > 1 ? t.ne[1] : 1;
    return CMap(params.data() + t.offset, rows, t.ne[0]);
}

MMap gradOf(const TrainWorkspace& ws, std::span<float> grads, size_t index)
{
    const ParamTensor& t = ws.layout[index];
    const int64_t rows = t.ne.size() > 1 ? t.ne[1] : 1;
    return MMap(grads.data() + t.offset, rows, t.ne[0]);
}

/// y = x · wᵀ (or y += when `accumulate`): x is rows × in, w is out × in.
void linear(const Mat& x, const CMap& w, Mat& y, bool accumulate = false)
{
    if (!accumulate)
        y.resize(x.rows(), w.rows());
    gemm({false, true, x.rows(), w.rows(), x.cols(), 1.0f, x.data(), x.cols(), w.data(), w.cols(),
          accumulate ? 1.0f : 0.0f, y.data(), y.cols()});
}

/// dx = dy · w (or dx += when `accumulate`): the gradient of linear() with respect to its input.
void linearBackInput(const Mat& dy, const CMap& w, Mat& dx, bool accumulate = false)
{
    if (!accumulate)
        dx.resize(dy.rows(), w.cols());
    gemm({false, false, dy.rows(), w.cols(), dy.cols(), 1.0f, dy.data(), dy.cols(), w.data(), w.cols(),
          accumulate ? 1.0f : 0.0f, dx.data(), dx.cols()});
}

/// gw += dyᵀ · x: the gradient of linear() with respect to its weight.
void linearBackWeight(const Mat& dy, const Mat& x, MMap gw)
{
    gemm({true, false, dy.cols(), x.cols(), dy.rows(), 1.0f, dy.data(), dy.cols(), x.data(), x.cols(), 1.0f,
          gw.data(), gw.cols()});
}

void rmsForward(const Mat& x, const float* w, double eps, Mat& y, std::vector<float>& r)
{
    y.resize(x.rows(), x.cols());
    r.resize(static_cast<size_t>(x.rows()));
    for (int64_t t = 0; t < x.rows(); ++t) {
        double sum = 0.0;
        for (int64_t j = 0; j < x.cols(); ++j)
            sum += static_cast<double>(x(t, j)) * x(t, j);
        const float scale = 1.0f / std::sqrt(static_cast<float>(sum / static_cast<double>(x.cols()) + eps));
        r[static_cast<size_t>(t)] = scale;
        for (int64_t j = 0; j < x.cols(); ++j)
            y(t, j) = (x(t, j) * scale) * w[j];
    }
}

/// dx += d(norm)/dx · dy, dw += d(norm)/dw · dy.
void rmsBackward(const Mat& x, const float* w, const std::vector<float>& r, const Mat& dy, Mat& dx, float* dw)
{
    const auto d = static_cast<float>(x.cols());
    for (int64_t t = 0; t < x.rows(); ++t) {
        const float rt = r[static_cast<size_t>(t)];
        float dot = 0.0f;
        for (int64_t j = 0; j < x.cols(); ++j)
            dot += dy(t, j) * w[j] * x(t, j);
        const float c = rt * rt * rt * dot / d;
        for (int64_t j = 0; j < x.cols(); ++j) {
            dx(t, j) += rt * w[j] * dy(t, j) - x(t, j) * c;
            dw[j] += dy(t, j) * x(t, j) * rt;
        }
    }
}

/// Inverse rotation of applyRope (adjacent pairs): the gradient of a rotation is the transposed rotation.
void ropeBackward(Mat& dx, int64_t nHeads, const LlamaConfig& c, const std::vector<float>& table)
{
    const int64_t pairs = c.nRot / 2;
    for (int64_t p = 0; p < dx.rows(); ++p) {
        const float* cs = table.data() + p * pairs * 2;
        for (int64_t h = 0; h < nHeads; ++h) {
            float* head = dx.data() + (p * nHeads + h) * c.headDim;
            for (int64_t i = 0; i < pairs; ++i) {
                const float d0 = head[2 * i], d1 = head[2 * i + 1];
                head[2 * i] = d0 * cs[2 * i] + d1 * cs[2 * i + 1];
                head[2 * i + 1] = -d0 * cs[2 * i + 1] + d1 * cs[2 * i];
            }
        }
    }
}

void attentionForward(const TrainShape& s, LayerCache& c)
{
    const int64_t hd = s.dim / s.heads, group = s.heads / s.kvHeads, T = c.q.rows();
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    c.p.resize(static_cast<size_t>(s.heads));
    c.o.resize(T, s.dim);
    for (int64_t h = 0; h < s.heads; ++h) {
        const int64_t kv = h / group;
        Mat& p = c.p[static_cast<size_t>(h)];
        p.resize(T, T);
        gemm({false, true, T, T, hd, scale, c.q.data() + h * hd, c.q.cols(), c.k.data() + kv * hd, c.k.cols(), 0.0f,
              p.data(), T});
        for (int64_t i = 0; i < T; ++i) {
            const float mx = p.row(i).head(i + 1).maxCoeff();
            double sum = 0.0;
            for (int64_t j = 0; j <= i; ++j) {
                p(i, j) = std::exp(p(i, j) - mx);
                sum += p(i, j);
            }
            p.row(i).head(i + 1) *= static_cast<float>(1.0 / sum);
            p.row(i).tail(T - i - 1).setZero();
        }
        gemm({false, false, T, hd, T, 1.0f, p.data(), T, c.v.data() + kv * hd, c.v.cols(), 0.0f, c.o.data() + h * hd,
              c.o.cols()});
    }
}

void attentionBackward(const TrainShape& s, const LayerCache& c, const Mat& dO, Mat& dq, Mat& dk, Mat& dv)
{
    const int64_t hd = s.dim / s.heads, group = s.heads / s.kvHeads, T = c.q.rows();
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    dq.setZero(c.q.rows(), c.q.cols());
    dk.setZero(c.k.rows(), c.k.cols());
    dv.setZero(c.v.rows(), c.v.cols());
    for (int64_t h = 0; h < s.heads; ++h) {
        const int64_t kv = h / group;
        const Mat& p = c.p[static_cast<size_t>(h)];
        const float* dOh = dO.data() + h * hd;
        Mat dp(T, T);
        gemm({false, true, T, T, hd, 1.0f, dOh, dO.cols(), c.v.data() + kv * hd, c.v.cols(), 0.0f, dp.data(), T});
        gemm({true, false, T, hd, T, 1.0f, p.data(), T, dOh, dO.cols(), 1.0f, dv.data() + kv * hd, dv.cols()});
        const Eigen::VectorXf rowDot = p.cwiseProduct(dp).rowwise().sum();
        const Mat ds = p.cwiseProduct(dp.colwise() - rowDot) * scale;
        gemm({false, false, T, hd, T, 1.0f, ds.data(), T, c.k.data() + kv * hd, c.k.cols(), 1.0f, dq.data() + h * hd,
              dq.cols()});
        gemm({true, false, T, hd, T, 1.0f, ds.data(), T, c.q.data() + h * hd, c.q.cols(), 1.0f, dk.data() + kv * hd,
              dk.cols()});
    }
}

void layerForward(TrainWorkspace& ws, std::span<const float> params, int64_t l, const Mat& x, Mat& out)
{
    const TrainShape& s = ws.shape;
    LayerCache& c = ws.layers[static_cast<size_t>(l)];
    auto w = [&](Slot slot) { return matOf(ws, params, slotIndex(l, slot)); };
    c.xin = x;
    rmsForward(c.xin, w(AttnNorm).data(), s.rmsEps, c.xn1, c.r1);
    linear(c.xn1, w(Wq), c.q);
    linear(c.xn1, w(Wk), c.k);
    linear(c.xn1, w(Wv), c.v);
    applyRope(c.q.data(), c.q.rows(), s.heads, ws.config, ws.rope);
    applyRope(c.k.data(), c.k.rows(), s.kvHeads, ws.config, ws.rope);
    attentionForward(s, c);
    c.x1 = c.xin;
    linear(c.o, w(Wo), c.x1, true);
    rmsForward(c.x1, w(FfnNorm).data(), s.rmsEps, c.xn2, c.r2);
    linear(c.xn2, w(Gate), c.g);
    linear(c.xn2, w(Up), c.u);
    c.h = c.g.unaryExpr([](float g) { return g / (1.0f + std::exp(-g)); }).cwiseProduct(c.u);
    out = c.x1;
    linear(c.h, w(Down), out, true);
}

/// Backward through one block: `dx` holds d(loss)/d(block output) and becomes d(loss)/d(block input).
void layerBackward(TrainWorkspace& ws, std::span<const float> params, std::span<float> grads, int64_t l, Mat& dx)
{
    const TrainShape& s = ws.shape;
    const LayerCache& c = ws.layers[static_cast<size_t>(l)];
    auto w = [&](Slot slot) { return matOf(ws, params, slotIndex(l, slot)); };
    auto gw = [&](Slot slot) { return gradOf(ws, grads, slotIndex(l, slot)); };
    Mat dh;
    linearBackInput(dx, w(Down), dh);
    linearBackWeight(dx, c.h, gw(Down));
    const Mat sig = c.g.unaryExpr([](float g) { return 1.0f / (1.0f + std::exp(-g)); });
    const Mat du = dh.cwiseProduct(c.g.cwiseProduct(sig));
    const Mat dg = dh.cwiseProduct(c.u).cwiseProduct(
        sig.cwiseProduct((c.g.array() * (1.0f - sig.array()) + 1.0f).matrix()));
    Mat dxn;
    linearBackInput(dg, w(Gate), dxn);
    linearBackInput(du, w(Up), dxn, true);
    linearBackWeight(dg, c.xn2, gw(Gate));
    linearBackWeight(du, c.xn2, gw(Up));
    rmsBackward(c.x1, w(FfnNorm).data(), c.r2, dxn, dx, gw(FfnNorm).data());
    Mat dO;
    linearBackInput(dx, w(Wo), dO);
    linearBackWeight(dx, c.o, gw(Wo));
    Mat dq, dk, dv;
    attentionBackward(s, c, dO, dq, dk, dv);
    ropeBackward(dq, s.heads, ws.config, ws.rope);
    ropeBackward(dk, s.kvHeads, ws.config, ws.rope);
    linearBackInput(dq, w(Wq), dxn);
    linearBackInput(dk, w(Wk), dxn, true);
    linearBackInput(dv, w(Wv), dxn, true);
    linearBackWeight(dq, c.xn1, gw(Wq));
    linearBackWeight(dk, c.xn1, gw(Wk));
    linearBackWeight(dv, c.xn1, gw(Wv));
    rmsBackward(c.xin, w(AttnNorm).data(), c.r1, dxn, dx, gw(AttnNorm).data());
}

} // namespace

std::vector<float> trainForward(const TrainShape& shape, std::span<const float> params,
                                std::span<const int32_t> tokens, TrainWorkspace& ws)
{
    const auto T = static_cast<int64_t>(tokens.size());
    if (!(shape == ws.shape) || T == 0 || static_cast<int64_t>(params.size()) != paramCount(ws.layout))
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "trainForward: shape, workspace or sizes disagree");
    if (ws.seqLen != T) {
        ws.rope = ropeTable(T, ws.config);
        ws.seqLen = T;
    }
    const CMap emb = matOf(ws, params, 0);
    Mat x(T, shape.dim), next;
    for (int64_t t = 0; t < T; ++t) {
        const int32_t id = tokens[static_cast<size_t>(t)];
        if (id < 0 || id >= shape.vocab)
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "token id out of range");
        x.row(t) = emb.row(id);
    }
    for (int64_t l = 0; l < shape.layers; ++l) {
        layerForward(ws, params, l, x, next);
        x.swap(next);
    }
    ws.xf = x;
    rmsForward(ws.xf, matOf(ws, params, ws.layout.size() - 1).data(), shape.rmsEps, ws.xnf, ws.rf);
    linear(ws.xnf, emb, ws.logits);
    return std::vector<float>(ws.logits.data(), ws.logits.data() + ws.logits.size());
}

double trainStep(const TrainShape& shape, std::span<const float> params, std::span<const int32_t> tokens,
                 std::span<const int32_t> targets, float gradScale, std::span<float> grads, TrainWorkspace& ws)
{
    if (targets.size() != tokens.size() || grads.size() != params.size())
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "trainStep: sizes disagree");
    trainForward(shape, params, tokens, ws);
    Mat dlogits = ws.logits;
    double loss = 0.0;
    for (int64_t t = 0; t < dlogits.rows(); ++t) {
        const int32_t target = targets[static_cast<size_t>(t)];
        if (target < 0 || target >= shape.vocab)
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "target id out of range");
        const float mx = dlogits.row(t).maxCoeff();
        double sum = 0.0;
        for (int64_t j = 0; j < dlogits.cols(); ++j)
            sum += std::exp(static_cast<double>(dlogits(t, j) - mx));
        loss += std::log(sum) + mx - dlogits(t, target);
        for (int64_t j = 0; j < dlogits.cols(); ++j)
            dlogits(t, j) = static_cast<float>(std::exp(static_cast<double>(dlogits(t, j) - mx)) / sum) * gradScale;
        dlogits(t, target) -= gradScale;
    }
    if (gradScale == 0.0f)
        return loss;  // nothing to add: evaluation only
    const size_t outNorm = ws.layout.size() - 1;
    const CMap emb = matOf(ws, params, 0);
    MMap gEmb = gradOf(ws, grads, 0);
    Mat dxnf;
    linearBackInput(dlogits, emb, dxnf);
    linearBackWeight(dlogits, ws.xnf, gEmb);
    Mat dx = Mat::Zero(ws.xf.rows(), ws.xf.cols());
    rmsBackward(ws.xf, matOf(ws, params, outNorm).data(), ws.rf, dxnf, dx, gradOf(ws, grads, outNorm).data());
    for (int64_t l = shape.layers - 1; l >= 0; --l)
        layerBackward(ws, params, grads, l, dx);
    for (int64_t t = 0; t < dx.rows(); ++t)
        gEmb.row(tokens[static_cast<size_t>(t)]) += dx.row(t);
    return loss;
}

} // namespace qx
