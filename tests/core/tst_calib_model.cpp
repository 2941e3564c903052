// Calibrated quantization of stories260K: calibration on the first half of the TinyStories text,
// evaluation on the second half (ctx 128), scored against the F32 model.
#include "calib/calib_methods.h"
#include "calib/calib_run.h"
#include "calib/int8_matmul.h"
#include "common/error.h"
#include "common/test_main.h"
#include "core/calib_fixture.h"
#include "common/test_data.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <algorithm>


using namespace qx;

class TestCalibModel : public QObject {
    Q_OBJECT

    CalibFixture m_fx;

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        m_fx.load(modelPath, textPath, 24, 32);
        QCOMPARE(m_fx.overlap, 0.0);
        QCOMPARE(m_fx.calib.size(), size_t(35));
        QCOMPARE(m_fx.calib.at("blk.0.attn_q.weight").samples, int64_t(32 * 128));
    }

    void gptqBeatsRtnOnKld()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        for (const char* scheme : {"int4-g32", "int3-g32"}) {
            const QuantGrid g = parseGrid(scheme);
            GptqOptions o;
            o.grid = g;
            const EvalScore rtn = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, rtnModel(*m_fx.weights, g)));
            const EvalScore gptq = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, gptqModel(*m_fx.weights, m_fx.calib, o)));
            qInfo("%s: KLD RTN %.5f GPTQ %.5f, PPL RTN %.4f GPTQ %.4f (F32 %.4f)", scheme, rtn.kldMean, gptq.kldMean,
                  rtn.ppl, gptq.ppl, m_fx.eval->baselinePpl());
            QVERIFY(gptq.kldMean < 0.85 * rtn.kldMean);
        }
    }

    void gptqQ4_0ExportsThroughQuantizeRows()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        GptqOptions o;
        o.grid = parseGrid("Q4_0");
        const Substitutions s = gptqModel(*m_fx.weights, m_fx.calib, o);
        QCOMPARE(s.size(), size_t(30)); // ffn_down rows (172) do not fit 32-blocks
        for (const auto& [name, w] : s) {
            const int64_t cols = m_fx.weights->tensor(name).cols;
            std::vector<std::byte> packed(*tensorBytes(TensorType::Q4_0, w.size()));
            quantizeRows(TensorType::Q4_0, w, cols, packed);
            std::vector<float> back(w.size());
            dequantizeRow(TensorType::Q4_0, packed, back);
            QVERIFY2(back == w, name.c_str());
        }
    }

    void smoothQuantAndLlmInt8()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        const EvalScore naive = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, int8Weights(*m_fx.weights)),
                                                 int8ActivationTransform(nullptr));
        auto smooth = withSubstitutions(*m_fx.weights, smoothQuantFold(*m_fx.weights, m_fx.calib, 0.5));
        const EvalScore sq = m_fx.eval->evaluate(withSubstitutions(*smooth, int8Weights(*smooth)),
                                              int8ActivationTransform(nullptr));
        qInfo("W8A8 KLD naive %.6f SmoothQuant %.6f", naive.kldMean, sq.kldMean);
        QVERIFY(naive.kldMean > 0.0 && naive.kldMean < 0.05);
        QVERIFY(sq.kldMean < 0.05);
        // LLM.int8 between its two ends, each checked on its own: no outlier column is the naive W8A8 model
        // (the same KLD), every column an outlier is the F32 model (KLD 0); at the threshold of 6 it keeps
        // the float columns and cannot lose to naive W8A8.
        const auto llmInt8 = [&](float threshold, size_t* columns) {
            auto keep = std::make_shared<const ColumnMasks>(outlierColumns(m_fx.calib, threshold));
            *columns = 0;
            for (const auto& [name, mask] : *keep)
                *columns += size_t(std::count(mask.begin(), mask.end(), uint8_t(1)));
            return m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, int8Weights(*m_fx.weights, {}, *keep)),
                                       int8ActivationTransform(keep));
        };
        size_t none = 0, all = 0, outliers = 0;
        const EvalScore noOutliers = llmInt8(1e30f, &none);
        const EvalScore allOutliers = llmInt8(1e-30f, &all);
        const EvalScore atSix = llmInt8(6.0f, &outliers);
        qInfo("LLM.int8 KLD: threshold 6 %.6f (%zu outlier columns), none %.6f, all %.3g (%zu columns)", atSix.kldMean,
              outliers, noOutliers.kldMean, allOutliers.kldMean, all);
        QCOMPARE(none, size_t(0));
        QCOMPARE(noOutliers.kldMean, naive.kldMean);
        QVERIFY(allOutliers.kldMean < 1e-9);
        QCOMPARE(allOutliers.ppl, m_fx.eval->baselinePpl());
        QVERIFY(outliers > 0 && outliers < all);
        QVERIFY(atSix.kldMean < naive.kldMean);
    }

    // AWQ's per-group loss cannot exceed RTN's (its search includes scale 1, which is RTN), so that check
    // proves nothing about the model; this one measures the model: AWQ's KLD against the F32 model is
    // below RTN's on the same grid by at least a tenth.
    void awqBeatsRtnOnKld()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        for (const char* grid : {"int4-g32", "int3-g32"}) {
            CalibRequest r;
            r.grid = grid;
            r.method = "rtn";
            const EvalScore rtn = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights,
                                                                        runCalibration(*m_fx.weights, m_fx.calib, r).values));
            r.method = "awq";
            const EvalScore awq = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights,
                                                                        runCalibration(*m_fx.weights, m_fx.calib, r).values));
            qInfo("%s: KLD RTN %.5f AWQ %.5f, PPL RTN %.4f AWQ %.4f", grid, rtn.kldMean, awq.kldMean, rtn.ppl, awq.ppl);
            QVERIFY(awq.kldMean < 0.9 * rtn.kldMean);   // measured 0.83x (int4-g32) and 0.74x (int3-g32)
        }
    }
};

QX_TEST_APPLESS_MAIN(TestCalibModel)
#include "tst_calib_model.moc"
