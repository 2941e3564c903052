// The dense double kernels behind GPTQ and the capture (calib/dense_kernels.h): the dispatched SIMD build
// agrees with the generic ...Ref build to rounding, and both are right — the Gram matrix against a plain
// triple loop, U against h⁻¹ = UᵀU, the product against its definition, the loss against Σ d H dᵀ.
#include "calib/dense_kernels.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace qx;

namespace {

std::vector<float> randomFloats(size_t n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = d(rng);
    return v;
}

/// A well-conditioned symmetric positive definite n × n matrix: XᵀX/rows + I/2 (column-major).
std::vector<double> spd(int64_t n, uint32_t seed)
{
    const int64_t rows = 3 * n;
    const std::vector<float> x = randomFloats(size_t(rows * n), seed);
    std::vector<double> h(size_t(n * n), 0.0);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t i = 0; i < n; ++i)
            for (int64_t j = 0; j < n; ++j)
                h[size_t(j * n + i)] += double(x[size_t(r * n + i)]) * x[size_t(r * n + j)] / double(rows);
    for (int64_t i = 0; i < n; ++i)
        h[size_t(i * n + i)] += 0.5;
    return h;
}

double maxAbsDiff(const std::vector<double>& a, const std::vector<double>& b)
{
    double m = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::fabs(a[i] - b[i]));
    return m;
}

} // namespace

