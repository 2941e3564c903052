#include "plan/budget_solver.h"

#include "common/error.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace qx {
namespace {

struct Segment {
    size_t tensor;
    int from, to;      // option indices on the hull
    double rate;       // loss saved per byte
};

// Hull segments of every tensor, best saving per byte first (per tensor they stay in hull order).
std::vector<Segment> sortedSegments(const CandidateTable& table, std::vector<int>& start)
{
    std::vector<Segment> segs;
    start.assign(table.tensors.size(), 0);
    for (size_t i = 0; i < table.tensors.size(); ++i) {
        const auto& opts = table.tensors[i].options;
        const std::vector<int> hull = lowerHull(opts);
        start[i] = hull.front();
        for (size_t k = 0; k + 1 < hull.size(); ++k) {
            const auto& a = opts[size_t(hull[k])];
            const auto& b = opts[size_t(hull[k + 1])];
            segs.push_back({i, hull[k], hull[k + 1], (a.loss - b.loss) / double(b.bytes - a.bytes)});
        }
    }
    std::stable_sort(segs.begin(), segs.end(), [](const Segment& x, const Segment& y) { return x.rate > y.rate; });
    return segs;
}

// Spends what is left of the budget on single upgrades, best saving per byte first.
void fillUp(const CandidateTable& table, uint64_t budget, SolverResult& r)
{
    for (;;) {
        double bestRate = 0.0;
        size_t bestT = 0;
        int bestO = -1;
        for (size_t i = 0; i < table.tensors.size(); ++i) {
            const auto& opts = table.tensors[i].options;
            const auto& cur = opts[size_t(r.choice[i])];
            for (size_t o = 0; o < opts.size(); ++o) {
                if (opts[o].loss >= cur.loss || opts[o].bytes < cur.bytes) continue;
                const uint64_t extra = opts[o].bytes - cur.bytes;
                if (r.bytes + extra > budget) continue;
                const double rate = (cur.loss - opts[o].loss) / double(std::max<uint64_t>(extra, 1));
                if (rate > bestRate) { bestRate = rate; bestT = i; bestO = int(o); }
            }
        }
        if (bestO < 0) return;
        const auto& cur = table.tensors[bestT].options[size_t(r.choice[bestT])];
        const auto& next = table.tensors[bestT].options[size_t(bestO)];
        r.bytes += next.bytes - cur.bytes;
        r.loss += next.loss - cur.loss;
        r.choice[bestT] = bestO;
    }
}

bool atLeast(TensorType t, TensorType minimum)
{
    return bitsPerWeight(t) >= bitsPerWeight(minimum) - 1e-9;
}

void keepOnly(TensorCandidates& t, const std::function<bool(TensorType)>& keep)
{
    std::vector<CandidateOption> kept;
    for (const auto& o : t.options)
        if (keep(o.type)) kept.push_back(o);
    if (!kept.empty()) t.options = std::move(kept);
}

} // namespace

CandidateTable applyRules(const CandidateTable& table, const SolverRules& rules)
{
    CandidateTable out = table;
    for (auto& t : out.tensors) {
        if (t.fixed) continue;
        if (rules.outputMin && t.name == "output.weight")
            keepOnly(t, [&](TensorType x) { return atLeast(x, *rules.outputMin); });
        if (rules.tokenEmbdMin && t.name == "token_embd.weight")
            keepOnly(t, [&](TensorType x) { return atLeast(x, *rules.tokenEmbdMin); });
    }
    for (const auto& pin : rules.pins) {
        const std::string& name = pin.first;   // not a structured binding: lambdas may not capture those in C++20
        const TensorType type = pin.second;
        auto it = std::find_if(out.tensors.begin(), out.tensors.end(), [&](const auto& t) { return t.name == name; });
        if (it == out.tensors.end())
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "pin names an unknown tensor: " + name);
        auto o = std::find_if(it->options.begin(), it->options.end(), [&](const auto& x) { return x.type == type; });
        if (o == it->options.end())
            throw Error(ErrorCode::InvalidArgument, {}, kNoOffset,
                        "type " + std::string(tensorTypeName(type)) + " is not possible for " + name);
        it->options = {*o};
    }
    return out;
}

