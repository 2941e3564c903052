#include "plan/plan_solver.h"

#include <algorithm>
#include <cmath>

namespace qx::ui {

double bitsAtPosition(int position, int steps, double minBits, double maxBits)
{
    const double t = std::clamp(static_cast<double>(position) / std::max(1, steps), 0.0, 1.0);
    if (!(maxBits > kDenseBits) || !(minBits < kDenseBits))
        return minBits + (maxBits - minBits) * t;
    if (t <= kDenseShare)
        return minBits + (kDenseBits - minBits) * t / kDenseShare;
    return kDenseBits + (maxBits - kDenseBits) * (t - kDenseShare) / (1.0 - kDenseShare);
}

int positionOfBits(double bits, int steps, double minBits, double maxBits)
{
    bits = std::clamp(bits, minBits, maxBits);
    double t = 0.0;
    if (!(maxBits > kDenseBits) || !(minBits < kDenseBits))
        t = maxBits > minBits ? (bits - minBits) / (maxBits - minBits) : 1.0;
    else if (bits <= kDenseBits)
        t = kDenseShare * (bits - minBits) / (kDenseBits - minBits);
    else
        t = kDenseShare + (1.0 - kDenseShare) * (bits - kDenseBits) / (maxBits - kDenseBits);
    return static_cast<int>(std::lround(t * steps));
}

std::optional<double> planLoss(const CandidateTable& table, const Plan& plan)
{
    double loss = 0.0;
    for (const TensorCandidates& t : table.tensors) {
        const PlanEntry* e = plan.find(t.name);
        if (!e)
            return std::nullopt;
        const auto it = std::find_if(t.options.begin(), t.options.end(),
                                     [e](const CandidateOption& o) { return o.type == e->type; });
        if (it != t.options.end())
            loss += it->loss;
        else if (!t.fixed)
            return std::nullopt;   // a fixed tensor kept in another type adds no quantization loss
    }
    return loss;
}

SolverRules pinRules(const CandidateTable& table, const Plan& current)
{
    SolverRules rules;
    for (const PlanEntry& e : current.entries) {
        if (!e.pinned)
            continue;
        const TensorCandidates* c = table.find(e.tensor);
        if (c && std::any_of(c->options.begin(), c->options.end(), [&](const CandidateOption& o) { return o.type == e.type; }))
            rules.pins.emplace_back(e.tensor, e.type);
    }
    return rules;
}

BudgetRange budgetRange(const CandidateTable& table, const Plan& current)
{
    const CandidateTable ruled = applyRules(table, pinRules(table, current));
    BudgetRange r;
    for (const TensorCandidates& t : ruled.tensors) {
        r.minBytes += t.options.front().bytes;  // options are sorted by bytes
        r.maxBytes += t.options.back().bytes;
        r.elements += t.elements;
    }
    return r;
}

BudgetSolution solveBudget(const CandidateTable& table, const Plan& current, uint64_t budgetBytes,
                           const std::string& label)
{
    const CandidateTable ruled = applyRules(table, pinRules(table, current));
    BudgetSolution s;
    s.result = solveForBytes(ruled, budgetBytes);
    s.plan = current;
    s.plan.preset.clear();
    s.plan.ftype.reset();
    for (size_t i = 0; i < ruled.tensors.size(); ++i) {
        const TensorCandidates& t = ruled.tensors[i];
        PlanEntry* e = s.plan.find(t.name);
        if (!e || e->pinned)
            continue;
        e->type = t.options[static_cast<size_t>(s.result.choice[i])].type;
        e->reason = t.fixed ? "as stored (not a quantizable weight)" : "solver, " + label;
    }
    return s;
}

} // namespace qx::ui
