// W8A8: the oneDNN s8×s8→s32 linear layer against its scalar twin (bit-exact), the quantization rules, the
// forward pass against the fake-quantized (calib/int8_matmul) equivalent, and stories260K's perplexity with
// dynamic and static int8 activations next to F32.
#include "calib/int8_matmul.h"
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/tiny_llama.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/dnnl_int8_linear.h"
#include "model/dnnl_linear.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "model/w8a8_calibration.h"

#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace qx;

namespace {

std::vector<float> gaussian(size_t n, uint32_t seed, float scale = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = g(rng);
    return v;
}

double maxRelError(const std::vector<float>& a, const std::vector<float>& b)
{
    double err = 0, scale = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        err = std::max(err, std::fabs(double(a[i]) - b[i]));
        scale = std::max(scale, std::fabs(double(b[i])));
    }
    return err / scale;
}

std::shared_ptr<LlamaWeights> tinyWeights(const std::string& arch)
{
    auto m = qx::test::makeTiny(arch, false, 3);
    return LlamaWeights::fromTensors(m.spec, m.tensors, m.shapes);
}

PerplexityResult ppl(const std::shared_ptr<const LlamaWeights>& w, const std::vector<int32_t>& tokens, ForwardOptions fo)
{
    LlamaForward fwd(w, fo);
    PerplexityOptions opt;
    opt.nCtx = 128;
    opt.maxChunks = 40;
    opt.bosToken = 1;
    return computePerplexity(fwd, tokens, opt);
}

} // namespace

class TestW8A8 : public QObject {
    Q_OBJECT
private slots:
    void quantizationRules()
    {
        const std::vector<float> x = {-2.54f, 1.27f, 0.005f, 0.015f, 2.54f, -0.0f};
        std::vector<int8_t> codes(6);
        float step = 0;
        quantizeRowsInt8(x.data(), 1, 6, codes.data(), &step);
        QCOMPARE(step, 2.54f / 127.0f);
        QCOMPARE(codes, (std::vector<int8_t>{-127, 64, 0, 1, 127, 0})); // 63.5 and 0.75 round away from zero
        quantizeInt8WithStep(x.data(), 6, 0.01f, codes.data());         // static: beyond ±127 steps clamps
        QCOMPARE(codes, (std::vector<int8_t>{-127, 127, 1, 2, 127, 0}));
        quantizeInt8WithStep(x.data(), 6, 0.0f, codes.data());
        QCOMPARE(codes, std::vector<int8_t>(6, 0));
    }

