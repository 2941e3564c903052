// The Evaluate panel on stories260K: llama.cpp's reference perplexity for the F32 plan with the UI thread
// responsive while it runs (UI events handled meanwhile), cache hits by plan hash, positive KLD for Q4_0, the presets in Runs and Trade-off
// (screenshots to $QX_VIEWS_SHOTS, default test-scratch/views-shots).
#include "common/test_main.h"
#include "common/widget_shots.h"
#include "common/event_loop_gap.h"
#include "common/test_data.h"

#include "common/job_runner.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/runs_model.h"
#include "evaluate/runs_view.h"
#include "evaluate/tradeoff_view.h"

#include "common/app_settings.h"
#include "demo/demo_data.h"
#include "evaluate/text_fit_text.h"
#include "plan/presets.h"

#include <QPushButton>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTimer>
#include <QtTest/QtTest>

using namespace qx;
using namespace qx::ui;

namespace {

using qx::test::shotDir;
using qx::test::shoot;

using qx::test::respondsWhileRunning;

} // namespace

class TstEvaluatePanel : public QObject {
    Q_OBJECT
private slots:
    void evaluateOnStories();
    void demoTextFitsTinyStoriesDoesNot();
    void resumesAtTheChangedBlockAndCancels();
};

void TstEvaluatePanel::evaluateOnStories()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
    clearPlanEvalCache();
    auto file = openModel(path);
    EvaluatePanel panel;
    panel.setModel(file);
    panel.setTextFile(QString::fromStdString(textPath));
    panel.setContext(128, 40);
    Plan plan = planPreset(*file, Preset::F32);
    panel.setPlanProvider([&plan] { return plan; });
    QSignalSpy evaluated(&panel, &EvaluatePanel::evaluated);
    panel.evaluate();
    const auto ui = respondsWhileRunning([&] { return !evaluated.isEmpty(); }, 120000);
    qInfo("evaluating stories260K (ctx 128, 40 chunks): %d UI events handled meanwhile, longest gap %lld ms "
          "(information)", ui.eventsWhileRunning, static_cast<long long>(ui.worstGapMs));
    QVERIFY2(ui.eventsWhileRunning >= qx::test::kEventsWhileRunning, qPrintable(QString::number(ui.eventsWhileRunning)));
    const EvalRun run = panel.runsModel()->runs().back();
    QCOMPARE(QString::number(run.eval.pplBase, 'f', 4), QStringLiteral("3.7549"));
    QCOMPARE(QString::number(run.eval.ppl, 'f', 4), QStringLiteral("3.7549"));
    QVERIFY(std::fabs(run.eval.kldMean) < 1e-4);

    // The same plan again: a cache hit, no job.
    QSignalSpy started(panel.runner(), &JobRunner::started);
    panel.evaluate();
    QCOMPARE(evaluated.size(), 2);
    QCOMPARE(started.size(), 0);
    QCOMPARE(evaluated.last().first().toInt(), 0);
    QCOMPARE(panel.runsModel()->rowCount(), 1);
    QCOMPARE(panel.runsModel()->runs().back().eval.ppl, run.eval.ppl);

    // A Q4_0 plan: positive KLD; then the runs and trade-off views.
    plan = planPreset(*file, Preset::Q4_0);
    panel.evaluate();
    QVERIFY(respondsWhileRunning([&] { return evaluated.size() == 3; }, 120000).eventsWhileRunning >= 0);
    QVERIFY(panel.runsModel()->runs().back().eval.kldMean > 1e-3);
    QAbstractItemModelTester tester(panel.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.evaluatePresets();
    const size_t presets = EvaluatePanel::commonPresets().size();
    QVERIFY(respondsWhileRunning([&] { return size_t(evaluated.size()) == 3 + presets; }, 300000).eventsWhileRunning >= 0);
    QCOMPARE(size_t(panel.runsModel()->rowCount()), 2 + presets - 1);  // Q4_0 was evaluated already

    shoot(panel, QStringLiteral("evaluate-panel"));
    RunsView runs;
    runs.setRunsModel(panel.runsModel());
    shoot(runs, QStringLiteral("runs"));
    TradeoffView tradeoff;
    tradeoff.setRunsModel(panel.runsModel());
    shoot(tradeoff, QStringLiteral("tradeoff-size-ppl"));
    tradeoff.setAxes(TradeoffView::BitsPerWeight, TradeoffView::MeanKld);
    shoot(tradeoff, QStringLiteral("tradeoff-bpw-kld"));
    QVERIFY(!tradeoff.front().empty());
}

