// The Calibrate box on stories260K (offscreen): GPTQ Q4_0 on 4 chunks of the first half of the TinyStories
// text runs as a job without blocking the UI thread, is applied as one undo step (plan types =
// calibratedPlan, calibrated weights attached), evaluates through the Evaluate panel to exactly core's
// CalibEvaluator PPL on the second half, exports with every calibrated value read back unchanged, and
// undo drops plan and weights. Cancel leaves nothing applied; W8A8 results refuse GGUF export.

#include "common/event_loop_gap.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/job_runner.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/runs_model.h"
#include "plan/calibration_box.h"
#include "plan/plan_calibration.h"
#include "plan/plan_document.h"
#include "plan/plan_export.h"
#include "plan/scheme_panel.h"

#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "calib/calib_run.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUndoStack>
#include "plan/plan_error_service.h"
#include "common/core_round_trip.h"
#include "stats/error_metrics.h"
#include "quant/dequantize.h"
#include <QCheckBox>
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace qx;

class TestCalibrationBox : public QObject {
    Q_OBJECT

    std::string m_modelPath;
    std::shared_ptr<const ModelFile> m_model;
    QString m_calibPath, m_evalPath, m_dir;
    std::string m_evalText;
    std::string m_calibText;

    void setUpBox(ui::CalibrationBox& box, const QString& method, const QString& grid, int chunks)
    {
        QVERIFY(box.selectMethod(method));
        QVERIFY(box.selectGrid(grid));
        box.setTextFile(m_calibPath);
        box.setChunks(chunks);
        box.setContext(128);
        box.setEvaluationTextProvider([this] { return m_evalPath; });
    }

    /// Runs the box and waits; returns the UI thread's worst gap in ms (-1 on timeout).
    static test::Responsiveness runAndWait(ui::CalibrationBox& box, bool* completed)
    {
        QSignalSpy finished(&box, &ui::CalibrationBox::finished);
        box.run();
        const test::Responsiveness r = test::respondsWhileRunning([&] { return finished.count() > 0; }, 60000);
        *completed = !finished.isEmpty() && finished.first().first().toBool();
        return r;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/calib")).removeRecursively();
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        m_modelPath = model;
        m_model = openModel(model);
        std::ifstream in(text);
        std::ostringstream all;
        all << in.rdbuf();
        const auto [calib, eval] = splitCalibEval(all.str(), 0.5);
        m_evalText = eval;
        m_calibText = calib;
        m_dir = QString::fromStdString(test::scratchDir("calibration_box"));
        m_calibPath = m_dir + QStringLiteral("/calib.txt");
        m_evalPath = m_dir + QStringLiteral("/eval.txt");
        std::ofstream(m_calibPath.toStdString(), std::ios::binary) << calib;
        std::ofstream(m_evalPath.toStdString(), std::ios::binary) << eval;
    }

