#include "calib/dense_kernels.h"

#include "common/cpu_features.h"

#define QX_DENSE_NS ref
#include "calib/dense_kernels_impl.h"
#undef QX_DENSE_NS

namespace qx::dense {

// The SIMD builds (dense_kernels_avx2.cpp, dense_kernels_avx512.cpp).
namespace avx2 {
void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols);
void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k);
bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u);
double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h);
} // namespace avx2
namespace avx512 {
void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols);
void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k);
bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u);
double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h);
} // namespace avx512

namespace {

enum class Isa { Generic, Avx2, Avx512 };

Isa bestIsa()
{
    static const Isa isa = cpuHasAvx512() ? Isa::Avx512 : cpuHasAvx2Fma16c() ? Isa::Avx2 : Isa::Generic;
    return isa;
}

} // namespace

void addGramRef(std::span<double> xx, const float* x, int64_t rows, int64_t cols)
{
    ref::addGram(xx, x, rows, cols);
}

void subtractProductRef(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                        int64_t n, int64_t k)
{
    ref::subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
}

bool inverseCholeskyUpperRef(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u)
{
    return ref::inverseCholeskyUpper(h, n, diagonalAdd, u);
}

double quadraticLossRef(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                        std::span<const double> h)
{
    return ref::quadraticLoss(a, b, rows, cols, h);
}

void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols)
{
    switch (bestIsa()) {
    case Isa::Avx512: return avx512::addGram(xx, x, rows, cols);
    case Isa::Avx2: return avx2::addGram(xx, x, rows, cols);
    default: return ref::addGram(xx, x, rows, cols);
    }
}

void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k)
{
    switch (bestIsa()) {
    case Isa::Avx512: return avx512::subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
    case Isa::Avx2: return avx2::subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
    default: return ref::subtractProduct(c, ldc, a, lda, b, ldb, m, n, k);
    }
}

bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u)
{
    switch (bestIsa()) {
    case Isa::Avx512: return avx512::inverseCholeskyUpper(h, n, diagonalAdd, u);
    case Isa::Avx2: return avx2::inverseCholeskyUpper(h, n, diagonalAdd, u);
    default: return ref::inverseCholeskyUpper(h, n, diagonalAdd, u);
    }
}

double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h)
{
    switch (bestIsa()) {
    case Isa::Avx512: return avx512::quadraticLoss(a, b, rows, cols, h);
    case Isa::Avx2: return avx2::quadraticLoss(a, b, rows, cols, h);
    default: return ref::quadraticLoss(a, b, rows, cols, h);
    }
}

} // namespace qx::dense
