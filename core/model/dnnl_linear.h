#pragma once
// y = x · Wᵀ (+ b) on oneDNN's matmul: x is M rows of K floats, W is ggml's N rows of K floats, y is M rows
// of N floats. Primitives are created once per (M, K, N, bias) and reused, so the layers of a model (which
// repeat the same shapes) share them. oneDNN stays inside the .cpp file.
//
// BF16 mode (approximate, opt-in): inputs and weights are rounded to bfloat16 (nearest even) and multiplied
// on the CPU's BF16 dot-product instructions with F32 accumulation and output. Each weight is converted
// once, on first use, into a cache keyed by its address: that costs 2 bytes per weight of memory, and the
// weights must stay alive and unchanged while the DnnlLinear lives.

#include "model/llama_layout.h"

#include <cstdint>
#include <memory>

namespace qx {

class DnnlLinear {
public:
        /// `threads`: OpenMP threads oneDNN may use on the calling thread (0 = runtime default); `bf16`: BF16 mode.
    explicit DnnlLinear(int threads = 0, bool bf16 = false);
    ~DnnlLinear();
    DnnlLinear(const DnnlLinear&) = delete;
    DnnlLinear& operator=(const DnnlLinear&) = delete;

    /// y[M × w.rows] = x[M × w.cols] · wᵀ (+ bias when bias.data is set).
    void apply(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y);
    /// Drops the BF16 copies of the weights seen so far (their F32 buffers are about to be freed or reused).
    void forgetWeights();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// GFLOP/s of an F32 matmul of a typical shape on `threads` threads, measured now (a few milliseconds).
double measureMatmulGflops(int threads);

/// Plain triple-loop twin of DnnlLinear::apply (float accumulation in input order).
void linearRef(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y);
/// Twin of the BF16 mode: x and w rounded to bfloat16, products accumulated in float in input order.
void linearBf16Ref(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y);

} // namespace qx
