#pragma once
// The double-precision dense linear algebra behind GPTQ and the calibration capture: at 7B a block's
// Hessians are up to 11008², and their accumulation, inversion and the GPTQ updates are most of a GPTQ run.
//
// These are Eigen's kernels compiled three times: for any x86-64 CPU (the ...Ref twins, SSE2, one thread),
// and with AVX2 + FMA and AVX-512 (dense_kernels_avx2.cpp, dense_kernels_avx512.cpp: Eigen under another
// namespace name, so the builds never share an instantiation), whose products also run on every OpenMP
// thread. Eigen runs its symmetric rank update and its Cholesky factorization on one thread only, so the
// Gram matrix and the factorization are cut into blocks of 128 columns here, whose products the threads
// share (the generic build runs the same blocks one after another). The fastest build the CPU runs is picked at run time. They agree to rounding (FMA and blocking
// change the order of additions); tst_dense_kernels bounds the difference.
//
// Matrices are column-major with a leading dimension (Eigen's default, which GPTQ's working matrices use).

#include <cstdint>
#include <span>

namespace qx::dense {

/// xx (cols × cols, column-major; only its upper triangle is written) += xᵀx for the row-major float
/// rows × cols matrix x.
void addGram(std::span<double> xx, const float* x, int64_t rows, int64_t cols);
void addGramRef(std::span<double> xx, const float* x, int64_t rows, int64_t cols);

/// c (m × n, ldc) −= a (m × k, lda) · b (k × n, ldb), all column-major.
void subtractProduct(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                     int64_t n, int64_t k);
void subtractProductRef(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb, int64_t m,
                        int64_t n, int64_t k);

/// The upper-triangular U with (h + diagonalAdd·I)⁻¹ = UᵀU (h: n × n symmetric, column-major; u: n × n, its
/// lower part zero), from one Cholesky factorization with rows and columns reversed (h = R·Rᵀ, R upper,
/// U = R⁻¹). Memory: one n × n matrix besides h and u. False when the matrix is not numerically positive
/// definite or U is not finite.
bool inverseCholeskyUpper(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u);
bool inverseCholeskyUpperRef(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u);

/// Σ_r d_r H d_rᵀ with d = a − b (row-major float rows × cols) and H (cols × cols, row-major or column-major:
/// it is symmetric).
double quadraticLoss(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                     std::span<const double> h);
double quadraticLossRef(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                        std::span<const double> h);

} // namespace qx::dense
