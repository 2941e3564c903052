#pragma once
// Choosing one storage type per tensor to minimise the total predicted loss under a byte budget.
//
// The main solver is a Lagrangian relaxation: each tensor's options are reduced to the lower convex hull
// of (bytes, loss); hull segments of all tensors are taken in order of loss saved per byte (which is
// the sweep over the multiplier lambda) while they fit, then a greedy fill-up spends the rest of the
// budget on any single upgrade that fits, best saving per byte first. Its loss exceeds the optimum by at
// most the saving of the one segment that did not fit (the hull gap). solveExactDp is the optimum, by
// dynamic programming over bytes, for small problems (tests compare the two).

#include "plan/candidates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qx {

/// Constraints applied before solving. Options are removed from a tensor, never added.
struct SolverRules {
    std::vector<std::pair<std::string, TensorType>> pins;   ///< tensor name -> the only allowed type
    std::optional<TensorType> outputMin;                    ///< output.weight: at least this many bits/weight
    std::optional<TensorType> tokenEmbdMin;                 ///< token_embd.weight: at least this
};

struct SolverResult {
    std::vector<int> choice;   ///< per table tensor: index into its options
    uint64_t bytes = 0;        ///< total tensor data bytes of the choice
    double loss = 0.0;         ///< total predicted loss
    bool feasible = false;     ///< false: even the smallest choice exceeds the budget (choice = smallest)
};

/// The table with `rules` applied (pins keep one option, minimums drop smaller types). Throws
/// Error(InvalidArgument) for a pin naming an unknown tensor or a type not among its options.
CandidateTable applyRules(const CandidateTable& table, const SolverRules& rules);

/// Per tensor, the indices of its lower-convex-hull options, bytes ascending, loss strictly descending.
std::vector<int> lowerHull(const std::vector<CandidateOption>& options);

/// Lagrangian + fill-up under `budgetBytes` (see top of file).
SolverResult solveForBytes(const CandidateTable& table, uint64_t budgetBytes);

/// The smallest choice along the Lagrangian path whose loss is at most `maxLoss`.
SolverResult solveForLoss(const CandidateTable& table, double maxLoss);

/// Exact optimum by DP over bytes divided by their greatest common divisor; Error(InvalidArgument) when
/// the resulting capacity exceeds `maxCells` (tensors x capacity steps).
SolverResult solveExactDp(const CandidateTable& table, uint64_t budgetBytes, uint64_t maxCells = 50'000'000);

/// Bytes and loss of a given choice.
SolverResult evaluateChoice(const CandidateTable& table, const std::vector<int>& choice);

} // namespace qx