class TestDenseKernels : public QObject {
    Q_OBJECT
private slots:
    void gramMatchesLoopsAndRef()
    {
        const int64_t rows = 1500, cols = 300; // more rows than one conversion batch, three column blocks
        const std::vector<float> x = randomFloats(size_t(rows * cols), 1);
        std::vector<double> fast(size_t(cols * cols), 0.25), ref(fast), plain(fast);
        dense::addGram(fast, x.data(), rows, cols);
        dense::addGramRef(ref, x.data(), rows, cols);
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t j = 0; j < cols; ++j)
                for (int64_t i = 0; i <= j; ++i) // upper triangle of the column-major matrix
                    plain[size_t(j * cols + i)] += double(x[size_t(r * cols + i)]) * x[size_t(r * cols + j)];
        for (int64_t j = 0; j < cols; ++j)
            for (int64_t i = 0; i <= j; ++i) {
                const size_t k = size_t(j * cols + i);
                QVERIFY(std::fabs(fast[k] - plain[k]) <= 1e-9 * (1.0 + std::fabs(plain[k])));
                QVERIFY(std::fabs(ref[k] - plain[k]) <= 1e-9 * (1.0 + std::fabs(plain[k])));
            }
        for (int64_t j = 0; j < cols; ++j) // the strictly lower part is left as it was
            for (int64_t i = j + 1; i < cols; ++i)
                QCOMPARE(fast[size_t(j * cols + i)], 0.25);
    }

    void productMatchesDefinitionAndRef_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        QTest::newRow("product") << 37 << 300 << 29;
        QTest::newRow("outer product on threads") << 400 << 200 << 1;
    }
    void productMatchesDefinitionAndRef()
    {
        QFETCH(int, m);
        QFETCH(int, n);
        QFETCH(int, k);
        const int64_t ldc = m + 3, lda = m + 4, ldb = k + 4;
        std::mt19937 rng(2);
        std::uniform_real_distribution<double> u(-1.0, 1.0);
        std::vector<double> a(size_t(lda * k)), b(size_t(ldb * n)), c(size_t(ldc * n));
        for (auto* v : {&a, &b, &c})
            for (double& x : *v)
                x = u(rng);
        std::vector<double> fast(c), ref(c), plain(c);
        dense::subtractProduct(fast.data(), ldc, a.data(), lda, b.data(), ldb, m, n, k);
        dense::subtractProductRef(ref.data(), ldc, a.data(), lda, b.data(), ldb, m, n, k);
        for (int64_t j = 0; j < n; ++j)
            for (int64_t i = 0; i < m; ++i)
                for (int64_t t = 0; t < k; ++t)
                    plain[size_t(j * ldc + i)] -= a[size_t(t * lda + i)] * b[size_t(j * ldb + t)];
        QVERIFY(maxAbsDiff(fast, plain) < 1e-12);
        QVERIFY(maxAbsDiff(ref, plain) < 1e-12);
        for (int64_t j = 0; j < n; ++j) // rows beyond m (the leading dimension's padding) are untouched
            for (int64_t i = m; i < ldc; ++i)
                QCOMPARE(fast[size_t(j * ldc + i)], c[size_t(j * ldc + i)]);
    }

    void inverseCholeskyFactor()
    {
        const int64_t n = 300; // three blocks of the Cholesky factorization
        const std::vector<double> h = spd(n, 3);
        std::vector<double> fast(size_t(n * n), 7.0), ref(size_t(n * n), 7.0);
        QVERIFY(dense::inverseCholeskyUpper(h, n, 0.0, fast));
        QVERIFY(dense::inverseCholeskyUpperRef(h, n, 0.0, ref));
        QVERIFY(maxAbsDiff(fast, ref) < 1e-10);
        // U upper with a positive diagonal, and h · (UᵀU) = I.
        for (int64_t j = 0; j < n; ++j) {
            QVERIFY(fast[size_t(j * n + j)] > 0.0);
            for (int64_t i = j + 1; i < n; ++i)
                QCOMPARE(fast[size_t(j * n + i)], 0.0);
        }
        std::vector<double> hinv(size_t(n * n), 0.0); // UᵀU: (i, j) = Σ_t U_ti U_tj
        for (int64_t i = 0; i < n; ++i)
            for (int64_t j = 0; j < n; ++j)
                for (int64_t t = 0; t <= std::min(i, j); ++t)
                    hinv[size_t(j * n + i)] += fast[size_t(i * n + t)] * fast[size_t(j * n + t)];
        double worst = 0.0;
        for (int64_t i = 0; i < n; ++i)
            for (int64_t j = 0; j < n; ++j) {
                double e = 0.0;
                for (int64_t t = 0; t < n; ++t)
                    e += h[size_t(t * n + i)] * hinv[size_t(j * n + t)];
                worst = std::max(worst, std::fabs(e - (i == j ? 1.0 : 0.0)));
            }
        QVERIFY2(worst < 1e-10, qPrintable(QString::number(worst)));
        std::vector<double> damped = h, plainFactor(size_t(n * n)), dampedFactor(size_t(n * n));
        for (int64_t i = 0; i < n; ++i)
            damped[size_t(i * n + i)] += 0.3;
        QVERIFY(dense::inverseCholeskyUpper(damped, n, 0.0, plainFactor));
        QVERIFY(dense::inverseCholeskyUpper(h, n, 0.3, dampedFactor));
        QCOMPARE(dampedFactor, plainFactor);
        std::vector<double> indefinite = h;
        indefinite[0] = -1.0;
        QVERIFY(!dense::inverseCholeskyUpper(indefinite, n, 0.0, fast));
        QVERIFY(!dense::inverseCholeskyUpperRef(indefinite, n, 0.0, ref));
    }

    void quadraticLossMatchesDefinitionAndRef()
    {
        const int64_t rows = 300, cols = 40;
        const std::vector<float> a = randomFloats(size_t(rows * cols), 4), b = randomFloats(size_t(rows * cols), 5);
        const std::vector<double> h = spd(cols, 6);
        double plain = 0.0;
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t i = 0; i < cols; ++i)
                for (int64_t j = 0; j < cols; ++j)
                    plain += (double(a[size_t(r * cols + i)]) - b[size_t(r * cols + i)]) * h[size_t(j * cols + i)]
                             * (double(a[size_t(r * cols + j)]) - b[size_t(r * cols + j)]);
        const double fast = dense::quadraticLoss(a, b, rows, cols, h), ref = dense::quadraticLossRef(a, b, rows, cols, h);
        QVERIFY(plain > 0.0);
        QVERIFY(std::fabs(fast - plain) < 1e-10 * plain);
        QVERIFY(std::fabs(ref - plain) < 1e-10 * plain);
    }
};

QX_TEST_APPLESS_MAIN(TestDenseKernels)
#include "tst_dense_kernels.moc"
