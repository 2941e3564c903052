#include "common/test_main.h"
#include "quant/scheme_catalog.h"
#include "quant/uniform_quant.h"
#include "stats/error_metrics.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

class TestSchemeCatalog : public QObject {
    Q_OBJECT
private slots:
    void entriesAreConsistent()
    {
        std::set<std::string_view> names;
        for (const auto& s : qx::kSchemeCatalog) {
            QVERIFY(names.insert(s.name).second);
            QCOMPARE(&qx::schemeInfo(s.id), &s);
            const double exact = qx::schemeBitsPerWeight(s.id, 4096, 4096);
            if (s.shapeDependent)
                QVERIFY2(std::fabs(exact - s.bitsPerWeight) < 0.01, s.name.data());
            else
                QCOMPARE(exact, s.bitsPerWeight);
        }
        QCOMPARE(qx::schemeInfo(qx::SchemeId::Int4G128Asym).bitsPerWeight, 4.15625);
        QCOMPARE(qx::schemeBitsPerWeight(qx::SchemeId::Int8PerChannel, 10, 256), 8.125);
    }
    void everySchemeFakeQuantizes()
    {
        // Gaussian weights, rows of 256: every scheme runs and lands in a plausible SQNR band.
        std::mt19937 rng(1);
        std::normal_distribution<float> d(0.0f, 0.02f);
        std::vector<float> x(32 * 256);
        for (auto& v : x)
            v = d(rng);
        for (const auto& s : qx::kSchemeCatalog) {
            std::vector<float> y(x.size());
            qx::fakeQuantScheme(s.id, x, y, 256);
            const double sqnr = qx::compareTensors(x, y).sqnrDb;
            qInfo("%-26s %8.4f bits  SQNR %6.2f dB", s.name.data(), s.bitsPerWeight, sqnr);
            if (s.family == qx::SchemeFamily::FixedPoint)
                continue; // Q3.4 has a step of 1/16: everything at 0.02 scale rounds to 0
            QVERIFY2(sqnr > 5.0, s.name.data());
            if (s.bitsPerWeight >= 8.0)
                QVERIFY2(sqnr > 24.0, s.name.data()); // E5M2 has only 2 mantissa bits: ~25.5 dB
        }
    }
};

QX_TEST_APPLESS_MAIN(TestSchemeCatalog)
#include "tst_scheme_catalog.moc"
