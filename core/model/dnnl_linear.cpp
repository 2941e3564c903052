#include "model/dnnl_linear.h"

#include "common/error.h"
#include "model/dnnl_threads.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <dlfcn.h>

#include <map>
#include <tuple>

namespace qx {

namespace detail {

// oneDNN here runs on OpenMP; its thread count is a per-thread OpenMP setting. libgomp is already loaded
// by libdnnl, so the setter is looked up at run time rather than linked (no OpenMP flags in our build).
void setOmpThreads(int threads)
{
    using SetFn = void (*)(int);
    static const SetFn setter = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (setter && threads > 0)
        setter(threads);
}

} // namespace detail

namespace {

using Key = std::tuple<int64_t, int64_t, int64_t, bool>;

} // namespace

struct DnnlLinear::Impl {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
    std::map<Key, dnnl::matmul> cache;
    int threads = 0;

    dnnl::matmul& primitive(int64_t m, int64_t k, int64_t n, bool bias)
    {
        const Key key{m, k, n, bias};
        auto it = cache.find(key);
        if (it != cache.end())
            return it->second;
        using dt = dnnl::memory::data_type;
        const dnnl::memory::desc src({m, k}, dt::f32, dnnl::memory::dims{k, 1});
        const dnnl::memory::desc wei({k, n}, dt::f32, dnnl::memory::dims{1, k});
        const dnnl::memory::desc dst({m, n}, dt::f32, dnnl::memory::dims{n, 1});
        const dnnl::memory::desc bia = bias ? dnnl::memory::desc({1, n}, dt::f32, dnnl::memory::dims{n, 1})
                                            : dnnl::memory::desc();
        const dnnl::matmul::desc desc = bias ? dnnl::matmul::desc(src, wei, bia, dst) : dnnl::matmul::desc(src, wei, dst);
        const dnnl::matmul::primitive_desc pd(desc, engine);
        return cache.emplace(key, dnnl::matmul(pd)).first->second;
    }
};

DnnlLinear::DnnlLinear(int threads) : m_impl(std::make_unique<Impl>())
{
    m_impl->threads = threads;
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
        dnnl::memory src({{m, w.cols}, dt::f32, dnnl::memory::dims{w.cols, 1}}, eng, const_cast<float*>(x));
        dnnl::memory wei({{w.cols, w.rows}, dt::f32, dnnl::memory::dims{1, w.cols}}, eng,
                         const_cast<float*>(w.data));
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

} // namespace qx
