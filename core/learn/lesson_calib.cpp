#include "learn/lesson_calib.h"

#include "calib/calib_capture.h"
#include "calib/int8_matmul.h"
#include "common/error.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "stats/error_metrics.h"
#include "train/story_corpus.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace qx::learn {

std::pair<std::string, std::string> lessonTexts()
{
    return {generateStory(11) + "\n" + generateStory(12), generateStory(21) + "\n" + generateStory(22)};
}

namespace {

int64_t parameterCount(const ModelFile& model)
{
    int64_t n = 0;
    for (const TensorInfo& t : model.tensors)
        n += t.rowLength() * t.rows();
    return n;
}

} // namespace

ActivationSet captureActivations(std::shared_ptr<const ModelFile> model, int64_t maxTokens, int64_t maxParams)
{
    if (!model)
        throw Error(ErrorCode::InvalidArgument, "no model");
    if (parameterCount(*model) > maxParams)
        throw Error(ErrorCode::Unsupported, model->path, kNoOffset, "model too large for the live lessons");
    ActivationSet set;
    set.weights = LlamaWeights::fromModel(model);
    const Tokenizer tok = openTokenizer(model->path);
    const auto [calibText, evalText] = lessonTexts();
    std::vector<int32_t> a = tok.encode(calibText, true, false), b = tok.encode(evalText, true, false);
    const int64_t n = std::min({maxTokens, static_cast<int64_t>(a.size()), static_cast<int64_t>(b.size())});
    if (n < 2)
        throw Error(ErrorCode::Invalid, "the lesson text gives too few tokens");
    a.resize(static_cast<size_t>(n));
    a.insert(a.end(), b.begin(), b.begin() + n);
    for (int32_t id : a)
        set.pieces.push_back(tok.tokenPiece(id));
    set.calibTokens = n;
    ForwardOptions fo;
    fo.threads = 2;
    LlamaForward forward(set.weights, fo);
    forward.setActivationHook([&set](const std::string& name, const float* x, int64_t rows, int64_t cols) {
        if (name.rfind("blk.", 0) != 0)
            return;
        ActivationMatrix& m = set.inputs[name];
        m.cols = cols;
        m.rows += rows;
        m.x.insert(m.x.end(), x, x + rows * cols);
    });
    forward.forward(a, n);
    return set;
}

std::string activationLayer(const ActivationSet& set, const std::string& tensorName, const std::string& fallback)
{
    if (set.inputs.count(tensorName))
        return tensorName;
    return set.inputs.count(fallback) ? fallback : std::string();
}

