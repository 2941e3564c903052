#include "common/error.h"
#include "common/half.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/gguf_reader.h"
#include "io/synth_model.h"
#include "io/synth_weights.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

std::vector<char> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<float> floats(const qx::TensorInfo& t)
{
    std::vector<float> v(t.elementCount());
    if (t.type == qx::TensorType::F32) {
        std::memcpy(v.data(), t.data.data(), t.nbytes);
    } else {
        for (size_t i = 0; i < v.size(); ++i) {
            uint16_t h;
            std::memcpy(&h, t.data.data() + 2 * i, 2);
            v[i] = qx::fp16ToFp32(h);
        }
    }
    return v;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * double(v.size() - 1))];
}

} // namespace

class TestSynthModel : public QObject {
    Q_OBJECT
private:
    std::string m_dir = qx::test::scratchDir("tst_synth_model");

    qx::SynthOptions options(const std::string& vocab, uint64_t seed, qx::TensorType type) const
    {
        qx::SynthOptions o;
        o.dim = 256;
        o.layers = 2;
        o.ff = 768;
        o.heads = 4;
        o.kvHeads = 2;
        o.seed = seed;
        o.type = type;
        o.vocabFrom = vocab;
        return o;
    }

private slots:
    void studentTQuantiles()
    {
        QVERIFY(std::abs(qx::synth::studentT5Quantile(0.975) - 2.570582) < 1e-5);
        QVERIFY(std::abs(qx::synth::studentT5Quantile(0.995) - 4.032143) < 1e-5);
        QCOMPARE(qx::synth::studentT5Quantile(0.5), 0.0);
        QVERIFY(std::abs(qx::synth::studentT5Quantile(0.025) + 2.570582) < 1e-5);
    }
    void layoutAndMetadata()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        const std::string path = m_dir + "/f16.gguf";
        const auto o = options(vocab, 5, qx::TensorType::F16);
        const uint64_t size = qx::writeSynthModel(o, path);
        const auto plan = qx::planSynthModel(o);
        QCOMPARE(size, qx::predictGgufFileSize(plan.metadata, plan.tensors));
        auto m = qx::openGguf(path);
        QCOMPARE(m->tensors.size(), size_t(1 + 9 * 2 + 2));
        QCOMPARE(m->spec.embeddingLength, int64_t(256));
        QCOMPARE(m->spec.headCountKv, int64_t(2));
        QCOMPARE(m->spec.vocabSize, int64_t(512));
        QCOMPARE(m->tokenizer.model, std::string("llama"));
        QCOMPARE(m->findTensor("blk.1.attn_k.weight")->ne, (std::vector<int64_t>{256, 128}));
        QCOMPARE(m->findTensor("blk.1.ffn_down.weight")->ne, (std::vector<int64_t>{768, 256}));
        QCOMPARE(m->findTensor("output.weight")->type, qx::TensorType::F16);
        QCOMPARE(m->findTensor("output_norm.weight")->type, qx::TensorType::F32);
        const auto source = qx::openGguf(vocab);
        QVERIFY(*m->findMetadata("tokenizer.ggml.tokens") == *source->findMetadata("tokenizer.ggml.tokens"));
    }
    void sameSeedSameBytes()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        qx::writeSynthModel(options(vocab, 9, qx::TensorType::F32), m_dir + "/a.gguf");
        qx::writeSynthModel(options(vocab, 9, qx::TensorType::F32), m_dir + "/b.gguf");
        qx::writeSynthModel(options(vocab, 10, qx::TensorType::F32), m_dir + "/c.gguf");
        QVERIFY(readAll(m_dir + "/a.gguf") == readAll(m_dir + "/b.gguf"));
        QVERIFY(readAll(m_dir + "/a.gguf") != readAll(m_dir + "/c.gguf"));
    }
    void f16IsRoundedF32()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        qx::writeSynthModel(options(vocab, 3, qx::TensorType::F32), m_dir + "/r32.gguf");
        qx::writeSynthModel(options(vocab, 3, qx::TensorType::F16), m_dir + "/r16.gguf");
        auto a = qx::openGguf(m_dir + "/r32.gguf");
        auto b = qx::openGguf(m_dir + "/r16.gguf");
        const auto x = floats(*a->findTensor("blk.0.attn_q.weight"));
        const auto y = floats(*b->findTensor("blk.0.attn_q.weight"));
        QCOMPARE(x.size(), y.size());
        for (size_t i = 0; i < x.size(); ++i)
            QCOMPARE(y[i], qx::roundToFp16(x[i]));
    }
    void statisticsLookLikeAnLlm()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        qx::writeSynthModel(options(vocab, 1, qx::TensorType::F32), m_dir + "/stats.gguf");
        auto m = qx::openGguf(m_dir + "/stats.gguf");
        const qx::TensorInfo& t = *m->findTensor("blk.0.ffn_gate.weight");
        const auto w = floats(t);
        const int64_t in = t.ne[0], out = t.ne[1];
        // Mean |w| per column and row (robust to the single extreme values a heavy tail produces).
        std::vector<double> colAbs(in, 0.0), rowAbs(out, 0.0);
        for (int64_t r = 0; r < out; ++r)
            for (int64_t c = 0; c < in; ++c) {
                const double v = std::abs(w[r * in + c]);
                colAbs[c] += v / out;
                rowAbs[r] += v / in;
            }
        // Four outlier input columns, 8x the typical column.
        std::vector<double> sorted = colAbs;
        std::sort(sorted.rbegin(), sorted.rend());
        const double median = sorted[in / 2];
        QVERIFY(sorted[3] / median > 6.5 && sorted[0] / median < 10.0);
        QVERIFY(sorted[4] / median < 1.5);
        // Per-row scale spread (exp(0.25 N(0,1)): the 90th/10th percentile ratio is about 1.9).
        QVERIFY(percentile(rowAbs, 0.9) / percentile(rowAbs, 0.1) > 1.5);
        // Heavy tails: excess kurtosis and 4-sigma exceedances far above a Gaussian's (0 and 6e-5).
        double m2 = 0, m4 = 0;
        size_t n = 0, beyond = 0;
        for (int64_t r = 0; r < out; ++r)
            for (int64_t c = 0; c < in; ++c) {
                if (colAbs[c] > 4 * median)
                    continue;
                const double v = w[r * in + c];
                m2 += v * v;
                m4 += v * v * v * v;
                ++n;
            }
        m2 /= double(n);
        m4 /= double(n);
        for (int64_t r = 0; r < out; ++r)
            for (int64_t c = 0; c < in; ++c)
                if (colAbs[c] <= 4 * median && std::abs(w[r * in + c]) > 4 * std::sqrt(m2))
                    ++beyond;
        const double kurtosis = m4 / (m2 * m2) - 3.0;
        QVERIFY2(kurtosis > 3.0, qPrintable(QString::number(kurtosis)));
        QVERIFY(double(beyond) / double(n) > 1e-3);
        // Norms around 1.
        const auto norm = floats(*m->findTensor("blk.1.ffn_norm.weight"));
        double mean = 0;
        for (float v : norm) {
            QVERIFY(v > 0.7f && v < 1.3f);
            mean += v / norm.size();
        }
        QVERIFY(std::abs(mean - 1.0) < 0.02);
    }
    void rejectsImpossibleShapes()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        const auto rejected = [](const qx::SynthOptions& o) {
            try {
                qx::planSynthModel(o);
            } catch (const qx::Error& e) {
                return e.code() == qx::ErrorCode::InvalidArgument;
            }
            return false;
        };
        auto kv3 = options(vocab, 1, qx::TensorType::F32);
        kv3.kvHeads = 3;
        QVERIFY(rejected(kv3));
        QVERIFY(rejected(options(vocab, 1, qx::TensorType::Q4_K)));
        QVERIFY(rejected(options("", 1, qx::TensorType::F32)));
    }
};

QX_TEST_APPLESS_MAIN(TestSynthModel)
#include "tst_synth_model.moc"
