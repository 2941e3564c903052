// A calibration run (calib_run.h) evaluated through evaluatePlan with its calibrated values: on synth-d256
// (rows of 256, so K-quants fit) a GPTQ Q4_K result gives exactly CalibEvaluator's PPL and KLD on the same
// tokens, an RTN result exactly the plain plan's evaluation, and SmoothQuant W8A8 (activation transform)
// exactly CalibEvaluator's W8A8 score. Bad input throws and the capture cache is hit the second time.
#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "calib/calib_run.h"
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "eval/perplexity.h"
#include "eval/plan_eval.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace qx;

class TestCalibRun : public QObject {
    Q_OBJECT

    std::shared_ptr<const ModelFile> m_model;
    std::shared_ptr<const LlamaWeights> m_weights;
    std::unique_ptr<CalibEvaluator> m_eval;
    std::vector<int32_t> m_evalTokens, m_calibTokens;
    std::shared_ptr<const CalibData> m_calib;
    CalibRequest m_request;
    std::string m_dir;

    static constexpr int64_t kCtx = 128, kChunks = 4;

    PlanEvaluation evaluate(const Plan& plan, const CalibResult* r)
    {
        PlanEvalOptions o;
        o.nCtx = kCtx;
        o.chunks = kChunks;
        if (r) {
            o.substitutions = std::make_shared<const Substitutions>(r->values);
            o.activationTransform = r->transform;
        }
        return evaluatePlan(m_model, plan, m_evalTokens, o);
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        std::ifstream in(textPath);
        std::ostringstream text;
        text << in.rdbuf();
        const auto [calib, eval] = splitCalibEval(text.str(), 0.5);
        m_model = openModel(modelPath);
        m_weights = LlamaWeights::fromModel(m_model);
        const Tokenizer tok = openTokenizer(modelPath);
        m_evalTokens = tok.encode(eval, true);
        m_calibTokens = tok.encode(calib, true);
        m_eval = std::make_unique<CalibEvaluator>(m_weights, m_evalTokens, kCtx, kChunks, chunkBosToken(*m_model));
        m_dir = (std::filesystem::temp_directory_path() / ("qx-calib-run-" + std::to_string(::getpid()))).string();
        m_request.calibText = calib;
        m_request.chunks = 6;
        m_request.cacheDir = m_dir;
        CalibCache memory;
        const CaptureOutcome first = captureCached(m_weights, modelPath, m_calibTokens, m_request,
                                                   chunkBosToken(*m_model), {}, &memory);
        QVERIFY(!first.fromMemory && !first.fromDisk && std::filesystem::exists(first.cachePath));
        const CaptureOutcome again = captureCached(m_weights, modelPath, m_calibTokens, m_request,
                                                   chunkBosToken(*m_model), {}, &memory);
        QVERIFY(again.fromMemory && again.data == first.data);
        const CaptureOutcome disk = captureCached(m_weights, modelPath, m_calibTokens, m_request,
                                                  chunkBosToken(*m_model), {}, nullptr);
        QVERIFY(disk.fromDisk);
        QCOMPARE(disk.data->at("blk.0.attn_q.weight").hessian, first.data->at("blk.0.attn_q.weight").hessian);
        m_calib = first.data;
    }

    void cleanupTestCase()
    {
        std::error_code ec;
        if (!m_dir.empty())
            std::filesystem::remove_all(m_dir, ec);
    }

