// The bodies of calib/dense_kernels.h, included once per instruction set by dense_kernels.cpp and the
// dense_kernels_<isa>.cpp files, each inside its own namespace QX_DENSE_NS (and, for the SIMD builds, with
// Eigen renamed by a macro first), ending in that build's kernel table QX_DENSE_NS::kKernels. Not a public
// header: no include guard on purpose.

#include "calib/dense_kernel_table.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

namespace qx::dense::QX_DENSE_NS {

using Mat = Eigen::MatrixXd;
using FloatRows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColMap = Eigen::Map<Mat, 0, Eigen::OuterStride<>>;
using ConstColMap = Eigen::Map<const Mat, 0, Eigen::OuterStride<>>;

void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols)
{
    constexpr int64_t kRows = 1024;  // rows converted to double at a time
    constexpr int64_t kBlock = 128;  // columns of xx per task
    Eigen::Map<Mat> g(xx.data(), cols, cols);
    const int64_t blocks = (cols + kBlock - 1) / kBlock;
    for (int64_t r0 = 0; r0 < rows; r0 += kRows) {
        const int64_t n = std::min(kRows, rows - r0);
        const Mat xd = Eigen::Map<const FloatRows>(x + r0 * cols, n, cols).cast<double>();
        // The upper triangle by blocks of columns, the tallest first: above the diagonal block a product,
        // the diagonal block a symmetric rank update. (Eigen runs neither of its symmetric kernels on more
        // than one thread.)
#if !defined(EIGEN_DONT_PARALLELIZE)
#pragma omp parallel for schedule(dynamic, 1)
#endif
        for (int64_t i = 0; i < blocks; ++i) {
            const int64_t j0 = (blocks - 1 - i) * kBlock, w = std::min(kBlock, cols - j0);
            if (j0 > 0)
                g.block(0, j0, j0, w).noalias() += xd.leftCols(j0).transpose() * xd.middleCols(j0, w);
            g.block(j0, j0, w, w).template selfadjointView<Eigen::Upper>().rankUpdate(xd.middleCols(j0, w).transpose());
        }
    }
}

// Lower Cholesky factor of a in place (a = L·Lᵀ; only the lower triangle is read and written), right-looking
// by blocks of 128 columns: the panel solves and the trailing updates, all but a sliver of the n³/3
// multiply-adds, are matrix products split over the OpenMP threads (Eigen's own LLT runs them on one).
// False when a is not numerically positive definite.
bool choleskyLowerInPlace(Eigen::Ref<Mat> a)
{
    const int64_t n = a.rows();
    constexpr int64_t kBlock = 128;
    for (int64_t k = 0; k < n; k += kBlock) {
        const int64_t b = std::min(kBlock, n - k), rest = n - k - b;
        Eigen::Ref<Mat> diagonal = a.block(k, k, b, b);
        const Eigen::LLT<Eigen::Ref<Mat>> llt(diagonal); // in place
        if (llt.info() != Eigen::Success)
            return false;
        if (rest == 0)
            break;
        const int64_t tasks = (rest + kBlock - 1) / kBlock;
        // The panel: A21 := A21 · L11⁻ᵀ, by rows.
#if !defined(EIGEN_DONT_PARALLELIZE)
#pragma omp parallel for schedule(static)
#endif
        for (int64_t t = 0; t < tasks; ++t) {
            const int64_t r0 = k + b + t * kBlock, h = std::min(kBlock, n - r0);
            auto panel = a.block(r0, k, h, b);
            diagonal.template triangularView<Eigen::Lower>().transpose().template solveInPlace<Eigen::OnTheRight>(panel);
        }
        // The trailing matrix: A22 −= A21 · A21ᵀ, lower part, by blocks of columns (each block's full
        // diagonal square: its upper half is never read).
        const auto panel = a.block(k + b, k, rest, b);
#if !defined(EIGEN_DONT_PARALLELIZE)
#pragma omp parallel for schedule(dynamic, 1)
#endif
        for (int64_t t = 0; t < tasks; ++t) {
            const int64_t j0 = t * kBlock, w = std::min(kBlock, rest - j0);
            a.block(k + b + j0, k + b + j0, rest - j0, w).noalias() -=
                panel.bottomRows(rest - j0) * panel.middleRows(j0, w).transpose();
        }
    }
    return true;
}

void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k)
{
    ColMap cm(c, m, n, Eigen::OuterStride<>(ldc));
    const ConstColMap am(a, m, k, Eigen::OuterStride<>(lda)), bm(b, k, n, Eigen::OuterStride<>(ldb));
    if (k == 1) { // an outer product: no matrix-product set-up per call, columns on every thread
#if !defined(EIGEN_DONT_PARALLELIZE)
#pragma omp parallel for schedule(static) if (m * n >= 65536)
#endif
        for (int64_t j = 0; j < n; ++j)
            cm.col(j) -= am.col(0) * bm(0, j);
    } else {
        cm.noalias() -= am * bm;
    }
}

bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u)
{
    Mat reversed = Eigen::Map<const Mat>(h.data(), n, n).reverse(); // rows and columns reversed
    reversed.diagonal().array() += diagonalAdd;
    if (!choleskyLowerInPlace(reversed)) // reversed becomes L
        return false;
    // reversed = L·Lᵀ, so h = R·Rᵀ with R = J·L·J upper; h⁻¹ = (R⁻¹)ᵀ·R⁻¹ and U = R⁻¹ = J·L⁻¹·J.
    // L⁻¹ by blocks of columns, solved straight into u: block [j0, j0 + w) is zero above row j0 and solves
    // L[j0:, j0:]·X = I there (n³/3 multiply-adds in all), the blocks on every thread.
    Eigen::Map<Mat> um(u.data(), n, n);
    um.setZero();
    constexpr int64_t kBlock = 128;
    const int64_t blocks = (n + kBlock - 1) / kBlock;
#if !defined(EIGEN_DONT_PARALLELIZE)
#pragma omp parallel for schedule(dynamic, 1)
#endif
    for (int64_t b = 0; b < blocks; ++b) {
        const int64_t j0 = b * kBlock, w = std::min(kBlock, n - j0), m = n - j0;
        auto x = um.block(j0, j0, m, w);
        x.topRows(w).setIdentity();
        reversed.bottomRightCorner(m, m).triangularView<Eigen::Lower>().solveInPlace(x);
    }
    um.reverseInPlace();
    um.triangularView<Eigen::StrictlyLower>().setZero();
    return um.allFinite();
}

double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h)
{
    const Eigen::Map<const Mat> hm(h.data(), cols, cols);
    const Eigen::Map<const FloatRows> ma(a.data(), rows, cols), mb(b.data(), rows, cols);
    double total = 0.0;
    constexpr int64_t kRows = 256; // Σ_r d_r H d_rᵀ as blocked matrix products
    for (int64_t r0 = 0; r0 < rows; r0 += kRows) {
        const int64_t n = std::min(kRows, rows - r0);
        const Mat d = ma.middleRows(r0, n).cast<double>() - mb.middleRows(r0, n).cast<double>();
        total += (d * hm).cwiseProduct(d).sum();
    }
    return total;
}

extern const KernelTable kKernels;
const KernelTable kKernels{&addGram, &subtractProduct, &inverseCholeskyUpper, &quadraticLoss};

} // namespace qx::dense::QX_DENSE_NS
