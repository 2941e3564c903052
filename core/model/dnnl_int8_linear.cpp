#include "model/dnnl_int8_linear.h"

#include "common/error.h"
#include "model/dnnl_threads.h"
#include "common/parallel_for.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace qx {
namespace {

inline int8_t code8(float x, float inv)
{
    return static_cast<int8_t>(std::clamp(std::round(x * inv), -127.0f, 127.0f));
}

void checkSizes(std::span<const float> xSteps, int64_t m, const Int8Matrix& w, const WeightView& bias)
{
    if (xSteps.size() != 1 && static_cast<int64_t>(xSteps.size()) != m)
        throw Error(ErrorCode::Mismatch, "int8 linear: need one activation step per row or a single one");
    if (static_cast<int64_t>(w.codes.size()) != w.rows * w.cols || static_cast<int64_t>(w.steps.size()) != w.rows)
        throw Error(ErrorCode::Mismatch, "int8 linear: weight codes or steps do not match the shape");
    if (bias && bias.cols * bias.rows != w.rows)
        throw Error(ErrorCode::Mismatch, "int8 linear: bias length does not match the output features");
}

// y rows [b, e) from the int32 products: acc · (xStep · wStep) + bias.
void dequantizeRows(const int32_t* acc, std::span<const float> xSteps, int64_t b, int64_t e, const Int8Matrix& w,
                    const WeightView& bias, float* y)
{
    for (int64_t i = b; i < e; ++i) {
        const float xs = xSteps.size() == 1 ? xSteps[0] : xSteps[static_cast<size_t>(i)];
        for (int64_t o = 0; o < w.rows; ++o) {
            const float v = static_cast<float>(acc[i * w.rows + o]) * (xs * w.steps[static_cast<size_t>(o)]);
            y[i * w.rows + o] = bias ? v + bias.data[o] : v;
        }
    }
}

using Key = std::tuple<int64_t, int64_t, int64_t>;

} // namespace

void quantizeRowsInt8(const float* x, int64_t rows, int64_t cols, int8_t* codes, float* steps)
{
    for (int64_t r = 0; r < rows; ++r) {
        const float* row = x + r * cols;
        float amax = 0.0f;
        for (int64_t j = 0; j < cols; ++j)
            amax = std::max(amax, std::fabs(row[j]));
        steps[r] = amax / 127.0f;
        quantizeInt8WithStep(row, cols, steps[r], codes + r * cols);
    }
}

Int8Matrix quantizeRowsInt8(const WeightView& w)
{
    Int8Matrix m{std::vector<int8_t>(static_cast<size_t>(w.rows * w.cols)), std::vector<float>(static_cast<size_t>(w.rows)),
                 w.rows, w.cols};
    quantizeRowsInt8(w.data, w.rows, w.cols, m.codes.data(), m.steps.data());
    return m;
}

void quantizeInt8WithStep(const float* x, int64_t n, float step, int8_t* codes)
{
    const float inv = step > 0.0f ? 1.0f / step : 0.0f;
    for (int64_t j = 0; j < n; ++j)
        codes[j] = code8(x[j], inv);
}

struct DnnlInt8Linear::Impl {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
    std::map<Key, dnnl::matmul> cache;
    std::vector<int32_t> acc;
    int threads = 0;

    dnnl::matmul& primitive(int64_t m, int64_t k, int64_t n)
    {
        const Key key{m, k, n};
        if (auto it = cache.find(key); it != cache.end())
            return it->second;
        using dt = dnnl::memory::data_type;
        const dnnl::memory::desc src({m, k}, dt::s8, dnnl::memory::dims{k, 1});
        const dnnl::memory::desc wei({k, n}, dt::s8, dnnl::memory::dims{1, k});
        const dnnl::memory::desc dst({m, n}, dt::s32, dnnl::memory::dims{n, 1});
        const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(src, wei, dst), engine);
        return cache.emplace(key, dnnl::matmul(pd)).first->second;
    }
};

DnnlInt8Linear::DnnlInt8Linear(int threads) : m_impl(std::make_unique<Impl>())
{
    m_impl->threads = threads;
}

DnnlInt8Linear::~DnnlInt8Linear() = default;

void DnnlInt8Linear::apply(const int8_t* x, std::span<const float> xSteps, int64_t m, const Int8Matrix& w,
                           const WeightView& bias, float* y)
{
    if (m <= 0)
        return;
    checkSizes(xSteps, m, w, bias);
    detail::setOmpThreads(m_impl->threads);
    std::vector<int32_t>& acc = m_impl->acc;
    acc.resize(static_cast<size_t>(m * w.rows));
    try {
        dnnl::matmul& prim = m_impl->primitive(m, w.cols, w.rows);
        using dt = dnnl::memory::data_type;
        auto& eng = m_impl->engine;
        dnnl::memory src({{m, w.cols}, dt::s8, dnnl::memory::dims{w.cols, 1}}, eng, const_cast<int8_t*>(x));
        dnnl::memory wei({{w.cols, w.rows}, dt::s8, dnnl::memory::dims{1, w.cols}}, eng,
                         const_cast<int8_t*>(w.codes.data()));
        dnnl::memory dst({{m, w.rows}, dt::s32, dnnl::memory::dims{w.rows, 1}}, eng, acc.data());
        prim.execute(m_impl->stream, {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, dst}});
        m_impl->stream.wait();
    } catch (const dnnl::error& e) {
        throw Error(ErrorCode::Unsupported, std::string("oneDNN int8 matmul failed: ") + e.what());
    }
    const int threads = m * w.rows < (int64_t{1} << 16) ? 1 : resolveThreadCount(m_impl->threads);
    parallelFor(m, threads, [&](int64_t b, int64_t e) { dequantizeRows(acc.data(), xSteps, b, e, w, bias, y); });
}

void int8LinearRef(const int8_t* x, std::span<const float> xSteps, int64_t m, const Int8Matrix& w,
                   const WeightView& bias, float* y)
{
    checkSizes(xSteps, m, w, bias);
    std::vector<int32_t> acc(static_cast<size_t>(m * w.rows));
    for (int64_t i = 0; i < m; ++i)
        for (int64_t o = 0; o < w.rows; ++o) {
            int32_t sum = 0;
            for (int64_t k = 0; k < w.cols; ++k)
                sum += int32_t{x[i * w.cols + k]} * int32_t{w.codes[static_cast<size_t>(o * w.cols + k)]};
            acc[static_cast<size_t>(i * w.rows + o)] = sum;
        }
    dequantizeRows(acc.data(), xSteps, 0, m, w, bias, y);
}

} // namespace qx
