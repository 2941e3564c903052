// The imatrix collector against llama-imatrix's imatrix.dat for synth-d256 (-c 128 --chunks 20), run on
// the tokens llama.cpp evaluated (taken from kld-base-ctx128.bin: same text, same tokenizer).
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/tiny_llama.h"
#include "eval/imatrix_collector.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

using namespace qx;

namespace {

// Minimal legacy .dat parse for the test (entries only).
std::map<std::string, std::pair<int, std::vector<float>>> readDat(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::map<std::string, std::pair<int, std::vector<float>>> out;
    int32_t n = 0;
    in.read(reinterpret_cast<char*>(&n), 4);
    for (int i = 0; i < n && in; ++i) {
        int32_t len = 0, ncall = 0, nval = 0;
        in.read(reinterpret_cast<char*>(&len), 4);
        std::string name(static_cast<size_t>(len), '\0');
        in.read(name.data(), len);
        in.read(reinterpret_cast<char*>(&ncall), 4);
        in.read(reinterpret_cast<char*>(&nval), 4);
        std::vector<float> v(static_cast<size_t>(nval));
        in.read(reinterpret_cast<char*>(v.data()), nval * 4);
        out[name] = {ncall, std::move(v)};
    }
    return out;
}

} // namespace

class TestImatrixCollector : public QObject {
    Q_OBJECT
private slots:
    void sumsSquaresPerColumn()
    {
        ImatrixCollector c;
        std::vector<float> x(16 * 3);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = float(i % 3 + 1); // columns 1, 2, 3
        c.collect("blk.0.attn_q.weight", x.data(), 16, 3);
        c.collect("blk.0.attn_q.weight", x.data(), 16, 3);
        c.collect("blk.0.attn_k.weight", x.data(), 15, 3); // fewer than 16 rows: ignored
        c.collect("output.weight", x.data(), 16, 3);       // not collected by default
        const auto s = c.stats();
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(s[0].ncall, 2);
        QCOMPARE(s[0].values, (std::vector<float>{2.0f, 8.0f, 18.0f}));
        QVERIFY_THROWS_EXCEPTION(Error, c.collect("blk.0.attn_q.weight", x.data(), 16, 2));
    }

    void hookSeesEveryLinearInput()
    {
        auto w = qx::test::build(qx::test::makeTiny("llama", false, 3));
        LlamaForward fwd(w);
        ImatrixCollector c;
        fwd.setActivationHook(c.hook());
        std::vector<int32_t> tokens(64);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = int32_t(i % 40);
        computeImatrix(fwd, tokens, 16, -1, 1);
        const auto s = c.stats();
        QCOMPARE(s.size(), size_t(2 * 7)); // q k v output gate up down per layer
        for (const auto& e : s)
            QCOMPARE(e.ncall, 4);
    }

    void matchesLlamaImatrix()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(basePath, "reference/synth-d256/kld-base-ctx128.bin");
        QX_REQUIRE_SHARED(datPath, "reference/synth-d256/imatrix.dat");
        auto model = openModel(modelPath);
        LlamaForward fwd(LlamaWeights::fromModel(model));
        ImatrixCollector c;
        fwd.setActivationHook(c.hook());
        computeImatrix(fwd, KldBaseReader(basePath).header().tokens, 128, 20, chunkBosToken(*model));
        const auto ref = readDat(datPath);
        const auto ours = c.stats();
        QCOMPARE(ours.size(), ref.size());
        QCOMPARE(c.lastCall(), 20);
        double worst = 0;
        for (const auto& e : ours) {
            const auto it = ref.find(e.name);
            QVERIFY2(it != ref.end(), e.name.c_str());
            QCOMPARE(e.ncall, it->second.first);
            QCOMPARE(e.values.size(), it->second.second.size());
            for (size_t j = 0; j < e.values.size(); ++j)
                worst = std::max(worst, std::fabs(double(e.values[j]) / double(it->second.second[j]) - 1));
        }
        qInfo("largest relative difference to llama-imatrix: %.3g", worst);
        QVERIFY(worst < 5e-4);
    }
};

QX_TEST_APPLESS_MAIN(TestImatrixCollector)
#include "tst_imatrix_collector.moc"
