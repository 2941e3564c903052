#pragma once
// y = x · Wᵀ (+ b) on oneDNN's matmul: x is M rows of K floats, W is ggml's N rows of K floats, y is M rows
// of N floats. Primitives are created once per (M, K, N, bias) and reused, so the layers of a model (which
// repeat the same shapes) share them. oneDNN stays inside the .cpp file.

#include "model/llama_weights.h"

#include <cstdint>
#include <memory>

namespace qx {

class DnnlLinear {
public:
    /// `threads`: OpenMP threads oneDNN may use on the calling thread (0 = runtime default).
    explicit DnnlLinear(int threads = 0);
    ~DnnlLinear();
    DnnlLinear(const DnnlLinear&) = delete;
    DnnlLinear& operator=(const DnnlLinear&) = delete;

    /// y[M × w.rows] = x[M × w.cols] · wᵀ (+ bias when bias.data is set).
    void apply(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Plain triple-loop twin of DnnlLinear::apply (float accumulation in input order).
void linearRef(const float* x, int64_t m, const WeightView& w, const WeightView& bias, float* y);

} // namespace qx
