// evaluatePlan on stories260K: a pure-F32 plan reproduces llama-perplexity's reference figure with a KLD
// of (almost) zero; quantized plans give a positive KLD; the baseline is computed once and then cached.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/text_tokens.h"
#include "eval/plan_eval.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "plan/sensitivity.h"
#include "export/scheme_choice_gguf.h"

#include <QtTest/QtTest>

using namespace qx;

using test::tokensOf;

class TestPlanEval : public QObject {
    Q_OBJECT
private slots:
    void f32PlanMatchesReference()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        clearPlanEvalCache();
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = tokensOf(*model, textPath);
        PlanEvalOptions opt;
        opt.nCtx = 128;
        opt.chunks = 40;
        const Plan plan = planPreset(*model, Preset::F32);
        const PlanEvaluation e = evaluatePlan(model, plan, tokens, opt);
        QCOMPARE(e.nChunk, int64_t(40));
        QCOMPARE(e.count, int64_t(40 * 63));
        QCOMPARE(QString::number(e.pplBase, 'f', 4), QStringLiteral("3.7549"));
        QCOMPARE(QString::number(e.pplBaseUnc, 'f', 5), QStringLiteral("0.13205"));
        QCOMPARE(QString::number(e.ppl, 'f', 4), QStringLiteral("3.7549"));
        QVERIFY2(std::abs(e.kldMean) < 1e-4, qPrintable(QString::number(e.kldMean)));
        QVERIFY(e.sameTop > 0.999);
        QCOMPARE(e.bitsPerWeight, 32.0);
        QVERIFY(!e.baselineCached);
        QCOMPARE(planEvalCacheSize(), size_t(1));
    }

    void quantizedPlansHavePositiveKld_data()
    {
        QTest::addColumn<int>("preset");
        QTest::newRow("Q8_0") << int(Preset::Q8_0);
        QTest::newRow("Q4_0") << int(Preset::Q4_0);
    }

    void quantizedPlansHavePositiveKld()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        QFETCH(int, preset);
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = tokensOf(*model, textPath);
        PlanEvalOptions opt;
        opt.nCtx = 128;
        opt.chunks = 40;
        const PlanEvaluation f32 = evaluatePlan(model, planPreset(*model, Preset::F32), tokens, opt);
        const PlanEvaluation e = evaluatePlan(model, planPreset(*model, Preset(preset)), tokens, opt);
        QVERIFY(e.baselineCached);
        QVERIFY2(e.kldMean > 10.0 * std::max(f32.kldMean, 1e-7), qPrintable(QString::number(e.kldMean)));
        QVERIFY(e.kldMax >= e.kld99 && e.kld99 >= e.kldMedian);
        QVERIFY(e.bitsPerWeight < 32.0);
        QCOMPARE(e.pplBase, f32.pplBase);
        QVERIFY(e.ppl > 1.0);
    }

    void cancelThrows()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = tokensOf(*model, textPath);
        PlanEvalOptions opt;
        opt.nCtx = 64;
        opt.chunks = 4;
        try {
            evaluatePlan(model, planPreset(*model, Preset::Q8_0), tokens, opt, [](double) { return false; });
            QFAIL("no cancel");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
    }

    // Tensors with a non-GGUF scheme are evaluated through that scheme's round trip, not through the nearest
    // GGUF type their entry holds: the same figures as substituting the round trips by hand.
    void schemesAreEvaluatedThroughTheirRoundTrip()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = tokensOf(*model, textPath);
        PlanEvalOptions opt;
        opt.nCtx = 128;
        opt.chunks = 8;
        UniformScheme int3;
        int3.bits = 3;
        int3.mode = UniformMode::Asymmetric;
        int3.granularity = Granularity::PerGroup;
        int3.groupSize = 64;
        Plan plan = planPreset(*model, Preset::F32);
        auto schemes = std::make_shared<SchemeChoices>();
        auto byHand = std::make_shared<std::map<std::string, std::vector<float>>>();
        uint64_t bytes = 0, params = 0;
        for (PlanEntry& e : plan.entries) {
            const TensorInfo& t = *model->findTensor(e.tensor);
            params += t.elementCount();
            if (e.tensor.rfind("blk.", 0) != 0 || t.rows() < 2 || !schemeChoiceFit(int3, t.rowLength()).fits) {
                bytes += 4 * t.elementCount();
                continue;
            }
            e.type = schemeChoiceFileType(int3, t.rowLength());
            schemes->emplace(e.tensor, int3);
            (*byHand)[e.tensor] = schemeRoundTrip(t, int3);
            bytes += schemeChoiceBytes(int3, t.rows(), t.rowLength());
        }
        QCOMPARE(schemes->size(), size_t(30));  // ffn_down's rows of 172 take no group of 64
        PlanEvalOptions withSchemes = opt, withValues = opt;
        withSchemes.schemes = schemes;
        withValues.substitutions = byHand;
        const PlanEvaluation a = evaluatePlan(model, plan, tokens, withSchemes);
        const PlanEvaluation b = evaluatePlan(model, plan, tokens, withValues);
        const PlanEvaluation nearest = evaluatePlan(model, plan, tokens, opt);
        QCOMPARE(a.ppl, b.ppl);
        QCOMPARE(a.kldMean, b.kldMean);
        QVERIFY2(a.kldMean > 0.01, qPrintable(QString::number(a.kldMean)));   // INT3 hurts
        QVERIFY(a.kldMean != nearest.kldMean);                                // not the Q3_K of the entries
        QCOMPARE(a.bitsPerWeight, 8.0 * double(bytes) / double(params));
        QVERIFY(a.bitsPerWeight < nearest.bitsPerWeight);
    }
};

QX_TEST_APPLESS_MAIN(TestPlanEval)
#include "tst_plan_eval.moc"
