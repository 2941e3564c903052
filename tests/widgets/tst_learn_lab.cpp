// The Learn lab's lessons on stories260K: the worked examples exactly, every displayed figure equal to
// the core result, and one PNG per lesson (test-scratch/learn/<id>.png) for looking at.
#include "common/test_data.h"
#include "common/test_main.h"

#include "calib/awq.h"
#include "calib/calib_capture.h"
#include "calib/gptq.h"
#include "calib/int8_matmul.h"
#include "common/half.h"
#include "common/job_runner.h"
#include "io/model_file.h"
#include "learn/bitnet_lesson.h"
#include "learn/iquants_lesson.h"
#include "learn/clipping_lesson.h"
#include "learn/dynamic_lesson.h"
#include "learn/gptq_lesson.h"
#include "learn/granularity_lesson.h"
#include "learn/kquants_lesson.h"
#include "learn/learn_lab.h"
#include "learn/lesson_calib.h"
#include "learn/nf4_lesson.h"
#include "learn/number_formats_lesson.h"
#include "learn/outliers_lesson.h"
#include "learn/qat_lesson.h"
#include "learn/symmetric_lesson.h"
#include "quant/dequantize.h"
#include "quant/float_formats.h"
#include "quant/quantize.h"
#include "stats/error_metrics.h"

#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>

#include <QElapsedTimer>

#include <cmath>
#include <cstring>

using namespace qx;
using namespace qx::ui;

namespace {

/// True when one of `w`'s labels shows `text` (rich text included).
bool labelContaining(const QWidget* w, const QString& text)
{
    for (const QLabel* label : w->findChildren<QLabel*>())
        if (label->text().contains(text))
            return true;
    return false;
}

} // namespace

class TestLearnLab : public QObject {
    Q_OBJECT
    std::unique_ptr<LearnLab> m_lab;
    std::vector<float> m_values;
    const std::vector<float>& values() const { return m_lab->lessons().front()->data()->values; }

private slots:
    void initTestCase();
    void listsLessons();
    void workedExamples();
    void numberFormats();
    void clipping();
    void granularity();
    void kQuantBlock();
    void nf4();
    void bitnet();
    void iquants();
    void dynamicStatic();
    void gptqSteps();
    void outliers();
    void outliersOfFfnDown();
    void outliersOnDemoModel();
    void qatCancel();
    void qatLive();
    void openTensor();
    void sampleWithoutModel();
    void screenshots();
};

void TestLearnLab::initTestCase()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    m_lab = std::make_unique<LearnLab>();
    m_lab->resize(1200, 900);
    m_lab->setModel(openModel(path));
    QVERIFY(m_lab->showLesson(QStringLiteral("formats"), QStringLiteral("blk.0.ffn_up.weight")));
    QCOMPARE(m_lab->currentTensor(), QStringLiteral("blk.0.ffn_up.weight"));
    QVERIFY(!m_lab->lessons().front()->data()->isSample);
    m_lab->activationJob()->waitForIdle();
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->lesson(QStringLiteral("gptq"))->activations() != nullptr, 20000);
}

void TestLearnLab::listsLessons()
{
    QStringList ids;
    for (Lesson* l : m_lab->lessons())
        ids << l->lessonId();
    QCOMPARE(ids, (QStringList{QStringLiteral("formats"), QStringLiteral("symmetric"), QStringLiteral("clipping"),
                               QStringLiteral("granularity"), QStringLiteral("dynamic"), QStringLiteral("gptq"),
                               QStringLiteral("kquants"), QStringLiteral("outliers"), QStringLiteral("nf4"),
                               QStringLiteral("qat"), QStringLiteral("bitnet"), QStringLiteral("iquants")}));
    QVERIFY(!m_lab->showLesson(QStringLiteral("awq")));
}

