#pragma once
// The budget slider's arithmetic: the core's budget solver (qx::solveForBytes over a candidate table)
// turned into a qx::Plan for PlanDocument, with the current plan's pins as SolverRules::pins.
// Budgets are bytes of tensor data (what the solver counts); the file adds the GGUF header and padding,
// which PlanDocument::totals() reports exactly through qx::predictedFileSize.

#include "io/model_file.h"
#include "plan/budget_solver.h"
#include "plan/candidates.h"
#include "plan/plan.h"

#include <cstdint>
#include <optional>
#include <string>

namespace qx::ui {

struct BudgetRange {
    uint64_t minBytes = 0;   ///< every tensor in its smallest allowed option
    uint64_t maxBytes = 0;   ///< every tensor in its largest allowed option
    uint64_t elements = 0;   ///< weights covered by the table
};

struct BudgetSolution {
    Plan plan;               ///< the current plan with every unpinned table tensor re-typed
    SolverResult result;     ///< bytes and predicted loss of the choice
};

/// The budget slider's scale, in bits per weight over [minBits, maxBits]: up to kDenseBits (where the useful
/// plans lie) the track is linear and takes kDenseShare of it; the rest (up to F16/F32) shares the remainder.
/// A range that does not reach past kDenseBits is linear over the whole track.
inline constexpr double kDenseBits = 8.5, kDenseShare = 0.85;
double bitsAtPosition(int position, int steps, double minBits, double maxBits);
/// The inverse of bitsAtPosition (nearest position).
int positionOfBits(double bits, int steps, double minBits, double maxBits);
/// Predicted loss of `plan` from the table: the sum over the table's tensors of the option for the planned
/// type; nullopt when a tensor's planned type is not among its options (a scheme, an unlisted type).
std::optional<double> planLoss(const CandidateTable& table, const Plan& plan);

/// The pins of `current` the table can honour (the pinned type is one of the tensor's options).
SolverRules pinRules(const CandidateTable& table, const Plan& current);
/// Smallest and largest tensor data reachable with the pins of `current`.
BudgetRange budgetRange(const CandidateTable& table, const Plan& current);
/// Solves for at most `budgetBytes` of tensor data; reasons name the solver and the budget `label`.
BudgetSolution solveBudget(const CandidateTable& table, const Plan& current, uint64_t budgetBytes,
                           const std::string& label);

} // namespace qx::ui
