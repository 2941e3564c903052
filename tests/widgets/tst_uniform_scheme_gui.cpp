// A custom uniform scheme edited in the scheme panel on stories260K, offscreen: INT family, 3 bits, groups of
// 64, asymmetric, MSE clipping applied to one tensor → the tree's size and bits/weight and the plan totals
// equal the core's exact bytes, the error column equals the core's metrics of fakeQuantUniform, the tensor
// views analyse that scheme, undo restores, and save/load and the autosave keep the scheme. Writes a picture
// of the panel to the test's scratch folder.

#include "common/main_window_steps.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "gui/main_window.h"

#include "common/app_settings.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/evaluation_page.h"
#include "evaluate/runs_model.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/plan_export.h"
#include "plan/scheme_panel.h"
#include "plan/uniform_scheme_editor.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"
#include "tensor/round_trip_store.h"
#include "tensor/tensor_views.h"

#include "common/text_file.h"
#include "eval/plan_eval.h"
#include "model/tokenizer.h"
#include "quant/dequantize.h"
#include "stats/error_metrics.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest/QtTest>

using namespace qx;
using qx::ui::PlanState;

namespace {

using qx::test::openAndWait;
using qx::test::tensorIndex;
using qx::test::selectTensor;

constexpr const char* kTensor = "blk.0.attn_q.weight";  // 64 × 64

UniformScheme expectedScheme()
{
    UniformScheme s = uniformSchemeOf(SchemeId::Int4G128Asym);  // the row chosen: F16 scales
    s.bits = 3;
    s.granularity = Granularity::PerGroup;
    s.groupSize = 64;
    s.mode = UniformMode::Asymmetric;
    s.clip = ClipMethod::MseSearch;
    return s;
}

QVariant cell(app::MainWindow& window, int column, int role = Qt::DisplayRole)
{
    return test::child<ui::TensorPane>(window, "tensorPane")->treeModel()->indexOfTensor(tensorIndex(window, kTensor), column).data(role);
}

QString scratch(const QString& name)
{
    return QString::fromStdString(test::scratchDir("uniform_scheme_gui")) + QLatin1Char('/') + name;
}

} // namespace

class TestUniformSchemeGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        ui::AppSettings::clearRecentFiles();
        QFile::remove(ui::PlanDocument::autosavePathFor(
            QFileInfo(QString::fromStdString(test::sharedPath("models/stories260K.gguf"))).absoluteFilePath()));
    }

    void customSchemeFromPanelToFile()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        app::MainWindow window(&openModel);
        window.resize(1280, 800);
        window.show();
        QVERIFY(openAndWait(window, path));
        ui::SchemePanel* panel = window.schemePanel();
        ui::PlanDocument* doc = window.planDocument();
        const QString totalsBefore = window.planTotalsText();

        // Choose the INT family and edit its controls.
        selectTensor(window, kTensor);
        QVERIFY(panel->selectFormat(QStringLiteral("INT4 g128 asym")));
        ui::UniformSchemeEditor* editor = panel->uniformEditor();
        QVERIFY(editor->isVisible() && editor->isEnabled());
        editor->findChild<QSpinBox*>(QStringLiteral("schemeBits"))->setValue(3);
        QVERIFY(editor->findChild<QComboBox*>(QStringLiteral("schemeGroupSize"))->isEnabled());
        auto* groupSize = editor->findChild<QComboBox*>(QStringLiteral("schemeGroupSize"));
        groupSize->setCurrentIndex(groupSize->findData(64));
        editor->findChild<QComboBox*>(QStringLiteral("schemeMode"))->setCurrentIndex(2);
        editor->findChild<QComboBox*>(QStringLiteral("schemeClip"))->setCurrentIndex(2);
        QVERIFY(!editor->findChild<QDoubleSpinBox*>(QStringLiteral("schemePercentile"))->isEnabled());
        const UniformScheme scheme = expectedScheme();
        QCOMPARE(panel->currentScheme(), std::optional<SchemeChoice>(scheme));
        QCOMPARE(panel->formatLabel(), QStringLiteral("INT3 asym g64 f16 mse"));
        const uint64_t bytes = schemeChoiceBytes(scheme, 64, 64);
        QCOMPARE(bytes, uint64_t(4096 * 3 / 8 + 64 * 2 + 64 * 3 / 8));  // 1688
        QVERIFY2(panel->formatNote().contains(QStringLiteral("Exactly %1 bits/weight").arg(8.0 * bytes / 4096, 0, 'f', 4)),
                 qPrintable(panel->formatNote()));
        QVERIFY2(panel->formatNote().contains(QStringLiteral("nearest type Q3_K, which these rows cannot hold: a file holds IQ4_NL")),
                 qPrintable(panel->formatNote()));

        // Apply: one undo step; size, bits/weight and the type text follow the scheme.
        const int steps = doc->undoStack()->count();
        panel->applyToSelection();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->schemeOf(kTensor), std::optional<SchemeChoice>(scheme));
        QCOMPARE(doc->plan().find(kTensor)->type, TensorType::IQ4_NL);  // Q3_K's fallback on rows of 64
        QCOMPARE(cell(window, ui::TensorTreeModel::PlannedSizeColumn, ui::TensorTreeModel::SortRole).toULongLong(), bytes);
        QCOMPARE(cell(window, ui::TensorTreeModel::PlannedBitsColumn, ui::TensorTreeModel::SortRole).toDouble(),
                 schemeChoiceBitsPerWeight(scheme, 64, 64));  // 3.296875: no padding in 1688 bytes
        QCOMPARE(cell(window, ui::TensorTreeModel::PlannedColumn).toString(), QStringLiteral("INT3 asym g64 f16 mse → IQ4_NL"));
        const uint64_t tensorBytes = 292800ull * 4 - 16384 + bytes;
        QCOMPARE(doc->totals().tensorBytes, tensorBytes);
        const QString totals = window.planTotalsText();
        QVERIFY2(totals.contains(QStringLiteral("%1 bits/weight").arg(8.0 * tensorBytes / 292800.0, 0, 'f', 3)), qPrintable(totals));
        Plan nearest = doc->plan();
        QVERIFY2(totals.contains(QStringLiteral("(%1 bytes)").arg(predictedFileSize(*window.model(), nearest))), qPrintable(totals));

        // The error column is the core's metrics of the uniform round trip.
        QTRY_VERIFY_WITH_TIMEOUT(!window.planErrors()->isBusy(), 20000);
        const TensorInfo& t = *window.model()->findTensor(kTensor);
        const std::vector<float> x = dequantizeTensor(t);
        std::vector<float> y(x.size());
        fakeQuantUniform(x, y, 64, scheme);
        const TensorError expected = compareTensors(x, y);
        QCOMPARE(cell(window, ui::TensorTreeModel::SqnrColumn, ui::TensorTreeModel::SortRole).toDouble(), expected.sqnrDb);
        QCOMPARE(cell(window, ui::TensorTreeModel::RelErrorColumn, ui::TensorTreeModel::SortRole).toDouble(),
                 expected.relativeFrobenius);
        QVERIFY(expected.sqnrDb > 10 && expected.sqnrDb < 25);

        // Export names it with the type the file holds.
        const QString warning = test::child<ui::PlanExport>(window, "planExport")->notExportableText();
        QVERIFY2(warning.contains(QStringLiteral("INT3 asym g64 f16 mse is not exportable to GGUF — written as IQ4_NL")),
                 qPrintable(warning));

        // The exported file holds the type the plan names for it, at the predicted size.
        const QString gguf = scratch(QStringLiteral("custom.gguf"));
        QFile::remove(gguf);
        QSignalSpy exported(test::child<ui::PlanExport>(window, "planExport"), &ui::PlanExport::finished);
        test::child<ui::PlanExport>(window, "planExport")->exportTo(gguf);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.takeFirst().at(0).value<ui::JobOutcome>(), ui::JobOutcome::Completed);
        QCOMPARE(static_cast<uint64_t>(QFileInfo(gguf).size()), predictedFileSize(*window.model(), doc->plan()));
        QCOMPARE(openModel(gguf.toStdString())->findTensor(kTensor)->type, TensorType::IQ4_NL);

        // Evaluate measures the scheme's round trip (not the IQ4_NL the entry holds): the core's figures with
        // the document's schemes.
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        ui::EvaluatePanel* evalPanel = test::child<ui::EvaluationPage>(window, "evaluationPage")->panel();
        evalPanel->setTextFile(QString::fromStdString(textPath));
        evalPanel->setContext(128, 3);
        QSignalSpy evaluated(evalPanel, &ui::EvaluatePanel::evaluated);
        evalPanel->evaluate();
        QVERIFY(evaluated.wait(60000));
        const ui::EvalRun& run = evalPanel->runsModel()->runs().back();
        PlanEvalOptions options;
        options.nCtx = 128;
        options.chunks = 3;
        options.schemes = std::make_shared<const SchemeChoices>(doc->schemes());
        const std::vector<int32_t> tokens = Tokenizer::fromGguf(*window.model()).encode(readTextFile(textPath), true);
        const PlanEvaluation direct = evaluatePlan(window.model(), doc->plan(), tokens, options);
        const PlanEvaluation asIq4 = evaluatePlan(window.model(), doc->plan(), tokens, {128, 3});
        QCOMPARE(run.eval.ppl, direct.ppl);
        QCOMPARE(run.eval.kldMean, direct.kldMean);
        QCOMPARE(run.eval.bitsPerWeight, 8.0 * tensorBytes / 292800.0);
        QVERIFY(run.eval.kldMean != asIq4.kldMean);
        QCOMPARE(run.label, QStringLiteral("as stored + INT3 asym g64 f16 mse"));   // named after what made it
        QCOMPARE(run.schemes, doc->schemes());

        // Selecting another tensor and back shows the scheme in the controls; the views analyse it.
        QVERIFY(panel->selectFormat(QStringLiteral("Q8_0")));
        selectTensor(window, "blk.1.attn_k.weight");
        QSignalSpy analysed(test::child<ui::TensorViews>(window, "tensorViews"), &ui::TensorViews::analysisReady);
        selectTensor(window, kTensor);
        QCOMPARE(panel->currentScheme(), std::optional<SchemeChoice>(scheme));
        QCOMPARE(editor->findChild<QSpinBox*>(QStringLiteral("schemeBits"))->value(), 3);
        QCOMPARE(editor->findChild<QComboBox*>(QStringLiteral("schemeClip"))->currentIndex(), 2);
        QCOMPARE(test::child<ui::TensorViews>(window, "tensorViews")->candidate(), QStringLiteral("INT3 asym g64 f16 mse"));
        QTRY_VERIFY_WITH_TIMEOUT(test::child<ui::TensorViews>(window, "tensorViews")->analysis() && test::child<ui::TensorViews>(window, "tensorViews")->analysis()->tensorName == kTensor
                                     && test::child<ui::TensorViews>(window, "tensorViews")->analysis()->format.format == Format(SchemeChoice(scheme)), 20000);
        const ui::TensorAnalysis& a = *test::child<ui::TensorViews>(window, "tensorViews")->analysis();
        QCOMPARE(a.error.sqnrDb, expected.sqnrDb);
        QCOMPARE(a.store->blockLength(), int64_t(64));  // the grid of one group of 64: 8 levels of INT3
        QCOMPARE(a.store->grid(a.maxRow, a.maxColumn / 64).groups.front().levels.size(), size_t(8));
        QCOMPARE(a.clipLo, double(*std::min_element(y.begin(), y.end())));
        QCOMPARE(a.clipHi, double(*std::max_element(y.begin(), y.end())));
        QVERIFY(panel->grab().save(scratch(QStringLiteral("scheme-panel.png"))));
        test::child<ui::TensorViews>(window, "tensorViews")->showTab(0);
        QVERIFY(test::child<ui::TensorViews>(window, "tensorViews")->grab().save(scratch(QStringLiteral("distribution-custom.png"))));

        // Saved with the plan and in the autosave; undo restores; loading brings it back.
        const QString file = scratch(QStringLiteral("custom-plan.json"));
        doc->autosaveNow();
        QCOMPARE(loadPlanWithSchemes(doc->autosavePath().toStdString()).schemes, doc->schemes());
        doc->save(file);
        QCOMPARE(loadPlanWithSchemes(file.toStdString()).schemes.at(kTensor), SchemeChoice(scheme));
        doc->undoStack()->undo();
        QVERIFY(!doc->schemeOf(kTensor));
        QCOMPARE(window.planTotalsText(), totalsBefore);
        QCOMPARE(cell(window, ui::TensorTreeModel::PlannedColumn).toString(), QStringLiteral("F32"));
        // Double-clicking the evaluated run loads its scheme back (one undo step).
        emit test::child<ui::EvaluationPage>(window, "evaluationPage")->runRequested(evalPanel->runsModel()->rowCount() - 1);
        QCOMPARE(doc->schemeOf(kTensor), std::optional<SchemeChoice>(scheme));
        doc->undoStack()->undo();
        QVERIFY(!doc->schemeOf(kTensor));
        doc->loadFile(file);
        QCOMPARE(doc->schemeOf(kTensor), std::optional<SchemeChoice>(scheme));
        QCOMPARE(doc->totals().tensorBytes, tensorBytes);

        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.close());
    }

    void recoveryKeepsCustomSchemes()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const QString modelPath = QFileInfo(QString::fromStdString(path)).absoluteFilePath();
        UniformScheme s = expectedScheme();
        s.clip = ClipMethod::Percentile;
        s.percentile = 99.5;
        PlanState edited;
        {
            ui::PlanDocument crashed;
            crashed.setModel(openModel(path), modelPath);
            QCOMPARE(crashed.setScheme({QString::fromLatin1(kTensor)}, s).changed, 1);
            crashed.autosaveNow();
            edited = crashed.state();
        }  // gone without saving: the autosave file stays
        ui::PlanDocument doc;
        doc.setModel(openModel(path), modelPath);
        QVERIFY(doc.recoveryAvailable());
        doc.recover();
        QCOMPARE(doc.state(), edited);
        QCOMPARE(doc.schemeOf(kTensor), std::optional<SchemeChoice>(s));
        doc.discardRecovery();
        doc.discard();
    }

    void applyToMatchingIsOneStepAndSkipsUnfitRows()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        app::MainWindow window(&openModel);
        window.show();
        QVERIFY(openAndWait(window, path));
        ui::SchemePanel* panel = window.schemePanel();
        ui::PlanDocument* doc = window.planDocument();
        QVERIFY(panel->selectFormat(QStringLiteral("INT8 per-channel")));
        panel->uniformEditor()->findChild<QSpinBox*>(QStringLiteral("schemeBits"))->setValue(5);
        panel->uniformEditor()->findChild<QComboBox*>(QStringLiteral("schemeGranularity"))->setCurrentIndex(2);  // per group, 128 from the default
        auto* groupSize = panel->uniformEditor()->findChild<QComboBox*>(QStringLiteral("schemeGroupSize"));
        groupSize->setCurrentIndex(groupSize->findData(32));
        const SchemeChoice choice = *panel->currentScheme();
        QVERIFY(choice.isCustom());
        // KL clipping is not offered per group; per channel it is.
        auto* clip = panel->uniformEditor()->findChild<QComboBox*>(QStringLiteral("schemeClip"));
        QVERIFY(!qobject_cast<QStandardItemModel*>(clip->model())->item(int(ClipMethod::KlDivergence))->isEnabled());
        panel->uniformEditor()->findChild<QComboBox*>(QStringLiteral("schemeGranularity"))->setCurrentIndex(1);
        clip->setCurrentIndex(int(ClipMethod::KlDivergence));
        QCOMPARE(uniformSchemeOf(*panel->currentScheme())->clip, ClipMethod::KlDivergence);
        panel->uniformEditor()->findChild<QComboBox*>(QStringLiteral("schemeGranularity"))->setCurrentIndex(2);
        QCOMPARE(uniformSchemeOf(*panel->currentScheme())->clip, ClipMethod::MseSearch);
        clip->setCurrentIndex(int(ClipMethod::AbsMax));
        QCOMPARE(*panel->currentScheme(), choice);
        const int steps = doc->undoStack()->count();
        panel->applyToMatching(QStringLiteral("ffn_(up|down)"));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        // ffn_up rows are 64 wide (groups of 32 fit), ffn_down rows 172 wide (they do not).
        QCOMPARE(doc->schemeOf("blk.0.ffn_up.weight"), std::optional(choice));
        QVERIFY(!doc->schemeOf("blk.0.ffn_down.weight"));
        const auto downs = doc->tensorsMatching(QStringLiteral("ffn_down")).size();
        QVERIFY(downs > 0);
        QVERIFY2(panel->statusText().contains(QStringLiteral("%1 left as they are").arg(downs)), qPrintable(panel->statusText()));
        QCOMPARE(doc->plan().find("blk.0.ffn_up.weight")->type, TensorType::Q5_0);
        validatePlan(*window.model(), doc->plan());
        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.close());
    }
};

QX_TEST_MAIN(TestUniformSchemeGui)
#include "tst_uniform_scheme_gui.moc"