void TestLearnLab::workedExamples()
{
    // The classic numbers: with absmax 10.8, 3.08 and 3.02 share the 8-bit code 36; 5.0 and 0 do not pair.
    const std::vector<float> classic{10.8f, 3.08f, 3.02f, -5.0f, 0.0f, 5.0f};
    QCOMPARE(learn::sameCodePair(classic, -10.8f, 10.8f, 8, UniformMode::SymmetricRestricted),
             std::optional(std::make_pair(3.08f, 3.02f)));
    QVERIFY(!learn::sameCodePair(std::vector<float>{1.0f, 2.0f}, -2.0f, 2.0f, 8, UniformMode::SymmetricRestricted));
    // The worked examples follow the tensor: its absmax and range set the steps, the pair shown shares a code.
    auto* l = qobject_cast<SymmetricLesson*>(m_lab->lesson(QStringLiteral("symmetric")));
    const auto [mn, mx] = std::minmax_element(values().begin(), values().end());
    const float absMax = std::max(std::fabs(*mn), std::fabs(*mx));
    QCOMPARE(l->symmetricExample().step, absMax / 127.0f);
    const auto pair = learn::sameCodePair(values(), -absMax, absMax, 8, UniformMode::SymmetricRestricted);
    QVERIFY(pair && pair->first > pair->second);
    QVERIFY(std::find(values().begin(), values().end(), pair->first) != values().end());
    QVERIFY(std::find(values().begin(), values().end(), pair->second) != values().end());
    QCOMPARE(l->symmetricExample().codes.size(), size_t(2));
    QCOMPARE(l->symmetricExample().codes[0], l->symmetricExample().codes[1]);
    QCOMPARE(l->symmetricExample().codes[0], int(std::lround(pair->first / (absMax / 127.0f))));
    const auto& a = l->asymmetricExample();
    QCOMPARE(a.step, (*mx - *mn) / 255.0f);
    QCOMPARE(a.zeroPoint, int(std::lround(-*mn / a.step)));
    QCOMPARE(a.codes.front(), 0);
    QCOMPARE(a.codes[1], a.zeroPoint);
    QCOMPARE(a.recon[1], 0.0f);
    QCOMPARE(a.codes.back(), 255);
    l->setBits(4);
    std::vector<float> recon(values().size());
    UniformScheme s;
    s.bits = 4;
    s.granularity = Granularity::PerTensor;
    fakeQuantUniform(values(), recon, static_cast<int64_t>(recon.size()), s);
    QCOMPARE(l->sqnrSymmetric(), compareTensors(values(), recon).sqnrDb);
}

