#include "plan/solver_plan.h"

#include "common/error.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace qx {
namespace {

std::string typeName(TensorType t)
{
    return std::string(tensorTypeName(t));
}

std::string lossText(double loss)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", loss);
    return buf;
}

bool isPinned(const SolverRules& rules, const std::string& name)
{
    return std::any_of(rules.pins.begin(), rules.pins.end(), [&](const auto& p) { return p.first == name; });
}

std::string reasonFor(const TensorCandidates& t, const CandidateOption& chosen, const SolverRules& rules)
{
    if (t.fixed)
        return "kept as stored: not a solver candidate (norm, vector, alias or rows narrower than 32)";
    if (isPinned(rules, t.name))
        return "pinned: " + typeName(chosen.type) + " (user choice)";
    const auto smallest = std::min_element(t.options.begin(), t.options.end(),
                                           [](const auto& a, const auto& b) { return a.bytes < b.bytes; });
    std::string why = "solver: loss " + lossText(chosen.loss);
    if (smallest->type != chosen.type)
        why += " (" + lossText(smallest->loss) + " at " + typeName(smallest->type) + ", the smallest option)";
    else
        why += " (the smallest option)";
    if (rules.outputMin && t.name == "output.weight")
        why += "; rule: output.weight at least " + typeName(*rules.outputMin);
    if (rules.tokenEmbdMin && t.name == "token_embd.weight")
        why += "; rule: token_embd.weight at least " + typeName(*rules.tokenEmbdMin);
    return why;
}

SolverResult smallestChoice(const CandidateTable& ruled)
{
    std::vector<int> choice;
    for (const auto& t : ruled.tensors) {
        const auto it = std::min_element(t.options.begin(), t.options.end(),
                                         [](const auto& a, const auto& b) { return a.bytes < b.bytes; });
        choice.push_back(int(it - t.options.begin()));
    }
    return evaluateChoice(ruled, choice);
}

SolvedPlan finish(const ModelFile& model, const CandidateTable& ruled, SolverResult r, const SolverRules& rules,
                  const std::string& imatrixPath)
{
    SolvedPlan s;
    s.plan = planFromSolution(model, ruled, r, rules, imatrixPath);
    s.fileBytes = predictedFileSize(model, s.plan);
    s.result = std::move(r);
    return s;
}

SolvedPlan solveForFile(const ModelFile& model, const CandidateTable& ruled, const SolverRules& rules,
                        uint64_t fileBytes, const std::string& imatrixPath)
{
    SolvedPlan smallest = finish(model, ruled, smallestChoice(ruled), rules, imatrixPath);
    if (smallest.fileBytes > fileBytes) {
        smallest.result.feasible = false;
        return smallest;
    }
    const uint64_t overhead = smallest.fileBytes - smallest.result.bytes;
    uint64_t budget = fileBytes - overhead;
    for (int attempt = 0; attempt < 16; ++attempt) {
        SolvedPlan s = finish(model, ruled, solveForBytes(ruled, budget), rules, imatrixPath);
        if (s.fileBytes <= fileBytes)
            return s;
        budget -= std::min(budget, s.fileBytes - fileBytes);
    }
    return smallest;   // padding never settled (not seen in practice): the smallest plan fits
}

} // namespace

Plan planFromSolution(const ModelFile& model, const CandidateTable& ruled, const SolverResult& result,
                      const SolverRules& rules, const std::string& imatrixPath)
{
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < ruled.tensors.size(); ++i)
        index[ruled.tensors[i].name] = i;
    Plan plan;
    plan.sourcePath = model.path;
    plan.imatrixPath = imatrixPath;
    for (const TensorInfo* t : plannedTensors(model)) {
        auto it = index.find(t->name);
        if (it == index.end() && !t->aliasOf.empty())
            it = index.find(t->aliasOf);   // tied embeddings: the table holds the stored tensor
        if (it == index.end())
            throw Error(ErrorCode::Mismatch, "the candidate table has no entry for tensor '" + t->name + "'");
        const TensorCandidates& c = ruled.tensors[it->second];
        const CandidateOption& chosen = c.options.at(size_t(result.choice.at(it->second)));
        plan.entries.push_back({t->name, t->ne, chosen.type, reasonFor(c, chosen, rules), isPinned(rules, c.name)});
    }
    return plan;
}

SolvedPlan solvePlan(const ModelFile& model, const CandidateTable& table, const SolverRules& rules,
                     const SolverTarget& target, const std::string& imatrixPath)
{
    const CandidateTable ruled = applyRules(table, rules);
    switch (target.kind) {
    case SolverTarget::Kind::FileBytes:
        return solveForFile(model, ruled, rules, uint64_t(std::max(0.0, target.value)), imatrixPath);
    case SolverTarget::Kind::BitsPerWeight:
        return finish(model, ruled, solveForBytes(ruled, uint64_t(target.value * double(ruled.totalElements()) / 8.0)),
                      rules, imatrixPath);
    case SolverTarget::Kind::MaxLoss:
        break;
    }
    return finish(model, ruled, solveForLoss(ruled, target.value), rules, imatrixPath);
}

SolverResult scorePlan(const CandidateTable& table, const Plan& plan)
{
    std::vector<int> choice;
    for (const TensorCandidates& t : table.tensors) {
        const PlanEntry* e = plan.find(t.name);
        if (!e && t.name == "output.weight")
            e = plan.find("token_embd.weight");   // tied embeddings: planned under the name llama.cpp loads
        const auto o = e ? std::find_if(t.options.begin(), t.options.end(), [&](const auto& x) { return x.type == e->type; })
                         : t.options.end();
        if (o == t.options.end())
            throw Error(ErrorCode::Mismatch, "the plan's type for '" + t.name + "' is not among its candidates");
        choice.push_back(int(o - t.options.begin()));
    }
    return evaluateChoice(table, choice);
}

CandidateTable calibrateLosses(const CandidateTable& table, std::span<const MeasuredKld> measured)
{
    std::unordered_map<std::string, double> factor;
    std::vector<double> factors;
    for (const MeasuredKld& m : measured) {
        const TensorCandidates* t = table.find(m.tensor);
        if (!t || t->fixed)
            continue;
        const auto o = std::find_if(t->options.begin(), t->options.end(), [&](const auto& x) { return x.type == m.type; });
        if (o == t->options.end() || !(o->loss > 0.0) || !(m.kld >= 0.0))
            continue;
        factor[m.tensor] = m.kld / o->loss;
        factors.push_back(m.kld / o->loss);
    }
    if (factors.empty())
        throw Error(ErrorCode::InvalidArgument, "no measured sensitivity matches the candidate table");
    std::nth_element(factors.begin(), factors.begin() + std::ptrdiff_t(factors.size() / 2), factors.end());
    const double median = factors[factors.size() / 2];
    CandidateTable out = table;
    out.key += "#kld-calibrated";
    for (auto& t : out.tensors) {
        const auto it = factor.find(t.name);
        const double s = std::max(it == factor.end() ? median : it->second, 1e-3 * median);
        for (auto& o : t.options)
            o.loss *= s;
    }
    return out;
}

} // namespace qx
