// The fast forward pass (oneDNN + threaded attention) against its scalar twin on random tiny models.
#include "common/error.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>

using namespace qx;

namespace {

struct TinyModel {
    ModelSpec spec;
    std::map<std::string, std::vector<float>> tensors;
    std::map<std::string, std::vector<int64_t>> shapes;
};

TinyModel makeTiny(const std::string& arch, bool tied, uint32_t seed)
{
    TinyModel m;
    m.spec.architecture = arch;
    m.spec.embeddingLength = 32;
    m.spec.blockCount = 2;
    m.spec.headCount = 4;
    m.spec.headCountKv = 2;
    m.spec.feedForwardLength = 48;
    m.spec.vocabSize = 40;
    m.spec.ropeFreqBase = arch == "qwen2" ? 1000000.0 : 10000.0;
    m.spec.rmsNormEps = 1e-6;
    std::mt19937 rng(seed);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    auto add = [&](const std::string& name, std::vector<int64_t> ne, float scale, float offset) {
        uint64_t count = 1;
        for (int64_t n : ne)
            count *= uint64_t(n);
        std::vector<float> values(count);
        for (float& v : values)
            v = offset + scale * gauss(rng);
        m.tensors[name] = std::move(values);
        m.shapes[name] = std::move(ne);
    };
    const int64_t d = 32, kv = 16, ff = 48, vocab = 40;
    add("token_embd.weight", {d, vocab}, 1.0f, 0.0f);
    add("output_norm.weight", {d}, 0.1f, 1.0f);
    if (!tied)
        add("output.weight", {d, vocab}, 0.3f, 0.0f);
    for (int l = 0; l < 2; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        add(p + "attn_norm.weight", {d}, 0.1f, 1.0f);
        add(p + "attn_q.weight", {d, d}, 0.3f, 0.0f);
        add(p + "attn_k.weight", {d, kv}, 0.3f, 0.0f);
        add(p + "attn_v.weight", {d, kv}, 0.3f, 0.0f);
        add(p + "attn_output.weight", {d, d}, 0.2f, 0.0f);
        if (arch == "qwen2") {
            add(p + "attn_q.bias", {d}, 0.2f, 0.0f);
            add(p + "attn_k.bias", {kv}, 0.2f, 0.0f);
            add(p + "attn_v.bias", {kv}, 0.2f, 0.0f);
        }
        add(p + "ffn_norm.weight", {d}, 0.1f, 1.0f);
        add(p + "ffn_gate.weight", {d, ff}, 0.3f, 0.0f);
        add(p + "ffn_up.weight", {d, ff}, 0.3f, 0.0f);
        add(p + "ffn_down.weight", {ff, d}, 0.2f, 0.0f);
    }
    return m;
}

std::shared_ptr<LlamaWeights> build(const TinyModel& m)
{
    return LlamaWeights::fromTensors(m.spec, m.tensors, m.shapes);
}

std::vector<int32_t> randomTokens(int n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<int32_t> t(static_cast<size_t>(n));
    for (auto& id : t)
        id = int32_t(rng() % 40);
    return t;
}

double maxRelativeError(const std::vector<float>& a, const std::vector<float>& b)
{
    double scale = 0.0, err = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        scale = std::max(scale, std::fabs(double(b[i])));
        err = std::max(err, std::fabs(double(a[i]) - double(b[i])));
    }
    return err / scale;
}

} // namespace

