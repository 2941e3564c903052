#include "plan/plan_solver.h"

#include <algorithm>

namespace qx::ui {

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
