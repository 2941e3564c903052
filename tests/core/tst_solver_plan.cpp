// Solver results as plans: exact file-size targets, reasons and pins, and KLD-calibrated losses.
#include "common/test_main.h"
#include "plan/solver_plan.h"

#include "common/error.h"
#include "common/test_data.h"
#include "export/gguf_export.h"

#include <QtTest>

#include <filesystem>

using namespace qx;

class TestSolverPlan : public QObject {
    Q_OBJECT
private slots:
    void calibrationScalesEachTensorByItsMeasurement()
    {
        CandidateTable t;
        t.tensors.push_back({"a", 256, false, {{TensorType::Q4_0, 144, 10.0}, {TensorType::Q8_0, 272, 1.0}}});
        t.tensors.push_back({"b", 256, false, {{TensorType::Q4_0, 144, 20.0}, {TensorType::Q8_0, 272, 4.0}}});
        t.tensors.push_back({"c", 256, false, {{TensorType::Q4_0, 144, 30.0}, {TensorType::Q8_0, 272, 3.0}}});
        t.tensors.push_back({"norm", 256, true, {{TensorType::F32, 1024, 0.0}}});
        const std::vector<MeasuredKld> kld = {{"a", TensorType::Q4_0, 0.5}, {"b", TensorType::Q8_0, 0.2},
                                              {"zzz", TensorType::Q4_0, 9.0}};
        const CandidateTable c = calibrateLosses(t, kld);
        // a: 0.5 / 10 = 0.05; b: 0.2 / 4 = 0.05; c has no measurement: the median factor 0.05.
        QCOMPARE(c.tensors[0].options[0].loss, 0.5);
        QCOMPARE(c.tensors[0].options[1].loss, 0.05);
        QCOMPARE(c.tensors[1].options[0].loss, 1.0);
        QCOMPARE(c.tensors[2].options[0].loss, 1.5);
        QCOMPARE(c.tensors[3].options[0].loss, 0.0);
        QCOMPARE(c.tensors[0].options[1].bytes, uint64_t(272));
        QVERIFY(c.key != t.key);
        QVERIFY_THROWS_EXCEPTION(Error, calibrateLosses(t, std::vector<MeasuredKld>{{"zzz", TensorType::Q4_0, 1.0}}));
    }

    void fileSizeTargetIsExact_data()
    {
        QTest::addColumn<qint64>("target");
        QTest::newRow("Q3_K_M size") << qint64(1703232);
        QTest::newRow("Q4_K_M size") << qint64(2091840);
        QTest::newRow("odd size") << qint64(1900001);
    }
    void fileSizeTargetIsExact()
    {
        QFETCH(qint64, target);
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(path);
        const CandidateTable table = buildCandidateTable(*model, nullptr, defaultCandidateTypes());
        SolverRules rules;
        rules.pins.emplace_back("blk.2.attn_v.weight", TensorType::Q8_0);
        const SolvedPlan s = solvePlan(*model, table, rules, {SolverTarget::Kind::FileBytes, double(target)});
        QVERIFY(s.result.feasible);
        QCOMPARE(s.fileBytes, predictedFileSize(*model, s.plan));
        QVERIFY(s.fileBytes <= uint64_t(target));
        QVERIFY(s.fileBytes + 4096 >= uint64_t(target));
        validatePlan(*model, s.plan);
        QCOMPARE(s.plan.sourcePath, model->path);
        const PlanEntry* pinned = s.plan.find("blk.2.attn_v.weight");
        QVERIFY(pinned && pinned->pinned && pinned->type == TensorType::Q8_0);
        QVERIFY(pinned->reason.rfind("pinned", 0) == 0);
        QCOMPARE(s.plan.find("output_norm.weight")->type, TensorType::F32);

        // Written file: exactly the predicted size.
        const std::string out = test::scratchDir("tst_solver_plan") + "/solved.gguf";
        QCOMPARE(exportGguf(*model, s.plan, out).fileBytes, s.fileBytes);
        QCOMPARE(uint64_t(std::filesystem::file_size(out)), s.fileBytes);
    }

    void bitsPerWeightAndLossTargets()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(path);
        const CandidateTable table = buildCandidateTable(*model, nullptr, defaultCandidateTypes());
        const SolvedPlan b = solvePlan(*model, table, {}, {SolverTarget::Kind::BitsPerWeight, 4.5});
        QVERIFY(8.0 * double(b.result.bytes) / double(table.totalElements()) <= 4.5);
        QVERIFY(8.0 * double(b.result.bytes) / double(table.totalElements()) > 4.4);
        const SolvedPlan l = solvePlan(*model, table, {}, {SolverTarget::Kind::MaxLoss, b.result.loss});
        QVERIFY(l.result.feasible && l.result.loss <= b.result.loss);
        const SolvedPlan tiny = solvePlan(*model, table, {}, {SolverTarget::Kind::FileBytes, 1000.0});
        QVERIFY(!tiny.result.feasible);
    }
};

QX_TEST_APPLESS_MAIN(TestSolverPlan)
#include "tst_solver_plan.moc"
