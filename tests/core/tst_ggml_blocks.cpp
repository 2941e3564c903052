// Block formats on synthetic data: round-trip error bounds per type, adversarial rows (zeros, constants,
// outliers, denormals, NaN/Inf), argument errors, FP8 decoding, and the fast path against its scalar twin.
#include "common/error.h"
#include "common/test_main.h"
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using namespace qx;

Q_DECLARE_METATYPE(qx::TensorType)

namespace {

const TensorType kQuantTypes[] = {TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1,
                                  TensorType::Q8_0, TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K,
                                  TensorType::Q5_K, TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS,
                                  TensorType::F16, TensorType::BF16, TensorType::F32};

std::vector<float> gaussian(size_t n, uint32_t seed, float sigma = 1.f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.f, sigma);
    std::vector<float> v(n);
    for (float& x : v)
        x = dist(rng);
    return v;
}

std::vector<std::byte> quantize(TensorType t, std::span<const float> x, int64_t rowLength,
                                std::span<const float> importance = {})
{
    std::vector<std::byte> out(*tensorBytes(t, x.size()));
    quantizeRows(t, x, rowLength, out, importance);
    return out;
}

std::vector<float> roundTrip(TensorType t, std::span<const float> x, int64_t rowLength,
                             std::span<const float> importance = {})
{
    const auto q = quantize(t, x, rowLength, importance);
    std::vector<float> y(x.size());
    dequantizeRow(t, q, y);
    return y;
}

double relRmse(std::span<const float> a, std::span<const float> b)
{
    double e = 0, r = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        e += double(a[i] - b[i]) * double(a[i] - b[i]);
        r += double(a[i]) * double(a[i]);
    }
    return std::sqrt(e / r);
}

/// Relative RMS error bound of each type on Gaussian data (measured values are well below).
double gaussianBound(TensorType t)
{
    switch (t) {
    case TensorType::Q8_0: return 0.006;
    case TensorType::Q6_K: return 0.02;
    case TensorType::Q5_0: case TensorType::Q5_1: case TensorType::Q5_K: return 0.045;
    case TensorType::Q4_0: case TensorType::Q4_1: case TensorType::Q4_K: return 0.09;
    case TensorType::IQ4_NL: case TensorType::IQ4_XS: return 0.09;
    case TensorType::Q3_K: return 0.18;
    case TensorType::Q2_K: return 0.35;
    case TensorType::F16: return 0.0004;
    case TensorType::BF16: return 0.003;
    default: return 0;
    }
}

void addTypeRows()
{
    QTest::addColumn<TensorType>("type");
    for (TensorType t : kQuantTypes)
        QTest::newRow(std::string(tensorTypeName(t)).c_str()) << t;
}

} // namespace

class TestGgmlBlocks : public QObject {
    Q_OBJECT
private slots:
    void roundTripWithinBound_data() { addTypeRows(); }
    void roundTripWithinBound();
    void importanceChangesAndStaysWithinBound_data() { addTypeRows(); }
    void importanceChangesAndStaysWithinBound();
    void zerosDecodeToZeros_data() { addTypeRows(); }
    void zerosDecodeToZeros();
    void constantRowsStayClose_data() { addTypeRows(); }
    void constantRowsStayClose();
    void outlierIsKeptAndOthersSurvive_data() { addTypeRows(); }
    void outlierIsKeptAndOthersSurvive();
    void denormalsDecodeFinite_data() { addTypeRows(); }
    void denormalsDecodeFinite();
    void nonFiniteStaysInsideItsBlock_data() { addTypeRows(); }
    void nonFiniteStaysInsideItsBlock();
    void rowWidthErrors();
    void capabilitiesAreTruthful();
    void fp8Values();
    void fastPathEqualsReference_data() { addTypeRows(); }
    void fastPathEqualsReference();
    void fastPathOnLargeRandomMatrix();
    void fastDecodeEqualsReference();
};

void TestGgmlBlocks::roundTripWithinBound()
{
    QFETCH(TensorType, type);
    const auto x = gaussian(4 * 1024, 1);
    const auto y = roundTrip(type, x, 1024);
    const double rel = relRmse(x, y);
    if (type == TensorType::F32)
        QCOMPARE(rel, 0.0);
    else
        QVERIFY2(rel < gaussianBound(type) && rel > 0, qPrintable(QString::number(rel)));
}