class TestLlamaForward : public QObject {
    Q_OBJECT
private slots:
    void fastEqualsRef_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("f16");
        QTest::addColumn<double>("ropeScale");
        QTest::newRow("llama") << "llama" << false << true << 1.0;
        QTest::newRow("llama-tied-f32kv") << "llama" << true << false << 1.0;
        QTest::newRow("llama-linear-rope") << "llama" << false << true << 4.0;
        QTest::newRow("qwen2-neox-bias") << "qwen2" << false << true << 1.0;
    }
    void fastEqualsRef()
    {
        QFETCH(QString, arch);
        QFETCH(bool, tied);
        QFETCH(bool, f16);
        QFETCH(double, ropeScale);
        TinyModel m = makeTiny(arch.toStdString(), tied, 7);
        if (ropeScale != 1.0) {
            m.spec.ropeScalingType = "linear";
            m.spec.ropeScalingFactor = ropeScale;
        }
        auto w = build(m);
        QCOMPARE(w->config().ropeNeox, arch == "qwen2");
        const auto tokens = randomTokens(24, 3);
        const auto ref = llamaForwardRef(*w, tokens, f16);
        LlamaForward fwd(w, {2, f16});
        const auto fast = fwd.forward(tokens, 24, 0);
        QCOMPARE(fast.size(), size_t(24 * 40));
        QVERIFY2(maxRelativeError(fast, ref) < 1e-4, qPrintable(QString::number(maxRelativeError(fast, ref))));
    }

    void batchedSequencesAndFirstOutput()
    {
        auto w = build(makeTiny("llama", false, 11));
        auto a = randomTokens(16, 1), b = randomTokens(16, 2);
        std::vector<int32_t> both = a;
        both.insert(both.end(), b.begin(), b.end());
        LlamaForward fwd(w, {1, true});
        const auto batched = fwd.forward(both, 16, 8);
        QCOMPARE(batched.size(), size_t(2 * 8 * 40));
        const auto refA = llamaForwardRef(*w, a), refB = llamaForwardRef(*w, b);
        std::vector<float> expect(refA.begin() + 8 * 40, refA.end());
        expect.insert(expect.end(), refB.begin() + 8 * 40, refB.end());
        QVERIFY(maxRelativeError(batched, expect) < 1e-4);
    }

    void substituteChangesOnlyTheCopy()
    {
        auto base = build(makeTiny("llama", false, 5));
        auto plan = std::make_shared<LlamaWeights>(*base);
        std::vector<float> zeros(size_t(48 * 32), 0.0f);
        plan->substitute("blk.1.ffn_down.weight", zeros);
        QCOMPARE(plan->tensor("blk.1.ffn_down.weight").data[0], 0.0f);
        QVERIFY(base->tensor("blk.1.ffn_down.weight").data[0] != 0.0f);
        QCOMPARE(plan->ownedBytes(), base->ownedBytes());
        const auto tokens = randomTokens(8, 9);
        QVERIFY(maxRelativeError(LlamaForward(plan).forward(tokens, 8), llamaForwardRef(*plan, tokens)) < 1e-4);
        QVERIFY_THROWS_EXCEPTION(Error, plan->substitute("blk.1.ffn_down.weight", {1.0f}));
        QVERIFY_THROWS_EXCEPTION(Error, plan->substitute("nope.weight", {}));
    }

    void nanNamesTheLayer()
    {
        auto w = build(makeTiny("llama", false, 5));
        std::vector<float> bad(size_t(48 * 32), 0.0f);
        bad[3] = std::numeric_limits<float>::quiet_NaN();
        w->substitute("blk.1.ffn_down.weight", bad);
        LlamaForward fwd(w);
        try {
            fwd.forward(randomTokens(8, 1), 8);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Invalid);
            QVERIFY2(std::string(e.what()).find("layer 1") != std::string::npos, e.what());
        }
    }

    void clearErrors()
    {
        TinyModel m = makeTiny("llama", false, 5);
        m.spec.architecture = "gpt2";
        QVERIFY_THROWS_EXCEPTION(Error, build(m));
        m = makeTiny("llama", false, 5);
        m.tensors.erase("blk.0.attn_k.weight");
        try {
            build(m);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("missing tensor blk.0.attn_k.weight") != std::string::npos);
        }
        m = makeTiny("llama", false, 5);
        m.shapes["blk.1.ffn_up.weight"] = {32, 47};
        try {
            build(m);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("blk.1.ffn_up.weight has shape [32, 47], expected [32, 48]")
                    != std::string::npos);
        }
        auto w = build(makeTiny("llama", false, 5));
        LlamaForward fwd(w);
        QVERIFY_THROWS_EXCEPTION(Error, fwd.forward(std::vector<int32_t>{1, 2, 40}, 3));
        QVERIFY_THROWS_EXCEPTION(Error, fwd.forward(std::vector<int32_t>{1, 2, 3}, 2));
    }
};

QTEST_APPLESS_MAIN(TestLlamaForward)
#include "tst_llama_forward.moc"