std::vector<int> lowerHull(const std::vector<CandidateOption>& options)
{
    std::vector<int> idx(options.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
        const auto& x = options[size_t(a)];
        const auto& y = options[size_t(b)];
        return x.bytes != y.bytes ? x.bytes < y.bytes : x.loss < y.loss;
    });
    std::vector<int> hull;
    for (int p : idx) {
        const auto& P = options[size_t(p)];
        if (!hull.empty() && P.loss >= options[size_t(hull.back())].loss) continue;
        while (hull.size() >= 2) {
            const auto& A = options[size_t(hull[hull.size() - 2])];
            const auto& B = options[size_t(hull.back())];
            // B is dropped when it lies on or above the segment A-P.
            const double lhs = (B.loss - A.loss) * double(P.bytes - A.bytes);
            const double rhs = (P.loss - A.loss) * double(B.bytes - A.bytes);
            if (lhs >= rhs) hull.pop_back(); else break;
        }
        hull.push_back(p);
    }
    return hull;
}

SolverResult evaluateChoice(const CandidateTable& table, const std::vector<int>& choice)
{
    SolverResult r;
    r.choice = choice;
    for (size_t i = 0; i < table.tensors.size(); ++i) {
        const auto& o = table.tensors[i].options.at(size_t(choice.at(i)));
        r.bytes += o.bytes;
        r.loss += o.loss;
    }
    r.feasible = true;
    return r;
}

SolverResult solveForBytes(const CandidateTable& table, uint64_t budgetBytes)
{
    std::vector<int> start;
    const std::vector<Segment> segs = sortedSegments(table, start);
    SolverResult r = evaluateChoice(table, start);
    if (r.bytes > budgetBytes) { r.feasible = false; return r; }
    for (const Segment& s : segs) {
        const auto& a = table.tensors[s.tensor].options[size_t(s.from)];
        const auto& b = table.tensors[s.tensor].options[size_t(s.to)];
        if (r.bytes + (b.bytes - a.bytes) > budgetBytes) break;
        r.bytes += b.bytes - a.bytes;
        r.loss += b.loss - a.loss;
        r.choice[s.tensor] = s.to;
    }
    fillUp(table, budgetBytes, r);
    return r;
}

SolverResult solveForLoss(const CandidateTable& table, double maxLoss)
{
    std::vector<int> start;
    const std::vector<Segment> segs = sortedSegments(table, start);
    SolverResult r = evaluateChoice(table, start);
    for (const Segment& s : segs) {
        if (r.loss <= maxLoss) return r;
        const auto& a = table.tensors[s.tensor].options[size_t(s.from)];
        const auto& b = table.tensors[s.tensor].options[size_t(s.to)];
        r.bytes += b.bytes - a.bytes;
        r.loss += b.loss - a.loss;
        r.choice[s.tensor] = s.to;
    }
    r.feasible = r.loss <= maxLoss;
    return r;
}

SolverResult solveExactDp(const CandidateTable& table, uint64_t budgetBytes, uint64_t maxCells)
{
    const size_t n = table.tensors.size();
    uint64_t g = 0, minTotal = 0;
    std::vector<uint64_t> minBytes(n);
    for (size_t i = 0; i < n; ++i) {
        const auto& opts = table.tensors[i].options;
        minBytes[i] = std::min_element(opts.begin(), opts.end(), [](auto& a, auto& b) { return a.bytes < b.bytes; })->bytes;
        minTotal += minBytes[i];
        for (const auto& o : opts) g = std::gcd(g, o.bytes - minBytes[i]);
    }
    SolverResult r;
    r.choice.assign(n, 0);
    if (minTotal > budgetBytes) return r;
    const uint64_t cap = g == 0 ? 0 : (budgetBytes - minTotal) / g;
    if ((cap + 1) * std::max<size_t>(n, 1) > maxCells)
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset, "problem too large for the exact solver");
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> dp(cap + 1, 0.0), next(cap + 1);
    std::vector<std::vector<int>> pick(n, std::vector<int>(cap + 1, -1));
    for (size_t i = 0; i < n; ++i) {
        const auto& opts = table.tensors[i].options;
        for (uint64_t c = 0; c <= cap; ++c) {
            next[c] = inf;
            for (size_t o = 0; o < opts.size(); ++o) {
                const uint64_t w = g == 0 ? 0 : (opts[o].bytes - minBytes[i]) / g;
                if (w > c || dp[c - w] + opts[o].loss >= next[c]) continue;
                next[c] = dp[c - w] + opts[o].loss;
                pick[i][c] = int(o);
            }
        }
        dp.swap(next);
    }
    uint64_t c = cap;
    for (size_t i = n; i-- > 0;) {
        r.choice[i] = pick[i][c];
        const auto& o = table.tensors[i].options[size_t(r.choice[i])];
        c -= g == 0 ? 0 : (o.bytes - minBytes[i]) / g;
    }
    return evaluateChoice(table, r.choice);
}

} // namespace qx
