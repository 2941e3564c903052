#pragma once
// W8A8 linear layers on oneDNN's integer matmul: s8 activations × s8 weights → s32, dequantized here.
//
// Quantization is symmetric with codes in [-127, 127] and round-half-away-from-zero (std::round), the
// same rule as calib/int8_matmul's fake quantization:
//  - weights: one step per output row, step = max|w_row| / 127;
//  - activations: one step per row (dynamic, per token: max|x_row| / 127) or one step for the whole
//    tensor (static, calibrated beforehand); values beyond ±127 steps clamp.
// Output: y[i][o] = float(acc[i][o]) · (xStep[i] · wStep[o]) + bias[o], where acc is the exact int32 dot
// product of the codes. Because acc is exact, DnnlInt8Linear and int8LinearRef agree bit for bit.

#include "model/llama_weights.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace qx {

/// `rows` rows of `cols` int8 codes with one step per row (value = code · step).
struct Int8Matrix {
    std::vector<int8_t> codes;
    std::vector<float> steps;
    int64_t rows = 0;
    int64_t cols = 0;
};

/// Per-row symmetric int8 codes of a rows × cols matrix; codes and steps must hold rows·cols and rows.
void quantizeRowsInt8(const float* x, int64_t rows, int64_t cols, int8_t* codes, float* steps);
/// The same, as a new Int8Matrix (weights: one step per output feature).
Int8Matrix quantizeRowsInt8(const WeightView& w);
/// Codes of n values with one fixed step (static activation quantization); step 0 gives zeros.
void quantizeInt8WithStep(const float* x, int64_t n, float step, int8_t* codes);

class DnnlInt8Linear {
public:
    /// `threads`: OpenMP threads oneDNN may use on the calling thread (0 = runtime default).
    explicit DnnlInt8Linear(int threads = 0);
    ~DnnlInt8Linear();
    DnnlInt8Linear(const DnnlInt8Linear&) = delete;
    DnnlInt8Linear& operator=(const DnnlInt8Linear&) = delete;

    /// y[m × w.rows] from x codes (m rows of w.cols) and their steps: m steps, or a single step shared by
    /// every row. `bias` (w.rows floats) is optional. Throws Error(Mismatch) on inconsistent sizes.
    void apply(const int8_t* x, std::span<const float> xSteps, int64_t m, const Int8Matrix& w,
               const WeightView& bias, float* y);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Plain loop twin of DnnlInt8Linear::apply (exact int32 accumulation, the same dequantization).
void int8LinearRef(const int8_t* x, std::span<const float> xSteps, int64_t m, const Int8Matrix& w,
                   const WeightView& bias, float* y);

} // namespace qx
