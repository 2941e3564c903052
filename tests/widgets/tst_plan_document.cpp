// PlanDocument, the plan columns of the tensor tree and the background error service: exact sizes against
// a real export, undo, llama-quantize's Q4_K_M mix on synth-d256, pins through presets and the solver,
// autosave and recovery, and QAbstractItemModelTester on the models while the plan is edited.

#include "common/event_loop_gap.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "fake_model.h"

#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/plan_solver.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_tree_model.h"

#include "export/gguf_export.h"
#include "plan/candidates.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "stats/error_metrics.h"
#include "tensor/tensor_analysis.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTimer>
#include <QFile>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

using namespace qx;
using namespace qx::ui;

namespace {

std::vector<std::pair<std::string, std::string>> readTypes(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::pair<std::string, std::string>> out;
    std::string name, type;
    while (in >> name >> type)
        out.emplace_back(name, type);
    return out;
}

QString upper(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size())).toUpper();
}

} // namespace

class TestPlanDocument : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
    }

    void startsAsStored()
    {
        PlanDocument doc;
        const auto model = test::fakeModel(2);
        doc.setModel(model, QStringLiteral("/fake/model.gguf"));
        QCOMPARE(doc.plan().entries.size(), size_t(9));
        QVERIFY(!doc.isDirty());
        for (const PlanEntry& e : doc.plan().entries) {
            QCOMPARE(e.type, model->findTensor(e.tensor)->type);
            QCOMPARE(e.reason, std::string("as stored"));
        }
        const PlanTotals t = doc.totals();
        QCOMPARE(t.tensorBytes, model->totalTensorBytes());
        QCOMPARE(t.parameters, model->totalParameters());
        QCOMPARE(t.sizeRatio, 1.0);
    }

    void modelTesterWhileEditing()
    {
        PlanDocument doc;
        PlanErrorService errors;
        errors.setDocument(&doc);
        TensorTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TensorFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setPlan(&doc, &errors);
        const auto fake = test::fakeModel(3);
        model.setModelFile(fake);
        doc.setModel(fake, QStringLiteral("/fake/model.gguf"));
        proxy.sort(TensorTreeModel::PlannedSizeColumn, Qt::DescendingOrder);
        doc.setType({QStringLiteral("blk.0.ffn_down.weight"), QStringLiteral("blk.1.ffn_down.weight")}, TensorType::F32);
        doc.undoStack()->undo();
        doc.undoStack()->redo();
        // The pin column is checkable and pinning through it is an undo step.
        const QModelIndex pin = model.indexOfTensor(2, TensorTreeModel::PinColumn);
        QVERIFY(model.flags(pin) & Qt::ItemIsUserCheckable);
        QVERIFY(model.setData(pin, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(doc.plan().find("blk.0.attn_q.weight")->pinned);
        QCOMPARE(pin.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.indexOfTensor(3, TensorTreeModel::PlannedColumn).data().toString(), QStringLiteral("F32"));
        // Group rows total the planned bytes: blk.0 = 32 + 272 + 128 · 4.
        QCOMPARE(model.index(1, TensorTreeModel::PlannedSizeColumn).data(TensorTreeModel::SortRole).toULongLong(), 816ull);
        proxy.setPattern(QStringLiteral("ffn"));
        model.setModelFile(test::fakeModel(1));
        doc.setModel(model.modelFile(), QStringLiteral("/fake/model.gguf"));
        errors.waitForIdle();
        QTest::qWait(100);
        model.setModelFile(nullptr);
        doc.setModel(nullptr, {});
    }

    void formatChangeGivesExactBytesAndUndoRestores()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        PlanDocument doc;
        doc.setModel(model, QString::fromStdString(path));
        const PlanTotals before = doc.totals();
        QCOMPARE(before.tensorBytes, uint64_t(292800 * 4));
        QCOMPARE(before.fileBytes, predictedFileSize(*model, doc.plan()));

        const EditSummary s = doc.setType({QStringLiteral("blk.0.attn_q.weight")}, TensorType::Q4_0);
        QCOMPARE(s.changed, 1);
        QVERIFY(doc.isDirty());
        const PlanTotals after = doc.totals();
        // 64 × 64 F32 (16384 bytes) becomes 128 Q4_0 blocks of 18 bytes.
        QCOMPARE(after.tensorBytes, before.tensorBytes - 16384 + 128 * 18);
        QCOMPARE(after.bitsPerWeight, 8.0 * double(after.tensorBytes) / 292800.0);
        // The predicted file size is the size of the file the exporter writes, to the byte.
        const std::string out = test::scratchDir("plan_document") + "/q4_0-one.gguf";
        ExportOptions options;
        options.verify = false;
        exportGguf(*model, doc.plan(), out, options);
        QCOMPARE(uint64_t(std::filesystem::file_size(out)), after.fileBytes);

        doc.undoStack()->undo();
        QVERIFY(!doc.isDirty());
        QCOMPARE(doc.totals(), before);
        QCOMPARE(doc.plan(), PlanDocument::storedPlan(*model, path));
    }

    void rowsThatDoNotFitTakeTheFallback()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        PlanDocument doc;
        doc.setModel(openModel(path), QString::fromStdString(path));
        // ffn_down rows are 172 wide: Q4_K -> Q5_0 does not fit either -> F16; norms are left alone.
        const EditSummary s = doc.setType({QStringLiteral("blk.0.ffn_down.weight"), QStringLiteral("blk.0.attn_norm.weight"),
                                           QStringLiteral("blk.0.attn_k.weight")}, TensorType::Q4_K);
        QCOMPARE(s.changed, 2);
        QCOMPARE(s.fallbacks, 2);
        QCOMPARE(s.skippedUnfit, 1);
        QCOMPARE(doc.plan().find("blk.0.ffn_down.weight")->type, TensorType::F16);
        QCOMPARE(doc.plan().find("blk.0.attn_k.weight")->type, TensorType::Q5_0);
        QCOMPARE(doc.plan().find("blk.0.attn_norm.weight")->type, TensorType::F32);
        validatePlan(*doc.model(), doc.plan());
    }

    void q4kmPresetMatchesLlamaQuantize()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(typesPath, "reference/synth-d256/preset-Q4_K_M.types.txt");
        PlanDocument doc;
        doc.setModel(openModel(path), QString::fromStdString(path));
        doc.applyPreset(Preset::Q4_K_M);
        const auto expected = readTypes(typesPath);
        QCOMPARE(expected.size(), size_t(39));
        QCOMPARE(doc.plan().entries.size(), expected.size());
        for (const auto& [name, type] : expected) {
            const PlanEntry* e = doc.plan().find(name);
            QVERIFY2(e, name.c_str());
            QCOMPARE(upper(tensorTypeName(e->type)), upper(type));
        }
        QCOMPARE(doc.plan().preset, std::string("Q4_K_M"));
        QCOMPARE(doc.plan().find("blk.2.attn_v.weight")->reason, std::string("attn_v #2 of 4 (use_more_bits) -> Q6_K"));
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().find("output.weight")->type, TensorType::F32);
    }

    void pinsSurvivePresetsAndSolver()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        PlanDocument doc;
        doc.setModel(model, QString::fromStdString(path));
        const QString pinned = QStringLiteral("blk.1.attn_q.weight");
        doc.setType({pinned}, TensorType::Q8_0);
        doc.setPinned({pinned}, true);
        const EditSummary preset = doc.applyPreset(Preset::Q4_K_M);
        QCOMPARE(preset.skippedPinned, 1);
        QCOMPARE(doc.plan().find("blk.1.attn_q.weight")->type, TensorType::Q8_0);
        QVERIFY(doc.plan().find("blk.1.attn_q.weight")->pinned);
        QCOMPARE(doc.plan().find("blk.0.attn_q.weight")->type, TensorType::Q5_0);  // the mix's fallback for rows of 64
        QCOMPARE(doc.plan().preset, std::string("Q4_K_M + pinned"));
        // Setting the pinned tensor by hand leaves it alone too.
        QCOMPARE(doc.setType({pinned}, TensorType::Q4_0).skippedPinned, 1);

        const std::vector<TensorType> types = defaultCandidateTypes();
        const CandidateTable table = buildCandidateTable(*model, nullptr, types);
        const BudgetRange range = budgetRange(table, doc.plan());
        const BudgetSolution s = solveBudget(table, doc.plan(), range.minBytes + (range.maxBytes - range.minBytes) / 4, "test");
        QVERIFY(s.result.feasible);
        doc.applySolverPlan(s.plan, QStringLiteral("solver"));
        QCOMPARE(doc.plan().find("blk.1.attn_q.weight")->type, TensorType::Q8_0);
        QCOMPARE(doc.totals().tensorBytes, s.result.bytes);  // the solver counts the same bytes as the totals
        validatePlan(*model, doc.plan());
        // Consecutive solver results are one undo step.
        const int steps = doc.undoStack()->count();
        doc.applySolverPlan(solveBudget(table, doc.plan(), range.maxBytes, "test").plan, QStringLiteral("solver"));
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    void autosaveAndRecovery()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        const QString modelPath = QString::fromStdString(path);
        QFile::remove(PlanDocument::autosavePathFor(modelPath));
        Plan edited;
        {
            PlanDocument doc;
            doc.setModel(model, modelPath);
            QVERIFY(!doc.recoveryAvailable());
            doc.setAutosaveInterval(50);
            QSignalSpy dirty(&doc, &PlanDocument::dirtyChanged);
            doc.setType({QStringLiteral("blk.2.ffn_up.weight")}, TensorType::Q8_0);
            QCOMPARE(dirty.size(), 1);
            QVERIFY(dirty.front().front().toBool());
            QTRY_VERIFY(QFile::exists(doc.autosavePath()));  // written by the timer
            QCOMPARE(loadPlan(doc.autosavePath().toStdString()), doc.plan());
            edited = doc.plan();
            // the document goes away without saving or discarding: a crash
        }
        PlanDocument doc;
        doc.setModel(model, modelPath);
        QVERIFY(doc.recoveryAvailable());
        doc.recover();
        QCOMPARE(doc.plan(), edited);
        QVERIFY(doc.isDirty());
        const QString saved = QString::fromStdString(test::scratchDir("plan_document") + "/saved.plan.json");
        doc.save(saved);
        QVERIFY(!doc.isDirty());
        QVERIFY(!QFile::exists(doc.autosavePath()));
        QCOMPARE(loadPlan(saved.toStdString()), edited);
        // Loading is undoable and checks the plan against the model.
        doc.setType({QStringLiteral("blk.2.ffn_up.weight")}, TensorType::F16);
        doc.loadFile(saved);
        QCOMPARE(doc.plan(), edited);
        Plan wrong = edited;
        wrong.entries.pop_back();
        QVERIFY(!doc.loadPlan(wrong, QStringLiteral("wrong")));
        QVERIFY(doc.loadPlan(PlanDocument::storedPlan(*model, path), QStringLiteral("as stored")));
        QCOMPARE(doc.plan().find("blk.2.ffn_up.weight")->type, TensorType::F32);
    }

    void errorsComputedInBackground()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        PlanDocument doc;
        PlanErrorService errors;
        errors.setDocument(&doc);
        doc.setModel(model, QString::fromStdString(path));
        const int q = static_cast<int>(model->findTensor("blk.3.attn_q.weight") - model->tensors.data());
        QVERIFY(errors.errorOf(q) && errors.errorOf(q)->exact);
        doc.setType({QStringLiteral("blk.3.attn_q.weight")}, TensorType::Q2_K);  // superseded at once
        doc.setType({QStringLiteral("blk.3.attn_q.weight")}, TensorType::Q4_0);
        QSignalSpy idle(&errors, &PlanErrorService::idle);
        QVERIFY(idle.wait(20000));
        const auto e = errors.errorOf(q);
        QVERIFY(e && !e->exact && !e->failed);
        const TensorInfo& t = model->tensors[size_t(q)];
        const std::vector<float> x = dequantizeTensor(t);
        const std::vector<float> y = roundTrip(candidateByName("Q4_0"), x, t.rowLength());
        const TensorError expected = compareTensors(x, y);
        QCOMPARE(e->sqnrDb, expected.sqnrDb);
        QCOMPARE(e->relativeError, expected.relativeFrobenius);
        QVERIFY(e->sqnrDb > 15 && e->sqnrDb < 30);
        // A scheme override is measured as that scheme.
        doc.setScheme({QStringLiteral("blk.3.attn_q.weight")}, SchemeId::Int4G32Sym);
        QCOMPARE(doc.plan().find("blk.3.attn_q.weight")->type, TensorType::Q4_0);
        QVERIFY(idle.wait(20000));
        QVERIFY(errors.errorOf(q) && errors.errorOf(q)->sqnrDb != expected.sqnrDb);
    }

    void uiThreadStaysResponsiveWhileErrorsRun()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        PlanDocument doc;
        PlanErrorService errors;
        errors.setDocument(&doc);
        doc.setModel(openModel(path), QString::fromStdString(path));
        QElapsedTimer edit;
        edit.start();
        doc.applyPreset(Preset::Q4_K_M);
        const PlanTotals totals = doc.totals();
        const qint64 editMs = edit.elapsed();
        QVERIFY(totals.fileBytes > 0);
        // The 30 round trips of the mix run on the service's thread; the UI thread handles events meanwhile.
        QSignalSpy idle(&errors, &PlanErrorService::idle);
        const test::Responsiveness ui = test::respondsWhileRunning([&] { return !idle.isEmpty(); }, 60000);
        qInfo("preset + totals on the UI thread: %lld ms; %d UI events handled while the errors ran, longest gap "
              "%lld ms (information)", static_cast<long long>(editMs), ui.eventsWhileRunning,
              static_cast<long long>(ui.worstGapMs));
        QVERIFY2(ui.eventsWhileRunning >= test::kEventsWhileRunning, qPrintable(QString::number(ui.eventsWhileRunning)));
    }
};

QX_TEST_MAIN(TestPlanDocument)
#include "tst_plan_document.moc"
