#pragma once
// The scale sweep of the codebook i-quants (IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S; internal to
// core/quant): a group's levels at each of a list of candidate inverse scales, each snapped onto the
// codebook row by row (snapToGrid), with the two sums that rate the candidate. ggml evaluates the
// candidates one after another and keeps the first best; the candidates do not depend on one another, so
// a sweep computes them all and the quantizer then picks in ggml's order.
//
// Two twins produce the same bits: scaleSweepRef (plain loops, ggml's operations in ggml's order) and the
// AVX2 kernel, which gives each candidate a SIMD lane and each neighbour search a lane per neighbour,
// every lane running the scalar sequence of float operations (no reassociation, no FMA).

#include "quant/iq_grid_search.h"
#include "quant/iq_quant_common.h"
#include "quant/quant_search.h"

#include <cstdint>

namespace qx::quant::iq {

/// The most candidates one sweep takes (IQ3's 31).
constexpr int kMaxSweep = 32;

/// What a sweep returns for each candidate c: its levels L[0..n)[c], whether each row's levels were a
/// codebook row before snapping (onGrid[row][c]), and sum(w·x·q), sum(w·q·q) with q = 2L + 1. Weight-major,
/// as the SIMD twin computes them; levelsOf copies out one candidate's.
struct SweepOut {
    alignas(32) int8_t L[32][kMaxSweep];
    bool onGrid[8][kMaxSweep];
    float sumqx[kMaxSweep], sumq2[kMaxSweep];

    /// Candidate c's levels (n values) and on-codebook flags (n / dims rows).
    void levelsOf(int c, int n, int dims, int8_t* levels, bool* rowOnGrid) const
    {
        for (int i = 0; i < n; ++i)
            levels[i] = L[i][c];
        for (int k = 0; k < n / dims; ++k)
            rowOnGrid[k] = onGrid[k][c];
    }
};

/// The group: n weights (16 or 32) in rows of grid.dims(), levels 0..maxQ-1, and per weight its importance
/// (weight), |x| (xval) and sqrt(weight) (waux).
struct SweepGroup {
    const GridSearch* grid;
    int n, maxQ;
    const float* weight;
    const float* xval;
    const float* waux;
};

/// Evaluates the `count` (≤ kMaxSweep) inverse scales ids[] for group g into out (scale = 1/id).
using ScaleSweep = void (*)(const SweepGroup& g, const float* ids, int count, SweepOut& out);

/// The plain reference.
void scaleSweepRef(const SweepGroup& g, const float* ids, int count, SweepOut& out);

namespace avx2 {
/// The AVX2 twin (call only when the CPU has AVX2 + FMA + F16C).
void scaleSweep(const SweepGroup& g, const float* ids, int count, SweepOut& out);
/// bestNeighbour with one lane per neighbour (same result).
int bestNeighbour(const GridSearch& grid, uint32_t code, const float* xval, const float* waux, float scale, int8_t* L);
} // namespace avx2

/// make_qp_quants (IQ2_XXS's starting levels).
using QpQuants = float (*)(int n, int nmax, const float* x, uint8_t* L, const float* quantWeights);

/// The searches one quantizer uses: all scalar (the reference) or all AVX2.
struct IqSearch {
    ScaleSweep sweep;
    NeighbourSearch nearest;
    QpQuants qpQuants;
};
inline constexpr IqSearch kScalarSearch{&scaleSweepRef, &bestNeighbour, &makeQpQuants};
inline constexpr IqSearch kAvx2Search{&avx2::scaleSweep, &avx2::bestNeighbour, &qx::quant::avx2::makeQpQuants};

} // namespace qx::quant::iq
