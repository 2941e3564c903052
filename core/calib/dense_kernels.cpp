#include "calib/dense_kernels.h"

#include "common/cpu_features.h"

#define QX_DENSE_NS ref
#include "calib/dense_kernels_impl.h"
#undef QX_DENSE_NS

namespace qx::dense {

namespace avx2 {
extern const KernelTable kKernels;   // dense_kernels_avx2.cpp
}
namespace avx512 {
extern const KernelTable kKernels;   // dense_kernels_avx512.cpp
}

namespace {

const KernelTable& fastest()
{
    static const KernelTable& table = cpuHasAvx512()       ? avx512::kKernels
                                      : cpuHasAvx2Fma16c() ? avx2::kKernels
                                                           : ref::kKernels;
    return table;
}

} // namespace

void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols)
{
    fastest().addGram(xx, x, rows, cols);
}

void addGramRef(std::span<double> xx, const float* x, int64_t rows, int64_t cols)
{
    ref::addGram(xx, x, rows, cols);
}

void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k)
{
    fastest().subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
}

void subtractProductRef(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                        int64_t n, int64_t k)
{
    ref::subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
}

bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u)
{
    return fastest().inverseCholeskyUpper(h, n, diagonalAdd, u);
}

bool inverseCholeskyUpperRef(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u)
{
    return ref::inverseCholeskyUpper(h, n, diagonalAdd, u);
}

double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h)
{
    return fastest().quadraticLoss(a, b, rows, cols, h);
}

double quadraticLossRef(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                        std::span<const double> h)
{
    return ref::quadraticLoss(a, b, rows, cols, h);
}

} // namespace qx::dense
