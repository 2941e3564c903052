// The trainer's forward equals the evaluator's; its gradients equal finite differences.
#include "common/error.h"
#include "common/test_main.h"
#include "model/llama_forward.h"
#include "train/train_model.h"
#include "train/qat.h"
#include "train/train_gemm.h"
#include "train/trainer.h"

#include <set>

#include <QTest>

#include <cmath>
#include <random>

using namespace qx;

namespace {

TrainShape tinyShape()
{
    TrainShape s;
    s.dim = 16;
    s.layers = 2;
    s.heads = 4;
    s.kvHeads = 2;
    s.ff = 24;
    s.vocab = 20;
    s.ctx = 16;
    return s;
}

std::vector<float> randomParams(const TrainShape& s, uint32_t seed, float sigma)
{
    std::vector<float> p = initParams(s, seed);
    std::mt19937 rng(seed);
    std::normal_distribution<float> gauss(0.0f, sigma);
    for (const ParamTensor& t : paramLayout(s))
        for (int64_t i = 0; i < t.count; ++i)
            p[static_cast<size_t>(t.offset + i)] = (t.isNorm ? 1.0f : 0.0f) + gauss(rng);
    return p;
}

} // namespace

class TestTrainModel : public QObject {
    Q_OBJECT
private slots:
    void gemmMatchesScalarTwin_data();
    void gemmMatchesScalarTwin();
    void forwardMatchesEvaluator();
    void gradientsMatchFiniteDifferences();
    void trainingIsDeterministicAndLearns();
    void qatQuantizesMatricesAndLearns();
};

void TestTrainModel::gemmMatchesScalarTwin_data()
{
    QTest::addColumn<bool>("transA");
    QTest::addColumn<bool>("transB");
    QTest::addColumn<float>("beta");
    QTest::newRow("x·wT") << false << true << 0.0f;
    QTest::newRow("dy·w") << false << false << 0.0f;
    QTest::newRow("dyT·x += ") << true << false << 1.0f;
    QTest::newRow("aT·bT, beta 0.5") << true << true << 0.5f;
}

void TestTrainModel::gemmMatchesScalarTwin()
{
    QFETCH(bool, transA);
    QFETCH(bool, transB);
    QFETCH(float, beta);
    // A block of columns inside wider matrices, as the attention heads use it: strides > widths.
    const int64_t m = 37, n = 29, k = 70, lda = 80, ldb = 90, ldc = 40;
    std::mt19937 rng(12);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    std::vector<float> a(static_cast<size_t>(lda * 80)), b(static_cast<size_t>(ldb * 80));
    std::vector<float> c(static_cast<size_t>(ldc * m));
    for (auto* v : {&a, &b, &c})
        for (float& x : *v)
            x = gauss(rng);
    std::vector<float> ref = c;
    const GemmArgs g{transA, transB, m, n, k, 0.7f, a.data() + 3, lda, b.data() + 5, ldb, beta, c.data() + 2, ldc};
    GemmArgs r = g;
    r.c = ref.data() + 2;
    gemm(g);
    gemmRef(r);
    for (size_t i = 0; i < c.size(); ++i) {
        const bool inside = i % size_t(ldc) >= 2 && i % size_t(ldc) < size_t(2 + n);
        QVERIFY2(std::abs(c[i] - ref[i]) < (inside ? 2e-5f * std::sqrt(float(k)) * 4 : 0.0f) || c[i] == ref[i],
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(c[i]).arg(ref[i])));
    }
}

void TestTrainModel::forwardMatchesEvaluator()
{
    const TrainShape s = tinyShape();
    const std::vector<float> params = randomParams(s, 7, 0.4f);
    const std::vector<int32_t> tokens = {1, 5, 9, 3, 3, 17, 0, 12, 19, 4};
    auto ws = makeWorkspace(s);
    const std::vector<float> ours = trainForward(s, params, tokens, *ws);
    auto weights = toLlamaWeights(s, params);
    const std::vector<float> ref = llamaForwardRef(*weights, tokens, false);
    LlamaForward fast(weights, ForwardOptions{1, false});
    const std::vector<float> fastLogits = fast.forward(tokens, static_cast<int64_t>(tokens.size()));
    QCOMPARE(ours.size(), ref.size());
    double maxDiff = 0.0, maxFast = 0.0;
    for (size_t i = 0; i < ours.size(); ++i) {
        maxDiff = std::max(maxDiff, std::abs(double(ours[i]) - ref[i]));
        maxFast = std::max(maxFast, std::abs(double(ours[i]) - fastLogits[i]));
    }
    QVERIFY2(maxDiff < 1e-4, qPrintable(QString::number(maxDiff)));
    QVERIFY2(maxFast < 1e-4, qPrintable(QString::number(maxFast)));
}

