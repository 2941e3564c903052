#include "common/half.h"
#include "common/test_main.h"
#include "io/tensor_type.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

class TestTensorType : public QObject {
    Q_OBJECT
private slots:
    void bitsPerWeight_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("bits");
        QTest::newRow("F32") << "F32" << 32.0;
        QTest::newRow("Q4_0") << "Q4_0" << 4.5;
        QTest::newRow("Q8_0") << "Q8_0" << 8.5;
        QTest::newRow("Q2_K") << "Q2_K" << 2.625;
        QTest::newRow("Q3_K") << "Q3_K" << 3.4375;
        QTest::newRow("Q4_K") << "Q4_K" << 4.5;
        QTest::newRow("Q5_K") << "Q5_K" << 5.5;
        QTest::newRow("Q6_K") << "Q6_K" << 6.5625;
        QTest::newRow("IQ4_XS") << "IQ4_XS" << 4.25;
    }
    void bitsPerWeight()
    {
        QFETCH(QString, name);
        QFETCH(double, bits);
        auto type = qx::tensorTypeFromName(name.toStdString());
        QVERIFY(type.has_value());
        QCOMPARE(qx::bitsPerWeight(*type), bits);
    }
    void removedIdsAreUnknown()
    {
        for (uint32_t id : {4u, 5u, 31u, 32u, 33u, 36u, 37u, 38u, 40u, 1000u})
            QVERIFY2(qx::ggmlTypeInfo(id) == nullptr, qPrintable(QString::number(id)));
        QVERIFY(qx::ggmlTypeInfo(12) != nullptr);
        QVERIFY(qx::ggmlTypeInfo(39) != nullptr);   // MXFP4, newer than b4748, decoded
        QVERIFY(qx::isForeignGgufTypeId(38) && !qx::isForeignGgufTypeId(1000));
    }
    void tensorBytesNeedsWholeBlocks()
    {
        QCOMPARE(qx::tensorBytes(qx::TensorType::Q4_K, 512).value(), uint64_t(288));
        QVERIFY(!qx::tensorBytes(qx::TensorType::Q8_0, 172).has_value());
    }
    void halfRoundTripIsExactForEveryHalf()
    {
        for (uint32_t h = 0; h < 65536; ++h) {
            float f = qx::fp16ToFp32(uint16_t(h));
            if (std::isnan(f))
                continue;
            QCOMPARE(qx::fp32ToFp16(f), uint16_t(h));
        }
    }
    void halfRoundsToNearestEven()
    {
        QCOMPARE(qx::fp32ToFp16(1.0f), uint16_t(0x3C00));
        QCOMPARE(qx::fp32ToFp16(1.0f + 1.0f / 2048), uint16_t(0x3C00));        // tie -> even
        QCOMPARE(qx::fp32ToFp16(1.0f + 3.0f / 2048), uint16_t(0x3C02));        // tie -> even (up)
        QCOMPARE(qx::fp32ToFp16(65520.0f), uint16_t(0x7C00));                  // overflow -> Inf
        QCOMPARE(qx::fp32ToFp16(-std::numeric_limits<float>::infinity()), uint16_t(0xFC00));
        QVERIFY(std::isnan(qx::fp16ToFp32(qx::fp32ToFp16(std::nanf("")))));
    }
    void bf16RoundsToNearestEven()
    {
        QCOMPARE(qx::fp32ToBf16(1.0f), uint16_t(0x3F80));
        QCOMPARE(qx::fp32ToBf16(std::bit_cast<float>(0x3F808000u)), uint16_t(0x3F80)); // tie -> even
        QCOMPARE(qx::fp32ToBf16(std::bit_cast<float>(0x3F818000u)), uint16_t(0x3F82)); // tie -> even (up)
        QCOMPARE(qx::fp32ToBf16(std::bit_cast<float>(0x7F800001u)) & 0x7FC0, 0x7FC0);  // NaN stays quiet NaN
    }
};

QX_TEST_APPLESS_MAIN(TestTensorType)
#include "tst_tensor_type.moc"