void TestGgmlBlocks::importanceChangesAndStaysWithinBound()
{
    QFETCH(TensorType, type);
    const auto x = gaussian(4 * 512, 2);
    std::vector<float> importance(512);
    std::mt19937 rng(3);
    for (float& w : importance)
        w = std::uniform_real_distribution<float>(0.01f, 4.f)(rng);
    const auto y = roundTrip(type, x, 512, importance);
    if (type != TensorType::F32)
        QVERIFY(relRmse(x, y) < gaussianBound(type) * 1.2);
    const bool ignores = type == TensorType::Q8_0 || type == TensorType::F16 || type == TensorType::BF16
                         || type == TensorType::F32;
    QCOMPARE(quantize(type, x, 512, importance) == quantize(type, x, 512), ignores);
}

void TestGgmlBlocks::zerosDecodeToZeros()
{
    QFETCH(TensorType, type);
    const std::vector<float> x(512, 0.f);
    for (float v : roundTrip(type, x, 512))
        QCOMPARE(v, 0.f);
    const std::vector<float> ones(512, 1.f);
    for (float v : roundTrip(type, x, 512, ones))
        QCOMPARE(v, 0.f);
}

void TestGgmlBlocks::constantRowsStayClose()
{
    QFETCH(TensorType, type);
    for (float c : {0.75f, -3.5f}) {
        const std::vector<float> x(512, c);
        for (float v : roundTrip(type, x, 512))
            QVERIFY2(std::fabs(v - c) <= 0.02f * std::fabs(c), qPrintable(QString::number(v)));
    }
}

void TestGgmlBlocks::outlierIsKeptAndOthersSurvive()
{
    QFETCH(TensorType, type);
    auto x = gaussian(1024, 4);
    x[300] = 1e4f;
    const auto y = roundTrip(type, x, 1024);
    QVERIFY2(std::fabs(y[300] - 1e4f) < 0.1f * 1e4f, qPrintable(QString::number(y[300])));
    // Values outside the outlier's 256-weight super-block are quantized as if it were absent.
    auto clean = x;
    clean[300] = 0.f;
    const auto yc = roundTrip(type, clean, 1024);
    QVERIFY(std::memcmp(y.data(), yc.data(), 256 * sizeof(float)) == 0);
    QVERIFY(std::memcmp(y.data() + 512, yc.data() + 512, 512 * sizeof(float)) == 0);
}

void TestGgmlBlocks::denormalsDecodeFinite()
{
    QFETCH(TensorType, type);
    auto x = gaussian(512, 5, 1e-39f);   // all subnormal floats
    for (float v : roundTrip(type, x, 512))
        QVERIFY(std::isfinite(v) && std::fabs(v) < 1e-30f);
}

void TestGgmlBlocks::nonFiniteStaysInsideItsBlock()
{
    // Documented behaviour: NaN/Inf poison only the (super-)block that holds them (no crash); the other
    // blocks of the row are unaffected. With an importance vector, the K-quants' and Q4_0/Q4_1/Q5_x's
    // row statistics (sigma^2) make the whole row non-finite, as in ggml.
    QFETCH(TensorType, type);
    for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        auto x = gaussian(1024, 6);
        x[700] = bad;
        const auto y = roundTrip(type, x, 1024);
        auto clean = x;
        clean[700] = 0.f;
        const auto yc = roundTrip(type, clean, 1024);
        QVERIFY(std::memcmp(y.data(), yc.data(), 512 * sizeof(float)) == 0);
        const std::vector<float> ones(1024, 1.f);
        roundTrip(type, x, 1024, ones);   // must not crash
    }
}