std::vector<float> fakeQuantFixedInt8(std::span<const float> x, float absMax)
{
    const float step = absMax / 127.0f;
    const float inv = step > 0.0f ? 1.0f / step : 0.0f;
    std::vector<float> out(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        out[i] = step * std::clamp(std::round(x[i] * inv), -127.0f, 127.0f);
    return out;
}

ActQuantComparison dynamicVsStatic(const ActivationMatrix& a, int64_t calibRows)
{
    if (calibRows <= 0 || calibRows >= a.rows)
        throw Error(ErrorCode::InvalidArgument, "dynamicVsStatic: need calibration and evaluation rows");
    ActQuantComparison r;
    r.tokenAbsMax.resize(static_cast<size_t>(a.rows));
    for (int64_t t = 0; t < a.rows; ++t)
        for (int64_t c = 0; c < a.cols; ++c)
            r.tokenAbsMax[static_cast<size_t>(t)] = std::max(r.tokenAbsMax[static_cast<size_t>(t)], std::fabs(a.at(t, c)));
    r.staticAbsMax = *std::max_element(r.tokenAbsMax.begin(), r.tokenAbsMax.begin() + calibRows);
    const std::span<const float> eval = std::span<const float>(a.x).subspan(static_cast<size_t>(calibRows * a.cols));
    std::vector<float> dyn(eval.begin(), eval.end());
    fakeQuantRowsInt8(dyn.data(), a.rows - calibRows, a.cols);
    const std::vector<float> stat = fakeQuantFixedInt8(eval, r.staticAbsMax);
    for (float v : eval)
        r.clipped += std::fabs(v) > r.staticAbsMax ? 1 : 0;
    const TensorError ed = compareTensors(eval, dyn), es = compareTensors(eval, stat);
    r.mseDynamic = ed.mse;
    r.sqnrDynamic = ed.sqnrDb;
    r.mseStatic = es.mse;
    r.sqnrStatic = es.sqnrDb;
    return r;
}

std::vector<double> sliceHessian(const ActivationMatrix& a, int64_t col0, int64_t cols)
{
    if (col0 < 0 || cols <= 0 || col0 + cols > a.cols)
        throw Error(ErrorCode::InvalidArgument, "sliceHessian: columns out of range");
    std::vector<float> x(static_cast<size_t>(a.rows * cols));
    for (int64_t r = 0; r < a.rows; ++r)
        std::copy_n(a.x.begin() + r * a.cols + col0, cols, x.begin() + r * cols);
    CalibCapture capture(true);
    capture.collect("blk.slice", x.data(), a.rows, cols);
    return capture.finish().at("blk.slice").hessian;
}

std::vector<float> weightSlice(const WeightView& w, int64_t row0, int64_t col0, int64_t rows, int64_t cols)
{
    if (row0 < 0 || col0 < 0 || row0 + rows > w.rows || col0 + cols > w.cols)
        throw Error(ErrorCode::InvalidArgument, "weightSlice: block out of range");
    std::vector<float> out(static_cast<size_t>(rows * cols));
    for (int64_t r = 0; r < rows; ++r)
        std::copy_n(w.data + (row0 + r) * w.cols + col0, cols, out.begin() + r * cols);
    return out;
}

double outputError(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                   const ActivationMatrix& x, int64_t col0)
{
    double total = 0.0;
    for (int64_t t = 0; t < x.rows; ++t)
        for (int64_t r = 0; r < rows; ++r) {
            double y = 0.0;
            for (int64_t c = 0; c < cols; ++c) {
                const auto i = static_cast<size_t>(r * cols + c);
                y += (static_cast<double>(a[i]) - b[i]) * x.at(t, col0 + c);
            }
            total += y * y;
        }
    return std::sqrt(total);
}

namespace {

using Mat = Eigen::MatrixXd;
using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// (H + λI)⁻¹ and its upper Cholesky factor, raising λ ×10 until both factorizations succeed (as core GPTQ).
std::pair<Mat, Mat> dampedInverse(const Mat& h, double& dampPercent)
{
    const double meanDiag = h.diagonal().mean();
    for (int attempt = 0; attempt < 12; ++attempt) {
        Mat hd = h;
        hd.diagonal().array() += dampPercent / 100.0 * meanDiag;
        Eigen::LLT<Mat> llt(hd);
        if (llt.info() == Eigen::Success) {
            Mat inv = llt.solve(Mat::Identity(h.rows(), h.cols()));
            Eigen::LLT<Mat> second(inv);
            if (second.info() == Eigen::Success && inv.allFinite())
                return {inv, second.matrixU()};
        }
        dampPercent = dampPercent > 0.0 ? dampPercent * 10.0 : 0.01;
    }
    throw Error(ErrorCode::Invalid, "GPTQ: the Hessian stays indefinite even with heavy dampening");
}

} // namespace

GptqStepper::GptqStepper(std::span<const float> w, int64_t rows, int64_t cols, std::span<const double> hessian,
                         const QuantGrid& grid, double dampPercent)
    : m_rows(rows), m_cols(cols), m_groupLen(grid.groupLength(cols)), m_grid(grid), m_damp(dampPercent),
      m_original(w.begin(), w.end())
{
    if (rows <= 0 || cols <= 0 || w.size() != static_cast<size_t>(rows * cols)
        || hessian.size() != static_cast<size_t>(cols * cols))
        throw Error(ErrorCode::InvalidArgument, "GPTQ: weight/Hessian sizes do not match");
    validateGrid(grid, cols);
    Mat h = Eigen::Map<const RowMat>(hessian.data(), cols, cols);
    for (int64_t i = 0; i < cols; ++i)
        if (h(i, i) == 0.0) { // dead input: as core GPTQ, its weights are zeroed
            h(i, i) = 1.0;
            for (int64_t r = 0; r < rows; ++r)
                m_original[static_cast<size_t>(r * cols + i)] = 0.0f;
        }
    const auto [inv, u] = dampedInverse(h, m_damp);
    m_hinv.resize(static_cast<size_t>(cols * cols));
    m_u.resize(m_hinv.size());
    Eigen::Map<RowMat>(m_hinv.data(), cols, cols) = inv;
    Eigen::Map<RowMat>(m_u.data(), cols, cols) = u;
    m_w.assign(m_original.begin(), m_original.end());
    m_groups.resize(static_cast<size_t>(rows * ((cols + m_groupLen - 1) / m_groupLen)));
    m_rtn = fakeQuantGrid(grid, w, cols);
}

bool GptqStepper::step()
{
    if (m_done >= m_cols)
        return false;
    const int64_t i = m_done, groups = (m_cols + m_groupLen - 1) / m_groupLen;
    const double uii = m_u[static_cast<size_t>(i * m_cols + i)];
    std::vector<float> scratch;
    for (int64_t r = 0; r < m_rows; ++r) {
        double* row = m_w.data() + r * m_cols;
        GroupGrid& g = m_groups[static_cast<size_t>(r * groups + i / m_groupLen)];
        if (i % m_groupLen == 0) { // the group's grid from its current, error-updated values
            const int64_t len = std::min(m_groupLen, m_cols - i);
            scratch.assign(static_cast<size_t>(len), 0.0f);
            for (int64_t k = 0; k < len; ++k)
                scratch[static_cast<size_t>(k)] = static_cast<float>(row[i + k]);
            g = chooseGroupGrid(m_grid, scratch);
        }
        const float q = gridValue(g, gridCode(m_grid, g, static_cast<float>(row[i]), static_cast<int>(i % m_groupLen)));
        const double err = (row[i] - q) / uii;
        row[i] = q;
        for (int64_t j = i + 1; j < m_cols; ++j)
            row[j] -= err * m_u[static_cast<size_t>(i * m_cols + j)];
    }
    ++m_done;
    return true;
}

std::vector<float> GptqStepper::current() const
{
    return std::vector<float>(m_w.begin(), m_w.end());
}

std::vector<float> GptqStepper::difference() const
{
    std::vector<float> d(m_original.size());
    for (size_t k = 0; k < d.size(); ++k)
        d[k] = static_cast<float>(m_original[k] - m_w[k]);
    return d;
}

OutlierChannels outlierChannels(const ActivationMatrix& a, float threshold)
{
    OutlierChannels o;
    o.maxAbs.assign(static_cast<size_t>(a.cols), 0.0f);
    for (int64_t t = 0; t < a.rows; ++t)
        for (int64_t c = 0; c < a.cols; ++c) {
            const float v = std::fabs(a.at(t, c));
            o.maxAbs[static_cast<size_t>(c)] = std::max(o.maxAbs[static_cast<size_t>(c)], v);
            o.values += v >= threshold ? 1 : 0;
        }
    for (int64_t c = 0; c < a.cols; ++c)
        if (o.maxAbs[static_cast<size_t>(c)] >= threshold)
            o.channels.push_back(c);
    return o;
}

float relativeOutlierThreshold(const ActivationMatrix& a, double multiple)
{
    std::vector<float> m = outlierChannels(a, std::numeric_limits<float>::infinity()).maxAbs;
    if (m.empty())
        return 0.0f;
    const size_t mid = m.size() / 2;
    std::nth_element(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(mid), m.end());
    double median = m[mid];
    if (m.size() % 2 == 0)   // the largest of the lower half is the other middle value
        median = 0.5 * (median + *std::max_element(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(mid)));
    return static_cast<float>(multiple * median);
}

namespace {

double relError(std::span<const float> ref, std::span<const float> y)
{
    double num = 0.0, den = 0.0;
    for (size_t i = 0; i < ref.size(); ++i) {
        num += (static_cast<double>(ref[i]) - y[i]) * (static_cast<double>(ref[i]) - y[i]);
        den += static_cast<double>(ref[i]) * ref[i];
    }
    return den > 0.0 ? std::sqrt(num / den) : 0.0;
}

std::vector<float> matmulFloat(const float* x, int64_t rows, int64_t cols, const WeightView& w)
{
    std::vector<float> y(static_cast<size_t>(rows * w.rows));
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t o = 0; o < w.rows; ++o) {
            double acc = 0.0;
            for (int64_t j = 0; j < cols; ++j)
                acc += static_cast<double>(x[r * cols + j]) * w.data[o * cols + j];
            y[static_cast<size_t>(r * w.rows + o)] = static_cast<float>(acc);
        }
    return y;
}

// The columns with the largest `score`, `count` of them, ascending by index.
std::vector<int64_t> topColumns(std::span<const float> score, int64_t count)
{
    std::vector<int64_t> idx(score.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
    idx.resize(static_cast<size_t>(std::min<int64_t>(count, static_cast<int64_t>(idx.size()))));
    std::sort(idx.begin(), idx.end());
    return idx;
}

} // namespace

Int8Decomposition llmInt8Decomposition(const ActivationMatrix& a, const WeightView& w, float threshold)
{
    Int8Decomposition d;
    const std::vector<float> y = matmulFloat(a.x.data(), a.rows, a.cols, w);
    const std::vector<float> plain = llmInt8Matmul(a.x.data(), a.rows, a.cols, w, std::numeric_limits<float>::infinity());
    const std::vector<float> mixed = llmInt8Matmul(a.x.data(), a.rows, a.cols, w, threshold, &d.floatColumns);
    d.relErrInt8 = relError(y, plain);
    d.relErrLlmInt8 = relError(y, mixed);
    return d;
}

SalientChannels salientChannels(const ActivationMatrix& a, const WeightView& w, double fraction, const QuantGrid& grid)
{
    SalientChannels s;
    s.meanAbs.assign(static_cast<size_t>(a.cols), 0.0f);
    for (int64_t t = 0; t < a.rows; ++t)
        for (int64_t c = 0; c < a.cols; ++c)
            s.meanAbs[static_cast<size_t>(c)] += std::fabs(a.at(t, c)) / static_cast<float>(a.rows);
    std::vector<float> wNorm(static_cast<size_t>(w.cols), 0.0f);
    for (int64_t r = 0; r < w.rows; ++r)
        for (int64_t c = 0; c < w.cols; ++c)
            wNorm[static_cast<size_t>(c)] += w.data[r * w.cols + c] * w.data[r * w.cols + c];
    const auto count = std::max<int64_t>(1, std::llround(fraction * static_cast<double>(a.cols)));
    s.byActivation = topColumns(s.meanAbs, count);
    s.byWeight = topColumns(wNorm, count);
    const std::span<const float> orig(w.data, static_cast<size_t>(w.rows * w.cols));
    const std::vector<float> q = fakeQuantGrid(grid, orig, w.cols);
    auto keep = [&](const std::vector<int64_t>& cols) {
        std::vector<float> k = q;
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t c : cols)
                k[static_cast<size_t>(r * w.cols + c)] = orig[static_cast<size_t>(r * w.cols + c)];
        return outputError(orig, k, w.rows, w.cols, a);
    };
    s.errNone = outputError(orig, q, w.rows, w.cols, a);
    s.errKeepActivation = keep(s.byActivation);
    s.errKeepWeight = keep(s.byWeight);
    return s;
}