    void kernelMatchesRef_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("perRow");
        QTest::addColumn<bool>("bias");
        QTest::newRow("dynamic") << 37 << 96 << 53 << true << false;
        QTest::newRow("dynamic bias") << 64 << 256 << 128 << true << true;
        QTest::newRow("static") << 17 << 100 << 33 << false << false;
        QTest::newRow("one row") << 1 << 2816 << 1024 << true << true;
    }
    void kernelMatchesRef()
    {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(bool, perRow);
        QFETCH(bool, bias);
        const auto x = gaussian(size_t(m * k), 1, 2.0f), wf = gaussian(size_t(n * k), 2, 0.1f), b = gaussian(size_t(n), 3);
        const WeightView wv{wf.data(), k, n}, bv = bias ? WeightView{b.data(), n, 1} : WeightView{};
        const Int8Matrix w = quantizeRowsInt8(wv);
        std::vector<int8_t> xq(size_t(m * k));
        std::vector<float> steps(static_cast<size_t>(m));
        if (perRow) {
            quantizeRowsInt8(x.data(), m, k, xq.data(), steps.data());
        } else {
            steps.assign(1, 6.0f / 127.0f);
            quantizeInt8WithStep(x.data(), m * k, steps[0], xq.data());
        }
        std::vector<float> fast(size_t(m * n)), ref(fast.size()), f32(fast.size());
        DnnlInt8Linear(2).apply(xq.data(), steps, m, w, bv, fast.data());
        int8LinearRef(xq.data(), steps, m, w, bv, ref.data());
        QCOMPARE(fast, ref); // exact int32 products, identical dequantization
        linearRef(x.data(), m, wv, bv, f32.data());
        const double err = maxRelError(fast, f32);
        qInfo("int8 vs f32 linear: max error %.4f of the largest output", err);
        QVERIFY(err < (perRow ? 0.02 : 0.05)); // static: a step of 6/127 clamps the 3-sigma tail
        QVERIFY_THROWS_EXCEPTION(Error, int8LinearRef(xq.data(), std::span(steps).first(0), m, w, bv, ref.data()));
    }

    void forwardEqualsFakeQuant_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::newRow("llama") << "llama";
        QTest::newRow("qwen2 bias") << "qwen2";
    }
    void forwardEqualsFakeQuant()
    {
        QFETCH(QString, arch);
        auto w = tinyWeights(arch.toStdString());
        std::vector<int32_t> tokens(24);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = int32_t((i * 7 + 3) % 40);
        ForwardOptions fo;
        fo.threads = 2;
        fo.activationQuant = ActivationQuant::DynamicInt8;
        const auto real = LlamaForward(w, fo).forward(tokens, 12);
        // The same arithmetic in float: fake-quantized weights and per-token fake-quantized inputs.
        auto fake = std::make_shared<LlamaWeights>(*w);
        for (auto& [name, values] : int8Weights(*w))
            fake->substitute(name, std::move(values));
        LlamaForward fakeFwd(fake, ForwardOptions{2, true});
        fakeFwd.setActivationTransform(int8ActivationTransform(nullptr));
        const auto expected = fakeFwd.forward(tokens, 12);
        const double err = maxRelError(real, expected);
        qInfo("int8 forward vs fake quantization: max relative difference %.2e", err);
        QVERIFY(err < 1e-4);
        const auto f32 = LlamaForward(w, ForwardOptions{2, true}).forward(tokens, 12);
        QVERIFY(maxRelError(real, f32) > 1e-4); // really quantized
    }

    void staticNeedsSteps()
    {
        auto w = tinyWeights("llama");
        ForwardOptions fo;
        fo.activationQuant = ActivationQuant::StaticInt8;
        QVERIFY_THROWS_EXCEPTION(Error, LlamaForward(w, fo));
        LlamaForward plain(w, ForwardOptions{2, true});
        std::vector<int32_t> tokens(32, 5);
        Int8InputSteps steps = calibrateInt8InputSteps(plain, tokens, 16, 1);
        QCOMPARE(int(steps.size()), 2 * 7);
        steps.erase("blk.1.ffn_down.weight");
        fo.staticInputSteps = std::make_shared<const Int8InputSteps>(steps);
        try {
            LlamaForward bad(w, fo);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("blk.1.ffn_down.weight") != std::string::npos, e.what());
        }
        fo.activationQuant = ActivationQuant::DynamicInt8;
        fo.emulateActivationQuantization = true;
        QVERIFY_THROWS_EXCEPTION(Error, LlamaForward(w, fo));
    }

    void stories260KPerplexity()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        auto model = openModel(modelPath);
        std::ifstream in(textPath);
        std::stringstream text;
        text << in.rdbuf();
        const std::vector<int32_t> tokens = Tokenizer::fromGguf(*model).encode(text.str(), true);
        QVERIFY(tokens.size() >= 48 * 128);
        std::shared_ptr<const LlamaWeights> w = LlamaWeights::fromModel(model);
        const double f32 = ppl(w, tokens, ForwardOptions{2, true}).ppl;
        ForwardOptions fo{2, true};
        fo.activationQuant = ActivationQuant::DynamicInt8;
        const double dynamic = ppl(w, tokens, fo).ppl;
        // Static steps from 8 held-out chunks after the 40 evaluated ones.
        LlamaForward plain(w, ForwardOptions{2, true});
        const auto held = std::span(tokens).subspan(40 * 128);
        fo.activationQuant = ActivationQuant::StaticInt8;
        fo.staticInputSteps = std::make_shared<const Int8InputSteps>(calibrateInt8InputSteps(plain, held, 128, 8, 1));
        const double stat = ppl(w, tokens, fo).ppl;
        qInfo("stories260K c128 x40: F32 %.4f, W8A8 dynamic %.4f (%+.2f%%), W8A8 static %.4f (%+.2f%%)", f32, dynamic,
              100 * (dynamic / f32 - 1), stat, 100 * (stat / f32 - 1));
        QVERIFY(std::fabs(f32 - 3.7549) < 0.0005);
        QVERIFY(std::fabs(dynamic / f32 - 1) < 0.02);
        QVERIFY(std::fabs(stat / f32 - 1) < 0.05);
    }
};

QX_TEST_APPLESS_MAIN(TestW8A8)
#include "tst_w8a8.moc"
