// The bodies of calib/dense_kernels.h, included once per instruction set by dense_kernels.cpp and the
// dense_kernels_<isa>.cpp files, each inside its own namespace QX_DENSE_NS (and, for the SIMD builds, with
// Eigen renamed by a macro first). Not a public header: no include guard on purpose.

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
    constexpr int64_t kRows = 1024; // rows converted to double at a time
    Eigen::Map<Mat> g(xx.data(), cols, cols);
    for (int64_t r0 = 0; r0 < rows; r0 += kRows) {
        const int64_t n = std::min(kRows, rows - r0);
        const Mat xd = Eigen::Map<const FloatRows>(x + r0 * cols, n, cols).cast<double>();
        g.selfadjointView<Eigen::Upper>().rankUpdate(xd.transpose());
    }
}

void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k)
{
    ColMap cm(c, m, n, Eigen::OuterStride<>(ldc));
    const ConstColMap am(a, m, k, Eigen::OuterStride<>(lda)), bm(b, k, n, Eigen::OuterStride<>(ldb));
    cm.noalias() -= am * bm;
}

bool inverseCholeskyUpper(std::span<const double> h, int64_t n, std::span<double> u)
{
    const Eigen::Map<const Mat> hm(h.data(), n, n);
    const Mat reversed = hm.reverse(); // rows and columns reversed
    const Eigen::LLT<Mat> llt(reversed);
    if (llt.info() != Eigen::Success)
        return false;
    // reversed = L·Lᵀ, so h = R·Rᵀ with R = J·L·J upper; h⁻¹ = (R⁻¹)ᵀ·R⁻¹ and U = R⁻¹ = J·L⁻¹·J.
    const Mat lowerInverse = llt.matrixL().solve(Mat::Identity(n, n));
    Eigen::Map<Mat> um(u.data(), n, n);
    um = lowerInverse.reverse();
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

} // namespace qx::dense::QX_DENSE_NS
