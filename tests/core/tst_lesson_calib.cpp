// The Learn lab's calibration lessons in core: captured activations, dynamic vs static int8, GPTQ one
// column at a time equal to core gptqQuantize, LLM.int8 and SmoothQuant figures.
#include "common/test_data.h"
#include "common/test_main.h"

#include "calib/awq.h"
#include "calib/calib_capture.h"
#include "calib/gptq.h"
#include "calib/int8_matmul.h"
#include "io/model_file.h"
#include "learn/lesson_calib.h"
#include "stats/error_metrics.h"

#include <QTest>

#include <cmath>

using namespace qx;
using namespace qx::learn;

class TestLessonCalib : public QObject {
    Q_OBJECT
    ActivationSet m_set;

private slots:
    void initTestCase();
    void dynamicStatic();
    void gptqStepper();
    void outliers();
    void relativeThreshold();
    void smoothQuant();
};

void TestLessonCalib::initTestCase()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    m_set = captureActivations(openModel(path), 48);
    QCOMPARE(m_set.calibTokens, int64_t{48});
    QCOMPARE(static_cast<int64_t>(m_set.pieces.size()), int64_t{96});
    const ActivationMatrix& q = m_set.inputs.at("blk.0.attn_q.weight");
    QCOMPARE(q.rows, int64_t{96});
    QCOMPARE(q.cols, int64_t{64});
    QCOMPARE(m_set.inputs.at("blk.0.ffn_down.weight").cols, int64_t{172});
}

void TestLessonCalib::dynamicStatic()
{
    const ActivationMatrix& a = m_set.inputs.at("blk.0.ffn_down.weight");
    const ActQuantComparison c = dynamicVsStatic(a, m_set.calibTokens);
    std::vector<float> eval(a.x.begin() + m_set.calibTokens * a.cols, a.x.end()), dyn = eval;
    fakeQuantRowsInt8(dyn.data(), a.rows - m_set.calibTokens, a.cols);
    QCOMPARE(c.mseDynamic, compareTensors(eval, dyn).mse);
    QVERIFY(c.mseDynamic < c.mseStatic);
    qInfo("dynamic %g dB static %g dB clipped %lld", c.sqnrDynamic, c.sqnrStatic, static_cast<long long>(c.clipped));
}

void TestLessonCalib::gptqStepper()
{
    const ActivationMatrix& a = m_set.inputs.at("blk.0.attn_q.weight");
    const WeightView w = m_set.weights->tensor("blk.0.attn_q.weight");
    const std::vector<float> slice = weightSlice(w, 0, 0, 16, 32);
    const std::vector<double> h = sliceHessian(a, 0, 32);
    QuantGrid grid = parseGrid("int3-g32");
    GptqStepper s(slice, 16, 32, h, grid);
    QVERIFY(s.step());
    QCOMPARE(s.done(), int64_t{1});
    s.runToEnd();
    QVERIFY(!s.step());
    GptqOptions o;
    o.grid = grid;
    o.blockSize = 32;
    const GptqResult ref = gptqQuantize(slice, 16, 32, h, o);
    const std::vector<float> q = s.current();
    for (size_t i = 0; i < q.size(); ++i)
        QVERIFY(std::fabs(q[i] - ref.weights[i]) < 1e-6f);
    const double eG = outputError(slice, q, 16, 32, a), eR = outputError(slice, s.rtn(), 16, 32, a);
    QVERIFY(eG < eR);
    qInfo("||WX-QX|| gptq %g rtn %g", eG, eR);
}

void TestLessonCalib::outliers()
{
    const ActivationMatrix& a = m_set.inputs.at("blk.0.ffn_down.weight");
    const OutlierChannels o = outlierChannels(a, 2.0f);
    const WeightView w = m_set.weights->tensor("blk.0.ffn_down.weight");
    const Int8Decomposition d = llmInt8Decomposition(a, w, 2.0f);
    std::vector<int64_t> cols;
    llmInt8Matmul(a.x.data(), a.rows, a.cols, w, 2.0f, &cols);
    QCOMPARE(d.floatColumns, cols);
    QCOMPARE(d.floatColumns, o.channels);
    qInfo("outliers %zu int8 %g llm %g", o.channels.size(), d.relErrInt8, d.relErrLlmInt8);
    const SalientChannels s = salientChannels(a, w, 0.01, parseGrid("int3-g32"));
    qInfo("salient none %g act %g weight %g", s.errNone, s.errKeepActivation, s.errKeepWeight);
}

void TestLessonCalib::relativeThreshold()
{
    // Channel maxima 1, 2, 3, 4, 100 (signs and the other token do not matter): median 3, so 2 × gives 6 and
    // flags channel 4 alone; without the last channel the median is (2 + 3) / 2.
    ActivationMatrix a{2, 5, {1.0f, -2.0f, 3.0f, 0.5f, -100.0f, -0.5f, 1.0f, -1.0f, -4.0f, 7.0f}};
    QCOMPARE(relativeOutlierThreshold(a, 2.0), 6.0f);
    QCOMPARE(outlierChannels(a, relativeOutlierThreshold(a, 2.0)).channels, std::vector<int64_t>{4});
    ActivationMatrix even{1, 4, {1.0f, -2.0f, 3.0f, 4.0f}};
    QCOMPARE(relativeOutlierThreshold(even, 1.0), 2.5f);
    QCOMPARE(relativeOutlierThreshold(ActivationMatrix{}, 6.0), 0.0f);
}

void TestLessonCalib::smoothQuant()
{
    const ActivationMatrix& a = m_set.inputs.at("blk.0.attn_q.weight");
    std::vector<WeightView> group;
    for (const char* n : {"blk.0.attn_q.weight", "blk.0.attn_k.weight", "blk.0.attn_v.weight"})
        group.push_back(m_set.weights->tensor(n));
    const SmoothQuantDemo d = smoothQuantDemo(a, group, 0.5);
    // Core smoothQuantFold with the same max|X| folds exactly these scales into the weights.
    CalibData calib;
    for (const auto& [name, m] : m_set.inputs) {
        CalibCapture c(false);
        c.collect(name, m.x.data(), m.rows, m.cols);
        calib[name] = c.finish().at(name);
    }
    const Substitutions f = smoothQuantFold(*m_set.weights, calib, 0.5);
    const std::vector<float>& wq = f.at("blk.0.attn_q.weight");
    for (int64_t c = 0; c < a.cols; ++c)
        QCOMPARE(wq[static_cast<size_t>(c)], group[0].data[c] * d.scales[static_cast<size_t>(c)]);
    qInfo("w8a8 before %g after %g", d.relErrBefore, d.relErrAfter);
}

QX_TEST_APPLESS_MAIN(TestLessonCalib)
#include "tst_lesson_calib.moc"
