// "Not exportable to GGUF": every format of the table has a GGUF type or a nearest one with a reason.
#include "common/test_main.h"
#include "export/gguf_compat.h"

#include "quant/quantize.h"

#include <QtTest>

#include <cmath>

using namespace qx;

class TestGgufCompat : public QObject {
    Q_OBJECT
private slots:
    void everyFormatHasATypeOrANearestOne()
    {
        int notExportable = 0;
        for (const FormatInfo& f : kFormats) {
            const GgufExportability e = ggufExportability(f);
            QVERIFY2(e.type, f.name.data());
            QVERIFY(canQuantize(*e.type));
            if (f.ggufExportable) {
                QVERIFY(e.exportable && e.reason.empty());
                QCOMPARE(*e.type, f.ggufType);
                continue;
            }
            ++notExportable;
            QVERIFY(!e.exportable && !e.reason.empty());
            // Nearest by bits/weight too: within 1 bit of the scheme's own figure.
            QVERIFY2(std::abs(bitsPerWeight(*e.type) - f.bitsPerWeight) <= 1.0, f.name.data());
        }
        QCOMPARE(notExportable, 15);
    }

    void chosenTypes()
    {
        QCOMPARE(nearestGgufType(SchemeId::Nf4), TensorType::IQ4_NL);
        QCOMPARE(nearestGgufType(SchemeId::Int4G32Sym), TensorType::Q4_0);
        QCOMPARE(nearestGgufType(SchemeId::Int4G128Asym), TensorType::Q4_K);
        QCOMPARE(nearestGgufType(SchemeId::Fp8E4M3PerChannel), TensorType::Q8_0);
        QCOMPARE(nearestGgufType(SchemeId::Int2G64Asym), TensorType::Q2_K);
        const GgufExportability f16 = ggufExportability(SchemeId::Fp16);
        QVERIFY(f16.exportable && *f16.type == TensorType::F16);
        QVERIFY(ggufExportability(SchemeId::MxFp4).reason.find("MXFP4") != std::string::npos);
    }
};

QX_TEST_APPLESS_MAIN(TestGgufCompat)
#include "tst_gguf_compat.moc"
