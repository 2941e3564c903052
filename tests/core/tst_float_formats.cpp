#include "common/error.h"
#include "common/half.h"
#include "common/test_main.h"
#include "quant/float_formats.h"
#include "stats/error_metrics.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

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

} // namespace

class TestFloatFormats : public QObject {
    Q_OBJECT
private slots:
    void e4m3AllCodes()
    {
        int nans = 0;
        float prev = -1.0f;
        for (int c = 0; c < 256; ++c) {
            const float v = qx::fp8E4M3ToFp32(uint8_t(c));
            if (std::isnan(v)) {
                ++nans;
                QVERIFY(c == 0x7F || c == 0xFF);
                continue;
            }
            QVERIFY(std::isfinite(v));                       // no Inf in E4M3
            QCOMPARE(int(qx::fp32ToFp8E4M3(v)), c);          // every code round-trips, -0 included
            QCOMPARE(qx::fp8E4M3ToFp32(uint8_t(c ^ 0x80)), -v);
            if (c < 0x7F) {
                QVERIFY(v > prev || (c == 0 && v == 0.0f)); // positive codes are increasing
                prev = v;
            }
        }
        QCOMPARE(nans, 2);
        QCOMPARE(qx::fp8E4M3ToFp32(0x7E), 448.0f);
        QCOMPARE(qx::fp8E4M3ToFp32(0x38), 1.0f);
        QCOMPARE(qx::fp8E4M3ToFp32(0x08), std::ldexp(1.0f, -6)); // smallest normal
        QCOMPARE(qx::fp8E4M3ToFp32(0x01), std::ldexp(1.0f, -9)); // smallest subnormal
        QCOMPARE(qx::fp8E4M3ToFp32(0x80), -0.0f);
        QVERIFY(std::signbit(qx::fp8E4M3ToFp32(0x80)));
    }
    void e4m3RoundingAndSaturation()
    {
        QCOMPARE(int(qx::fp32ToFp8E4M3(1.0625f)), 0x38);  // tie between 1 and 1.125 -> even (1.0)
        QCOMPARE(int(qx::fp32ToFp8E4M3(1.1875f)), 0x3A);  // tie between 1.125 and 1.25 -> even (1.25)
        QCOMPARE(int(qx::fp32ToFp8E4M3(1.07f)), 0x39);
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(464.0f)), 448.0f);  // tie with the NaN slot -> 448
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(1e6f)), 448.0f);    // saturates
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(-1e6f)), -448.0f);
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(std::numeric_limits<float>::infinity())), 448.0f);
        QVERIFY(std::isnan(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(std::nanf("")))));
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(std::ldexp(1.0f, -10))), 0.0f); // half the min: tie -> 0
        QCOMPARE(qx::fp8E4M3ToFp32(qx::fp32ToFp8E4M3(std::ldexp(1.5f, -10))), std::ldexp(1.0f, -9));
    }
    void e5m2AllCodes()
    {
        int nans = 0, infs = 0;
        for (int c = 0; c < 256; ++c) {
            const float v = qx::fp8E5M2ToFp32(uint8_t(c));
            if (std::isnan(v)) {
                ++nans;
                continue;
            }
            infs += std::isinf(v);
            QCOMPARE(int(qx::fp32ToFp8E5M2(v)), c);
            // E5M2 is the top byte of an IEEE half
            QCOMPARE(v, qx::fp16ToFp32(uint16_t(c << 8)));
        }
        QCOMPARE(nans, 6);
        QCOMPARE(infs, 2);
        QCOMPARE(qx::fp8E5M2ToFp32(0x7B), 57344.0f);
        QCOMPARE(int(qx::fp32ToFp8E5M2(1.125f)), 0x3C); // tie between 1 and 1.25 -> even (1.0)
        QCOMPARE(int(qx::fp32ToFp8E5M2(1.375f)), 0x3E); // tie between 1.25 and 1.5 -> even (1.5)
        QCOMPARE(qx::fp8E5M2ToFp32(qx::fp32ToFp8E5M2(1e6f)), 57344.0f);
        QVERIFY(std::isinf(qx::fp8E5M2ToFp32(qx::fp32ToFp8E5M2(std::numeric_limits<float>::infinity()))));
    }
    void e2m1Levels()
    {
        const float levels[8] = {0, 0.5f, 1, 1.5f, 2, 3, 4, 6};
        for (int c = 0; c < 16; ++c) {
            const float v = qx::fp4E2M1ToFp32(uint8_t(c));
            QCOMPARE(std::fabs(v), levels[c & 7]);
            QCOMPARE(std::signbit(v), c >= 8);
            QCOMPARE(int(qx::fp32ToFp4E2M1(v)), c);
        }
        QCOMPARE(qx::fp4E2M1ToFp32(qx::fp32ToFp4E2M1(5.0f)), 4.0f);  // tie 4|6 -> even mantissa (4)
        QCOMPARE(qx::fp4E2M1ToFp32(qx::fp32ToFp4E2M1(2.5f)), 2.0f);  // tie 2|3 -> 2
        QCOMPARE(qx::fp4E2M1ToFp32(qx::fp32ToFp4E2M1(0.25f)), 0.0f); // tie 0|0.5 -> 0
        QCOMPARE(qx::fp4E2M1ToFp32(qx::fp32ToFp4E2M1(100.0f)), 6.0f);
    }
    void halfAndBfloat()
    {
        const float inf = std::numeric_limits<float>::infinity();
        const std::vector<float> x{1.0f + 1.0f / 4096, 65520.0f, -inf, 3.14159265f, 1e-8f};
        std::vector<float> h(x.size()), b(x.size());
        qx::fakeQuantFp16(x, h);
        qx::fakeQuantBf16(x, b);
        QCOMPARE(h[0], 1.0f);
        QCOMPARE(h[1], inf);           // FP16 overflow -> Inf
        QCOMPARE(h[2], -inf);
        QCOMPARE(h[3], 3.140625f);
        QCOMPARE(b[1], 65536.0f);      // BF16 keeps the range
        QCOMPARE(b[3], 3.140625f);
        QCOMPARE(b[4], qx::bf16ToFp32(qx::fp32ToBf16(1e-8f)));
        const std::vector<float> n{std::nanf("")};
        std::vector<float> o(1);
        qx::fakeQuantBf16(n, o);
        QVERIFY(std::isnan(o[0]));
    }
    void fp8Scaling()
    {
        const auto x = gaussian(16 * 64, 1, 0.002f);
        std::vector<float> none(x.size()), tensor(x.size()), channel(x.size());
        qx::fakeQuantFp8(x, none, 64, qx::kFp8E4M3, qx::FloatScaling::None);
        qx::fakeQuantFp8(x, tensor, 64, qx::kFp8E4M3, qx::FloatScaling::PerTensor);
        qx::fakeQuantFp8(x, channel, 64, qx::kFp8E4M3, qx::FloatScaling::PerChannel);
        const double eNone = qx::compareTensors(x, none).sqnrDb, eT = qx::compareTensors(x, tensor).sqnrDb,
                     eC = qx::compareTensors(x, channel).sqnrDb;
        qInfo("E4M3 SQNR on N(0, 0.002): unscaled %.2f dB, per-tensor %.2f dB, per-channel %.2f dB", eNone, eT, eC);
        QVERIFY(eT > eNone + 10.0); // small weights fall into subnormals without a scale
        QVERIFY(eT > 25.0 && eT < 35.0);
        float absMax = 0;
        for (float v : x)
            absMax = std::max(absMax, std::fabs(v));
        for (size_t i = 0; i < x.size(); ++i)
            QCOMPARE(std::fabs(tensor[i]) <= absMax * 1.0001f, true);
        QCOMPARE(qx::fp8BitsPerWeight(qx::FloatScaling::PerChannel, 16, 64), 8.5);
        QCOMPARE(qx::fp8BitsPerWeight(qx::FloatScaling::PerTensor, 16, 64), 8.0 + 32.0 / 1024);
    }
    void fp4BlockScales()
    {
        // MXFP4: block absmax 5 -> scale 2^(2-2) = 1, so values are E2M1 levels directly; 7 saturates to 6.
        std::vector<float> x(32, 0.0f);
        x[0] = 5.0f;
        x[1] = 2.6f;
        x[2] = -0.7f;
        std::vector<float> y(32);
        qx::fakeQuantFp4(x, y, qx::kMxFp4);
        QCOMPARE(y[0], 4.0f);
        QCOMPARE(y[1], 3.0f);
        QCOMPARE(y[2], -0.5f);
        x[0] = 7.5f; // scale 2^(2-2) = 1 again, 7.5 saturates to 6: the MX rule clips the top of a binade
        qx::fakeQuantFp4(x, y, qx::kMxFp4);
        QCOMPARE(y[0], 6.0f);
        qx::fakeQuantFp4(x, y, {32, qx::Fp4ScaleFormat::F32}); // absmax/6 scale: the extreme is exact
        QCOMPARE(y[0], 7.5f);
        QCOMPARE(qx::fp4BitsPerWeight(qx::kMxFp4, 4096), 4.25);
        QCOMPARE(qx::fp4BitsPerWeight(qx::kNvFp4, 4096), 4.5 + 32.0 / 4096);
        const auto g = gaussian(64 * 64, 2, 0.02f);
        std::vector<float> mx(g.size()), nv(g.size());
        qx::fakeQuantFp4(g, mx, qx::kMxFp4);
        qx::fakeQuantFp4(g, nv, qx::kNvFp4);
        const double sMx = qx::compareTensors(g, mx).sqnrDb, sNv = qx::compareTensors(g, nv).sqnrDb;
        qInfo("FP4 SQNR on N(0, 0.02): MXFP4 %.2f dB, NVFP4 %.2f dB", sMx, sNv);
        QVERIFY(sNv > sMx);
        QVERIFY(sMx > 12.0);
    }
    void nf4LevelsAndBits()
    {
        const auto levels = qx::nf4Levels();
        QCOMPARE(levels[0], -1.0f);
        QCOMPARE(levels[7], 0.0f);
        QCOMPARE(levels[15], 1.0f);
        QCOMPARE(levels[8], 0.07958029955625534f);
        QCOMPARE(levels[1], -0.6961928009986877f);
        QVERIFY(std::is_sorted(levels.begin(), levels.end()));
        const uint64_t n = 4096ull * 4096;
        QCOMPARE(qx::nf4BitsPerWeight({64, false}, n), 4.5);
        const double dq = qx::nf4BitsPerWeight({64, true, 256}, n);
        QCOMPARE(std::round(dq * 1000) / 1000, 4.127);
        QVERIFY(std::fabs(dq - (4.0 + 8.0 / 64 + 32.0 / (64 * 256) + 32.0 / n)) < 1e-12);
    }
    void nf4Quantizes()
    {
        // A block with absmax 2: 2·level values are reproduced exactly, 0.16 -> nearest level 0.0796·2.
        std::vector<float> x(64, 0.0f);
        x[0] = 2.0f;
        x[1] = -2.0f;
        x[2] = 0.16f;
        x[3] = 2.0f * 0.5626170039176941f;
        std::vector<float> y(64);
        qx::fakeQuantNf4(x, y, {});
        QCOMPARE(y[0], 2.0f);
        QCOMPARE(y[1], -2.0f);
        QCOMPARE(y[2], 2.0f * 0.07958029955625534f);
        QCOMPARE(y[3], x[3]);
        QCOMPARE(y[4], 0.0f);
    }
    void dynamicMapAndDoubleQuant()
    {
        const auto map = qx::dynamicMap8();
        QCOMPARE(map[0], -0.99296875f); // last mean of linspace(0.1, 1, 65): 1 - 0.9/128
        QCOMPARE(map[255], 1.0f);
        QVERIFY(std::count(map.begin(), map.end(), 0.0f) == 1);
        QVERIFY(std::is_sorted(map.begin(), map.end()));
        const auto x = gaussian(64 * 512, 4, 0.02f);
        std::vector<float> plain(x.size()), dq(x.size());
        qx::fakeQuantNf4(x, plain, {64, false});
        qx::fakeQuantNf4(x, dq, {64, true, 256});
        const double sPlain = qx::compareTensors(x, plain).sqnrDb, sDq = qx::compareTensors(x, dq).sqnrDb;
        qInfo("NF4 SQNR on N(0, 0.02): %.3f dB, with double quantization %.3f dB", sPlain, sDq);
        QVERIFY(sPlain > 18.0);
        QVERIFY(std::fabs(sPlain - sDq) < 0.1); // the 8-bit absmax costs almost nothing
        std::vector<float> absMax;
        for (size_t b = 0; b < x.size(); b += 64)
            absMax.push_back(*std::max_element(x.begin() + long(b), x.begin() + long(b) + 64,
                                               [](float a, float c) { return std::fabs(a) < std::fabs(c); }));
        for (auto& a : absMax)
            a = std::fabs(a);
        const auto rec = qx::nf4DoubleQuantAbsMax(absMax, 256);
        QCOMPARE(rec.size(), absMax.size());
        for (size_t i = 0; i < rec.size(); ++i)
            QVERIFY(std::fabs(rec[i] - absMax[i]) < 0.01f * absMax[i] + 1e-5f);
    }
    void fixedPoint()
    {
        // Q3.4: steps of 1/16, range [-8, 8 - 1/16], 8 bits.
        const std::vector<float> x{0.03f, 0.0313f, 1.1f, 100.0f, -100.0f, -0.03125f};
        std::vector<float> y(x.size());
        qx::fakeQuantFixedPoint(x, y, {3, 4});
        QCOMPARE(y, (std::vector<float>{0.0f, 0.0625f, 1.125f, 7.9375f, -8.0f, -0.0625f}));
        QCOMPARE(qx::fixedPointBitsPerWeight({3, 4}), 8.0);
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::fakeQuantFixedPoint(x, y, {20, 20}));
    }
};

QX_TEST_APPLESS_MAIN(TestFloatFormats)
#include "tst_float_formats.moc"
