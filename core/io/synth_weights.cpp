#include "io/synth_weights.h"

#include <algorithm>
#include <cmath>

namespace qx::synth {
namespace {

constexpr int kCellBits = 16;
constexpr int kCells = 1 << kCellBits;
constexpr double kPi = 3.14159265358979323846;
const double kUnitScale = std::sqrt(3.0 / 5.0);   // t5 has variance 5/3

/// Student-t df 5 CDF for t >= 0: 1/2 + (theta + (2/3) sin 2theta + (1/12) sin 4theta) / pi.
double cdfPositive(double t)
{
    const double theta = std::atan(t / std::sqrt(5.0));
    return 0.5 + (theta + (2.0 / 3.0) * std::sin(2 * theta) + std::sin(4 * theta) / 12.0) / kPi;
}

/// Quantiles at i / kCells for i = 0..kCells (the ends are infinite and never read).
const std::vector<float>& quantileTable()
{
    static const std::vector<float> table = [] {
        std::vector<float> q(kCells + 1, 0.0f);
        for (int i = 1; i < kCells; ++i)
            q[i] = static_cast<float>(studentT5Quantile(double(i) / kCells) * kUnitScale);
        return q;
    }();
    return table;
}

} // namespace

double SplitMix64::normal()
{
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c)
{
    SplitMix64 m(a ^ 0x5851F42D4C957F2Dull);
    uint64_t s = m.next() ^ b;
    SplitMix64 m2(s);
    s = m2.next() ^ c;
    SplitMix64 m3(s);
    return m3.next();
}

double studentT5Quantile(double p)
{
    if (p < 0.5)
        return -studentT5Quantile(1.0 - p);
    double lo = 0.0, hi = 1.0;
    while (cdfPositive(hi) < p && hi < 1e300)
        hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (cdfPositive(mid) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

float studentT5Unit(uint64_t bits)
{
    const auto& q = quantileTable();
    const uint32_t cell = static_cast<uint32_t>(bits >> (64 - kCellBits));
    const double frac = (double(bits & 0xFFFFFFFFFFFFull) + 0.5) * 0x1.0p-48;
    if (cell == 0 || cell == kCells - 1)
        return static_cast<float>(studentT5Quantile((cell + frac) / kCells) * kUnitScale);
    return q[cell] + static_cast<float>(frac) * (q[cell + 1] - q[cell]);
}

MatrixStyle makeMatrixStyle(uint64_t seed, int64_t rowLength, int outlierCount)
{
    MatrixStyle style;
    style.seed = seed;
    style.rowLength = rowLength;
    SplitMix64 rng(mixSeed(seed, 0x0C0FFEE));
    const int count = static_cast<int>(std::min<int64_t>(outlierCount, rowLength));
    while (static_cast<int>(style.outlierColumns.size()) < count) {
        const int64_t c = static_cast<int64_t>(rng.next() % static_cast<uint64_t>(rowLength));
        if (std::find(style.outlierColumns.begin(), style.outlierColumns.end(), c) == style.outlierColumns.end())
            style.outlierColumns.push_back(c);
    }
    std::sort(style.outlierColumns.begin(), style.outlierColumns.end());
    return style;
}

void matrixRow(const MatrixStyle& style, int64_t row, std::span<float> dst)
{
    SplitMix64 rng(mixSeed(style.seed, 1, static_cast<uint64_t>(row)));
    const float scale = static_cast<float>(std::exp(0.25 * rng.normal()) / std::sqrt(double(style.rowLength)));
    for (float& v : dst)
        v = studentT5Unit(rng.next()) * scale;
    for (int64_t c : style.outlierColumns)
        if (c < static_cast<int64_t>(dst.size()))
            dst[static_cast<size_t>(c)] *= style.outlierScale;
}

void normVector(uint64_t seed, std::span<float> dst)
{
    SplitMix64 rng(mixSeed(seed, 2));
    for (float& v : dst)
        v = static_cast<float>(1.0 + 0.05 * rng.normal());
}

} // namespace qx::synth