void TestGgmlBlocks::rowWidthErrors()
{
    std::vector<float> x(300);
    std::vector<std::byte> out(1000);
    try {
        quantizeRows(TensorType::Q4_K, std::span(x).first(200), 100, out);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.code()), int(ErrorCode::InvalidArgument));
        QCOMPARE(std::string(e.what()), std::string("row width 100 is not a multiple of the block size 256 of Q4_K"));
    }
    try {
        quantizeRows(TensorType::Q8_0, x, 172, out);   // stories260K's ffn_down width
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(std::string(e.detail()), std::string("row width 172 is not a multiple of the block size 32 of Q8_0"));
    }
    QVERIFY_THROWS_EXCEPTION(Error, quantizeRows(TensorType::Q8_0, std::span(x).first(64), 32, out));   // dst size
    std::vector<std::byte> exact(2 * 34);
    const std::vector<float> badImportance(31, 1.f);
    QVERIFY_THROWS_EXCEPTION(Error, quantizeRows(TensorType::Q8_0, std::span(x).first(64), 32, exact, badImportance));
    QVERIFY_THROWS_EXCEPTION(Error, quantizeRows(TensorType::IQ2_XXS, std::span(x).first(256), 256, out));
    quantizeRows(TensorType::Q8_0, std::span(x).first(64), 32, exact);
}

void TestGgmlBlocks::capabilitiesAreTruthful()
{
    for (uint32_t id = 0; id < 1004; ++id) {
        const TensorTypeInfo* info = tensorTypeInfo(static_cast<TensorType>(id));
        if (!info)
            continue;
        std::vector<std::byte> bytes(*tensorBytes(info->type, 256), std::byte{0});
        std::vector<float> out(256);
        bool decoded = true;
        try {
            dequantizeRow(info->type, bytes, out);
        } catch (const Error& e) {
            QCOMPARE(int(e.code()), int(ErrorCode::Unsupported));
            decoded = false;
        }
        QCOMPARE(canDequantize(info->type), decoded);
        if (canQuantize(info->type))
            QVERIFY(canDequantize(info->type));
    }
    int quantizable = 0;
    for (TensorType t : kQuantTypes)
        quantizable += canQuantize(t) ? 1 : 0;
    QCOMPARE(quantizable, 15);
    QVERIFY(!canQuantize(TensorType::Q8_K) && !canQuantize(TensorType::MXFP4) && !canQuantize(TensorType::I8));
    QVERIFY(canQuantize(TensorType::IQ2_XXS) && canQuantize(TensorType::TQ1_0) && canDequantize(TensorType::MXFP4));
}

void TestGgmlBlocks::fp8Values()
{
    const uint8_t e4m3[] = {0x38, 0xB8, 0x7E, 0xFE, 0x01, 0x08, 0x00, 0x80, 0x7F, 0xFF, 0x3C};
    const float e4m3Values[] = {1.f, -1.f, 448.f, -448.f, 0x1p-9f, 0x1p-6f, 0.f, -0.f, NAN, NAN, 1.5f};
    std::vector<float> out(std::size(e4m3));
    dequantizeRow(TensorType::F8_E4M3, std::as_bytes(std::span(e4m3)), out);
    for (size_t i = 0; i < out.size(); ++i) {
        if (std::isnan(e4m3Values[i]))
            QVERIFY(std::isnan(out[i]));
        else
            QCOMPARE(out[i], e4m3Values[i]);
    }
    QVERIFY(std::signbit(out[7]));
    const uint8_t e5m2[] = {0x3C, 0xBC, 0x7B, 0x7C, 0xFC, 0x7D, 0x01, 0x04};
    const float e5m2Values[] = {1.f, -1.f, 57344.f, INFINITY, -INFINITY, NAN, 0x1p-16f, 0x1p-14f};
    out.resize(std::size(e5m2));
    dequantizeRow(TensorType::F8_E5M2, std::as_bytes(std::span(e5m2)), out);
    for (size_t i = 0; i < out.size(); ++i) {
        if (std::isnan(e5m2Values[i]))
            QVERIFY(std::isnan(out[i]));
        else
            QCOMPARE(out[i], e5m2Values[i]);
    }
    int finite = 0;   // E4M3 has no infinities: 254 finite codes, 2 NaNs
    for (int v = 0; v < 256; ++v) {
        const uint8_t b = static_cast<uint8_t>(v);
        float f;
        dequantizeRow(TensorType::F8_E4M3, std::as_bytes(std::span(&b, 1)), std::span(&f, 1));
        finite += std::isfinite(f) ? 1 : 0;
    }
    QCOMPARE(finite, 254);
}

