#pragma once
// Random numbers for synthetic LLM-like weights, deterministic for a seed and independent of threading:
// every row of every tensor has its own generator seeded from (seed, tensor index, row), so rows can be
// generated in any order or in parallel and always give the same values.
//
// Weights of a matrix with rows of length `in`:  w[r][c] = t5 * rowScale[r] * colScale[c] / sqrt(in)
// where t5 is Student-t with 5 degrees of freedom scaled to unit variance, rowScale = exp(0.25 N(0,1))
// (per-row spread), and colScale is 8 for a few outlier input columns and 1 elsewhere. Norm vectors are
// 1 + 0.05 N(0,1).

#include <cstdint>
#include <span>
#include <vector>

namespace qx::synth {

/// splitmix64: the state advances by a constant and is mixed; good enough and very fast.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in (0, 1), never exactly 0 or 1.
    double uniform() { return (double(next() >> 11) + 0.5) * 0x1.0p-53; }
    double normal();   ///< standard normal (Box-Muller, one of the pair)

private:
    uint64_t m_state;
};

/// Mixes several words into one seed.
uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c = 0);

/// Student-t (df 5) quantile function, exact (bisection on the closed-form CDF).
double studentT5Quantile(double p);

/// Student-t (df 5) scaled to unit variance, from 64 random bits: a 65536-cell quantile table with linear
/// interpolation, exact quantiles in the two outermost cells (so the tails are not cut off).
float studentT5Unit(uint64_t bits);

/// What a weight matrix looks like; `outlierColumns` are indices into a row.
struct MatrixStyle {
    uint64_t seed = 0;
    int64_t rowLength = 0;
    std::vector<int64_t> outlierColumns;
    float outlierScale = 8.0f;
};

/// A style with `outlierCount` distinct outlier columns picked from the seed.
MatrixStyle makeMatrixStyle(uint64_t seed, int64_t rowLength, int outlierCount = 4);

/// Fills one row (`dst.size()` == rowLength) of a matrix.
void matrixRow(const MatrixStyle& style, int64_t row, std::span<float> dst);

/// Fills a norm vector (values near 1).
void normVector(uint64_t seed, std::span<float> dst);

} // namespace qx::synth
