#include "common/error.h"
#include "common/half.h"
#include "io/model_file.h"
#include "stats/tensor_stats.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace {

// Student-t (df 5) values with a per-row scale and two planted outliers: statistics like real LLM weights.
std::vector<float> heavyTailed(int64_t rows, int64_t cols, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::student_t_distribution<float> t(5.0f);
    std::uniform_real_distribution<float> scale(0.5f, 2.0f);
    std::vector<float> v(static_cast<size_t>(rows * cols));
    for (int64_t r = 0; r < rows; ++r) {
        const float s = 0.02f * scale(rng);
        for (int64_t c = 0; c < cols; ++c)
            v[static_cast<size_t>(r * cols + c)] = s * t(rng);
    }
    v[static_cast<size_t>(5 * cols + 17)] = 3.0f;
    v[static_cast<size_t>(9 * cols + 2)] = -2.5f;
    return v;
}

struct Direct {
    long double mean = 0, var = 0, skew = 0, kurt = 0;
};

Direct directMoments(const std::vector<float>& v)
{
    Direct d;
    long double sum = 0;
    for (float x : v)
        sum += x;
    d.mean = sum / v.size();
    long double m2 = 0, m3 = 0, m4 = 0;
    for (float x : v) {
        const long double e = x - d.mean;
        m2 += e * e;
        m3 += e * e * e;
        m4 += e * e * e * e;
    }
    const long double n = v.size();
    d.var = m2 / n;
    d.skew = (m3 / n) / std::pow(d.var, 1.5L);
    d.kurt = (m4 / n) / (d.var * d.var) - 3;
    return d;
}

// log10|w| histogram by a binary search of the bin edges |w| = 10^(lo + i·width).
qx::Histogram directLogHistogram(const std::vector<float>& v, const qx::TensorStats& s, int bins)
{
    auto h = qx::Histogram::make(std::log10(s.minNonZeroAbs), std::log10(s.absMax), bins);
    std::vector<double> edges;
    for (int i = 1; i < bins; ++i)
        edges.push_back(std::pow(10.0, h.lo + (h.hi - h.lo) * i / bins));
    for (float x : v)
        if (std::isfinite(x) && x != 0.0f)
            ++h.counts[size_t(std::upper_bound(edges.begin(), edges.end(), std::fabs(double(x))) - edges.begin())];
    return h;
}

bool close(double a, double b, double rel) { return std::fabs(a - b) <= rel * std::max(1e-300, std::fabs(b)); }

} // namespace

