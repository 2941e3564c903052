// Budget solver: hull, Lagrangian vs exact DP on small random instances, rules and pins.
#include "common/test_main.h"
#include "plan/budget_solver.h"

#include "common/error.h"

#include <QtTest>

#include <random>

using namespace qx;

namespace {

// Random instance: `n` tensors, each with up to 5 options of small byte counts (multiples of 8).
CandidateTable randomTable(std::mt19937& rng, int n, bool convex)
{
    CandidateTable t;
    const TensorType types[] = {TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q6_K,
                                TensorType::Q8_0};
    for (int i = 0; i < n; ++i) {
        TensorCandidates c;
        c.name = std::string(1, 't').append(std::to_string(i));
        uint64_t bytes = 8 * (1 + rng() % 4);
        double loss = 50.0 + double(rng() % 100);
        double drop = 0.6;
        const int k = 2 + int(rng() % 4);
        for (int o = 0; o < k; ++o) {
            c.options.push_back({types[o], bytes, loss});
            bytes += 8 * (1 + rng() % 5);
            loss *= convex ? drop : (0.2 + 0.7 * double(rng() % 100) / 100.0);
        }
        t.tensors.push_back(c);
    }
    return t;
}

double maxSegmentSaving(const CandidateTable& t)
{
    double m = 0;
    for (const auto& c : t.tensors) {
        const auto h = lowerHull(c.options);
        for (size_t k = 0; k + 1 < h.size(); ++k)
            m = std::max(m, c.options[size_t(h[k])].loss - c.options[size_t(h[k + 1])].loss);
    }
    return m;
}

} // namespace

class TestBudgetSolver : public QObject {
    Q_OBJECT
private slots:
    void hullDropsDominatedAndConcavePoints()
    {
        std::vector<CandidateOption> o = {{TensorType::Q2_K, 10, 100}, {TensorType::Q3_K, 20, 90},
                                          {TensorType::Q4_K, 30, 20}, {TensorType::Q5_K, 40, 25},
                                          {TensorType::Q8_0, 60, 0}};
        QCOMPARE(lowerHull(o), (std::vector<int>{0, 2, 4}));
    }

    void lagrangianNeverWorseThanDpByMoreThanHullGap()
    {
        std::mt19937 rng(7);
        for (int trial = 0; trial < 300; ++trial) {
            const CandidateTable t = randomTable(rng, 2 + int(rng() % 6), false);
            uint64_t lo = 0, hi = 0;
            for (const auto& c : t.tensors) { lo += c.options.front().bytes; hi += c.options.back().bytes; }
            const uint64_t budget = lo + rng() % (hi - lo + 1);
            const SolverResult dp = solveExactDp(t, budget);
            const SolverResult lg = solveForBytes(t, budget);
            QVERIFY(lg.feasible && lg.bytes <= budget && dp.bytes <= budget);
            QVERIFY(lg.loss >= dp.loss - 1e-9);
            QVERIFY2(lg.loss <= dp.loss + maxSegmentSaving(t) + 1e-9, qPrintable(QString::number(trial)));
        }
    }

    void equalToDpAtHullBreakpoints()
    {
        std::mt19937 rng(11);
        for (int trial = 0; trial < 200; ++trial) {
            const CandidateTable t = randomTable(rng, 2 + int(rng() % 6), true);
            // Budgets at the Lagrangian path's breakpoints: solveForLoss walks that path.
            const SolverResult path = solveForLoss(t, 0.5 * solveForBytes(t, 0).loss + 1.0);
            const SolverResult dp = solveExactDp(t, path.bytes);
            const SolverResult lg = solveForBytes(t, path.bytes);
            QCOMPARE(lg.bytes, path.bytes);
            QVERIFY(std::abs(lg.loss - dp.loss) < 1e-9);
        }
    }

    void infeasibleBudgetReportsSmallest()
    {
        std::mt19937 rng(3);
        const CandidateTable t = randomTable(rng, 3, true);
        const SolverResult r = solveForBytes(t, 1);
        QVERIFY(!r.feasible);
        QCOMPARE(r.choice, (std::vector<int>{0, 0, 0}));
    }

    void rulesAndPins()
    {
        std::mt19937 rng(5);
        CandidateTable t = randomTable(rng, 3, true);
        t.tensors[0].name = "output.weight";
        t.tensors[1].options = {{TensorType::Q2_K, 8, 10}, {TensorType::Q6_K, 16, 1}};
        SolverRules rules;
        rules.outputMin = TensorType::Q4_K;
        rules.pins = {{"t1", TensorType::Q6_K}};
        const CandidateTable r = applyRules(t, rules);
        for (const auto& o : r.tensors[0].options) QVERIFY(bitsPerWeight(o.type) >= 4.5);
        QCOMPARE(r.tensors[1].options.size(), size_t(1));
        QCOMPARE(r.tensors[1].options[0].type, TensorType::Q6_K);
        rules.pins = {{"nope", TensorType::Q6_K}};
        QVERIFY_THROWS_EXCEPTION(Error, applyRules(t, rules));
    }
};

QX_TEST_APPLESS_MAIN(TestBudgetSolver)
#include "tst_budget_solver.moc"
