#pragma once
// Central moments of a sample, kept as sums of powers of deviations from the running mean so that partial
// results from separate chunks or threads merge without cancellation (Chan, Golub & LeVeque; Pébay 2008
// for the third and fourth moments). All statistics derived here are population (biased) estimators:
// variance = M2/n, skewness = (M3/n)/(M2/n)^1.5, excess kurtosis = (M4/n)/(M2/n)^2 - 3.

#include <cstdint>
#include <span>

namespace qx {

struct Moments {
    uint64_t n = 0;
    double mean = 0.0;
    double m2 = 0.0;   ///< Σ (x - mean)^2
    double m3 = 0.0;   ///< Σ (x - mean)^3
    double m4 = 0.0;   ///< Σ (x - mean)^4

    /// Moments of finite values in `values` by the two-pass method (mean first, then central sums), each
    /// sum kept in 8 partial sums by position i % 8 and added in lane order. Uses AVX-512 where it runs.
    static Moments ofValues(std::span<const float> values);
    /// The same in plain scalar code (bit-identical).
    static Moments ofValuesRef(std::span<const float> values);
    /// Moments of n values from their power sums s_k = Σ (x - shift)^k, k = 1..4 (one pass). Returns false,
    /// leaving `out` alone, when the shift lies more than one σ from the mean (n·δ² > s2 / 2, δ = s1 / n):
    /// beyond that, the cancellation in M2 = s2 - n·δ² would cost more than a bit — use ofValues. Within it,
    /// the error is that of the sums themselves (the usual n·ε bound of running sums) to within a factor 2.
    static bool fromShiftedSums(uint64_t n, double shift, const double (&s)[4], Moments& out);
    /// Combines two disjoint samples; exact up to rounding, independent of their sizes.
    static Moments merged(const Moments& a, const Moments& b);
    void merge(const Moments& other) { *this = merged(*this, other); }

    double variance() const;        ///< M2/n; 0 for n == 0
    double stddev() const;
    double skewness() const;        ///< 0 when the variance is 0
    double excessKurtosis() const;  ///< 0 when the variance is 0
    bool operator==(const Moments&) const = default;
};

/// The AVX-512 kernel behind Moments::ofValues (moments_avx512.cpp); only call where AVX-512 runs.
Moments momentsOfValuesAvx512(std::span<const float> values);

} // namespace qx
