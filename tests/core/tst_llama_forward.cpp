// The fast forward pass (oneDNN + threaded attention) against its scalar twin on random tiny models.
#include "common/error.h"
#include "model/attention_kernels.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"
#include "core/tiny_llama.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>

using namespace qx;
using qx::test::TinyModel;
using qx::test::makeTiny;
using qx::test::build;

namespace {

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

    void attentionKernelsEqualPortable()
    {
        if (!detail::cpuHasAvx2Fma())
            QSKIP("no AVX2/FMA on this CPU");
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        for (int64_t hd : {4, 8, 12, 64, 100, 128}) {
            for (int64_t n : {1, 7, 8, 33, 64, 77}) {
                const int64_t ldk = (n + 7) / 8 * 8;
                const auto sz = [](int64_t x) { return static_cast<size_t>(x); };
                std::vector<float> q(sz(hd)), kt(sz(hd * ldk), 0.0f), v(sz(n * hd)), p(sz(n));
                for (auto* vec : {&q, &v, &p})
                    for (float& x : *vec)
                        x = u(rng);
                for (int64_t d = 0; d < hd; ++d)
                    for (int64_t j = 0; j < n; ++j)
                        kt[size_t(d * ldk + j)] = u(rng);
                std::vector<float> s1(sz(ldk)), s2(sz(ldk)), o1(sz(hd)), o2(sz(hd));
                detail::attnScoresAvx2(q.data(), kt.data(), ldk, n, hd, s1.data());
                detail::attnScoresPortable(q.data(), kt.data(), ldk, n, hd, s2.data());
                detail::attnWeightedSumAvx2(p.data(), v.data(), n, hd, o1.data());
                detail::attnWeightedSumPortable(p.data(), v.data(), n, hd, o2.data());
                for (int64_t j = 0; j < n; ++j)
                    QVERIFY(std::fabs(s1[size_t(j)] - s2[size_t(j)]) < 1e-4f);
                for (int64_t d = 0; d < hd; ++d)
                    QVERIFY(std::fabs(o1[size_t(d)] - o2[size_t(d)]) < 1e-4f);
            }
        }
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
