#pragma once
// The budget solver (budget_solver.h) producing plans (plan.h): targets in file bytes, bits/weight or loss,
// reasons per tensor, and losses calibrated by measured KLD.
//
// File-size targets are exact: the solver budgets tensor data bytes, while a GGUF file adds the header
// (metadata, tensor infos) and pads every tensor to the alignment. solvePlan takes that overhead from the
// smallest plan, solves, predicts the written size of the result (predictedFileSize, to the byte) and,
// while it exceeds the target, lowers the budget by the excess and solves again. The plan's file is
// therefore never larger than the target.
//
// Measured losses (calibrateLosses): for a small weight error δ the KLD of the output is close to a
// quadratic form in δ, so for one tensor KLD ≈ s_t · (importance-weighted squared error) with a
// per-tensor factor s_t that the squared error alone cannot know (how strongly the tensor's error reaches
// the logits). s_t is measured once per tensor: enable-one KLD at one type divided by the predicted loss
// at that type; every option of the tensor is then scaled by s_t, keeping the predicted ratios between
// formats. Losses become KLD in nats and stay additive (sum of enable-one KLDs, interactions ignored).

#include "io/model_file.h"
#include "plan/budget_solver.h"
#include "plan/candidates.h"
#include "plan/plan.h"
#include "plan/sensitivity.h"

#include <cstdint>
#include <span>
#include <string>

namespace qx {

struct SolverTarget {
    enum class Kind { FileBytes, BitsPerWeight, MaxLoss };
    Kind kind = Kind::FileBytes;
    double value = 0.0;   ///< bytes of the whole GGUF file, bits per weight of tensor data, or the loss bound
};

struct SolvedPlan {
    Plan plan;
    SolverResult result;       ///< choice indices refer to applyRules(table, rules)
    uint64_t fileBytes = 0;    ///< exact size of the GGUF file the plan exports to
};

/// The plan of a solver result over `ruled` (= applyRules(table, rules)): one entry per planned tensor of
/// `model` with its type, reason ("solver: …", "pinned: …", "kept as stored: …") and pin flag.
Plan planFromSolution(const ModelFile& model, const CandidateTable& ruled, const SolverResult& result,
                      const SolverRules& rules, const std::string& imatrixPath);

/// Applies `rules` to `table`, solves for `target` (see top of file) and returns the plan. plan.sourcePath
/// is model.path; `imatrixPath` is recorded in the plan (it also changes the header size). result.feasible
/// is false when even the smallest plan misses the target (the smallest plan is returned).
SolvedPlan solvePlan(const ModelFile& model, const CandidateTable& table, const SolverRules& rules,
                     const SolverTarget& target, const std::string& imatrixPath = {});

/// The solver's view of an existing plan (a preset, a saved plan): its options' bytes and total loss in
/// `table`. Error(Mismatch) when an entry's type is not among that tensor's options.
SolverResult scorePlan(const CandidateTable& table, const Plan& plan);

/// The table with every tensor's losses scaled to KLD units by `measured` (see top of file). Tensors
/// without a usable measurement take the median factor; factors are kept ≥ 1e-3 × the median so a tensor
/// measured at 0 is not free. Error(InvalidArgument) when no measurement matches the table.
CandidateTable calibrateLosses(const CandidateTable& table, std::span<const MeasuredKld> measured);

} // namespace qx