    void gptqThroughEvaluatePlanEqualsCalibEvaluator()
    {
        if (!m_eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        CalibRequest req = m_request;
        req.method = "gptq";
        req.grid = "Q4_K";
        const CalibResult r = runCalibration(*m_weights, *m_calib, req);
        QCOMPARE(r.label, std::string("GPTQ Q4_K"));
        QCOMPARE(r.values.size(), size_t(28));
        QVERIFY(r.exportable() && !r.coupled());
        QCOMPARE(r.notes.size(), size_t(28));
        const auto some = resultValues(r, {"blk.0.attn_q.weight", "not.a.tensor"});
        QVERIFY(some->size() == 1 && some->at("blk.0.attn_q.weight") == r.values.at("blk.0.attn_q.weight"));
        const Plan plan = calibratedPlan(*m_model, r.values, r.grid.type);
        QCOMPARE(calibResultPlan(*m_model, r, "GPTQ").entries.size(), plan.entries.size());
        QCOMPARE(calibResultPlan(*m_model, r, "GPTQ").find("blk.0.attn_q.weight")->reason, std::string("GPTQ"));
        const PlanEvaluation viaPlan = evaluate(plan, &r);
        const EvalScore direct = m_eval->evaluate(withSubstitutions(*m_weights, r.values));
        qInfo("GPTQ Q4_K: evaluatePlan PPL %.6f KLD %.6f; CalibEvaluator PPL %.6f KLD %.6f", viaPlan.ppl,
              viaPlan.kldMean, direct.ppl, direct.kldMean);
        QCOMPARE(viaPlan.ppl, direct.ppl);
        QCOMPARE(viaPlan.kldMean, direct.kldMean);
        // Without the calibrated values the same plan is plain RTN Q4_K: a different (worse) figure.
        const PlanEvaluation plain = evaluate(plan, nullptr);
        QVERIFY(plain.kldMean > viaPlan.kldMean);
    }

    void rtnThroughEvaluatePlanEqualsThePlainPlan()
    {
        if (!m_eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        for (const char* grid : {"Q4_K", "Q4_0"}) {
            CalibRequest req = m_request;
            req.grid = grid;
            const CalibResult r = runCalibration(*m_weights, *m_calib, req);
            const Plan plan = calibratedPlan(*m_model, r.values, r.grid.type);
            const PlanEvaluation a = evaluate(plan, &r), b = evaluate(plan, nullptr);
            QCOMPARE(a.ppl, b.ppl);
            QCOMPARE(a.kldMean, b.kldMean);
            QCOMPARE(a.fileBytes, b.fileBytes);
        }
    }

    void smoothQuantW8A8ThroughEvaluatePlan()
    {
        if (!m_eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        CalibRequest req = m_request;
        req.method = "smoothquant";
        const CalibResult r = runCalibration(*m_weights, *m_calib, req);
        QVERIFY(r.w8a8 && !r.exportable() && r.coupled() && r.transform && r.exportValues.empty());
        QCOMPARE(r.label, std::string("SmoothQuant W8A8"));
        const PlanEvaluation viaPlan = evaluate(calibratedPlan(*m_model, r.values, TensorType::Q8_0), &r);
        const EvalScore direct = m_eval->evaluate(withSubstitutions(*m_weights, r.values), r.transform);
        QCOMPARE(viaPlan.ppl, direct.ppl);
        QCOMPARE(viaPlan.kldMean, direct.kldMean);
    }

    void badInput()
    {
        if (!m_eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        CalibRequest req = m_request;
        req.method = "gptq";
        req.grid = "Q4_K";
        QVERIFY_THROWS_EXCEPTION(Error, runCalibration(*m_weights, CalibData{}, req));
        CalibData partial = *m_calib;
        partial.erase("blk.1.ffn_up.weight");
        try {
            runCalibration(*m_weights, partial, req);
            QFAIL("no error for a missing layer");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Invalid);
            QVERIFY(std::string(e.what()).find("blk.1.ffn_up.weight") != std::string::npos);
        }
        CalibData nan = *m_calib;
        nan.at("blk.0.attn_q.weight").meanAbs[3] = std::nanf("");
        QVERIFY_THROWS_EXCEPTION(Error, runCalibration(*m_weights, nan, req));
        req.method = "nope";
        QVERIFY_THROWS_EXCEPTION(Error, runCalibration(*m_weights, *m_calib, req));
        req.method = "gptq";
        req.dampPercent = -1.0;
        QVERIFY_THROWS_EXCEPTION(Error, runCalibration(*m_weights, *m_calib, req));
        req = m_request;
        req.calibText = "too short";
        const std::vector<int32_t> few(20, 1);
        QVERIFY_THROWS_EXCEPTION(Error, captureCached(m_weights, m_model->path, few, req, 1));
        QCOMPARE(runCalibration(*m_weights, *m_calib, CalibRequest{}).label, std::string("RTN int4-g32"));
        bool cancelled = false;
        req = m_request;
        req.method = "gptq";
        req.grid = "Q4_0";
        try {
            runCalibration(*m_weights, *m_calib, req, [](double f) { return f < 0.3; });
        } catch (const Error& e) {
            cancelled = e.code() == ErrorCode::Cancelled;
        }
        QVERIFY(cancelled);
    }
};

QX_TEST_APPLESS_MAIN(TestCalibRun)
#include "tst_calib_run.moc"
