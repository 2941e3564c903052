#include "common/error.h"
#include "common/half.h"
#include "common/test_main.h"
#include "quant/uniform_quant.h"
#include "stats/error_metrics.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>
#include <vector>

Q_DECLARE_METATYPE(qx::UniformMode)
Q_DECLARE_METATYPE(qx::Granularity)
Q_DECLARE_METATYPE(qx::ScaleFormat)

namespace {

std::vector<float> gaussian(size_t n, uint32_t seed, float sigma = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.0f, sigma);
    std::vector<float> v(n);
    for (auto& x : v)
        x = d(rng);
    return v;
}

double mseOf(const std::vector<float>& x, int64_t rowLength, const qx::UniformScheme& s)
{
    std::vector<float> y(x.size());
    qx::fakeQuantUniform(x, y, rowLength, s);
    return qx::compareTensors(x, y).mse;
}

} // namespace

class TestUniformQuant : public QObject {
    Q_OBJECT
private slots:
    void classicSymmetricExample()
    {
        // absmax 10.8, 8 bits symmetric: the multiplier is 127/10.8 = 11.76; 3.08 and 3.02 both map to 36.
        const std::vector<float> x{10.8f, 3.08f, 3.02f, -5.0f, 0.0f, -10.8f};
        qx::UniformScheme s;
        s.granularity = qx::Granularity::PerTensor;
        const auto q = qx::quantizeUniform(x, 6, s);
        QCOMPARE(q.steps.size(), size_t(1));
        QCOMPARE(q.steps[0], 10.8f / 127.0f);
        QVERIFY(std::fabs(1.0 / q.steps[0] - 127.0 / 10.8) < 1e-5);
        QCOMPARE(q.codes, (std::vector<int16_t>{127, 36, 36, -59, 0, -127}));
        const auto y = qx::dequantizeUniform(q);
        QCOMPARE(y[1], y[2]);
        QVERIFY(std::fabs(y[1] - 3.0614f) < 1e-3f);
        QCOMPARE(y[0], 10.8f);
    }
    void classicAsymmetricExample()
    {
        // Range [-7.59, 10.8] on 8 bits: step 18.39/255, multiplier 13.87, zero point round(7.59·13.87) = 105
        // (the signed-code form of the same quantizer has z = 105 - 128 = -23).
        const std::vector<float> x{-7.59f, 10.8f, 3.08f, 0.0f};
        qx::UniformScheme s;
        s.mode = qx::UniformMode::Asymmetric;
        s.granularity = qx::Granularity::PerTensor;
        const auto q = qx::quantizeUniform(x, 4, s);
        QVERIFY(std::fabs(q.steps[0] - 18.39 / 255.0) < 1e-6);
        QVERIFY(std::fabs(1.0 / q.steps[0] - 13.866) < 1e-3);
        QCOMPARE(q.zeroPoints, (std::vector<int32_t>{105}));
        QCOMPARE(q.codes, (std::vector<int16_t>{0, 255, 148, 105}));
        const auto y = qx::dequantizeUniform(q);
        QCOMPARE(y[3], 0.0f); // zero is exact
        QVERIFY(std::fabs(y[0] + 7.59f) <= q.steps[0] / 2);
        QVERIFY(std::fabs(y[1] - 10.8f) <= q.steps[0] / 2);
    }
    void symmetricFullRangeClipsPositiveExtreme()
    {
        const std::vector<float> x{-1.0f, 1.0f, 0.5f};
        qx::UniformScheme s;
        s.bits = 4;
        s.mode = qx::UniformMode::SymmetricFull;
        s.granularity = qx::Granularity::PerTensor;
        const auto q = qx::quantizeUniform(x, 3, s);
        QCOMPARE(q.steps[0], 0.125f);
        QCOMPARE(q.codes, (std::vector<int16_t>{-8, 7, 4}));
    }
    void roundTripWithinHalfStep_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<qx::UniformMode>("mode");
        QTest::addColumn<qx::Granularity>("granularity");
        QTest::addColumn<int>("group");
        QTest::addColumn<qx::ScaleFormat>("scale");
        const qx::UniformMode modes[] = {qx::UniformMode::SymmetricRestricted, qx::UniformMode::SymmetricFull,
                                         qx::UniformMode::Asymmetric};
        for (int bits = 2; bits <= 8; ++bits)
            for (auto mode : modes)
                for (int g : {0, 1, 32, 64, 128, 256}) {
                    const auto gran = g == 0 ? qx::Granularity::PerTensor
                                             : g == 1 ? qx::Granularity::PerChannel : qx::Granularity::PerGroup;
                    for (auto sf : {qx::ScaleFormat::F32, qx::ScaleFormat::F16}) {
                        const QByteArray name = QByteArray::number(bits) + "b m" + QByteArray::number(int(mode))
                            + " g" + QByteArray::number(g) + (sf == qx::ScaleFormat::F16 ? " f16" : " f32");
                        QTest::newRow(name.constData()) << bits << mode << gran << g << sf;
                    }
                }
    }
    void roundTripWithinHalfStep()
    {
        QFETCH(int, bits);
        QFETCH(qx::UniformMode, mode);
        QFETCH(qx::Granularity, granularity);
        QFETCH(int, group);
        QFETCH(qx::ScaleFormat, scale);
        qx::UniformScheme s{bits, mode, granularity, group, scale};
        const int64_t rowLength = 512;
        auto x = gaussian(8 * rowLength, 42u + uint32_t(bits), 0.05f);
        x[100] = 0.0f;
        const auto q = qx::quantizeUniform(x, rowLength, s);
        const auto y = qx::dequantizeUniform(q);
        const auto len = size_t(q.groupLength);
        size_t inside = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            const double step = q.steps[i / len];
            const int z = q.zeroPoints.empty() ? 0 : q.zeroPoints[i / len];
            QVERIFY(q.codes[i] >= qx::uniformCodeMin(s) && q.codes[i] <= qx::uniformCodeMax(s));
            if (s.scaleFormat == qx::ScaleFormat::F16)
                QCOMPARE(qx::roundToFp16(float(step)), float(step));
            const double lo = step * (qx::uniformCodeMin(s) - z) - step / 2;
            const double hi = step * (qx::uniformCodeMax(s) - z) + step / 2;
            if (x[i] < lo || x[i] > hi) {
                // Only the full-range positive end (+c clips to c - step) and the asymmetric ends shifted by
                // F16 rounding of the step (relative error ≤ 2^-11, times up to 2^b codes) can lie outside.
                const double f16Slack = scale == qx::ScaleFormat::F16 ? (1 << bits) / 2048.0 : 0.0;
                QVERIFY(std::fabs(double(y[i]) - x[i]) <= step * (1 + f16Slack) + std::fabs(x[i]) * 1.2e-7);
                continue;
            }
            ++inside;
            QVERIFY2(std::fabs(double(y[i]) - x[i]) <= step / 2 + std::fabs(x[i]) * 1.2e-7,
                     qPrintable(QString("i=%1 x=%2 y=%3 step=%4").arg(i).arg(x[i]).arg(y[i]).arg(step)));
        }
        QCOMPARE(y[100], 0.0f);
        // Absmax clipping leaves nothing outside for the restricted range, and for asymmetric F32 steps.
        if (mode == qx::UniformMode::SymmetricRestricted
            || (mode == qx::UniformMode::Asymmetric && scale == qx::ScaleFormat::F32))
            QCOMPARE(inside, x.size());
    }
    void groupMustDivideRow()
    {
        const std::vector<float> x(172 * 2);
        qx::UniformScheme s;
        s.granularity = qx::Granularity::PerGroup;
        s.groupSize = 32;
        try {
            qx::quantizeUniform(x, 172, s);
            QFAIL("expected an error");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::InvalidArgument);
            QVERIFY(e.detail().find("172") != std::string::npos);
        }
        s.bits = 9;
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::quantizeUniform(x, 172, s));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::quantizeUniform(x, 100, qx::UniformScheme{}));
    }
    void storageAndBitsPerWeight()
    {
        qx::UniformScheme s{4, qx::UniformMode::Asymmetric, qx::Granularity::PerGroup, 128, qx::ScaleFormat::F16};
        QCOMPARE(qx::uniformBitsPerWeight(s, 4096, 4096), 4.15625);
        QCOMPARE(qx::uniformStorageBytes(s, 4096, 4096), uint64_t(8388608 + 131072 * 2 + 65536));
        qx::UniformScheme c{8, qx::UniformMode::SymmetricRestricted, qx::Granularity::PerChannel};
        QCOMPARE(qx::uniformBitsPerWeight(c, 10, 256), 8.125);
        QCOMPARE(qx::uniformStorageBytes(c, 10, 256), uint64_t(2560 + 40));
        qx::UniformScheme t{3, qx::UniformMode::Asymmetric, qx::Granularity::PerTensor};
        QCOMPARE(qx::uniformStorageBytes(t, 1, 5), uint64_t(2 + 4 + 1)); // 15 bits -> 2 bytes, 3-bit zp -> 1
        QCOMPARE(qx::uniformSchemeName(s), std::string("INT4 asym g128 f16 absmax"));
    }
    void clippingBeatsAbsmaxOnHeavyTails()
    {
        std::mt19937 rng(9);
        std::student_t_distribution<float> t(4.0f);
        std::vector<float> x(64 * 256);
        for (auto& v : x)
            v = 0.02f * t(rng);
        x[1234] = 1.5f; // one outlier, ~50σ
        qx::UniformScheme s{4, qx::UniformMode::SymmetricRestricted, qx::Granularity::PerTensor};
        const double absmax = mseOf(x, 256, s);
        s.clip = qx::ClipMethod::Percentile;
        s.percentile = 99.9;
        const double pct = mseOf(x, 256, s);
        s.clip = qx::ClipMethod::MseSearch;
        s.mseMinRatio = 0.02;
        s.mseGridSteps = 200;
        const double mse = mseOf(x, 256, s);
        s.clip = qx::ClipMethod::KlDivergence;
        const double kl = mseOf(x, 256, s);
        qInfo("4-bit per-tensor MSE: absmax %.3g, p99.9 %.3g, mse-search %.3g, kl %.3g", absmax, pct, mse, kl);
        QVERIFY(pct < 0.5 * absmax);
        QVERIFY(mse < 0.5 * absmax);
        QVERIFY(mse <= pct * 1.0001);
        QVERIFY(kl < absmax);
        s.mode = qx::UniformMode::Asymmetric;
        s.clip = qx::ClipMethod::Percentile;
        const double asymPct = mseOf(x, 256, s);
        s.clip = qx::ClipMethod::AbsMax;
        QVERIFY(asymPct < mseOf(x, 256, s));
    }
    void klKeepsTheRangeOfUniformData()
    {
        // Nothing to gain by clipping a uniform distribution: entropy calibration keeps (almost) all of it,
        // while on the heavy-tailed data above it clips hard.
        std::mt19937 rng(4);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        std::vector<float> x(64 * 256);
        for (auto& v : x)
            v = u(rng);
        qx::UniformScheme s{8, qx::UniformMode::SymmetricRestricted, qx::Granularity::PerTensor};
        s.clip = qx::ClipMethod::KlDivergence;
        const auto q = qx::quantizeUniform(x, 256, s);
        const double c = q.steps[0] * 127.0;
        qInfo("KL threshold on U(-1, 1): %.4f", c);
        QVERIFY(c > 0.95 && c <= 1.0);
    }
    void fakeQuantEqualsDequantOfQuant()
    {
        const auto x = gaussian(4 * 64, 3);
        qx::UniformScheme s{3, qx::UniformMode::Asymmetric, qx::Granularity::PerGroup, 32, qx::ScaleFormat::F16,
                            qx::ClipMethod::MseSearch};
        std::vector<float> y(x.size());
        qx::fakeQuantUniform(x, y, 64, s);
        QCOMPARE(y, qx::dequantizeUniform(qx::quantizeUniform(x, 64, s)));
    }
    void threadedEqualsRef_data()
    {
        QTest::addColumn<int>("clip");
        QTest::addColumn<int>("threads");
        for (int clip = 0; clip < 4; ++clip)
            for (int threads : {1, 2, 5}) {
                const QByteArray name = "clip " + QByteArray::number(clip) + ", " + QByteArray::number(threads) + " threads";
                QTest::newRow(name.constData()) << clip << threads;
            }
    }
    void threadedEqualsRef()
    {
        QFETCH(int, clip);
        QFETCH(int, threads);
        const auto x = gaussian(130 * 256, 8, 0.03f); // three chunks of 16 Ki values
        for (auto gran : {qx::Granularity::PerGroup, qx::Granularity::PerChannel, qx::Granularity::PerTensor}) {
            qx::UniformScheme s{4, qx::UniformMode::Asymmetric, gran, 32, qx::ScaleFormat::F16, qx::ClipMethod(clip)};
            s.klBins = 64;
            QVERIFY(qx::quantizeUniform(x, 256, s, {}, threads) == qx::quantizeUniformRef(x, 256, s));
        }
    }
    void cancel()
    {
        const auto x = gaussian(256 * 32, 5);
        qx::UniformScheme s{4, qx::UniformMode::SymmetricRestricted, qx::Granularity::PerGroup, 32};
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::quantizeUniform(x, 32, s, [](double) { return false; }));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::quantizeUniformRef(x, 32, s, [](double) { return false; }));
    }
};

QX_TEST_APPLESS_MAIN(TestUniformQuant)
#include "tst_uniform_quant.moc"
