#include "common/error.h"
#include "common/test_main.h"
#include "stats/error_metrics.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

class TestErrorMetrics : public QObject {
    Q_OBJECT
private slots:
    void handExample()
    {
        // x = (3, 4), y = (3, 5): e = (0, 1); Σx² = 25, Σe² = 1, Σy² = 34, Σxy = 29.
        const std::vector<float> x{3, 4}, y{3, 5};
        const auto r = qx::compareTensors(x, y);
        QCOMPARE(r.count, uint64_t(2));
        QCOMPARE(r.mse, 0.5);
        QCOMPARE(r.rmse, std::sqrt(0.5));
        QCOMPARE(r.sqnrDb, 10.0 * std::log10(25.0));  // 13.979 dB
        QVERIFY(std::fabs(r.sqnrDb - 13.979400086720377) < 1e-12);
        QCOMPARE(r.cosine, 29.0 / std::sqrt(25.0 * 34.0)); // 0.99469...
        QCOMPARE(r.maxAbsError, 1.0);
        QCOMPARE(r.relativeFrobenius, 0.2);
        QCOMPARE(r.weightedMse, 0.5);
        QCOMPARE(r.errorHistogram.lo, -1.0);
        QCOMPARE(r.errorHistogram.total(), uint64_t(2));
        QCOMPARE(r.errorHistogram.counts.back(), uint64_t(1));
        QCOMPARE(r.errorHistogram.counts[50], uint64_t(1)); // e = 0 sits in the middle bin of 101
    }
    void sqnrOfHalvedSignalIsSixDb()
    {
        // y = x/2 everywhere: noise energy is a quarter of the signal: 10·log10(4) = 6.0206 dB, cosine 1.
        std::vector<float> x, y;
        for (int i = 1; i <= 100; ++i) {
            x.push_back(float(i) - 50.5f);
            y.push_back((float(i) - 50.5f) / 2);
        }
        const auto r = qx::compareTensors(x, y);
        QVERIFY(std::fabs(r.sqnrDb - 6.020599913279624) < 1e-12);
        QVERIFY(std::fabs(r.cosine - 1.0) < 1e-15);
        QVERIFY(std::fabs(r.relativeFrobenius - 0.5) < 1e-15);
    }
    void importanceWeights()
    {
        // Two rows of two columns; errors 1 in column 0 and 2 in column 1; weights 3 and 1:
        // Σ w e² = 2·(3·1 + 1·4) = 14, Σ w = 2·(3 + 1) = 8.
        const std::vector<float> x{0, 0, 0, 0}, y{1, 2, -1, -2}, w{3, 1};
        qx::ErrorOptions o;
        o.rowLength = 2;
        o.columnWeights = w;
        const auto r = qx::compareTensors(x, y, o);
        QCOMPARE(r.weightedMse, 14.0 / 8.0);
        QCOMPARE(r.mse, 2.5);
        QCOMPARE(r.sqnrDb, -std::numeric_limits<double>::infinity());
        QCOMPARE(r.cosine, 0.0);
    }
    void exactReconstruction()
    {
        const std::vector<float> x{1, -2, 3};
        const auto r = qx::compareTensors(x, x);
        QCOMPARE(r.sqnrDb, std::numeric_limits<double>::infinity());
        QCOMPARE(r.cosine, 1.0);
        QCOMPARE(r.mse, 0.0);
        QVERIFY(r == qx::compareTensors(x, x));
    }
    void nonFiniteSkipped()
    {
        const std::vector<float> x{1, std::nanf(""), 2}, y{1, 1, 2};
        const auto r = qx::compareTensors(x, y);
        QCOMPARE(r.nonFinite, uint64_t(1));
        QCOMPARE(r.count, uint64_t(2));
        QCOMPARE(r.mse, 0.0);
    }
    void streamedEqualsWhole()
    {
        std::mt19937 rng(2);
        std::normal_distribution<float> d(0.0f, 1.0f);
        const int64_t rows = 600, cols = 256; // three chunks of 256 rows
        std::vector<float> x(size_t(rows * cols)), y(x.size()), w(static_cast<size_t>(cols));
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = d(rng);
            y[i] = x[i] + 0.01f * d(rng);
        }
        for (auto& v : w)
            v = std::fabs(d(rng));
        qx::ErrorOptions o;
        o.rowLength = cols;
        o.columnWeights = w;
        int calls = 0;
        const auto streamed = qx::compareRows(qx::rowSourceFromSpan(x, cols), qx::rowSourceFromSpan(y, cols), o,
                                              [&](double) { return ++calls > 0; });
        QVERIFY(streamed == qx::compareTensors(x, y, o));
        QCOMPARE(calls, 6);
        QVERIFY(std::fabs(streamed.sqnrDb - 40.0) < 0.2); // noise 1 % of the signal amplitude
        // Without the error histogram: one read of each source, every other figure the same.
        qx::ErrorOptions noHistogram = o;
        noHistogram.histogramBins = 0;
        calls = 0;
        qx::TensorError single = qx::compareRows(qx::rowSourceFromSpan(x, cols), qx::rowSourceFromSpan(y, cols),
                                                 noHistogram, [&](double) { return ++calls > 0; });
        QCOMPARE(calls, 3);
        QVERIFY(single.errorHistogram.counts.empty());
        QCOMPARE(single.signalEnergy, streamed.signalEnergy);
        single.errorHistogram = streamed.errorHistogram;
        QVERIFY(single == streamed);
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::compareRows(qx::rowSourceFromSpan(x, cols),
                                                            qx::rowSourceFromSpan(y, 300), o));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::compareRows(qx::rowSourceFromSpan(x, cols), qx::rowSourceFromSpan(y, cols),
                                                            o, [](double) { return false; }));
    }
    void mismatchesAreErrors()
    {
        const std::vector<float> a(4), b(3), w(3);
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::compareTensors(a, b));
        qx::ErrorOptions o;
        o.rowLength = 2;
        o.columnWeights = w;
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::compareTensors(a, a, o));
    }
};

QX_TEST_APPLESS_MAIN(TestErrorMetrics)
#include "tst_error_metrics.moc"