class TestTensorStats : public QObject {
    Q_OBJECT
private slots:
    void tinyHandValues()
    {
        const std::vector<float> v{1, 2, 3, 4};
        qx::StatsOptions opt;
        opt.histogramBins = 3;
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 2), opt);
        QCOMPARE(s.count, uint64_t(4));
        QCOMPARE(s.mean, 2.5);
        QCOMPARE(s.stddev, std::sqrt(1.25));
        QCOMPARE(s.skewness, 0.0);
        QVERIFY(close(s.excessKurtosis, 2.5625 / 1.5625 - 3.0, 1e-14));
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 4.0);
        QCOMPARE(s.absMax, 4.0);
        QCOMPARE(s.histogram.counts, (std::vector<uint64_t>{1, 1, 2}));
        QCOMPARE(s.rowAbsMax, (std::vector<float>{2, 4}));
        QCOMPARE(s.columnAbsMax, (std::vector<float>{3, 4}));
        QCOMPARE(s.rowRms, (std::vector<float>{std::sqrt(2.5f), std::sqrt(12.5f)}));
        QCOMPARE(s.columnRms, (std::vector<float>{std::sqrt(5.0f), std::sqrt(10.0f)}));
        QCOMPARE(s.logHistogram.lo, 0.0);
        QCOMPARE(s.logHistogram.hi, std::log10(4.0));
        QCOMPARE(s.logHistogram.total(), uint64_t(4));
    }
    void logHistogramWithSubnormals()
    {
        std::vector<float> v{1e-40f, -3e-39f, 1e-3f, 1.0f, -5.0f, 0.0f, 2e-38f, 7.5f};
        qx::StatsOptions opt;
        opt.logHistogramBins = 50;
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 4), opt);
        QCOMPARE(s.minNonZeroAbs, double(1e-40f));
        QCOMPARE(s.logHistogram, directLogHistogram(v, s, 50));
        QCOMPARE(s.logHistogram.total(), uint64_t(7));
        QCOMPARE(s.logHistogram.counts.front(), uint64_t(1));
        QCOMPARE(s.logHistogram.counts.back(), uint64_t(2)); // 5 and 7.5: the top bin spans 10^0.0575..10^0.875
    }
    void nonFiniteAndZeros()
    {
        const float inf = std::numeric_limits<float>::infinity();
        const std::vector<float> v{0, std::nanf(""), inf, -inf, 2, 0};
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 3));
        QCOMPARE(s.nanCount, uint64_t(1));
        QCOMPARE(s.infCount, uint64_t(2));
        QCOMPARE(s.zeroCount, uint64_t(2));
        QCOMPARE(s.finiteCount, uint64_t(3));
        QCOMPARE(s.zeroFraction, 2.0 / 6.0);
        QCOMPARE(s.mean, 2.0 / 3.0);
        QCOMPARE(s.absMax, 2.0);
        QCOMPARE(s.minNonZeroAbs, 2.0);
        QCOMPARE(s.histogram.total(), uint64_t(3));
        QCOMPARE(s.rowAbsMax, (std::vector<float>{0, 2}));
    }
    void momentsAndHistogramsMatchTwoPass()
    {
        const int64_t rows = 301, cols = 257;
        const auto v = heavyTailed(rows, cols, 7);
        qx::StatsOptions opt;
        opt.rowsPerChunk = 13;
        opt.outlierSigma = 4.0;
        opt.topOutliers = 10;
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, cols), opt);
        const Direct d = directMoments(v);
        QVERIFY(close(s.mean, double(d.mean), 1e-12));
        QVERIFY(close(s.stddev, std::sqrt(double(d.var)), 1e-12));
        QVERIFY(close(s.skewness, double(d.skew), 1e-10));
        QVERIFY(close(s.excessKurtosis, double(d.kurt), 1e-10));
        QVERIFY(s.excessKurtosis > 10.0); // planted outliers on a t5 body

        auto hist = qx::Histogram::make(s.min, s.max, opt.histogramBins);
        uint64_t outliers = 0;
        std::vector<qx::Outlier> all;
        for (size_t i = 0; i < v.size(); ++i) {
            hist.add(v[i]);
            if (std::fabs(double(v[i])) > 4.0 * s.stddev) {
                ++outliers;
                all.push_back({int64_t(i) / cols, int64_t(i) % cols, v[i]});
            }
        }
        QCOMPARE(s.histogram, hist);
        QCOMPARE(s.logHistogram, directLogHistogram(v, s, opt.logHistogramBins));
        QCOMPARE(s.histogram.counts.front() + s.histogram.counts.back() > 0, true);
        QCOMPARE(s.outlierCount, outliers);
        std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return std::fabs(a.value) > std::fabs(b.value); });
        all.resize(10);
        QCOMPARE(s.topOutliers, all);
        QCOMPARE(s.topOutliers[0], (qx::Outlier{5, 17, 3.0f}));
        QCOMPARE(s.topOutliers[1], (qx::Outlier{9, 2, -2.5f}));
        QCOMPARE(s.columnAbsMax[17], 3.0f);
        QCOMPARE(s.rowAbsMax[9], 2.5f);
    }
    void centeredOutliers()
    {
        // A norm-like vector: mean 1, tiny spread, one value far from the mean.
        std::vector<float> v(100, 1.0f);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] += (i % 2 ? 0.01f : -0.01f);
        v[42] = 1.5f;
        qx::StatsOptions opt;
        opt.outlierSigma = 3.0;
        QCOMPARE(qx::computeTensorStats(qx::rowSourceFromSpan(v, 100), opt).outlierCount, uint64_t(100));
        opt.outlierCentered = true;
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 100), opt);
        QCOMPARE(s.outlierCount, uint64_t(1));
        QCOMPARE(s.topOutliers.size(), size_t(1));
        QCOMPARE(s.topOutliers[0], (qx::Outlier{0, 42, 1.5f}));
    }
    void threadedEqualsRef_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<qint64>("rowsPerChunk");
        QTest::newRow("1 thread") << 1 << qint64(0);
        QTest::newRow("2 threads, 5 rows") << 2 << qint64(5);
        QTest::newRow("4 threads, 1 row") << 4 << qint64(1);
        QTest::newRow("7 threads, 64 rows") << 7 << qint64(64);
    }
    void threadedEqualsRef()
    {
        QFETCH(int, threads);
        QFETCH(qint64, rowsPerChunk);
        const int64_t rows = 200, cols = 96;
        const auto v = heavyTailed(rows, cols, 11);
        qx::StatsOptions opt;
        opt.threads = threads;
        opt.rowsPerChunk = rowsPerChunk;
        auto fast = qx::computeTensorStats(qx::rowSourceFromSpan(v, cols), opt);
        auto ref = qx::computeTensorStatsRef(qx::rowSourceFromSpan(v, cols), opt);
        QCOMPARE(fast.columnRms.size(), ref.columnRms.size());
        for (size_t j = 0; j < ref.columnRms.size(); ++j)
            QVERIFY(close(fast.columnRms[j], ref.columnRms[j], 1e-6));
        fast.columnRms.clear();
        ref.columnRms.clear();
        QVERIFY(fast == ref); // everything else bit-identical
    }
    void progressAndCancel()
    {
        const auto v = heavyTailed(64, 32, 3);
        qx::StatsOptions opt;
        opt.rowsPerChunk = 4;
        double last = 0;
        qx::computeTensorStats(qx::rowSourceFromSpan(v, 32), opt, [&](double f) { last = f; return true; });
        QCOMPARE(last, 1.0);
        int calls = 0;
        try {
            qx::computeTensorStats(qx::rowSourceFromSpan(v, 32), opt, [&](double) { return ++calls < 3; });
            QFAIL("no cancel");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::Cancelled);
        }
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::computeTensorStatsRef(qx::rowSourceFromSpan(v, 32), opt,
                                                                      [](double) { return false; }));
    }
    void storedF16TensorDecodes()
    {
        const auto v = heavyTailed(40, 64, 5);
        std::vector<uint16_t> half(v.size());
        std::vector<float> decoded(v.size());
        for (size_t i = 0; i < v.size(); ++i) {
            half[i] = qx::fp32ToFp16(v[i]);
            decoded[i] = qx::fp16ToFp32(half[i]);
        }
        qx::TensorInfo t;
        t.name = "w";
        t.ne = {64, 40};
        t.type = qx::TensorType::F16;
        t.nbytes = half.size() * 2;
        t.data = std::as_bytes(std::span<const uint16_t>(half));
        qx::StatsOptions opt;
        opt.rowsPerChunk = 3;
        auto a = qx::computeTensorStats(t, opt);
        auto b = qx::computeTensorStats(qx::rowSourceFromSpan(decoded, 64), opt);
        QVERIFY(a == b);
        QCOMPARE(a.rows, int64_t(40));
    }
    void undecodableTypeThrows()
    {
        std::vector<std::byte> bytes(18 * 2);
        qx::TensorInfo t;
        t.ne = {32, 2};
        t.type = qx::TensorType::Q2_K; // wrong size on purpose: must be an error, not a crash
        t.data = bytes;
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::computeTensorStats(t));
    }
    void badShapeIsAnError()
    {
        const std::vector<float> v(10);
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::rowSourceFromSpan(v, 3));
    }
};

QTEST_APPLESS_MAIN(TestTensorStats)
#include "tst_tensor_stats.moc"
