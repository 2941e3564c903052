#pragma once
// Row-major single-precision matrix products for the trainer, with BLAS sgemm semantics:
// C (m × n) = alpha · op(A) · op(B) + beta · C, op(X) = X or Xᵀ; lda/ldb/ldc are row strides in floats,
// so a block of columns of a wider matrix is passed as its first element and the wider row length.
//
// gemm runs oneDNN's sgemm (JIT-compiled for the CPU it runs on) on the calling thread alone: the trainer
// parallelises over sequences. Its results depend on the instruction set oneDNN picks (the order of the
// sums differs), not on the run. gemmRef is the plain scalar twin (double accumulation).
#include <cstdint>

namespace qx {

struct GemmArgs {
    bool transA = false, transB = false;
    int64_t m = 0, n = 0, k = 0;
    float alpha = 1.0f;
    const float* a = nullptr;
    int64_t lda = 0;
    const float* b = nullptr;
    int64_t ldb = 0;
    float beta = 0.0f;
    float* c = nullptr;
    int64_t ldc = 0;
};

/// C = alpha · op(A) · op(B) + beta · C through oneDNN. Throws Error(InvalidArgument) when oneDNN refuses the sizes.
void gemm(const GemmArgs& g);

/// The same in plain loops.
void gemmRef(const GemmArgs& g);

} // namespace qx
