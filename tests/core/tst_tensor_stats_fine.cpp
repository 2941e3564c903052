// The statistics scan's fine mode (tensors of 2^18 values and more, AVX-512): histograms counted by
// FineHistogram keys and moments from power sums in the same pass, against computeTensorStatsRef on random
// and adversarial data. Everything is exact except the moment figures, which agree within the bounds stated
// in stats/tensor_stats.h: mean within 1e-12·(|mean| + σ), σ and the outlier threshold within 1e-12
// relative, skewness and excess kurtosis within 1e-10·max(1, |value|); column RMS within 1e-6 (summed per
// worker, as everywhere).
#include "common/cpu_features.h"
#include "common/test_main.h"
#include "stats/fine_histogram.h"
#include "stats/stats_detail.h"
#include "stats/tensor_stats.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace {

constexpr int64_t kRows = 128, kCols = 2048;   // 2^18 values: the smallest tensor the fine mode takes

std::vector<float> studentT(uint32_t seed, float scale = 0.02f, float offset = 0.0f)
{
    std::mt19937 rng(seed);
    std::student_t_distribution<float> t(5.0f);
    std::vector<float> v(static_cast<size_t>(kRows * kCols));
    for (float& x : v)
        x = offset + scale * t(rng);
    return v;
}

float& at(std::vector<float>& v, int64_t r, int64_t c) { return v[static_cast<size_t>(r * kCols + c)]; }

bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol; }

/// Fast against the reference: the moment figures within their bounds, then everything else bit for bit.
/// fine / passes: what the fast path must have done (passes 0: either).
void compareWithRef(const std::vector<float>& v, bool fine, int passes)
{
    const auto src = qx::rowSourceFromSpan(v, kCols);
    for (const auto& [threads, perChunk] : std::vector<std::pair<int, int64_t>>{{2, 0}, {3, 7}}) {
        qx::StatsOptions opt;
        opt.threads = threads;
        opt.rowsPerChunk = perChunk;
        QCOMPARE(qx::stats_detail::fineWindowOf(src, opt) != 0, fine && qx::cpuHasAvx512());
        auto fast = qx::computeTensorStats(src, opt);
        auto ref = qx::computeTensorStatsRef(src, opt);
        QCOMPARE(fast.dataPasses, qx::cpuHasAvx512() && passes ? passes : fast.dataPasses);
        QCOMPARE(fast.moments.n, ref.moments.n);
        QVERIFY(near(fast.mean, ref.mean, 1e-12 * (std::fabs(ref.mean) + ref.stddev)));
        QVERIFY(near(fast.stddev, ref.stddev, 1e-12 * ref.stddev));
        QVERIFY(near(fast.outlierThreshold, ref.outlierThreshold, 1e-12 * ref.outlierThreshold));
        QVERIFY(near(fast.skewness, ref.skewness, 1e-10 * std::max(1.0, std::fabs(ref.skewness))));
        QVERIFY(near(fast.excessKurtosis, ref.excessKurtosis, 1e-10 * std::max(1.0, std::fabs(ref.excessKurtosis))));
        for (size_t j = 0; j < ref.columnRms.size(); ++j)
            QVERIFY(near(fast.columnRms[j], ref.columnRms[j], 1e-6 * ref.columnRms[j]));
        fast.mean = ref.mean, fast.stddev = ref.stddev, fast.skewness = ref.skewness;
        fast.excessKurtosis = ref.excessKurtosis, fast.moments = ref.moments, fast.outlierThreshold = ref.outlierThreshold;
        fast.columnRms = ref.columnRms;
        fast.dataPasses = ref.dataPasses;   // the reference always reads twice and says nothing
        QCOMPARE(fast.histogram, ref.histogram);
        QCOMPARE(fast.logHistogram, ref.logHistogram);
        QCOMPARE(fast.topOutliers, ref.topOutliers);
        QCOMPARE(fast.outlierCount, ref.outlierCount);
        QCOMPARE(fast.rowRms, ref.rowRms);
        QCOMPARE(fast.rowAbsMax, ref.rowAbsMax);
        QCOMPARE(fast.columnAbsMax, ref.columnAbsMax);
        QCOMPARE(fast.finiteCount, ref.finiteCount);
        QCOMPARE(fast.zeroCount, ref.zeroCount);
        QCOMPARE(fast.min, ref.min);
        QCOMPARE(fast.max, ref.max);
        QCOMPARE(fast.minNonZeroAbs, ref.minNonZeroAbs);
        QVERIFY(fast == ref);   // counts, extrema, row maps, column absmax, outliers: exact
    }
}

} // namespace

