#include "model/dnnl_linear.h"

#include "common/error.h"
#include "common/half.h"
#include "common/thread_count.h"
#include "model/dnnl_threads.h"
#include "common/parallel_for.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>
#include <vector>

namespace qx {

namespace detail {

// oneDNN runs on OpenMP here (Debian's libdnnl links libgomp); its thread count is a per-thread OpenMP setting.
void setOmpThreads(int threads)
{
    if (threads > 0)
        omp_set_num_threads(resolveThreadCount(threads));
}

} // namespace detail

namespace {

using Key = std::tuple<int64_t, int64_t, int64_t, bool, bool>;

void toBf16(const float* x, int64_t n, uint16_t* out)
{
    for (int64_t i = 0; i < n; ++i)
        out[i] = fp32ToBf16(x[i]);
}

} // namespace

struct DnnlLinear::Impl {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
    std::map<Key, dnnl::matmul> cache;
    std::map<const float*, std::vector<uint16_t>> bf16Weights;
    std::vector<uint16_t> bf16Input;
    int threads = 0;
    bool bf16 = false;

    const uint16_t* bf16Weight(const WeightView& w)
    {
        std::vector<uint16_t>& v = bf16Weights[w.data];
        if (v.empty()) {
            v.resize(static_cast<size_t>(w.rows * w.cols));
            toBf16(w.data, w.rows * w.cols, v.data());
        }
        return v.data();
    }

    dnnl::matmul& primitive(int64_t m, int64_t k, int64_t n, bool bias)
    {
        const Key key{m, k, n, bias, bf16};
        auto it = cache.find(key);
        if (it != cache.end())
            return it->second;
        using dt = dnnl::memory::data_type;
        const dt in = bf16 ? dt::bf16 : dt::f32;
        const dnnl::memory::desc src({m, k}, in, dnnl::memory::dims{k, 1});
        const dnnl::memory::desc wei({k, n}, in, dnnl::memory::dims{1, k});
        const dnnl::memory::desc dst({m, n}, dt::f32, dnnl::memory::dims{n, 1});
        const dnnl::memory::desc bia = bias ? dnnl::memory::desc({1, n}, dt::f32, dnnl::memory::dims{n, 1})
                                            : dnnl::memory::desc();
        const dnnl::matmul::desc desc = bias ? dnnl::matmul::desc(src, wei, bia, dst) : dnnl::matmul::desc(src, wei, dst);
        const dnnl::matmul::primitive_desc pd(desc, engine);
        return cache.emplace(key, dnnl::matmul(pd)).first->second;
    }
};

DnnlLinear::DnnlLinear(int threads, bool bf16) : m_impl(std::make_unique<Impl>())
{
    m_impl->threads = threads;
    m_impl->bf16 = bf16;
}

DnnlLinear::~DnnlLinear() = default;

void DnnlLinear::apply(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y)
{
    if (m <= 0)
        return;
    if (bias && bias.cols * bias.rows != w.rows)
        throw Error(ErrorCode::Mismatch, "linear: bias length does not match the output features");
    detail::setOmpThreads(m_impl->threads);
    try {
        dnnl::matmul& prim = m_impl->primitive(m, w.cols, w.rows, bool(bias));
        using dt = dnnl::memory::data_type;
        auto& eng = m_impl->engine;
        const dt in = m_impl->bf16 ? dt::bf16 : dt::f32;
        void* xData = const_cast<float*>(x);
        void* wData = const_cast<float*>(w.data);
        if (m_impl->bf16) {
            m_impl->bf16Input.resize(static_cast<size_t>(m * w.cols));
            toBf16(x, m * w.cols, m_impl->bf16Input.data());
            xData = m_impl->bf16Input.data();
            wData = const_cast<uint16_t*>(m_impl->bf16Weight(w));
        }
        dnnl::memory src({{m, w.cols}, in, dnnl::memory::dims{w.cols, 1}}, eng, xData);
        dnnl::memory wei({{w.cols, w.rows}, in, dnnl::memory::dims{1, w.cols}}, eng, wData);
        dnnl::memory dst({{m, w.rows}, dt::f32, dnnl::memory::dims{w.rows, 1}}, eng, y);
        std::unordered_map<int, dnnl::memory> args{{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, dst}};
        if (bias)
            args.emplace(DNNL_ARG_BIAS, dnnl::memory({{1, w.rows}, dt::f32, dnnl::memory::dims{w.rows, 1}}, eng,
                                                     const_cast<float*>(bias.data)));
        prim.execute(m_impl->stream, args);
        m_impl->stream.wait();
    } catch (const dnnl::error& e) {
        throw Error(ErrorCode::Unsupported, std::string("oneDNN matmul failed: ") + e.what());
    }
}

void DnnlLinear::forgetWeights() { m_impl->bf16Weights.clear(); }

double measureMatmulGflops(int threads)
{
    constexpr int64_t m = 512, k = 4096, n = 1024; // a sub-batch times a K/V projection of a 7B model
    std::vector<float> x(size_t(m * k), 0.5f), w(size_t(k * n), 0.25f), y(size_t(m * n));
    DnnlLinear linear(threads);
    const WeightView view{w.data(), k, n};
    linear.apply(x.data(), m, view, {}, y.data()); // primitive creation and first touch
    const auto t0 = std::chrono::steady_clock::now();
    constexpr int kRepeats = 2;
    for (int r = 0; r < kRepeats; ++r)
        linear.apply(x.data(), m, view, {}, y.data());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return 2.0 * double(m * k * n) * kRepeats / std::max(seconds, 1e-9) / 1e9;
}

void linearRef(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y)
{
    for (int64_t i = 0; i < m; ++i) {
        const float* xi = x + i * w.cols;
        for (int64_t o = 0; o < w.rows; ++o) {
            const float* wo = w.data + o * w.cols;
            float sum = 0.0f;
            for (int64_t k = 0; k < w.cols; ++k)
                sum += xi[k] * wo[k];
            y[i * w.rows + o] = sum + (bias ? bias.data[o] : 0.0f);
        }
    }
}

void linearBf16Ref(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y)
{
    const auto round = [](float v) { return bf16ToFp32(fp32ToBf16(v)); };
    for (int64_t i = 0; i < m; ++i)
        for (int64_t o = 0; o < w.rows; ++o) {
            float sum = 0.0f;
            for (int64_t k = 0; k < w.cols; ++k)
                sum += round(x[i * w.cols + k]) * round(w.data[o * w.cols + k]);
            y[i * w.rows + o] = sum + (bias ? bias.data[o] : 0.0f);
        }
}

} // namespace qx
