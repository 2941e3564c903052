#include "common/error.h"
#include "common/half.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "stats/pow2_histogram.h"
#include "stats/tensor_stats.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <bit>
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

// The histograms straight from their definition (see stats/tensor_stats.h), independent of the library:
// the smallest level whose aligned bins of 2^level hold [lo, hi] in `bins` bins, then floor(x / 2^level).
int levelFor(double lo, double hi, int bins, int minLevel)
{
    int level = minLevel;
    while (std::floor(std::ldexp(hi, -level)) - std::floor(std::ldexp(lo, -level)) + 1 > bins)
        ++level;
    return level;
}

qx::Histogram directGrid(const std::vector<double>& xs, int bins, int minLevel, double unit)
{
    const double lo = *std::min_element(xs.begin(), xs.end()), hi = *std::max_element(xs.begin(), xs.end());
    const int level = levelFor(lo, hi, bins, minLevel);
    const double first = std::floor(std::ldexp(lo, -level)), last = std::floor(std::ldexp(hi, -level));
    qx::Histogram h;
    h.lo = unit * std::ldexp(first, level);
    h.hi = unit * std::ldexp(last + 1, level);
    h.counts.assign(size_t(last - first + 1), 0);
    for (double x : xs)
        ++h.counts[size_t(std::floor(std::ldexp(x, -level)) - first)];
    return h;
}

qx::Histogram directLinearHistogram(const std::vector<float>& v, int bins)
{
    std::vector<double> xs;
    for (float x : v)
        if (std::isfinite(x))
            xs.push_back(x);
    return directGrid(xs, bins, -149, 1.0);
}