void TestGgmlBlocks::fastPathEqualsReference()
{
    QFETCH(TensorType, type);
    for (const int width : {512, 768}) {   // 768: an odd number of super-blocks per row
        const int rows = 64;
        auto x = gaussian(static_cast<size_t>(rows) * width, 7);
        for (int r = 0; r < rows; ++r) {   // adversarial rows among ordinary ones
            float* row = x.data() + static_cast<size_t>(r) * width;
            switch (r % 8) {
            case 1: std::fill(row, row + width, 0.f); break;
            case 2: std::fill(row, row + width, 2.5f); break;
            case 3: row[17] = 3e3f; break;
            case 4: row[40] = std::numeric_limits<float>::quiet_NaN(); break;
            case 5: row[300] = -std::numeric_limits<float>::infinity(); break;
            case 6: for (int i = 0; i < width; ++i) row[i] *= 1e-39f; break;   // subnormal
            case 7:   // ReLU-like: signed zeros and positives (the sign of a zero min is stored)
                for (int i = 0; i < width; ++i)
                    row[i] = (r / 8) % 2 ? (i % 3 ? -0.f : std::fabs(row[i])) : (i % 5 ? std::fabs(row[i]) : (i % 2 ? 0.f : -0.f));
                break;
            default: break;
            }
        }
        std::vector<float> importance(static_cast<size_t>(width), 1.f);
        importance[3] = 50.f;
        importance[100] = 0.f;
        for (bool weighted : {false, true}) {
            const std::span<const float> imp = weighted ? std::span<const float>(importance) : std::span<const float>();
            std::vector<std::byte> fast(*tensorBytes(type, x.size())), ref(fast.size());
            quantizeRows(type, x, width, fast, imp);
            quantizeRowsRef(type, x, width, ref, imp);
            size_t diff = 0;
            while (diff < fast.size() && fast[diff] == ref[diff])
                ++diff;
            QVERIFY2(diff == fast.size(), qPrintable(QStringLiteral("width %1 weighted %2: first difference at byte %3 of %4")
                                                         .arg(width).arg(weighted).arg(diff).arg(fast.size())));
        }
    }
}

void TestGgmlBlocks::fastPathOnLargeRandomMatrix()
{
    // Enough rows for the threaded path (> 1 M values), heavy-tailed like real weights.
    std::mt19937 rng(11);
    std::student_t_distribution<float> dist(5.f);
    std::vector<float> x(2048 * 1024);
    for (float& v : x)
        v = dist(rng) * 0.02f;
    for (TensorType type : {TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
                            TensorType::Q2_K, TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K,
                            TensorType::IQ4_NL, TensorType::IQ4_XS, TensorType::F16}) {
        std::vector<std::byte> fast(*tensorBytes(type, x.size())), ref(fast.size());
        quantizeRows(type, x, 2048, fast);
        quantizeRowsRef(type, x, 2048, ref);
        QVERIFY2(fast == ref, std::string(tensorTypeName(type)).c_str());
    }
}

void TestGgmlBlocks::fastDecodeEqualsReference()
{
    std::vector<uint16_t> halves(65536 + 5);   // every fp16 bit pattern, plus a tail shorter than a vector
    for (size_t i = 0; i < halves.size(); ++i)
        halves[i] = static_cast<uint16_t>(i * 40503u);
    for (uint32_t i = 0; i < 65536; ++i)
        halves[i] = static_cast<uint16_t>(i);
    std::vector<float> fast(halves.size()), ref(halves.size());
    for (TensorType type : {TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q6_K}) {
        const size_t n = type == TensorType::F16 || type == TensorType::BF16 ? halves.size() : 65536 / 2 / 34 / 8 * 256;
        const auto bytes = std::as_bytes(std::span(halves)).first(*tensorBytes(type, n));
        dequantizeRow(type, bytes, std::span(fast).first(n));
        dequantizeRowRef(type, bytes, std::span(ref).first(n));
        QVERIFY2(std::memcmp(fast.data(), ref.data(), n * sizeof(float)) == 0, std::string(tensorTypeName(type)).c_str());
    }
}

QX_TEST_APPLESS_MAIN(TestGgmlBlocks)
#include "tst_ggml_blocks.moc"
