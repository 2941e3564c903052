#include "calib/calib_capture.h"

#include "calib/dense_kernels.h"
#include "common/error.h"
#include "common/memory_need.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_set>

namespace qx {

ActivationHook CalibCapture::hook()
{
    return [this](const std::string& name, const float* x, int64_t rows, int64_t cols) { collect(name, x, rows, cols); };
}

void CalibCapture::collect(const std::string& weightName, const float* x, int64_t rows, int64_t cols)
{
    if (weightName.rfind("blk.", 0) != 0)
        return;
    Acc& a = m_acc[weightName];
    if (a.cols == 0) {
        a.cols = cols;
        a.sumAbs.assign(static_cast<size_t>(cols), 0.0);
        a.maxAbs.assign(static_cast<size_t>(cols), 0.0f);
        if (m_wantHessian)
            a.xx.assign(static_cast<size_t>(cols * cols), 0.0);
    } else if (a.cols != cols) {
        throw Error(ErrorCode::Mismatch, "calibration: inconsistent input width for " + weightName);
    }
    for (int64_t r = 0; r < rows; ++r) {
        const float* row = x + r * cols;
        for (int64_t j = 0; j < cols; ++j) {
            if (!std::isfinite(row[j]))
                throw Error(ErrorCode::Invalid, "calibration: non-finite activation entering " + weightName);
            const float v = std::fabs(row[j]);
            a.sumAbs[static_cast<size_t>(j)] += v;
            a.maxAbs[static_cast<size_t>(j)] = std::max(a.maxAbs[static_cast<size_t>(j)], v);
        }
    }
    if (m_wantHessian) {
        // Lower triangle of Σ x xᵀ (row-major storage = upper triangle of the column-major map).
        dense::addGram(a.xx, x, rows, cols);
    }
    a.samples += rows;
}

namespace {

// The finished statistics of one layer from its sums, taken by value (copied or moved in).
LayerCalib finishLayer(int64_t cols, int64_t samples, std::vector<double> xx, const std::vector<double>& sumAbs,
                       std::vector<float> maxAbs)
{
    LayerCalib c;
    c.cols = cols;
    c.samples = samples;
    c.maxAbs = std::move(maxAbs);
    const double n = static_cast<double>(std::max<int64_t>(1, samples));
    c.meanAbs.resize(sumAbs.size());
    for (size_t j = 0; j < sumAbs.size(); ++j)
        c.meanAbs[j] = static_cast<float>(sumAbs[j] / n);
    if (!xx.empty()) { // xx holds the lower triangle (row-major); made symmetric and scaled in place
        for (int64_t i = 0; i < cols; ++i)
            for (int64_t j = 0; j <= i; ++j) {
                const double v = 2.0 * xx[static_cast<size_t>(i * cols + j)] / n;
                xx[static_cast<size_t>(i * cols + j)] = v;
                xx[static_cast<size_t>(j * cols + i)] = v;
            }
        c.hessian = std::move(xx);
    }
    return c;
}

} // namespace

CalibData CalibCapture::finish() const&
{
    CalibData out;
    for (const auto& [name, a] : m_acc)
        out.emplace(name, finishLayer(a.cols, a.samples, a.xx, a.sumAbs, a.maxAbs));
    return out;
}

CalibData CalibCapture::finish() &&
{
    CalibData out;
    for (auto& [name, a] : m_acc)
        out.emplace(name, finishLayer(a.cols, a.samples, std::move(a.xx), a.sumAbs, std::move(a.maxAbs)));
    m_acc.clear();
    return out;
}

namespace {

/// True for the layers the capture collects: blk.* matrices that are not norms.
bool isCapturedLayer(const WeightSource& source, const std::string& name)
{
    return name.rfind("blk.", 0) == 0 && source.shape(name).rows > 1 && name.find("norm") == std::string::npos;
}

/// What the capture holds at its end: per layer the Hessian's sums (cols x cols doubles, finished in place)
/// when wanted, per-column sums and maxima and their finished copies.
uint64_t captureMemoryNeed(const WeightSource& source, bool wantHessian)
{
    uint64_t total = 0;
    for (const std::string& name : source.tensorNames()) {
        if (!isCapturedLayer(source, name))
            continue;
        const auto cols = uint64_t(std::max<int64_t>(source.shape(name).cols, 0));
        const uint64_t square = wantHessian ? saturatingProduct({cols, cols, sizeof(double)}) : 0;
        total = saturatingSum(total, saturatingSum(square, saturatingProduct({cols, 2 * (8 + 4)})));
    }
    return total;
}

} // namespace

CalibData captureCalibration(LlamaForward& forward, std::span<const int32_t> tokens, const CalibOptions& options,
                             const ProgressFn& progress)
{
    const int64_t nCtx = options.nCtx;
    if (nCtx < 2 || static_cast<int64_t>(tokens.size()) < nCtx)
        throw Error(ErrorCode::InvalidArgument, "calibration text too short: " + std::to_string(tokens.size())
                                                    + " tokens, need at least one chunk of " + std::to_string(nCtx));
    const int64_t available = static_cast<int64_t>(tokens.size()) / nCtx;
    const int64_t nChunk = options.maxChunks < 0 ? available : std::min(options.maxChunks, available);
    if (nChunk < 1)
        throw Error(ErrorCode::InvalidArgument, "calibration: no chunks requested");
    checkMemoryNeed(captureMemoryNeed(forward.source(), options.wantHessian),
                    std::string("the calibration statistics of every linear layer") +
                        (options.wantHessian ? " (a Hessian of inputs x inputs values for each)" : ""));
    CalibCapture capture(options.wantHessian);
    forward.setActivationHook(capture.hook());
    std::vector<int32_t> chunk;
    try {
        const int64_t perCall = std::max<int64_t>(1, 2048 / nCtx); // chunks evaluated together
        for (int64_t i = 0; i < nChunk; i += perCall) {
            const int64_t n = std::min(perCall, nChunk - i);
            chunk.assign(tokens.begin() + i * nCtx, tokens.begin() + (i + n) * nCtx);
            if (options.bosToken)
                for (int64_t k = 0; k < n; ++k)
                    chunk[static_cast<size_t>(k * nCtx)] = *options.bosToken;
            forward.forward(chunk, nCtx, nCtx - 1);
            if (progress && !progress(static_cast<double>(i + n) / static_cast<double>(nChunk)))
                throw Error(ErrorCode::Cancelled, "calibration cancelled");
        }
    } catch (...) {
        forward.setActivationHook({});
        throw;
    }
    forward.setActivationHook({});
    CalibData data = std::move(capture).finish();
    for (const std::string& name : forward.source().tensorNames()) {
        if (isCapturedLayer(forward.source(), name) && !data.count(name))
            throw Error(ErrorCode::Invalid, "calibration: layer " + name + " received no input");
    }
    return data;
}

std::pair<std::string, std::string> splitCalibEval(const std::string& text, double fraction)
{
    const size_t target = static_cast<size_t>(static_cast<double>(text.size()) * std::clamp(fraction, 0.0, 1.0));
    size_t cut = text.find('\n', target);
    if (cut == std::string::npos)
        cut = target;
    else
        ++cut;
    if (cut == 0 || cut >= text.size())
        throw Error(ErrorCode::InvalidArgument, "text too short to split into calibration and evaluation parts");
    return {text.substr(0, cut), text.substr(cut)};
}

double textOverlap(const std::string& calib, const std::string& eval)
{
    auto lines = [](const std::string& t) {
        std::vector<std::string> out;
        std::istringstream in(t);
        for (std::string l; std::getline(in, l);)
            if (l.size() >= 20)
                out.push_back(l);
        return out;
    };
    const auto c = lines(calib);
    const std::unordered_set<std::string> set(c.begin(), c.end());
    const auto e = lines(eval);
    if (e.empty())
        return 0.0;
    const auto shared = std::count_if(e.begin(), e.end(), [&](const std::string& l) { return set.count(l) > 0; });
    return static_cast<double>(shared) / static_cast<double>(e.size());
}

} // namespace qx