void TstEvaluatePanel::demoTextFitsTinyStoriesDoesNot()
{
    QX_REQUIRE_SHARED(tinyStories, "text/tinystories-valid-head.txt");
    clearPlanEvalCache();
    const auto model = openDemoModel();
    EvaluatePanel panel;
    panel.setModel(model);
    const EvaluationDefaults before = AppSettings::evaluationDefaults();
    const QString demoText = QStringLiteral(QX_SOURCE_DIR "/resources/demo-text.txt");
    panel.setModelDefaults(EvaluationDefaults{demoText, 128, 8});
    QCOMPARE(panel.textFile(), demoText);
    QCOMPARE(panel.chunkCount(), 8);
    const Plan plan = planPreset(*model, Preset::Q4_K_M);
    panel.setPlanProvider([&plan] { return plan; });
    QSignalSpy evaluated(&panel, &EvaluatePanel::evaluated);
    panel.evaluate();
    QVERIFY(evaluated.wait(120000));
    const EvalRun own = panel.runsModel()->runs().back();
    QVERIFY(own.textFit.fits());
    QVERIFY(own.isPreset);   // the unchanged Q4_K_M preset: a preset's mark on the Trade-off chart
    QCOMPARE(own.textFit.byteTokens + own.textFit.unknownTokens, int64_t(0));
    QVERIFY(!panel.statusText().contains(QStringLiteral("does not fit")));
    QCOMPARE(AppSettings::evaluationDefaults(), before);  // the model's own text is no Settings default

    panel.setTextFile(QString::fromStdString(tinyStories));
    panel.evaluate();
    QVERIFY(evaluated.wait(120000));
    const EvalRun other = panel.runsModel()->runs().back();
    QVERIFY(other.textFit.nearUniform() && !other.textFit.fits());
    QCOMPARE(other.textFit.ppl, other.eval.pplBase);
    QVERIFY2(panel.statusText().contains(QStringLiteral("This text does not fit this model: the unquantized model's "
                                                        "perplexity (")),
             qPrintable(panel.statusText()));
    RunsModel* runs = panel.runsModel();
    const QModelIndex base = runs->index(1, RunsModel::PplBase);
    QVERIFY(runs->data(base).toString().endsWith(QStringLiteral("⚠ text does not fit")));
    QCOMPARE(runs->data(base, Qt::ToolTipRole).toString(), textFitWarning(other.textFit));
    QVERIFY(!runs->data(runs->index(0, RunsModel::PplBase)).toString().contains(QStringLiteral("fit")));
    panel.setModelDefaults(std::nullopt);
    QCOMPARE(panel.textFile(), before.textFile);
}


// A plan changed only in its last block runs that block and the head from the stored inputs; the status
// line says which blocks were reused and which run; Cancel (found by object name) ends the next run.
void TstEvaluatePanel::resumesAtTheChangedBlockAndCancels()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
    auto file = openModel(path);
    const int64_t layers = file->spec.blockCount;
    EvaluatePanel panel;
    panel.setModel(file);
    panel.setTextFile(QString::fromStdString(textPath));
    panel.setContext(128, 4);
    Plan plan = planPure(*file, TensorType::Q8_0);
    panel.setPlanProvider([&plan] { return plan; });
    QSignalSpy evaluated(&panel, &EvaluatePanel::evaluated);
    QSignalSpy blocks(&panel, &EvaluatePanel::blockStatusChanged);
    panel.evaluate();
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.size(), 1, 120000);
    QCOMPARE(panel.runsModel()->runs().back().eval.resumedAt, int64_t(0));
    QCOMPARE(blocks.first().first().toString(), QStringLiteral("Evaluating %1: running blocks 0–%2: block 0")
                                                    .arg(panel.runsModel()->runs().back().label)
                                                    .arg(layers - 1));

    const std::string last = "blk." + std::to_string(layers - 1) + ".";
    for (PlanEntry& e : plan.entries)
        if (e.tensor.rfind(last, 0) == 0 && e.ne.size() == 2 && e.ne[0] % 32 == 0)
            e.type = TensorType::Q4_0;
    plan.preset.clear();
    blocks.clear();
    panel.evaluate();
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.size(), 2, 120000);
    const EvalRun run = panel.runsModel()->runs().back();
    QCOMPARE(run.eval.resumedAt, layers - 1);
    QCOMPARE(run.eval.blockCount, layers);
    QCOMPARE(blocks.size(), 2);  // the last block, then the head
    QCOMPARE(blocks.first().first().toString(),
             QStringLiteral("Evaluating %1: reused blocks 0–%2, running %3–%3: block %3").arg(run.label).arg(layers - 2).arg(layers - 1));
    QVERIFY2(panel.statusText().contains(QStringLiteral(" — blocks 0–%1 of %2 reused from the last evaluation").arg(layers - 2).arg(layers)),
             qPrintable(panel.statusText()));

    // An early change runs again from block 1; Cancel stops it and the panel is ready for the next.
    for (PlanEntry& e : plan.entries)
        if (e.tensor.rfind("blk.1.", 0) == 0 && e.ne.size() == 2 && e.ne[0] % 32 == 0)
            e.type = TensorType::Q4_0;
    auto* cancel = panel.findChild<QPushButton*>(QStringLiteral("evaluateCancel"));
    QVERIFY(cancel);
    connect(&panel, &EvaluatePanel::blockStatusChanged, cancel, &QPushButton::click, Qt::SingleShotConnection);
    panel.evaluate();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.runner()->isBusy(), 120000);
    QCOMPARE(evaluated.size(), 2);
    QCOMPARE(panel.statusText(), QStringLiteral("Evaluation cancelled."));
    QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("evaluateButton"))->isEnabled());
}

QX_TEST_MAIN(TstEvaluatePanel)
#include "tst_evaluate_panel.moc"