class TestTensorStatsFine : public QObject {
    Q_OBJECT
private slots:
    void heavyTailedWeights()
    {
        auto v = studentT(1);
        at(v, 5, 17) = 3.0f;
        at(v, 9, 2) = -2.5f;
        compareWithRef(v, true, 1);
    }
    void zerosConstantsAndOneHugeOutlier()
    {
        auto v = studentT(2);
        for (int64_t c = 0; c < kCols; ++c) {
            at(v, 4, c) = 0.0f;    // a sampled row of zeros
            at(v, 6, c) = 0.25f;   // constant rows outside the sample
            at(v, 7, c) = -0.125f;
            at(v, 10, c) = c % 3 ? 0.0f : -0.0f;
        }
        at(v, 77, 1000) = 1e4f;   // beyond the fine window: its block goes to the scalar loop
        compareWithRef(v, true, 1);   // σ grows with it: the sample's bound still covers every outlier
    }
    void subnormalsAndNonFinite()
    {
        auto v = studentT(3);
        for (int64_t r = 1; r < kRows; r += 5) {
            at(v, r, r % kCols) = 1e-40f;
            at(v, r, (3 * r) % kCols) = -3e-42f;
            at(v, r, (7 * r) % kCols) = std::numeric_limits<float>::denorm_min();
        }
        at(v, 3, 5) = std::numeric_limits<float>::quiet_NaN();
        at(v, 50, 2047) = std::numeric_limits<float>::infinity();
        at(v, 51, 0) = -std::numeric_limits<float>::infinity();
        compareWithRef(v, true, 1);
    }
    void cellEdgesAndLogThresholds()
    {
        // Grid values (negative ones on fine-cell edges: rz) and every log-bin threshold, its float
        // neighbour below and their negatives, at several scales (the up bit of the fine keys).
        auto v = studentT(4);
        for (size_t i = 0; i < v.size(); i += 3)
            v[i] = std::round(v[i] * 256.0f) / 256.0f;
        size_t i = 1;
        for (int k = 0; k < 32; ++k)
            for (int scale = -9; scale <= -3; ++scale) {
                float t = static_cast<float>(qx::logEdge(k));
                if (static_cast<double>(t) < qx::logEdge(k))
                    t = std::nextafter(t, 2.0f);
                for (float x : {t, std::nextafter(t, 0.0f)})
                    for (float s : {1.0f, -1.0f}) {
                        v[i] = s * std::ldexp(x, scale);
                        i += 7;
                    }
            }
        compareWithRef(v, true, 1);
    }
    void meanBeyondSigmaTakesShiftedSums()
    {
        compareWithRef(studentT(5, 0.02f, 0.05f), true, 1);
    }
    void chunksFarFromTheShiftTakeTwoPassMoments()
    {
        auto v = studentT(6);
        for (size_t i = v.size() / 2; i < v.size(); ++i)
            v[i] += 1000.0f;   // chunk means 0 and 1000 against a shift of 500, σ within a chunk 0.026: the
                               // power sums would lose 8 digits; every whole chunk takes the two-pass moments
        compareWithRef(v, true, 1);
    }
    void keysTooCoarseForTheFinalLevelTakeASecondRead()
    {
        // The sample (every 4th row) spans [0.69, 0.99]: fine keys exact for it. A value past 1 elsewhere
        // leaves the linear level too fine for the keys of [1, 2): the linear histogram is read again.
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> u(0.69f, 0.99f);
        std::vector<float> v(static_cast<size_t>(kRows * kCols));
        for (float& x : v)
            x = u(rng);
        at(v, 5, 3) = 1.0177f;
        compareWithRef(v, true, 2);
    }
    void randomMixtures()
    {
        // Scales from 1e-6 to 1e3, offsets up to a few σ, and sprinkled zeros, subnormals, grid values,
        // non-finite values and outliers at random places.
        std::mt19937 rng(9);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        for (int round = 0; round < 4; ++round) {
            const float scale = std::pow(10.0f, -6.0f + 9.0f * u(rng));
            auto v = studentT(20 + static_cast<uint32_t>(round), scale, scale * 3.0f * (u(rng) - 0.5f));
            for (int k = 0; k < 2000; ++k) {
                float& x = v[static_cast<size_t>(rng()) % v.size()];
                switch (k % 5) {
                case 0: x = 0.0f; break;
                case 1: x = -std::round(x / scale * 8.0f) * scale / 8.0f; break;
                case 2: x = std::ldexp(x, -40); break;   // tiny, sometimes subnormal
                case 3: x *= 50.0f; break;
                default: x = k % 2 ? std::numeric_limits<float>::quiet_NaN() : -std::numeric_limits<float>::infinity();
                }
            }
            compareWithRef(v, true, 0);   // every round's sample is binned exactly by the fine keys
        }
    }
    void farFromZeroStaysBitIdentical()
    {
        const auto v = studentT(8, 0.0002f, 1.0f);   // norm-like: the streaming histograms, two-pass moments
        const auto src = qx::rowSourceFromSpan(v, kCols);
        QCOMPARE(qx::stats_detail::fineWindowOf(src, {}), 0);
        qx::StatsOptions opt;
        opt.threads = 1;   // column sums per worker: bit-identical with one worker only
        auto fast = qx::computeTensorStats(src, opt);
        const auto ref = qx::computeTensorStatsRef(src, opt);
        QCOMPARE(fast.dataPasses, 2);   // |w| > 6σ around 0 holds for every value: the outliers take a second read
        QCOMPARE(fast.outlierCount, ref.count);
        fast.dataPasses = ref.dataPasses;
        QVERIFY(fast == ref);
    }
    void shiftedSumsRefuseAFarShift()
    {
        std::vector<float> v(1000);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = 1000.0f + 0.01f * static_cast<float>(i % 7);
        auto sums = [&](double shift) {
            std::array<double, 4> s{};
            for (float x : v) {
                const double d = x - shift;
                s[0] += d, s[1] += d * d, s[2] += d * d * d, s[3] += d * d * d * d;
            }
            return s;
        };
        qx::Moments m;
        double s[4];
        std::copy_n(sums(0.0).begin(), 4, s);
        QVERIFY(!qx::Moments::fromShiftedSums(v.size(), 0.0, s, m));   // 0 lies far more than σ from the mean
        std::copy_n(sums(1000.0).begin(), 4, s);
        QVERIFY(!qx::Moments::fromShiftedSums(v.size(), 1000.0, s, m));   // 1.5σ below the mean: refused too
        const double shift = v[3];                                         // the middle value
        std::copy_n(sums(shift).begin(), 4, s);
        QVERIFY(qx::Moments::fromShiftedSums(v.size(), shift, s, m));
        const qx::Moments ref = qx::Moments::ofValuesRef(v);
        QCOMPARE(m.n, ref.n);
        QVERIFY(near(m.mean, ref.mean, 1e-12 * ref.stddev()));
        QVERIFY(near(m.stddev(), ref.stddev(), 1e-12 * ref.stddev()));
        QVERIFY(near(m.skewness(), ref.skewness(), 1e-10));
        QVERIFY(near(m.excessKurtosis(), ref.excessKurtosis(), 1e-10));
        std::fill(v.begin(), v.end(), 0.3f);   // constant: exactly no spread
        std::copy_n(sums(0.3f).begin(), 4, s);
        QVERIFY(qx::Moments::fromShiftedSums(v.size(), 0.3f, s, m));
        QCOMPARE(m.m2, 0.0);
        QCOMPARE(m.mean, double(0.3f));
    }
    void fineKeys()
    {
        const qx::FineHistogram h(qx::FineHistogram::firstExponentFor(0.5));
        QCOMPARE(h.firstExponent(), 126 + 8 - 63);
        QCOMPARE(h.keyOf(0.0f), int64_t(-1));
        QCOMPARE(h.keyOf(-0.0f), int64_t(-1));
        QCOMPARE(h.keyOf(1e-40f), int64_t(-1));
        QCOMPARE(h.keyOf(std::numeric_limits<float>::infinity()), int64_t(-1));
        QCOMPARE(h.keyOf(std::numeric_limits<float>::quiet_NaN()), int64_t(-1));
        QCOMPARE(h.keyOf(1024.0f), int64_t(-1));   // above the window
        const int64_t one = h.keyOf(1.0f);         // e = 0, m8 = 0, no threshold passed yet: up 0... at k = 0
        QCOMPARE(one % 2, int64_t(1));             // the cell edge itself: rz
        QCOMPARE(h.keyOf(-1.0f), one + int64_t(qx::FineHistogram::kNegative));
        QCOMPARE(h.keyOf(std::nextafter(1.0f, 2.0f)), one - 1);
    }
    void countsSurviveTheSpillToWideCounters()
    {
        qx::FineHistogram h(qx::FineHistogram::firstExponentFor(0.5));
        h.reserve(UINT32_MAX - 2);
        const auto key = static_cast<size_t>(h.keyOf(0.375f));
        h.counts()[key] = UINT32_MAX - 2;   // as if that many values had been counted
        h.reserve(10);                      // would overflow: the counts move to 64-bit counters
        QCOMPARE(h.counts()[key], 0u);
        h.counts()[key] += 10;
        qx::Pow2Histogram lin(256, -8), log(128, 0);
        h.addTo(&lin, log);
        QCOMPARE(lin.occupiedCounts(), std::vector<uint64_t>{uint64_t(UINT32_MAX) + 8});
        QCOMPARE(log.occupiedCounts(), std::vector<uint64_t>{uint64_t(UINT32_MAX) + 8});
        QCOMPARE(h.topExponent(), -2);
    }
};

QX_TEST_APPLESS_MAIN(TestTensorStatsFine)
#include "tst_tensor_stats_fine.moc"