    void gptqRunApplyEvaluateExportUndo()
    {
        if (!m_model)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        ui::PlanDocument doc;
        doc.setModel(m_model, QString::fromStdString(m_modelPath));
        const Plan stored = doc.plan();
        ui::CalibrationBox box(&doc);
        setUpBox(box, QStringLiteral("gptq"), QStringLiteral("Q4_0"), 4);
        bool completed = false;
        const test::Responsiveness ui = runAndWait(box, &completed);
        QVERIFY2(completed, qPrintable(box.statusText()));
        qInfo("GPTQ Q4_0 run: %d UI events handled while it ran, longest gap %lld ms (information); %s",
              ui.eventsWhileRunning, static_cast<long long>(ui.worstGapMs), qPrintable(box.statusText()));
        QVERIFY2(ui.eventsWhileRunning >= test::kEventsWhileRunning, qPrintable(QString::number(ui.eventsWhileRunning)));
        QVERIFY(!box.lastCaptureCached());
        QCOMPARE(box.overlapText(), QStringLiteral("Calibration and evaluation texts share no line."));
        QCOMPARE(box.resultLabel(), QStringLiteral("GPTQ Q4_0 (calibrated on calib.txt, 4 chunks)"));
        const auto result = box.result();
        // 5 layers × 6 (ffn_down: 172 columns do not fit Q4_0), held as Q4_0 blocks.
        QCOMPARE(result->packed.size(), size_t(30));
        QVERIFY(result->values.empty());
        Substitutions values;
        for (const auto& [name, p] : result->packed)
            values.emplace(name, p.unpack());
        QCOMPARE(box.notes().size(), 36);   // one per layer, ffn_down's misfits, and which capture was used
        QVERIFY(box.notes().first().startsWith(QStringLiteral("sequential: each block's Hessians")));
        // The box runs block-sequential GPTQ on the streamed engine, as `qexplore-cli quantize` does.
        CalibRequest cli;
        cli.method = "gptq";
        cli.grid = "Q4_0";
        cli.nCtx = 128;
        cli.chunks = 4;
        cli.calibText = m_calibText;
        const CalibResult streamed = runStreamedGptq(
            m_model, Tokenizer::fromGguf(*m_model).encode(m_calibText, true), chunkBosToken(*m_model), cli, true);
        QVERIFY(streamed.values == values);

        QVERIFY(box.applyToPlan());
        QCOMPARE(doc.undoStack()->count(), 1);
        const Plan expected = calibratedPlan(*m_model, values, TensorType::Q4_0);
        QCOMPARE(doc.plan().entries.size(), expected.entries.size());
        for (size_t i = 0; i < expected.entries.size(); ++i)
            QCOMPARE(doc.plan().entries[i].type, expected.entries[i].type);
        QCOMPARE(doc.plan().find("blk.0.attn_q.weight")->reason, std::string("GPTQ Q4_0 (calibrated on calib.txt, 4 chunks)"));
        QVERIFY(doc.calibration() && doc.calibration()->tensors.size() == 30);

        // Evaluate: the panel uses the attached weights; PPL equals core's CalibEvaluator on the same tokens.
        ui::EvaluatePanel panel;
        panel.setModel(m_model);
        panel.setPlanProvider([&doc] { return doc.plan(); });
        panel.setCalibrationProvider([&doc] { return doc.calibration(); });
        panel.setTextFile(m_evalPath);
        panel.setContext(128, 4);
        QSignalSpy evaluated(&panel, &ui::EvaluatePanel::evaluated);
        panel.evaluate();
        QVERIFY(evaluated.wait(60000));
        const ui::EvalRun& run = panel.runsModel()->runs().back();
        QCOMPARE(run.label, QStringLiteral("GPTQ Q4_0"));
        auto weights = LlamaWeights::fromModel(m_model);
        const CalibEvaluator reference(weights, Tokenizer::fromGguf(*m_model).encode(m_evalText, true), 128, 4,
                                       chunkBosToken(*m_model));
        const EvalScore direct = reference.evaluate(withSubstitutions(*weights, values));
        qInfo("GPTQ Q4_0: Evaluate panel PPL %.6f KLD %.6f; CalibEvaluator PPL %.6f KLD %.6f", run.eval.ppl,
              run.eval.kldMean, direct.ppl, direct.kldMean);
        QCOMPARE(run.eval.ppl, direct.ppl);
        QCOMPARE(run.eval.kldMean, direct.kldMean);

        // Export: every calibrated tensor reads back as the evaluated values.
        ui::JobRunner runner;
        ui::PlanExport exporter(&doc, &runner, nullptr);
        QVERIFY(exporter.calibrationBlocker().isEmpty());
        const QString out = m_dir + QStringLiteral("/gptq-q4_0.gguf");
        QFile::remove(out);
        QSignalSpy exported(&exporter, &ui::PlanExport::finished);
        exporter.exportTo(out);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().at(0).value<ui::JobOutcome>(), ui::JobOutcome::Completed);
        QCOMPARE(maxExportDeviation(out.toStdString(), values), 0.0);
        QCOMPARE(openModel(out.toStdString())->findTensor("blk.0.attn_q.weight")->type, TensorType::Q4_0);

        // GPTQ streams from the file and keeps nothing; the methods that capture activations keep the
        // capture: a second imatrix run reads it from the cache. Then GPTQ again for the rest of the test.
        QVERIFY(box.selectMethod(QStringLiteral("imatrix")));
        QVERIFY(runAndWait(box, &completed).eventsWhileRunning >= 0 && completed);
        QVERIFY(!box.lastCaptureCached());
        QVERIFY(runAndWait(box, &completed).eventsWhileRunning >= 0 && completed);
        QVERIFY(box.lastCaptureCached());
        QVERIFY(box.selectMethod(QStringLiteral("gptq")));
        QVERIFY(runAndWait(box, &completed).eventsWhileRunning >= 0 && completed);
        QVERIFY(!box.lastCaptureCached() && box.result()->packed == result->packed);

