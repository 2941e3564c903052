// oneDNN's sgemm on one thread, and its scalar twin.
#include "train/train_gemm.h"

#include "common/error.h"

#include <oneapi/dnnl/dnnl.h>

#include <dlfcn.h>

#include <string>

namespace qx {
namespace {

/// oneDNN runs on OpenMP, whose thread count is a per-thread setting: one thread for the product, then
/// the caller's own setting again (libgomp is loaded by libdnnl; looked up rather than linked).
class OneOmpThread {
public:
    OneOmpThread()
    {
        static const GetFn get = reinterpret_cast<GetFn>(dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
        static const SetFn set = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
        m_set = set;
        m_previous = get ? get() : 0;
        if (m_set && m_previous != 1)
            m_set(1);
    }
    ~OneOmpThread()
    {
        if (m_set && m_previous > 1)
            m_set(m_previous);
    }
    OneOmpThread(const OneOmpThread&) = delete;
    OneOmpThread& operator=(const OneOmpThread&) = delete;

private:
    using GetFn = int (*)();
    using SetFn = void (*)(int);
    SetFn m_set = nullptr;
    int m_previous = 0;
};

} // namespace

void gemm(const GemmArgs& g)
{
    if (g.m == 0 || g.n == 0)
        return;
    OneOmpThread one;
    const dnnl_status_t status = dnnl_sgemm(g.transA ? 'T' : 'N', g.transB ? 'T' : 'N', g.m, g.n, g.k, g.alpha, g.a,
                                            g.lda, g.b, g.ldb, g.beta, g.c, g.ldc);
    if (status != dnnl_success)
        throw Error(ErrorCode::InvalidArgument, "trainer matrix product refused by oneDNN (status "
                                                    + std::to_string(static_cast<int>(status)) + ")");
}

void gemmRef(const GemmArgs& g)
{
    for (int64_t i = 0; i < g.m; ++i)
        for (int64_t j = 0; j < g.n; ++j) {
            double sum = 0.0;
            for (int64_t p = 0; p < g.k; ++p) {
                const float a = g.transA ? g.a[p * g.lda + i] : g.a[i * g.lda + p];
                const float b = g.transB ? g.b[j * g.ldb + p] : g.b[p * g.ldb + j];
                sum += static_cast<double>(a) * b;
            }
            float& c = g.c[i * g.ldc + j];
            c = static_cast<float>(g.alpha * sum + (g.beta == 0.0f ? 0.0 : static_cast<double>(g.beta) * c));
        }
}

} // namespace qx
