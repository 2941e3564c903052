// roundActivations: ggml-cpu's activation quantization for matmuls (vec_dot_type), dequantized.
#include "common/test_main.h"
#include "quant/activation_rounding.h"

#include "common/error.h"
#include "common/half.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace qx;

class TstActivationRounding : public QObject {
    Q_OBJECT
private slots:
    void vecDotTypes()
    {
        QCOMPARE(vecDotType(TensorType::Q4_0), TensorType::Q8_0);
        QCOMPARE(vecDotType(TensorType::Q4_1), TensorType::Q8_1);
        QCOMPARE(vecDotType(TensorType::Q5_1), TensorType::Q8_1);
        QCOMPARE(vecDotType(TensorType::IQ4_NL), TensorType::Q8_0);
        QCOMPARE(vecDotType(TensorType::Q4_K), TensorType::Q8_K);
        QCOMPARE(vecDotType(TensorType::IQ4_XS), TensorType::Q8_K);
        QCOMPARE(vecDotType(TensorType::F16), TensorType::F16);
        QCOMPARE(vecDotType(TensorType::F32), TensorType::F32);
    }
    void q8_0Block()
    {
        std::vector<float> x(32, 0.0f);
        x[0] = 1.27f;     // amax: d = F16(0.01), id = 127/1.27
        x[1] = 0.005f;    // 0.5 code: ties to even -> 0
        x[2] = 0.015f;    // 1.5 codes -> 2
        x[3] = -0.5f;
        std::vector<float> y = x;
        roundActivations(TensorType::Q8_0, y, 32);
        const float d = roundToFp16(1.27f / 127.f);
        QCOMPARE(y[0], d * 127.f);
        QCOMPARE(y[1], 0.0f);
        QCOMPARE(y[2], d * std::nearbyint(0.015f * (127.f / 1.27f)));
        QCOMPARE(y[3], d * std::nearbyint(-0.5f * (127.f / 1.27f)));
        QCOMPARE(y[4], 0.0f);
    }
    void q8_KBlock()
    {
        std::mt19937 rng(3);
        std::normal_distribution<float> dist(0.0f, 1.0f);
        std::vector<float> x(512);
        for (auto& v : x)
            v = dist(rng);
        x[7] = -5.0f;   // the signed maximum of block 0 is negative: its code is +127 after the -127/max scale
        std::vector<float> y = x;
        roundActivations(TensorType::Q8_K, y, 256);
        const float iscale = -127.f / -5.0f;
        for (int j = 0; j < 256; ++j) {
            const float q = std::min(127.f, std::nearbyint(iscale * x[j]));
            QCOMPARE(y[j], (1.0f / iscale) * q);
        }
        for (int j = 256; j < 512; ++j)
            QVERIFY(std::fabs(y[j] - x[j]) < 0.05f);
        std::vector<float> zeros(256, 0.0f);
        roundActivations(TensorType::Q8_K, zeros, 256);
        QCOMPARE(zeros, std::vector<float>(256, 0.0f));
        std::vector<float> bad(100);
        QVERIFY_THROWS_EXCEPTION(Error, roundActivations(TensorType::Q8_K, bad, 100));
    }
};

QX_TEST_APPLESS_MAIN(TstActivationRounding)
#include "tst_activation_rounding.moc"
