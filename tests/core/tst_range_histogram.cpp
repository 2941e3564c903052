// rangeHistogram: the threaded counts equal the reference twin (Histogram::add per value) on random data,
// on values sitting exactly on bin edges, on F16 rows decoded from a tensor and for any thread count;
// centralRange picks the bins holding the central share.
#include "common/error.h"
#include "common/half.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "stats/range_histogram.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace qx;

namespace {

std::vector<float> heavyTailed(size_t n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::student_t_distribution<float> t(4.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = 0.02f * t(rng);
    return v;
}

} // namespace

class TestRangeHistogram : public QObject {
    Q_OBJECT
private slots:
    void equalsReferenceOnRandomData_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<int>("bins");
        QTest::addColumn<int>("threads");
        QTest::newRow("bulk, 300 bins") << -0.06 << 0.06 << 300 << 0;
        QTest::newRow("narrow zoom") << 0.0101 << 0.0107 << 37 << 2;
        QTest::newRow("one-sided") << 0.0 << 0.2 << 1000 << 3;
        QTest::newRow("single bin") << -1.0 << 1.0 << 1 << 1;
        QTest::newRow("degenerate range") << 0.0 << 0.0 << 5 << 2;
    }
    void equalsReferenceOnRandomData()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(int, bins);
        QFETCH(int, threads);
        std::vector<float> v = heavyTailed(173 * 211, 7);
        v[5] = std::numeric_limits<float>::quiet_NaN();
        v[6] = std::numeric_limits<float>::infinity();
        v[7] = -std::numeric_limits<float>::infinity();
        v[8] = 0.0f;
        const RowSource src = rowSourceFromSpan(v, 211);
        RangeHistogramOptions options;
        options.threads = threads;
        options.rowsPerChunk = 5;
        const Histogram fast = rangeHistogram(src, lo, hi, bins, options);
        const Histogram ref = rangeHistogramRef(src, lo, hi, bins);
        QCOMPARE(fast, ref);
        QCOMPARE(fast.total(), uint64_t(v.size() - 3));  // the three non-finite values are left out
        Histogram direct = Histogram::make(lo, hi, bins);
        for (float x : v)
            if (std::isfinite(x))
                direct.add(x);
        QCOMPARE(ref, direct);
    }

    void valuesOnBinEdgesLandWhereHistogramAddPutsThem()
    {
        // Every edge lo + k·w of 0.001-wide bins, and the floats just beside it.
        const double lo = -0.05, hi = 0.05;
        const int bins = 100;
        std::vector<float> v;
        for (int k = 0; k <= bins; ++k) {
            const auto edge = static_cast<float>(lo + (hi - lo) * k / bins);
            v.push_back(edge);
            v.push_back(std::nextafter(edge, -1.0f));
            v.push_back(std::nextafter(edge, 1.0f));
        }
        const RowSource src = rowSourceFromSpan(v, 3);
        QCOMPARE(rangeHistogram(src, lo, hi, bins), rangeHistogramRef(src, lo, hi, bins));
        const Histogram h = rangeHistogram(src, lo, hi, bins);
        QVERIFY(h.below >= 1 && h.above >= 1);
        QCOMPARE(h.total(), uint64_t(v.size()));
    }

    void sameCountsWhateverTheThreadCount()
    {
        const std::vector<float> v = heavyTailed(64 * 1000, 3);
        const RowSource src = rowSourceFromSpan(v, 1000);
        RangeHistogramOptions one;
        one.threads = 1;
        const Histogram a = rangeHistogram(src, -0.03, 0.05, 257, one);
        for (int t : {2, 3, 8}) {
            RangeHistogramOptions o;
            o.threads = t;
            QCOMPARE(rangeHistogram(src, -0.03, 0.05, 257, o), a);
        }
    }

    void decodesF16Rows()
    {
        // A 16 × 96 F16 tensor: the counts are those of its decoded values.
        const std::vector<float> v = heavyTailed(16 * 96, 11);
        std::vector<uint16_t> half(v.size());
        std::vector<float> decoded(v.size());
        for (size_t i = 0; i < v.size(); ++i) {
            half[i] = fp32ToFp16(v[i]);
            decoded[i] = fp16ToFp32(half[i]);
        }
        std::vector<std::byte> bytes(half.size() * 2);
        std::memcpy(bytes.data(), half.data(), bytes.size());
        TensorInfo t;
        t.name = "w";
        t.type = TensorType::F16;
        t.ne = {96, 16};
        t.data = bytes;
        const Histogram fromTensor = rangeHistogram(rowSourceFromTensor(t), -0.04, 0.04, 64);
        QCOMPARE(fromTensor, rangeHistogramRef(rowSourceFromSpan(decoded, 96), -0.04, 0.04, 64));
        QVERIFY(fromTensor.below + fromTensor.above > 0);
    }

    void rejectsBadArgumentsAndCancels()
    {
        const std::vector<float> v = heavyTailed(1000, 1);
        const RowSource src = rowSourceFromSpan(v, 100);
        QVERIFY_THROWS_EXCEPTION(Error, rangeHistogram(src, 1.0, 0.0, 10));
        QVERIFY_THROWS_EXCEPTION(Error, rangeHistogram(src, 0.0, 1.0, 0));
        QVERIFY_THROWS_EXCEPTION(Error, rangeHistogram(src, 0.0, INFINITY, 10));
        try {
            RangeHistogramOptions o;
            o.rowsPerChunk = 1;
            rangeHistogram(src, -1.0, 1.0, 10, o, [](double) { return false; });
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
    }

    void centralRangeHoldsTheCentralShare()
    {
        // 1000 values: 0.5 .. 999.5 in 1000 unit bins, plus 3 below and 2 above.
        Histogram h = Histogram::make(0.0, 1000.0, 1000);
        for (int i = 0; i < 1000; ++i)
            h.add(i + 0.5);
        h.below = 3;
        h.above = 2;
        // 99 % of 1005: tails of 5.025 each; 3 below + bins 0, 1 (5 values) ≤ 5.025, so bin 2 starts it.
        auto [lo, hi] = centralRange(h, 0.99);
        QCOMPARE(lo, 2.0);
        QCOMPARE(hi, 997.0);   // 2 above + bins 999, 998, 997 hold 5; bin 996 ends the upper tail
        // A tail reaching into below/above gives the histogram's edge.
        h.below = 100;
        QCOMPARE(centralRange(h, 0.9).first, 0.0);
        QCOMPARE(centralRange(Histogram::make(-1.0, 1.0, 4), 0.999), std::make_pair(-1.0, 1.0));
    }

    void centralRangeOfFindsTheBulkDespiteOutliers()
    {
        // 100 000 values uniform on [-1, 1) and two outliers at ±1000: the coarse histogram's central bins span
        // [-7.8125, 7.8125], which the refining pass splits into kCentralBins bins, so the central 99 % comes
        // out as [-0.99, 0.99] to within one of those bins (15.625 / 4096 ≈ 0.0038) — against 7.8 for one
        // coarse bin.
        std::vector<float> v(100000);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = -1.0f + 2.0f * float(i) / float(v.size());
        v[10] = 1000.0f;
        v[20] = -1000.0f;
        const RowSource src = rowSourceFromSpan(v, 1000);
        const auto [lo, hi] = centralRangeOf(src, rangeHistogram(src, -1000.0, 1000.0, 256), 0.99);
        const double bin = 2.0 * 2000.0 / 256.0 / kCentralBins;
        QVERIFY2(std::fabs(lo + 0.99) <= bin && std::fabs(hi - 0.99) <= bin, qPrintable(QStringLiteral("%1 %2").arg(lo).arg(hi)));
        QVERIFY(lo <= -0.98999 && hi >= 0.98999);   // at least the central share lies inside
    }
};

QX_TEST_APPLESS_MAIN(TestRangeHistogram)
#include "tst_range_histogram.moc"