        // Changing one tensor's type drops its calibrated values only (GPTQ is per tensor).
        doc.setType({QStringLiteral("blk.0.attn_q.weight")}, TensorType::Q8_0);
        QVERIFY(doc.calibration() && doc.calibration()->tensors.size() == 29);
        QVERIFY(!doc.calibration()->packed()->count("blk.0.attn_q.weight"));
        doc.undoStack()->undo();
        QCOMPARE(doc.calibration()->tensors.size(), size_t(30));
        doc.undoStack()->undo();
        QCOMPARE(doc.plan(), stored);
        QVERIFY(!doc.calibration());

        // On a Q4_K_M plan, Apply changes the calibrated tensors only: token_embd, output and the other
        // tensors keep the preset's types, so the file does not grow. "Others as stored" resets them too.
        doc.applyPreset(Preset::Q4_K_M);
        const Plan preset = doc.plan();
        const uint64_t presetBytes = doc.totals().fileBytes;
        QVERIFY(box.applyToPlan());
        int calibrated = 0;
        for (const PlanEntry& e : doc.plan().entries) {
            if (values.count(e.tensor)) {
                QCOMPARE(e.type, TensorType::Q4_0);
                QCOMPARE(doc.calibrationMethodOf(e.tensor), QStringLiteral("GPTQ"));
                ++calibrated;
            } else {
                QCOMPARE(e.type, preset.find(e.tensor)->type);
                QVERIFY(doc.calibrationMethodOf(e.tensor).isEmpty());
            }
        }
        QCOMPARE(calibrated, 30);
        QVERIFY(doc.totals().fileBytes <= presetBytes);   // Q4_0 in place of Q4_K/Q5_0/Q6_K: never larger
        QCOMPARE(doc.describe(), QStringLiteral("Q4_K_M + GPTQ"));
        // The tree's errors are those of the GPTQ weights, not of a plain Q4_0 round trip.
        ui::PlanErrorService errors;
        errors.setDocument(&doc);
        QSignalSpy idle(&errors, &ui::PlanErrorService::idle);
        QVERIFY(idle.wait(60000));
        const TensorInfo& q = *m_model->findTensor("blk.0.attn_q.weight");
        const int qIndex = static_cast<int>(&q - m_model->tensors.data());
        const std::vector<float> original = dequantizeTensor(q);
        ErrorOptions bins;
        bins.histogramBins = 1;
        const TensorError gptq = compareTensors(original, values.at(q.name), bins);
        QVERIFY(errors.errorOf(qIndex) && errors.errorOf(qIndex)->calibrated);
        QCOMPARE(errors.errorOf(qIndex)->sqnrDb, gptq.sqnrDb);
        const TensorError rtn = compareTensors(original, test::coreRoundTrip(TensorType::Q4_0, original, q.rowLength()), bins);
        QVERIFY(errors.errorOf(qIndex)->sqnrDb != rtn.sqnrDb);
        errors.setDocument(nullptr);
        doc.undoStack()->undo();
        QCOMPARE(doc.plan(), preset);
        box.findChild<QCheckBox*>()->setChecked(true);
        QVERIFY(box.applyToPlan());
        QCOMPARE(doc.plan().find("token_embd.weight")->type, m_model->findTensor("token_embd.weight")->type);
        QVERIFY(doc.totals().fileBytes > presetBytes);
        box.findChild<QCheckBox*>()->setChecked(false);
    }

    void cancelLeavesNothingApplied()
    {
        if (!m_model)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        ui::PlanDocument doc;
        doc.setModel(m_model, QString::fromStdString(m_modelPath));
        const Plan stored = doc.plan();
        ui::CalibrationBox box(&doc);
        setUpBox(box, QStringLiteral("gptq-act"), QStringLiteral("Q4_1"), 24);  // not cached: a fresh capture
        QSignalSpy progress(box.jobRunner(), &ui::JobRunner::progressChanged);
        QSignalSpy finished(&box, &ui::CalibrationBox::finished);
        box.run();
        QVERIFY(progress.wait(30000));
        box.cancel();
        QVERIFY(finished.count() > 0 || finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!box.result());
        QVERIFY(!box.applyToPlan());
        QCOMPARE(doc.plan(), stored);
        QVERIFY(!doc.calibration());
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(box.statusText().contains(QStringLiteral("cancelled")));
    }

    void w8a8EvaluatesButDoesNotExport()
    {
        if (!m_model)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        ui::PlanDocument doc;
        doc.setModel(m_model, QString::fromStdString(m_modelPath));
        ui::CalibrationBox box(&doc);
        setUpBox(box, QStringLiteral("smoothquant"), QStringLiteral("Q4_0"), 4);
        bool completed = false;
        QVERIFY(runAndWait(box, &completed).eventsWhileRunning >= 0 && completed);
        QVERIFY(box.result()->w8a8);
        QVERIFY(box.applyToPlan());
        QCOMPARE(box.result()->packed.size(), size_t(35));                        // int8 rows of 5 × 7 layers
        QCOMPARE(box.result()->values.size(), size_t(10));                        // and the folded norms
        QCOMPARE(doc.calibration()->tensors.size(), size_t(45));
        QCOMPARE(doc.calibration()->values().get(), &box.result()->values);       // shared, not copied
        QCOMPARE(doc.calibration()->packed().get(), &box.result()->packed);
        QCOMPARE(doc.plan().find("blk.0.attn_q.weight")->type, TensorType::Q8_0);
        QCOMPARE(doc.plan().find("blk.0.ffn_down.weight")->type, TensorType::F16);  // 172 columns: no Q8_0 block
        ui::JobRunner runner;
        ui::PlanExport exporter(&doc, &runner, nullptr);
        QVERIFY(exporter.calibrationBlocker().contains(QStringLiteral("W8A8")));
        // SmoothQuant's folded norms tie every tensor together: changing one type drops the whole result.
        doc.setType({QStringLiteral("blk.0.attn_q.weight")}, TensorType::Q4_0);
        QVERIFY(!doc.calibration());
        QVERIFY(exporter.calibrationBlocker().isEmpty());
    }

    void awqRunsStreamedFromTheFile()
    {
        if (!m_model)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        ui::PlanDocument doc;
        doc.setModel(m_model, QString::fromStdString(m_modelPath));
        ui::CalibrationBox box(&doc);
        setUpBox(box, QStringLiteral("awq-noclip"), QStringLiteral("Q4_0"), 4);
        bool completed = false;
        runAndWait(box, &completed);
        QVERIFY2(completed, qPrintable(box.statusText()));
        QVERIFY(!box.lastCaptureCached());
        QCOMPARE(box.resultLabel(), QStringLiteral("AWQ no-clip Q4_0 (calibrated on calib.txt, 4 chunks)"));
        const auto result = box.result();
        // Per block q, k, v, output, gate, up and the two folded norms; ffn_up → ffn_down is skipped (ffn_down's
        // 172 columns do not fit Q4_0), so its three groups each leave a note.
        QCOMPARE(result->values.size(), size_t(40));
        QCOMPARE(box.notes().size(), 15);
        CalibRequest cli;
        cli.method = "awq-noclip";
        cli.grid = "Q4_0";
        cli.nCtx = 128;
        cli.chunks = 4;
        const CalibResult streamed =
            runStreamedAwq(m_model, Tokenizer::fromGguf(*m_model).encode(m_calibText, true), chunkBosToken(*m_model), cli);
        QVERIFY(streamed.values == result->values);
        QVERIFY(streamed.exportValues == result->exportValues);
    }

    void screenshot()
    {
        if (!m_model)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        ui::PlanDocument doc;
        doc.setModel(m_model, QString::fromStdString(m_modelPath));
        ui::SchemePanel panel(&doc);
        ui::CalibrationBox& box = *panel.calibrationBox();
        setUpBox(box, QStringLiteral("awq"), QStringLiteral("Q4_0"), 4);
        bool completed = false;
        QVERIFY(runAndWait(box, &completed).eventsWhileRunning >= 0 && completed);
        panel.resize(420, 1300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString png = m_dir + QStringLiteral("/calibration_box.png");
        QVERIFY(box.parentWidget()->grab().save(png));
        qInfo("screenshot: %s", qPrintable(png));
        panel.calibrationBox()->jobRunner()->waitForIdle();
        panel.jobRunner()->cancel();
        panel.jobRunner()->waitForIdle();
    }
};

QX_TEST_MAIN(TestCalibrationBox)
#include "tst_calibration_box.moc"