SmoothQuantDemo smoothQuantDemo(const ActivationMatrix& a, const std::vector<WeightView>& group, double alpha)
{
    if (group.empty() || group.front().cols != a.cols)
        throw Error(ErrorCode::InvalidArgument, "smoothQuantDemo: weights do not match the activations");
    SmoothQuantDemo d;
    d.xMax = outlierChannels(a, std::numeric_limits<float>::infinity()).maxAbs;
    d.wMax.assign(static_cast<size_t>(a.cols), 0.0f);
    for (const WeightView& w : group)
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t c = 0; c < w.cols; ++c)
                d.wMax[static_cast<size_t>(c)] = std::max(d.wMax[static_cast<size_t>(c)], std::fabs(w.data[r * w.cols + c]));
    d.scales.resize(d.xMax.size());
    d.xMaxAfter.resize(d.xMax.size());
    d.wMaxAfter.resize(d.xMax.size());
    for (size_t j = 0; j < d.scales.size(); ++j) {
        const double v = std::pow(std::max(d.xMax[j], 1e-5f), alpha) / std::pow(std::max(d.wMax[j], 1e-5f), 1.0 - alpha);
        d.scales[j] = static_cast<float>(std::clamp(v, 1e-5, 1e5));
        d.xMaxAfter[j] = d.xMax[j] / d.scales[j];
        d.wMaxAfter[j] = d.wMax[j] * d.scales[j];
    }
    const WeightView& w = group.front();
    const std::vector<float> y = matmulFloat(a.x.data(), a.rows, a.cols, w);
    auto w8a8 = [&](const std::vector<float>& s) {
        std::vector<float> x = a.x, wq(w.data, w.data + w.rows * w.cols);
        for (int64_t t = 0; t < a.rows; ++t)
            for (int64_t c = 0; c < a.cols; ++c)
                x[static_cast<size_t>(t * a.cols + c)] /= s[static_cast<size_t>(c)];
        for (int64_t r = 0; r < w.rows; ++r)
            for (int64_t c = 0; c < w.cols; ++c)
                wq[static_cast<size_t>(r * w.cols + c)] *= s[static_cast<size_t>(c)];
        fakeQuantRowsInt8(x.data(), a.rows, a.cols);
        fakeQuantRowsInt8(wq.data(), w.rows, w.cols);
        return relError(y, matmulFloat(x.data(), a.rows, a.cols, WeightView{wq.data(), w.cols, w.rows}));
    };
    d.relErrBefore = w8a8(std::vector<float>(d.scales.size(), 1.0f));
    d.relErrAfter = w8a8(d.scales);
    return d;
}

} // namespace qx::learn
