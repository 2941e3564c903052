#pragma once
// One build's kernels of calib/dense_kernels.h as a table of function pointers (ggml's idea): each build
// (dense_kernels_impl.h compiled generic, AVX2 or AVX-512) defines one, and the dispatcher picks a table.

#include <cstdint>
#include <span>

namespace qx::dense {

struct KernelTable {
    void (*addGram)(std::span<double> xx, const float* x, int64_t rows, int64_t cols);
    void (*subtractProduct)(double* c, int64_t ldc, const double* a, int64_t lda, const double* b, int64_t ldb,
                            int64_t m, int64_t n, int64_t k);
    bool (*inverseCholeskyUpper)(std::span<const double> h, int64_t n, double diagonalAdd, std::span<double> u);
    double (*quadraticLoss)(std::span<const float> a, std::span<const float> b, int64_t rows, int64_t cols,
                            std::span<const double> h);
};

} // namespace qx::dense
