// The Calibrate box wired in the main window on stories260K, offscreen: a SmoothQuant W8A8 result applied
// from the plan panel is evaluated by the Evaluate tab with its weights and activation transform (the run
// is labelled "SmoothQuant W8A8" and scores exactly like core's CalibEvaluator), and File > Export GGUF is
// disabled with a tooltip that says why; undo enables it again.

#include "common/main_window_steps.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "gui/main_window.h"

#include "evaluate/evaluate_panel.h"
#include "evaluate/evaluation_page.h"
#include "evaluate/runs_model.h"
#include "evaluate/tradeoff_view.h"
#include "plan/calibration_box.h"
#include "plan/plan_calibration.h"
#include "plan/plan_document.h"
#include "plan/scheme_panel.h"

#include "calib/calib_methods.h"
#include "eval/perplexity.h"
#include "model/tokenizer.h"

#include <QAction>
#include <QFile>
#include <QStandardPaths>
#include <QMessageBox>
#include <QUndoStack>
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace qx;

class TestCalibrationGui : public QObject {
    Q_OBJECT

    static QAction* exportAction(app::MainWindow& window)
    {
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                return a;
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void w8a8EvaluatedFromTheWindowExportDisabled()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        QFile::remove(ui::PlanDocument::autosavePathFor(QFileInfo(QString::fromStdString(path)).absoluteFilePath()));
        std::ifstream in(text);
        std::ostringstream all;
        all << in.rdbuf();
        const auto [calib, eval] = splitCalibEval(all.str(), 0.5);
        const QString dir = QString::fromStdString(test::scratchDir("calibration_gui"));
        std::ofstream(dir.toStdString() + "/calib.txt", std::ios::binary) << calib;
        std::ofstream(dir.toStdString() + "/eval.txt", std::ios::binary) << eval;

        app::MainWindow window(&openModel);
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        window.openPath(QString::fromStdString(path));
        QVERIFY(shown.wait(20000));
        ui::EvaluatePanel* panel = test::child<ui::EvaluationPage>(window, "evaluationPage")->panel();
        panel->setTextFile(dir + QStringLiteral("/eval.txt"));
        panel->setContext(128, 3);
        ui::CalibrationBox* box = window.schemePanel()->calibrationBox();
        QVERIFY(box->selectMethod(QStringLiteral("smoothquant")));
        box->setTextFile(dir + QStringLiteral("/calib.txt"));
        box->setChunks(4);
        box->setContext(128);
        QSignalSpy finished(box, &ui::CalibrationBox::finished);
        box->run();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(box->statusText()));
        QCOMPARE(box->overlapText(), QStringLiteral("Calibration and evaluation texts share no line."));

        QAction* exportGguf = exportAction(window);
        QVERIFY(exportGguf && exportGguf->isEnabled());
        QVERIFY(box->applyToPlan());
        QVERIFY(!exportGguf->isEnabled());
        QVERIFY(exportGguf->toolTip().contains(QStringLiteral("W8A8")));

        QSignalSpy evaluated(panel, &ui::EvaluatePanel::evaluated);
        panel->evaluate();
        QVERIFY(evaluated.wait(60000));
        const ui::EvalRun& run = panel->runsModel()->runs().back();
        QCOMPARE(run.label, QStringLiteral("SmoothQuant W8A8"));
        const auto model = window.model();
        auto weights = LlamaWeights::fromModel(model);
        const CalibEvaluator reference(weights, Tokenizer::fromGguf(*model).encode(eval, true), 128, 3,
                                       chunkBosToken(*model));
        const auto result = box->result();
        Substitutions calibrated = result->values; // the folded norms, and the layers' int8 rows decoded
        for (const auto& [name, p] : result->packed)
            calibrated.emplace(name, p.unpack());
        const EvalScore direct = reference.evaluate(withSubstitutions(*weights, calibrated), result->transform);
        qInfo("SmoothQuant W8A8: Evaluate tab PPL %.6f KLD %.6f; CalibEvaluator PPL %.6f KLD %.6f", run.eval.ppl,
              run.eval.kldMean, direct.ppl, direct.kldMean);
        QCOMPARE(run.eval.ppl, direct.ppl);
        QCOMPARE(run.eval.kldMean, direct.kldMean);

        QUndoStack* undo = nullptr;
        for (QUndoStack* s : window.findChildren<QUndoStack*>())
            undo = s;
        QVERIFY(undo);
        undo->undo();
        QVERIFY(exportGguf->isEnabled());
        QVERIFY(!window.planDocument()->calibration());

        // Clicking the run on the Trade-off chart loads it back with its weights and transform: evaluating it
        // again is a cache hit with the same figures.
        const int row = panel->runsModel()->rowCount() - 1;
        test::child<ui::TradeoffView>(window, "tradeoffView")->requestRun(row);
        QVERIFY(window.planDocument()->calibration());
        QCOMPARE(window.planDocument()->calibration()->result, result);
        QVERIFY(!exportGguf->isEnabled());
        QSignalSpy again(panel, &ui::EvaluatePanel::evaluated);
        panel->evaluate();
        QCOMPARE(again.size(), 1);  // cached: answered at once
        QCOMPARE(again.first().first().toInt(), row);
        window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });
        window.close();
    }
};

QX_TEST_MAIN(TestCalibrationGui)
#include "tst_calibration_gui.moc"
