// The plan editor in the main window on stories260K, offscreen: a format applied from the scheme panel to
// the tree's selection moves the plan totals to the exact bytes, undo restores them, the dirty marker and
// the close prompt, crash recovery, a preset with its reasons, pins and the live budget slider. Writes
// screenshots of the tree with the plan columns and of the panel to the test's scratch folder.

#include "common/main_window_steps.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "gui/main_window.h"

#include "common/app_settings.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/plan_solver.h"
#include "plan/scheme_panel.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"
#include "tensor/tensor_views.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTreeView>
#include <QUndoStack>
#include <QLocale>
#include <QtTest/QtTest>

using namespace qx;

namespace {

using qx::test::openAndWait;
using qx::test::selectTensor;

QString shotPath(const QString& name)
{
    return QString::fromStdString(test::scratchDir("plan_gui")) + QLatin1Char('/') + name;
}

} // namespace

class TestPlanGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        ui::AppSettings::clearRecentFiles();
    }

    void init()
    {
        // No recovery file left by an earlier run.
        const std::string path = test::sharedPath("models/stories260K.gguf");
        QFile::remove(ui::PlanDocument::autosavePathFor(QFileInfo(QString::fromStdString(path)).absoluteFilePath()));
    }

    void formatChangeUpdatesTotalsAndUndoRestores()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        app::MainWindow window(&openModel);
        window.show();
        QVERIFY(openAndWait(window, path));
        const QString before = window.planTotalsText();
        QVERIFY2(before.contains(QStringLiteral("32.000 bits/weight")), qPrintable(before));
        QVERIFY(!window.isWindowModified());

        selectTensor(window, "blk.0.attn_q.weight");
        QVERIFY(window.schemePanel()->selectFormat(QStringLiteral("Q4_0")));
        window.schemePanel()->applyToSelection();
        Plan expected = ui::PlanDocument::storedPlan(*window.model(), QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString());
        expected.find("blk.0.attn_q.weight")->type = TensorType::Q4_0;
        const uint64_t fileBytes = predictedFileSize(*window.model(), expected);
        const uint64_t tensorBytes = 292800 * 4 - 16384 + 128 * 18;
        const QString after = window.planTotalsText();
        QVERIFY2(after.contains(QStringLiteral("(%1 bytes)").arg(fileBytes)), qPrintable(after));
        QVERIFY2(after.contains(QStringLiteral("%1 bits/weight").arg(8.0 * tensorBytes / 292800.0, 0, 'f', 3)), qPrintable(after));
        QCOMPARE(window.planDocument()->totals().fileBytes, fileBytes);
        QVERIFY(window.isWindowModified());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        ui::TensorTreeModel* tree = test::child<ui::TensorPane>(window, "tensorPane")->treeModel();
        const int q = static_cast<int>(window.model()->findTensor("blk.0.attn_q.weight") - window.model()->tensors.data());
        QCOMPARE(tree->indexOfTensor(q, ui::TensorTreeModel::PlannedColumn).data().toString(), QStringLiteral("Q4_0"));
        QCOMPARE(tree->indexOfTensor(q, ui::TensorTreeModel::PlannedSizeColumn).data(ui::TensorTreeModel::SortRole).toULongLong(),
                 128ull * 18);
        QTRY_VERIFY_WITH_TIMEOUT(!window.planErrors()->isBusy(), 20000);
        QVERIFY(tree->indexOfTensor(q, ui::TensorTreeModel::SqnrColumn).data(ui::TensorTreeModel::SortRole).toDouble() > 10);

        window.planDocument()->undoStack()->undo();
        QCOMPARE(window.planTotalsText(), before);
        QVERIFY(!window.isWindowModified());
        window.planDocument()->undoStack()->redo();
        QVERIFY(window.isWindowModified());

        window.setUnsavedPlanPrompt([] { return QMessageBox::Cancel; });
        QVERIFY(!window.close());
        window.planDocument()->autosaveNow();
        QVERIFY(QFile::exists(window.planDocument()->autosavePath()));
        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.close());
        QVERIFY(!QFile::exists(window.planDocument()->autosavePath()));
    }

    void recoveryAfterCrash()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        Plan edited;
        {
            app::MainWindow crashed(&openModel);
            QVERIFY(openAndWait(crashed, path));
            crashed.planDocument()->setType({QStringLiteral("blk.4.ffn_gate.weight")}, TensorType::Q8_0);
            crashed.planDocument()->autosaveNow();
            edited = crashed.planDocument()->plan();
        }  // gone without closing: the autosave file stays
        app::MainWindow window(&openModel);
        window.show();
        QVERIFY(openAndWait(window, path));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("planRecoveryBox"))) != nullptr);
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(window.planDocument()->plan(), edited);
        QVERIFY(window.isWindowModified());
        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.close());
    }

    void presetPinsAndBudgetSlider()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        app::MainWindow window(&openModel);
        window.resize(1280, 800);
        window.show();
        QVERIFY(openAndWait(window, path));
        ui::SchemePanel* panel = window.schemePanel();
        ui::PlanDocument* doc = window.planDocument();
        ui::TensorTreeModel* tree = test::child<ui::TensorPane>(window, "tensorPane")->treeModel();
        panel->applyPreset(Preset::Q4_K_M);
        QCOMPARE(doc->plan().preset, std::string("Q4_K_M"));
        const int out = static_cast<int>(window.model()->findTensor("output.weight") - window.model()->tensors.data());
        QCOMPARE(tree->indexOfTensor(out, ui::TensorTreeModel::ReasonColumn).data().toString(),
                 QString::fromStdString(doc->plan().find("output.weight")->reason));
        QCOMPARE(tree->indexOfTensor(out, ui::TensorTreeModel::PlannedColumn).data().toString(), QStringLiteral("Q8_0"));
        QVERIFY2(window.planTotalsText().startsWith(QStringLiteral("Plan (Q4_K_M)")), qPrintable(window.planTotalsText()));

        const int pinned = static_cast<int>(window.model()->findTensor("blk.2.attn_v.weight") - window.model()->tensors.data());
        QVERIFY(tree->setData(tree->indexOfTensor(pinned, ui::TensorTreeModel::PinColumn), Qt::Checked, Qt::CheckStateRole));
        const TensorType pinnedType = doc->plan().find("blk.2.attn_v.weight")->type;

        QTRY_VERIFY_WITH_TIMEOUT(panel->candidateTable() != nullptr, 60000);
        const double bitsBefore = doc->totals().bitsPerWeight;
        const int steps = doc->undoStack()->count();
        panel->setBudgetPosition(20);
        QVERIFY(doc->totals().bitsPerWeight < bitsBefore);
        QCOMPARE(doc->plan().find("blk.2.attn_v.weight")->type, pinnedType);
        QVERIFY2(panel->solverText().startsWith(QStringLiteral("Predicted loss")), qPrintable(panel->solverText()));
        QVERIFY2(panel->budgetText().endsWith(QStringLiteral("bits/weight")), qPrintable(panel->budgetText()));
        panel->setBudgetUnit(ui::SchemePanel::BudgetUnit::FileSize);
        panel->setBudgetPosition(60);
        QVERIFY2(panel->budgetText().endsWith(QStringLiteral("file")), qPrintable(panel->budgetText()));
        QCOMPARE(doc->undoStack()->count(), steps + 1);  // the slider's solves merge into one step
        QCOMPARE(doc->plan().find("blk.2.attn_v.weight")->type, pinnedType);
        validatePlan(*window.model(), doc->plan());

        // The track: up to 8.5 bits/weight takes 85 % of it; a typed target solves to at most that target,
        // and the readout names the plan the document holds after a solve, a preset or an undo.
        QCOMPARE(ui::positionOfBits(8.5, 1000, 2.6, 32.0), 850);
        QCOMPARE(ui::bitsAtPosition(850, 1000, 2.6, 32.0), 8.5);
        QVERIFY(std::fabs(ui::bitsAtPosition(ui::positionOfBits(5.2, 1000, 2.6, 32.0), 1000, 2.6, 32.0) - 5.2)
                <= 0.5 * (8.5 - 2.6) / 850);   // within half a step of the track
        QCOMPARE(ui::bitsAtPosition(1000, 1000, 4.0, 8.0), 8.0);   // a short range: linear over the track
        panel->setBudgetUnit(ui::SchemePanel::BudgetUnit::BitsPerWeight);
        const ui::BudgetRange range = ui::budgetRange(*panel->candidateTable(), doc->plan());
        const double lowest = 8.0 * double(range.minBytes) / double(range.elements);
        const double target = lowest + 0.4 * (8.5 - lowest);
        panel->setBudgetTarget(target);
        const ui::PlanTotals solved = doc->totals();
        const double solvedBits = 8.0 * double(solved.tensorBytes) / double(range.elements);   // as the budget counts
        QVERIFY2(solvedBits <= target + 1e-9 && solvedBits > lowest, qPrintable(QStringLiteral("%1 for %2").arg(solvedBits).arg(target)));
        const auto nowText = [](const ui::PlanTotals& t) {
            return QStringLiteral("now %1 bits/weight").arg(QLocale().toString(t.bitsPerWeight, 'f', 2));
        };
        QVERIFY2(panel->currentPlanText().contains(nowText(solved)), qPrintable(panel->currentPlanText()));
        const std::optional<double> loss = ui::planLoss(*panel->solverTable(), doc->plan());
        QVERIFY(loss && panel->currentPlanText().startsWith(
                            QStringLiteral("Predicted loss %1").arg(QLocale().toString(*loss, 'g', 3))));
        panel->applyPreset(Preset::Q8_0);
        QVERIFY2(panel->currentPlanText().contains(nowText(doc->totals())), qPrintable(panel->currentPlanText()));
        doc->undoStack()->undo();
        QVERIFY2(panel->currentPlanText().contains(nowText(solved)), qPrintable(panel->currentPlanText()));

        // Pictures: the tree with the plan columns and the panel.
        QVERIFY(panel->selectFormat(QStringLiteral("INT4 g128 asym")));
        QVERIFY2(panel->formatNote().contains(QStringLiteral("not exportable to GGUF: a file holds Q4_K")), qPrintable(panel->formatNote()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.planErrors()->isBusy(), 30000);
        test::child<ui::TensorViews>(window, "tensorViews")->setCandidate(QStringLiteral("Q4_0"));  // rows of 64: no 256-blocks
        QSignalSpy analysed(test::child<ui::TensorViews>(window, "tensorViews"), &ui::TensorViews::analysisReady);
        selectTensor(window, "blk.2.attn_v.weight");
        QVERIFY(analysed.wait(20000));
        test::child<ui::TensorPane>(window, "tensorPane")->findChild<QTreeView*>(QStringLiteral("tensorTree"))->scrollTo(test::child<ui::TensorPane>(window, "tensorPane")->proxy()->mapFromSource(tree->indexOfTensor(pinned)));
        QVERIFY(window.grab().save(shotPath(QStringLiteral("plan-window.png"))));
        QVERIFY(test::child<ui::TensorPane>(window, "tensorPane")->grab().save(shotPath(QStringLiteral("plan-tree.png"))));
        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.close());
    }
};

QX_TEST_MAIN(TestPlanGui)
#include "tst_plan_gui.moc"