void TestLearnLab::numberFormats()
{
    auto* l = qobject_cast<NumberFormatsLesson*>(m_lab->lesson(QStringLiteral("formats")));
    const float x = values().front();
    QCOMPARE(l->encodings()[0].decoded, static_cast<double>(x));
    QCOMPARE(l->encodings()[1].decoded, static_cast<double>(roundToFp16(x)));
    QCOMPARE(l->encodings()[2].code, static_cast<uint32_t>(fp32ToBf16(x)));
    QCOMPARE(l->encodings()[3].decoded, static_cast<double>(roundToMiniFloat(x, kFp8E4M3)));
    l->setValue(3.08f);
    QCOMPARE(l->encodings()[3].code, 0x44u); // E4M3: 3.08 -> 0 1000 100 = 1.5 × 2^1 = 3.0
    QCOMPARE(l->encodings()[3].decoded, 3.0);
    QCOMPARE(l->encodings()[0].code, std::bit_cast<uint32_t>(3.08f));
    QCOMPARE(l->ranges()[1].maxValue, 65504.0);
    QCOMPARE(l->ranges()[3].maxValue, 448.0);
    QCOMPARE(l->ranges()[4].maxValue, 57344.0);
    QCOMPARE(l->ranges()[1].spacingAtValue, 1.0 / 512);  // FP16 in [2, 4): 2 · 2^-10
    QCOMPARE(l->ranges()[3].spacingAtValue, 0.25);       // E4M3 in [2, 4): 2 · 2^-3
    QCOMPARE(l->ranges()[3].minPositive, 1.0 / 512);     // E4M3 smallest subnormal 2^-9
    l->setBillions(70.0);
    QCOMPARE(l->memoryBytes()[0], 280'000'000'000ULL);
    QCOMPARE(l->memoryBytes()[1], 140'000'000'000ULL);
    QCOMPARE(l->memoryBytes()[6], 35'000'000'000ULL);
}

void TestLearnLab::clipping()
{
    auto* l = qobject_cast<ClippingLesson*>(m_lab->lesson(QStringLiteral("clipping")));
    QCOMPARE(l->curve().size(), size_t{96});
    QCOMPARE(l->curve().front().ratio, 1.0);
    std::vector<float> recon(values().size());
    UniformScheme s;
    s.bits = l->bits();
    s.granularity = Granularity::PerTensor;
    fakeQuantUniform(values(), recon, static_cast<int64_t>(recon.size()), s);
    QVERIFY(std::fabs(l->curve().front().mse / compareTensors(values(), recon).mse - 1.0) < 1e-5);
    QCOMPARE(l->choices().size(), size_t{3});
    for (const auto& c : l->choices())
        QVERIFY(c.ratio > 0.0 && c.ratio <= 1.0 + 1e-6);
    // MSE search never loses to plain absmax, and the outlier always coarsens the grid.
    QVERIFY(l->choices()[1].mse <= l->curve().front().mse);
    QVERIFY(l->outlier().stepOutlier > 9.0 * l->outlier().stepClean);
    QVERIFY(l->outlier().levelsOutlier < l->outlier().levelsClean);
}

void TestLearnLab::granularity()
{
    auto* l = qobject_cast<GranularityLesson*>(m_lab->lesson(QStringLiteral("granularity")));
    const int64_t rowLength = l->data()->rowLength;
    QCOMPARE(rowLength, int64_t{64});
    QCOMPARE(l->rows().size(), size_t{5});
    for (size_t i = 0; i < l->rows().size(); ++i) {
        const auto& r = l->rows()[i];
        QCOMPARE(r.valid, r.granularity != Granularity::PerGroup || rowLength % r.groupSize == 0);
        if (!r.valid)
            continue;
        UniformScheme s;
        s.bits = l->bits();
        s.granularity = r.granularity;
        s.groupSize = r.groupSize > 0 ? r.groupSize : 128;
        s.scaleFormat = ScaleFormat::F16;
        std::vector<float> recon(values().size());
        fakeQuantUniform(values(), recon, rowLength, s);
        QCOMPARE(r.sqnrDb, compareTensors(values(), recon).sqnrDb);
        const int64_t rows = static_cast<int64_t>(values().size()) / rowLength;
        QCOMPARE(r.bitsPerWeight, uniformBitsPerWeight(s, rows, rowLength));
        QCOMPARE(l->findChild<QTableWidget*>(QStringLiteral("granularityTable"))->item(static_cast<int>(i), 1)->text(), num(r.sqnrDb, 4));
    }
    QCOMPARE(l->rows()[4].bitsPerWeight, 4.5); // g32 with FP16 scales
}

void TestLearnLab::kQuantBlock()
{
    auto* l = qobject_cast<KQuantsLesson*>(m_lab->lesson(QStringLiteral("kquants")));
    l->setBlock(3);
    const std::span<const float> x = std::span<const float>(values()).subspan(3 * 256, 256);
    ggml::BlockQ4_K b4{};
    quantizeRows(TensorType::Q4_K, x, 256, std::as_writable_bytes(std::span(&b4, 1)));
    QCOMPARE(std::memcmp(&b4, &l->q4k().block, sizeof b4), 0);
    std::vector<float> ref(256);
    dequantizeRow(TensorType::Q4_K, std::as_bytes(std::span(&b4, 1)), ref);
    for (size_t i = 0; i < 256; ++i)
        QCOMPARE(l->q4k().recon[i], ref[i]);
    QCOMPARE(l->q4k().d, fp16ToFp32(b4.d));
    ggml::BlockQ6_K b6{};
    quantizeRows(TensorType::Q6_K, x, 256, std::as_writable_bytes(std::span(&b6, 1)));
    QCOMPARE(std::memcmp(&b6, &l->q6k().block, sizeof b6), 0);
    dequantizeRow(TensorType::Q6_K, std::as_bytes(std::span(&b6, 1)), ref);
    for (size_t i = 0; i < 256; ++i)
        QCOMPARE(l->q6k().recon[i], ref[i]);
    QVERIFY(l->q6k().sqnrDb > l->q4k().sqnrDb);
}

void TestLearnLab::nf4()
{
    auto* l = qobject_cast<Nf4Lesson*>(m_lab->lesson(QStringLiteral("nf4")));
    std::vector<float> recon(values().size());
    fakeQuantNf4(values(), recon, Nf4Scheme{64, false, 256});
    QCOMPARE(l->result().sqnrNf4, compareTensors(values(), recon).sqnrDb);
    QCOMPARE(l->result().bitsNf4, 4.5);
    QCOMPARE(l->result().bitsNf4Dq, nf4BitsPerWeight(Nf4Scheme{64, true, 256}, values().size()));
    QVERIFY(l->result().bitsNf4Dq > 4.127 && l->result().bitsNf4Dq < l->result().bitsNf4);
    QCOMPARE(l->result().nf4[7], 0.0f);
}

void TestLearnLab::bitnet()
{
    auto* l = qobject_cast<BitNetLesson*>(m_lab->lesson(QStringLiteral("bitnet")));
    const auto& r = l->result();
    double sum = 0;
    for (float v : values())
        sum += std::fabs(v);
    QCOMPARE(r.gamma, static_cast<float>(sum / static_cast<double>(values().size())));
    QCOMPARE(r.minus + r.zero + r.plus, static_cast<uint64_t>(values().size()));
    QCOMPARE(r.sqnrDb, compareTensors(values(), r.recon).sqnrDb);
    const auto& d = l->dot();
    QCOMPARE(d.additions + d.subtractions + d.skipped, 64);
}

void TestLearnLab::iquants()
{
    // The lab's tensor blk.0.ffn_up.weight (64 × 172) read as rows of 256: 43 whole blocks.
    auto* l = qobject_cast<IquantsLesson*>(m_lab->lesson(QStringLiteral("iquants")));
    const auto& r = l->result();
    QCOMPARE(r.blocks, int64_t(43));
    const std::span<const float> v = std::span<const float>(values()).first(43 * 256);
    const std::vector<float> ones(256, 1.0f);
    for (const learn::IquantFigure& f : r.figures) {
        std::vector<std::byte> bytes(*tensorBytes(f.type, v.size()));
        quantizeRowsRef(f.type, v, 256, bytes, ones);
        std::vector<float> back(v.size());
        dequantizeRowRef(f.type, bytes, back);
        QCOMPARE(f.bitsPerWeight, 8.0 * double(bytes.size()) / double(v.size()));
        QCOMPARE(f.sqnrDb, compareTensors(std::vector<float>(v.begin(), v.end()), back).sqnrDb);
        if (f.type == TensorType::IQ2_XXS) {
            QCOMPARE(f.bitsPerWeight, 2.0625);
            QVERIFY(f.codebookRowsUsed > 1 && f.codebookRowsUsed <= 256);
            for (int group : {0, 5, 31}) {   // each group decoded by hand equals the engine's dequantization
                l->setGroup(group);
                for (int j = 0; j < 8; ++j)
                    QCOMPARE(r.group.decoded[size_t(j)], back[size_t(8 * group + j)]);
                QCOMPARE(r.group.original[0], v[size_t(8 * group)]);
            }
        }
        if (f.type == TensorType::TQ1_0) {
            QCOMPARE(r.ternary.stored, uint8_t(bytes[0]));
            QCOMPARE(int(r.ternary.stored), (r.ternary.base3 * 256 + 242) / 243);
            for (int i = 0; i < 5; ++i)
                QCOMPARE(float(r.ternary.trits[size_t(i)]) * r.ternary.scale, back[size_t(32 * i)]);
        }
    }
    l->setGroup(0);
}

void TestLearnLab::dynamicStatic()
{
    auto* l = qobject_cast<DynamicLesson*>(m_lab->lesson(QStringLiteral("dynamic")));
    QCOMPARE(l->layer(), std::string("blk.0.ffn_up.weight")); // the lab's tensor reads a captured input
    const learn::ActivationSet& set = *l->activations();
    const learn::ActivationMatrix& a = set.inputs.at(l->layer());
    QCOMPARE(a.cols, int64_t{64});
    QCOMPARE(a.rows, 2 * set.calibTokens);
    std::vector<float> eval(a.x.begin() + set.calibTokens * a.cols, a.x.end()), dyn = eval;
    fakeQuantRowsInt8(dyn.data(), a.rows - set.calibTokens, a.cols);
    QCOMPARE(l->result().mseDynamic, compareTensors(eval, dyn).mse);
    float calibMax = 0;
    for (int64_t i = 0; i < set.calibTokens * a.cols; ++i)
        calibMax = std::max(calibMax, std::fabs(a.x[static_cast<size_t>(i)]));
    QCOMPARE(l->result().staticAbsMax, calibMax);
    QCOMPARE(l->result().mseStatic, compareTensors(eval, learn::fakeQuantFixedInt8(eval, calibMax)).mse);
    QVERIFY(l->result().sqnrDynamic > l->result().sqnrStatic);
    qInfo("dynamic %.3f dB, static %.3f dB", l->result().sqnrDynamic, l->result().sqnrStatic);
}

void TestLearnLab::gptqSteps()
{
    auto* l = qobject_cast<GptqLesson*>(m_lab->lesson(QStringLiteral("gptq")));
    QCOMPARE(l->layer(), std::string("blk.0.ffn_up.weight"));
    l->setBits(3);
    QCOMPARE(l->stepper()->done(), int64_t{0});
    l->step();
    l->step();
    QCOMPARE(l->stepper()->done(), int64_t{2});
    QCOMPARE(l->errorGptq(), 0.0);
    l->run();
    QCOMPARE(l->stepper()->done(), int64_t{GptqLesson::kCols});
    const learn::ActivationSet& set = *l->activations();
    const learn::ActivationMatrix& x = set.inputs.at(l->layer());
    const std::vector<float> w = learn::weightSlice(set.weights->tensor(l->layer()), 0, 0, 16, 32);
    GptqOptions o;
    o.grid = l->grid();
    o.blockSize = 32;
    const GptqResult ref = gptqQuantize(w, 16, 32, learn::sliceHessian(x, 0, 32), o);
    const std::vector<float> q = l->stepper()->current();
    for (size_t i = 0; i < q.size(); ++i)
        QVERIFY(std::fabs(q[i] - ref.weights[i]) <= 1e-6f);
    const double eGptq = learn::outputError(w, ref.weights, 16, 32, x);
    QVERIFY(std::fabs(l->errorGptq() / eGptq - 1.0) < 1e-5);
    QCOMPARE(l->errorRtn(), learn::outputError(w, fakeQuantGrid(o.grid, w, 32), 16, 32, x));
    QVERIFY(l->errorGptq() < l->errorRtn());
    QVERIFY(ref.lossGptq < ref.lossRtn);
    qInfo("||WX-QX||: GPTQ %.4f, RTN %.4f", l->errorGptq(), l->errorRtn());
    l->reset();
    QCOMPARE(l->stepper()->done(), int64_t{0});
}

void TestLearnLab::outliers()
{
    auto* l = qobject_cast<OutliersLesson*>(m_lab->lesson(QStringLiteral("outliers")));
    QCOMPARE(l->layer(), std::string("blk.0.ffn_up.weight"));
    QCOMPARE(l->group(), (std::vector<std::string>{"blk.0.ffn_up.weight", "blk.0.ffn_gate.weight"}));
    const learn::ActivationSet& set = *l->activations();
    const learn::ActivationMatrix& a = set.inputs.at(l->layer());
    const WeightView w = set.weights->tensor(l->layer());
    // The default threshold, a multiple of the median channel's max |x|, flags a handful of the 64 channels:
    // those LLM.int8 keeps in float, and the number the text gives.
    // ffn_up reads the normalized residual: at the default threshold (a multiple of the median channel's max
    // |x|) no channel stands out, and the text says so.
    l->setThresholdMultiple(OutliersLesson::kDefaultMultiple);
    QCOMPARE(l->threshold(), learn::relativeOutlierThreshold(a, OutliersLesson::kDefaultMultiple));
    QVERIFY(l->outliers().channels.empty());
    QVERIFY(labelContaining(l, QStringLiteral("No channel of this layer stands out that far")));
    // A low multiple flags some: exactly the columns LLM.int8 keeps in float, and the number the text gives.
    l->setThresholdMultiple(1.2);
    std::vector<int64_t> cols;
    llmInt8Matmul(a.x.data(), a.rows, a.cols, w, l->threshold(), &cols);
    QVERIFY(!cols.empty());
    QCOMPARE(l->decomposition().floatColumns, cols);
    QCOMPARE(l->outliers().channels, cols);
    QVERIFY(labelContaining(l, QStringLiteral("%1 of 64 channels hold such a value").arg(cols.size())));
    QVERIFY(l->decomposition().relErrLlmInt8 < l->decomposition().relErrInt8);
    qInfo("threshold %.3f: %zu outlier channels, int8 %.4f, LLM.int8 %.4f", l->threshold(), cols.size(),
          l->decomposition().relErrInt8, l->decomposition().relErrLlmInt8);
    QVERIFY(l->salient().errKeepActivation < l->salient().errNone);
    // SmoothQuant scales: the formula, and exactly what core smoothQuantFold folds into ffn_up.
    l->setAlpha(0.5);
    const auto& sq = l->smooth();
    const WeightView gate = set.weights->tensor("blk.0.ffn_gate.weight");
    CalibData calib;
    for (const auto& [name, m] : set.inputs) {
        CalibCapture c(false);
        c.collect(name, m.x.data(), m.rows, m.cols);
        calib[name] = c.finish().at(name);
    }
    const Substitutions folded = smoothQuantFold(*set.weights, calib, 0.5);
    for (int64_t j = 0; j < a.cols; ++j) {
        float xMax = 0, wMax = 0;
        for (int64_t t = 0; t < a.rows; ++t)
            xMax = std::max(xMax, std::fabs(a.at(t, j)));
        for (int64_t r = 0; r < w.rows; ++r)
            wMax = std::max({wMax, std::fabs(w.data[r * w.cols + j]), std::fabs(gate.data[r * gate.cols + j])});
        const auto s = static_cast<float>(std::sqrt(static_cast<double>(xMax)) / std::sqrt(static_cast<double>(wMax)));
        QVERIFY(std::fabs(sq.scales[static_cast<size_t>(j)] / s - 1.0f) < 1e-6f);
        QCOMPARE(folded.at("blk.0.ffn_up.weight")[static_cast<size_t>(j)], w.data[j] * sq.scales[static_cast<size_t>(j)]);
        QVERIFY(std::fabs(sq.xMaxAfter[static_cast<size_t>(j)] - sq.wMaxAfter[static_cast<size_t>(j)])
                <= 1e-4f * sq.xMaxAfter[static_cast<size_t>(j)]); // α = 0.5 balances the two
    }
    qInfo("W8A8 relative error before %.5f, after SmoothQuant %.5f", sq.relErrBefore, sq.relErrAfter);
    // The SmoothQuant charts show the channels the text names (outliers, salient ones), then the largest.
    const std::vector<int64_t>& shown = l->chartChannels();
    QVERIFY(std::is_sorted(shown.begin(), shown.end()));
    QVERIFY(!shown.empty() && shown.size() <= size_t(OutliersLesson::kChartChannels));
    const auto isShown = [&](int64_t c) { return std::find(shown.begin(), shown.end(), c) != shown.end(); };
    // The named channels in the text's order (outliers, salient by activation, by weight), then the largest
    // max|X_j|: the first kChartChannels distinct ones of that list are the ones shown.
    std::vector<int64_t> named(l->outliers().channels.begin(), l->outliers().channels.end());
    named.insert(named.end(), l->salient().byActivation.begin(), l->salient().byActivation.end());
    named.insert(named.end(), l->salient().byWeight.begin(), l->salient().byWeight.end());
    named.push_back(std::max_element(sq.xMax.begin(), sq.xMax.end()) - sq.xMax.begin());
    std::vector<int64_t> expected;
    for (int64_t c : named)
        if (expected.size() < size_t(OutliersLesson::kChartChannels)
            && std::find(expected.begin(), expected.end(), c) == expected.end())
            expected.push_back(c);
    for (int64_t c : expected)
        QVERIFY2(isShown(c), qPrintable(QString::number(c)));
    QVERIFY(isShown(l->outliers().channels.front()));
    l->setThresholdMultiple(OutliersLesson::kDefaultMultiple);
}

void TestLearnLab::outliersOfFfnDown()
{
    // ffn_down reads SwiGLU's product, where a few channels stand out: the default threshold flags 3 of 172.
    QVERIFY(m_lab->showLesson(QStringLiteral("outliers"), QStringLiteral("blk.0.ffn_down.weight")));
    auto* l = qobject_cast<OutliersLesson*>(m_lab->lesson(QStringLiteral("outliers")));
    QCOMPARE(l->layer(), std::string("blk.0.ffn_down.weight"));
    const learn::ActivationMatrix& a = l->activations()->inputs.at(l->layer());
    QCOMPARE(l->outliers().channels,
             learn::outlierChannels(a, learn::relativeOutlierThreshold(a, OutliersLesson::kDefaultMultiple)).channels);
    QCOMPARE(l->outliers().channels.size(), size_t(3));
    QVERIFY(labelContaining(l, QStringLiteral("3 of 172 channels hold such a value")));
    QVERIFY(m_lab->showLesson(QStringLiteral("outliers"), QStringLiteral("blk.0.ffn_up.weight")));
}

void TestLearnLab::outliersOnDemoModel()
{
    // On the demo model's blk.0.ffn_down (512 input channels) the lesson flags a handful of channels, not most.
    LearnLab lab;
    lab.resize(1200, 900);
    lab.setModel(openModel(QX_SOURCE_DIR "/resources/demo-model.gguf"));
    QVERIFY(lab.showLesson(QStringLiteral("outliers")));
    auto* l = qobject_cast<OutliersLesson*>(lab.lesson(QStringLiteral("outliers")));
    QTRY_VERIFY_WITH_TIMEOUT(l->activations() != nullptr && !l->layer().empty(), 60000);
    const learn::ActivationMatrix& a = l->activations()->inputs.at(l->layer());
    const size_t flagged = l->outliers().channels.size();
    QCOMPARE(flagged, size_t(9));   // 1.8 % of 512: a handful, as LLM.int8's threshold is meant
    QCOMPARE(l->outliers().channels,
             learn::outlierChannels(a, learn::relativeOutlierThreshold(a, OutliersLesson::kDefaultMultiple)).channels);
    QVERIFY(labelContaining(l, QStringLiteral("%1 of %2 channels hold such a value").arg(flagged).arg(a.cols)));
    for (int64_t c : l->outliers().channels)   // the SmoothQuant charts show every channel the text counts
        QVERIFY(std::find(l->chartChannels().begin(), l->chartChannels().end(), c) != l->chartChannels().end());
}

void TestLearnLab::qatLive()
{
    auto* l = qobject_cast<QatLesson*>(m_lab->lesson(QStringLiteral("qat")));
    learn::QatLessonOptions o;
    if (qEnvironmentVariableIsEmpty("QX_LEARN_FULL_QAT")) // the full 2/3/4-bit lesson on request only
        o.bits = {2};
    l->setOptions(o);
    QSignalSpy ended(l, &QatLesson::jobEnded);
    QElapsedTimer t;
    t.start();
    l->start();
    QVERIFY(ended.wait(300000));
    QCOMPARE(ended.front().front().value<JobOutcome>(), JobOutcome::Completed);
    qInfo("QAT lesson, INT2 only: %lld ms", static_cast<long long>(t.elapsed()));
    QCoreApplication::processEvents(); // the last queued step points
    QCOMPARE(l->pointsReceived(0), static_cast<int>(o.steps));
    const learn::QatRun& run = l->result()->runs.front();
    QCOMPARE(static_cast<int64_t>(run.curve.size()), o.steps);
    double first = 0, last = 0;
    for (int k = 0; k < 5; ++k) {
        first += run.curve[static_cast<size_t>(k)];
        last += run.curve[run.curve.size() - 1 - static_cast<size_t>(k)];
    }
    QVERIFY(last < first);
    QVERIFY(run.pplQat < run.pplPtq);
    QVERIFY(run.pplPtq > l->result()->pplFloat);
    qInfo("INT2: float %.4f, PTQ %.4f, QAT %.4f", l->result()->pplFloat, run.pplPtq, run.pplQat);
}

void TestLearnLab::qatCancel()
{
    auto* l = qobject_cast<QatLesson*>(m_lab->lesson(QStringLiteral("qat")));
    QVERIFY(l->trainedModelPath().isEmpty()); // stories260K was not trained by qexplore
    l->setTrainedModelPath(QStringLiteral(QX_SOURCE_DIR "/resources/demo-model.gguf"));
    QSignalSpy ended(l, &QatLesson::jobEnded);
    l->start();
    QTRY_VERIFY_WITH_TIMEOUT(l->pointsReceived(0) > 0, 120000);
    l->cancel();
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.front().front().value<JobOutcome>(), JobOutcome::Cancelled);
    QVERIFY(!l->result().has_value());
    QVERIFY(l->pointsReceived(0) < 20);
}

void TestLearnLab::openTensor()
{
    QVERIFY(m_lab->showLesson(QStringLiteral("gptq")));
    m_lab->openTensor(QStringLiteral("blk.1.attn_q.weight"));
    QCOMPARE(m_lab->currentTensor(), QStringLiteral("blk.1.attn_q.weight"));
    auto* l = qobject_cast<GptqLesson*>(m_lab->lesson(QStringLiteral("gptq")));
    QCOMPARE(l->layer(), std::string("blk.1.attn_q.weight"));
    QCOMPARE(m_lab->currentLessonId(), QStringLiteral("gptq"));
    QCOMPARE(l->data()->tensorName, QStringLiteral("blk.1.attn_q.weight"));
    m_lab->showLesson(QStringLiteral("formats"), QStringLiteral("blk.0.ffn_up.weight"));
}

void TestLearnLab::sampleWithoutModel()
{
    LearnLab lab;
    QVERIFY(lab.lessons().front()->data()->isSample);
    QCOMPARE(lab.lessons().front()->data()->values.size(), size_t{64 * 256});
    QVERIFY(lab.showLesson(QStringLiteral("kquants")));
}

void TestLearnLab::screenshots()
{
    const QString dir = QString::fromStdString(qx::test::scratchDir("learn"));
    QVERIFY(m_lab->showLesson(QStringLiteral("gptq")));
    QVERIFY(m_lab->grab().save(dir + QStringLiteral("/lab.png"))); // the list and the lesson as a user sees them
    for (Lesson* l : m_lab->lessons()) {
        QVERIFY(m_lab->showLesson(l->lessonId()));
        if (auto* g = qobject_cast<GptqLesson*>(l)) { // mid-way: quantized columns, fed-forward error
            g->reset();
            for (int k = 0; k < 12; ++k)
                g->step();
        }
        auto* scroll = qobject_cast<QScrollArea*>(l->parentWidget()->parentWidget());
        QVERIFY(scroll);
        scroll->setWidgetResizable(false); // render the whole page, not the scroll area's viewport
        l->layout()->activate();
        l->resize(1000, std::max(l->heightForWidth(1000), l->sizeHint().height()));
        l->layout()->activate();
        const QString file = dir + QLatin1Char('/') + l->lessonId() + QStringLiteral(".png");
        QVERIFY(l->grab().save(file));
        qInfo("%s", qPrintable(file));
    }
}

QX_TEST_MAIN(TestLearnLab)
#include "tst_learn_lab.moc"