void TestTrainModel::gradientsMatchFiniteDifferences()
{
    const TrainShape s = tinyShape();
    std::vector<float> params = randomParams(s, 11, 0.3f);
    const std::vector<int32_t> tokens = {1, 4, 8, 15, 16, 2, 7, 11};
    const std::vector<int32_t> targets = {4, 8, 15, 16, 2, 7, 11, 3};
    auto ws = makeWorkspace(s);
    std::vector<float> grads(params.size(), 0.0f), scratch(params.size(), 0.0f);
    trainStep(s, params, tokens, targets, 1.0f, grads, *ws);
    std::mt19937 rng(3);
    int checked = 0;
    for (const ParamTensor& t : paramLayout(s)) {
        for (int k = 0; k < 4; ++k) {
            const auto i = static_cast<size_t>(t.offset + static_cast<int64_t>(rng() % uint64_t(t.count)));
            const float saved = params[i];
            const float eps = 2e-3f;
            params[i] = saved + eps;
            const double up = trainStep(s, params, tokens, targets, 0.0f, scratch, *ws);
            params[i] = saved - eps;
            const double down = trainStep(s, params, tokens, targets, 0.0f, scratch, *ws);
            params[i] = saved;
            const double fd = (up - down) / (2.0 * eps);
            const double tol = 2e-3 + 0.03 * std::abs(fd);
            QVERIFY2(std::abs(fd - grads[i]) < tol,
                     qPrintable(QString::fromStdString(t.name) + QStringLiteral(" fd %1 analytic %2").arg(fd).arg(grads[i])));
            ++checked;
        }
    }
    QCOMPARE(checked, 4 * 20);
}

void TestTrainModel::trainingIsDeterministicAndLearns()
{
    const TrainShape s = tinyShape();
    std::vector<int32_t> stream;
    for (int i = 0; i < 600; ++i)
        stream.push_back(static_cast<int32_t>(2 + (i * 7 + i / 5) % 11)); // a learnable pattern
    TrainOptions o;
    o.steps = 30;
    o.batch = 4;
    o.seqLen = 16;
    o.lr = 1e-2;
    o.warmup = 5;
    o.seed = 5;
    std::vector<float> a = initParams(s, 9), b = a;
    const std::vector<double> curveA = trainModel(s, a, stream, o);
    const std::vector<double> curveB = trainModel(s, b, stream, o);
    QCOMPARE(curveA, curveB);
    QCOMPARE(a, b);
    QVERIFY2(curveA.back() < 0.6 * curveA.front(),
             qPrintable(QStringLiteral("%1 -> %2").arg(curveA.front()).arg(curveA.back())));
    bool cancelled = false;
    try {
        trainModel(s, a, stream, o, {}, [](double f) { return f < 0.1; });
    } catch (const Error& e) {
        cancelled = e.code() == ErrorCode::Cancelled;
    }
    QVERIFY(cancelled);
}

void TestTrainModel::qatQuantizesMatricesAndLearns()
{
    const TrainShape s = tinyShape();
    const std::vector<float> params = randomParams(s, 5, 0.3f);
    const UniformScheme scheme = qatScheme(2, 8);
    const std::vector<float> q = fakeQuantParams(s, params, scheme);
    for (const ParamTensor& t : paramLayout(s)) {
        for (int64_t g = 0; g < t.count; g += 8) {
            std::set<float> levels(q.begin() + t.offset + g, q.begin() + t.offset + g + 8);
            if (t.isNorm)
                QVERIFY(std::equal(q.begin() + t.offset, q.begin() + t.offset + t.count, params.begin() + t.offset));
            else
                QVERIFY(levels.size() <= 4);
        }
    }
    std::vector<int32_t> stream;
    for (int i = 0; i < 600; ++i)
        stream.push_back(static_cast<int32_t>(2 + (i * 7 + i / 5) % 11));
    TrainOptions o;
    o.steps = 40;
    o.batch = 4;
    o.seqLen = 16;
    o.lr = 1e-2;
    o.warmup = 5;
    std::vector<float> latent = params;
    const double before = evalLoss(s, q, stream, 16, -1, 1);
    qatFineTune(s, latent, stream, scheme, o);
    const double after = evalLoss(s, fakeQuantParams(s, latent, scheme), stream, 16, -1, 1);
    QVERIFY2(after < 0.7 * before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

QX_TEST_APPLESS_MAIN(TestTrainModel)
#include "tst_train_model.moc"