// Log bins of 1/32 octave: j with 2^(j/32) <= |w| < 2^((j+1)/32), by a linear walk over exp2 edges.
qx::Histogram directLogHistogram(const std::vector<float>& v, int bins)
{
    std::vector<double> xs;
    for (float x : v) {
        if (!std::isfinite(x) || x == 0.0f)
            continue;
        const double a = std::fabs(double(x));
        // edges 2^e · exp2(k/32) with j = 32e + k (stats/pow2_histogram.h)
        auto edge = [](int64_t j) {
            const int64_t e = int64_t(std::floor(double(j) / 32));
            return std::ldexp(std::exp2(double(j - 32 * e) / 32.0), int(e));
        };
        int64_t j = int64_t(std::floor(std::log2(a) * 32)) - 2;
        while (edge(j + 1) <= a)
            ++j;
        xs.push_back(double(j));
    }
    return directGrid(xs, bins, 0, std::log10(2.0) / 32);
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
        // 3 bins: width 2 (width 1 would need 4), aligned at 0: [0,2) [2,4) [4,6)
        QCOMPARE(s.histogram.counts, (std::vector<uint64_t>{1, 2, 1}));
        QCOMPARE(s.histogram.lo, 0.0);
        QCOMPARE(s.histogram.hi, 6.0);
        QCOMPARE(s.rowAbsMax, (std::vector<float>{2, 4}));
        QCOMPARE(s.columnAbsMax, (std::vector<float>{3, 4}));
        QCOMPARE(s.rowRms, (std::vector<float>{std::sqrt(2.5f), std::sqrt(12.5f)}));
        QCOMPARE(s.columnRms, (std::vector<float>{std::sqrt(5.0f), std::sqrt(10.0f)}));
        // log bins of 1/32 octave: |w| = 1, 2, 3, 4 in bins 0, 32, 50, 64 (fits 128 bins at the finest level)
        QCOMPARE(s.logHistogram.lo, 0.0);
        QCOMPARE(s.logHistogram.counts.size(), size_t(65));
        QCOMPARE(s.logHistogram.counts[0] + s.logHistogram.counts[32] + s.logHistogram.counts[50] + s.logHistogram.counts[64],
                 uint64_t(4));
        QVERIFY(close(s.logHistogram.hi, 65.0 / 32 * std::log10(2.0), 1e-15));
    }
    void logHistogramWithSubnormals()
    {
        std::vector<float> v{1e-40f, -3e-39f, 1e-3f, 1.0f, -5.0f, 0.0f, 2e-38f, 7.5f};
        qx::StatsOptions opt;
        opt.logHistogramBins = 50;
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 4), opt);
        QCOMPARE(s.minNonZeroAbs, double(1e-40f));
        QCOMPARE(s.logHistogram, directLogHistogram(v, 50));
        QCOMPARE(s.logHistogram.total(), uint64_t(7));
        // 1e-40 .. 7.5 spans 135.8 octaves: 4 octaves per bin, keys -34 .. 0
        QCOMPARE(s.logHistogram.counts.size(), size_t(35));
        QCOMPARE(s.logHistogram.counts.front(), uint64_t(1));
        QCOMPARE(s.logHistogram.counts.back(), uint64_t(3)); // 1, 5 and 7.5: [2^0, 2^4)
        QVERIFY(close(s.logHistogram.lo, -34 * 4 * std::log10(2.0), 1e-15));
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

        uint64_t outliers = 0;
        std::vector<qx::Outlier> all;
        for (size_t i = 0; i < v.size(); ++i) {
            if (std::fabs(double(v[i])) > 4.0 * s.stddev) {
                ++outliers;
                all.push_back({int64_t(i) / cols, int64_t(i) % cols, v[i]});
            }
        }
        QCOMPARE(s.histogram, directLinearHistogram(v, opt.histogramBins));
        QCOMPARE(s.logHistogram, directLogHistogram(v, opt.logHistogramBins));
        QVERIFY(s.histogram.counts.size() > size_t(opt.histogramBins / 2));
        QCOMPARE(s.dataPasses, 1);
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
        QTest::addColumn<bool>("simd");
        QTest::newRow("1 thread") << 1 << qint64(0) << true;
        QTest::newRow("2 threads, 5 rows") << 2 << qint64(5) << true;
        QTest::newRow("4 threads, 1 row") << 4 << qint64(1) << true;
        QTest::newRow("7 threads, 64 rows") << 7 << qint64(64) << true;
        QTest::newRow("portable loop, 1 thread") << 1 << qint64(0) << false;
        QTest::newRow("portable loop, 3 threads, 7 rows") << 3 << qint64(7) << false;
    }
    void threadedEqualsRef()
    {
        QFETCH(int, threads);
        QFETCH(qint64, rowsPerChunk);
        QFETCH(bool, simd);
        const int64_t rows = 200, cols = 99;   // 6 blocks of 16 and a tail of 3
        auto v = heavyTailed(rows, cols, 11);
        // blocks the vector kernel hands back: non-finite, subnormal, zero and a far outlier
        v[3 * cols + 5] = std::numeric_limits<float>::quiet_NaN();
        v[4 * cols + 40] = -std::numeric_limits<float>::infinity();
        v[7 * cols + 20] = 1e-41f;
        v[8 * cols + 33] = 0.0f;
        v[8 * cols + 34] = -0.0f;
        v[150 * cols + 70] = 40.0f;
        qx::StatsOptions opt;
        opt.simd = simd;
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
    void momentsKernelEqualsScalar()
    {
        auto v = heavyTailed(10, 26, 21);   // 260 values: 32 blocks of 8 and a tail of 4
        v[3] = std::numeric_limits<float>::quiet_NaN();
        v[100] = std::numeric_limits<float>::infinity();
        v[101] = 1e-42f;
        v[259] = -std::numeric_limits<float>::infinity();
        for (size_t len : {size_t(0), size_t(1), size_t(7), size_t(8), size_t(100), v.size()}) {
            const std::span<const float> part(v.data(), len);
            QVERIFY(qx::Moments::ofValues(part) == qx::Moments::ofValuesRef(part));
        }
        const std::vector<float> allNan(20, std::numeric_limits<float>::quiet_NaN());
        QCOMPARE(qx::Moments::ofValues(allNan).n, uint64_t(0));
    }
    void logBinEqualsBinarySearch()
    {
        std::mt19937 rng(9);
        std::uniform_int_distribution<uint32_t> bits(1, 0x7f7fffffu);   // every positive finite float
        for (int i = 0; i < 200000; ++i) {
            const float a = std::bit_cast<float>(bits(rng));
            QCOMPARE(qx::logBin32(a), qx::logBin32Ref(a));
        }
        for (int64_t j = -149 * 32; j < 128 * 32; j += 7) {   // at and beside the edges
            const float e = float(qx::logEdge(j));
            for (float a : {e, std::nextafter(e, 0.0f), std::nextafter(e, 1e38f)})
                if (a > 0 && std::isfinite(a))
                    QCOMPARE(qx::logBin32(a), qx::logBin32Ref(a));
        }
    }
    void logBinTablesAgree()
    {
        const qx::LogBinner& b = qx::logBinner();
        for (uint32_t m = 0; m < (1u << 23); ++m) {   // every mantissa: the 64-cell table equals the 256-cell one
            const uint32_t cell = m >> 15;
            const uint32_t k = b.firstK[cell] + static_cast<uint32_t>(m >= b.threshold[cell]);
            if (b.octaveStep64(m) != k)
                QFAIL(qPrintable(QStringLiteral("mantissa %1: %2 != %3").arg(m).arg(b.octaveStep64(m)).arg(k)));
        }
    }
    void pow2HistogramIgnoresOrderAndSplits()
    {
        const auto v = heavyTailed(50, 64, 13);
        auto fill = [](const std::vector<float>& xs, size_t parts) {
            std::vector<qx::Pow2Histogram> hs(parts, qx::Pow2Histogram(40, -149));
            for (size_t i = 0; i < xs.size(); ++i)
                hs[i % parts].add(xs[i]);
            for (size_t p = 1; p < parts; ++p)
                hs[0].merge(hs[p]);
            return hs[0].toHistogram(1.0, 40);
        };
        auto sorted = v, reversed = v;
        std::sort(sorted.begin(), sorted.end());
        std::sort(reversed.rbegin(), reversed.rend());
        const auto expected = directLinearHistogram(v, 40);
        QCOMPARE(fill(v, 1), expected);
        QCOMPARE(fill(sorted, 1), expected);
        QCOMPARE(fill(reversed, 1), expected);
        QCOMPARE(fill(v, 3), expected);
        QCOMPARE(fill(sorted, 5), expected);
        QVERIFY(expected.counts.size() > 20 && expected.counts.size() <= 40);
    }
    void constantTensor()
    {
        const std::vector<float> v(300, 0.375f);
        const auto s = qx::computeTensorStats(qx::rowSourceFromSpan(v, 30));
        QCOMPARE(s.histogram.counts, std::vector<uint64_t>{300});
        QCOMPARE(s.histogram.lo, 0.375);
        QCOMPARE(s.logHistogram.counts, std::vector<uint64_t>{300});
        QCOMPARE(s.stddev, 0.0);
        QCOMPARE(s.outlierCount, uint64_t(0));
        QVERIFY(s == qx::computeTensorStatsRef(qx::rowSourceFromSpan(v, 30)));
    }
    void secondReadWhenTheSampleOverstatesSigma()
    {
        // The sample reads 64 of 1000 rows (every 15.625th); only those rows are wide, so σ_sample is about
        // four times σ and the candidates beyond 0.8·k·σ_sample would miss outliers: a second read is needed.
        const int64_t rows = 1000, cols = 1024;
        auto v = heavyTailed(rows, cols, 17);
        for (int64_t i = 0; i < 64; ++i)
            for (int64_t c = 0; c < cols; ++c)
                v[size_t((i * rows / 64) * cols + c)] *= 30.0f;
        qx::StatsOptions opt;
        opt.outlierSigma = 3.0;
        opt.threads = 2;
        auto fast = qx::computeTensorStats(qx::rowSourceFromSpan(v, cols), opt);
        auto ref = qx::computeTensorStatsRef(qx::rowSourceFromSpan(v, cols), opt);
        QCOMPARE(fast.dataPasses, 2);
        QVERIFY(fast.outlierCount > 1000);
        QCOMPARE(fast.outlierCount, ref.outlierCount);
        QCOMPARE(fast.topOutliers, ref.topOutliers);
        QCOMPARE(fast.histogram, ref.histogram);
        QCOMPARE(fast.logHistogram, ref.logHistogram);
    }
    void oneHugeRowHasNoSample()
    {
        // a single row of more than 1 Mi values is not sampled: the outliers take a second read
        std::vector<float> v((1 << 20) + 16);
        std::mt19937 rng(19);
        std::student_t_distribution<float> t(5.0f);
        for (float& x : v)
            x = 0.02f * t(rng);
        v[12345] = 5.0f;
        const auto src = qx::rowSourceFromSpan(v, int64_t(v.size()));
        const auto fast = qx::computeTensorStats(src);
        const auto ref = qx::computeTensorStatsRef(src);
        QCOMPARE(fast.dataPasses, 2);
        QCOMPARE(fast.topOutliers.front(), (qx::Outlier{0, 12345, 5.0f}));
        QCOMPARE(fast.outlierCount, ref.outlierCount);
        QCOMPARE(fast.topOutliers, ref.topOutliers);
    }
    void progressAndCancel()
    {
        const auto v = heavyTailed(64, 32, 3);
        qx::StatsOptions opt;
        opt.rowsPerChunk = 4;
        double last = 0;
        qx::computeTensorStats(qx::rowSourceFromSpan(v, 32), opt, [&](double f) { last = f; return true; });
        QCOMPARE(last, 1.0);
        // One worker reports after every chunk, so a "stop" on the third report stops it. With more workers
        // only the calling thread reports and another may take every chunk first: a stop on the first report
        // (at the latest the final one) must still cancel.
        opt.threads = 1;
        int calls = 0;
        try {
            qx::computeTensorStats(qx::rowSourceFromSpan(v, 32), opt, [&](double) { return ++calls < 3; });
            QFAIL("no cancel");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::Cancelled);
            QCOMPARE(calls, 3);
        }
        opt.threads = 2;
        try {
            qx::computeTensorStats(qx::rowSourceFromSpan(v, 32), opt, [](double) { return false; });
            QFAIL("no cancel with two workers");
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
    void storedF32TensorIsViewed()
    {
        const auto v = heavyTailed(30, 80, 6);
        qx::TensorInfo t;
        t.name = "w";
        t.ne = {80, 30};
        t.type = qx::TensorType::F32;
        t.nbytes = v.size() * 4;
        t.data = std::as_bytes(std::span<const float>(v));
        const auto src = qx::rowSourceFromTensor(t);
        QVERIFY(bool(src.view));
        QCOMPARE(src.view(2, 3).data(), v.data() + 160);
        qx::StatsOptions opt;
        opt.threads = 1;   // one worker: even the column RMS adds up in the reference's order
        QVERIFY(qx::computeTensorStats(t, opt) == qx::computeTensorStatsRef(src, opt));
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

QX_TEST_APPLESS_MAIN(TestTensorStats)
#include "tst_tensor_stats.moc"
