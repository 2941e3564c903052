// The fast forward pass (oneDNN + threaded attention) against its scalar twin on random tiny models.
#include "common/error.h"
#include "common/test_main.h"
#include "model/attention_kernels.h"
#include "model/dnnl_linear.h"
#include "model/llama_forward.h"
#include "model/llama_ops.h"
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
            QSKIP("no AVX2/FMA/F16C on this CPU");
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        const auto sz = [](int64_t x) { return static_cast<size_t>(x); };
        for (int64_t hd : {4, 8, 12, 24, 64, 100, 128}) {
            for (int64_t nKeys : {1, 3, 8, 33, 64, 77}) {
                const int nq = int(nKeys % 4) + 1;
                const int64_t ldk = (nKeys + 15) / 16 * 16;
                std::vector<float> q(sz(4 * hd)), kt(sz(hd * ldk), 0.0f), v(sz(nKeys * hd)), p(sz(4 * ldk), 0.0f);
                for (float& x : q)
                    x = u(rng);
                for (float& x : v)
                    x = u(rng);
                for (int64_t d = 0; d < hd; ++d)
                    for (int64_t j = 0; j < nKeys; ++j)
                        kt[sz(d * ldk + j)] = u(rng);
                for (int64_t r = 0; r < 4; ++r)
                    for (int64_t j = 0; j < nKeys; ++j)
                        p[sz(r * ldk + j)] = u(rng);
                const detail::AttentionTile t{q.data(), nq, nKeys, hd, ldk};
                std::vector<float> s1(sz(4 * ldk)), s2(sz(4 * ldk)), o1(sz(4 * hd)), o2(sz(4 * hd));
                detail::attnScoresAvx2(t, kt.data(), s1.data());
                detail::attnScoresPortable(t, kt.data(), s2.data());
                detail::attnWeightedSumAvx2(t, p.data(), v.data(), o1.data(), hd);
                detail::attnWeightedSumPortable(t, p.data(), v.data(), o2.data(), hd);
                for (int r = 0; r < nq; ++r) {
                    for (int64_t j = 0; j < nKeys; ++j)
                        QVERIFY(std::fabs(s1[sz(r * ldk + j)] - s2[sz(r * ldk + j)]) < 1e-4f);
                    for (int64_t d = 0; d < hd; ++d)
                        QVERIFY(std::fabs(o1[sz(r * hd + d)] - o2[sz(r * hd + d)]) < 1e-4f);
                }
            }
        }
        std::vector<float> a(37), b;
        for (float& x : a)
            x = u(rng) * 1000.0f;
        a[5] = 6.1035156e-05f * 0.75f; // subnormal in fp16
        a[6] = 70000.0f;               // overflows fp16
        b = a;
        detail::roundToFp16Avx2(a.data(), 37);
        detail::roundToFp16Portable(b.data(), 37);
        QCOMPARE(a, b);

        for (int64_t n : {1, 5, 8, 29, 200}) {
            std::vector<float> sc(sz(n)), p1(sz(n)), p2(sz(n));
            for (float& x : sc)
                x = u(rng) * 40.0f;
            sc[0] = -1e30f; // underflows to 0
            detail::softmaxRowAvx2(sc.data(), p1.data(), n, 0.125f);
            detail::softmaxRowPortable(sc.data(), p2.data(), n, 0.125f);
            for (int64_t j = 0; j < n; ++j)
                QVERIFY(std::fabs(p1[sz(j)] - p2[sz(j)]) <= 1e-6f * std::max(1e-3f, p2[sz(j)]));
        }
        std::vector<float> g(203), up(203);
        for (size_t i = 0; i < g.size(); ++i)
            g[i] = u(rng) * 30.0f, up[i] = u(rng);
        g[0] = -200.0f, g[1] = 200.0f;
        std::vector<float> g1 = g, g2 = g;
        detail::siluMulAvx2(g1.data(), up.data(), 203);
        siluMul(g2.data(), up.data(), 203);
        for (size_t i = 0; i < g.size(); ++i)
            QVERIFY(std::fabs(g1[i] - g2[i]) <= 1e-6f * std::max(1.0f, std::fabs(g2[i])));
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

    void bf16LinearEqualsRef()
    {
        std::mt19937 rng(4);
        std::normal_distribution<float> g(0.0f, 1.0f);
        const int64_t m = 33, k = 200, n = 70;
        std::vector<float> x(size_t(m * k)), w(size_t(n * k)), b(static_cast<size_t>(n));
        for (auto* v : {&x, &w, &b})
            for (float& f : *v)
                f = g(rng);
        const WeightView wv{w.data(), k, n}, bv{b.data(), n, 1};
        std::vector<float> fast(size_t(m * n)), ref(fast.size()), f32(fast.size());
        DnnlLinear(2, true).apply(x.data(), m, wv, bv, fast.data());
        linearBf16Ref(x.data(), m, wv, bv, ref.data());
        linearRef(x.data(), m, wv, bv, f32.data());
        QVERIFY2(maxRelativeError(fast, ref) < 1e-5, "BF16 products are exact in F32: only the summation order differs");
        const double approx = maxRelativeError(fast, f32);
        qInfo("BF16 vs F32 linear: max error %.4f of the largest output", approx);
        QVERIFY(approx > 1e-4 && approx < 0.02);
    }

    void bf16ForwardIsClose()
    {
        auto w = build(makeTiny("llama", false, 6));
        const auto tokens = randomTokens(16, 2);
        ForwardOptions fo{2, true};
        fo.bf16Compute = true;
        const double err = maxRelativeError(LlamaForward(w, fo).forward(tokens, 16), llamaForwardRef(*w, tokens));
        qInfo("BF16 forward vs F32 reference: max relative logit error %.4f", err);
        QVERIFY(err > 1e-5 && err < 0.05);
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

QX_TEST_APPLESS_MAIN(TestLlamaForward)
#include "tst_llama_forward.moc"
