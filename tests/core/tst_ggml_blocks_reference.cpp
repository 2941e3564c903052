// Our quantizer against llama.cpp b4748: every 2-D tensor of synth-d256/model-f32.gguf, quantized by
// quantizeRows, must equal the bytes llama-quantize wrote into pure-<TYPE>.gguf (no imatrix) and
// imatrix-<TYPE>.gguf (with imatrix.dat); decoding the pure files must land within each type's error bound.
#include "common/test_data.h"
#include "common/test_main.h"

#include "io/gguf_reader.h"
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <memory>

using namespace qx;

namespace {

const ModelFile& f32Model(const std::string& path)
{
    static std::shared_ptr<const ModelFile> model;
    if (!model)
        model = openGguf(path);
    return *model;
}

std::span<const float> floats(const TensorInfo& t)
{
    return {reinterpret_cast<const float*>(t.data.data()), static_cast<size_t>(t.elementCount())};
}

/// Index of the first differing byte, or -1.
int64_t firstDifference(std::span<const std::byte> a, std::span<const std::byte> b)
{
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return static_cast<int64_t>(i);
    return -1;
}

struct Compared { int tensors = 0; int weighted = 0; };

/// Quantizes every 2-D tensor of the F32 model and compares with `refPath`; counts the tensors compared
/// and those quantized with an importance vector.
Compared compareWithReference(TensorType type, const std::string& f32Path, const std::string& refPath,
                         const ImatrixFile* imatrix)
{
    const auto& model = f32Model(f32Path);
    const auto ref = openGguf(refPath);
    Compared compared;
    for (const TensorInfo& src : model.tensors) {
        if (src.ne.size() != 2)
            continue;
        const std::string& name = src.name;
        const TensorInfo* expected = ref->findTensor(name);
        if (!expected || expected->type != type) {
            QTest::qFail(qPrintable(QStringLiteral("%1 missing or of another type").arg(QString::fromStdString(name))),
                         __FILE__, __LINE__);
            return compared;
        }
        std::optional<std::vector<float>> importance;
        if (imatrix)
            importance = imatrixImportanceFor(*imatrix, name, src.ne[0]);
        const uint64_t bytes = *tensorBytes(type, static_cast<uint64_t>(src.ne[0] * src.rows()));
        const std::span<const float> imp = importance ? std::span<const float>(*importance) : std::span<const float>();
        std::vector<std::byte> ours(bytes);
        quantizeRows(type, floats(src), src.ne[0], ours, imp);
        if (compared.tensors < 8) {   // the scalar twin too, on layer 0 and token_embd (widths 256 and 768)
            std::vector<std::byte> scalar(bytes);
            quantizeRowsRef(type, floats(src), src.ne[0], scalar, imp);
            if (scalar != ours) {
                QTest::qFail(qPrintable(QStringLiteral("%1: scalar reference kernel differs").arg(QString::fromStdString(name))),
                             __FILE__, __LINE__);
                return compared;
            }
        }
        if (expected->data.size() != bytes) {
            QTest::qFail("reference tensor too short", __FILE__, __LINE__);
            return compared;
        }
        const int64_t diff = firstDifference(ours, expected->data);
        if (diff >= 0) {
            QTest::qFail(qPrintable(QStringLiteral("%1: first differing byte %2 of %3 (row %4)")
                                 .arg(QString::fromStdString(name)).arg(diff).arg(bytes)
                                 .arg(diff / static_cast<int64_t>(bytes / src.rows()))), __FILE__, __LINE__);
            return compared;
        }
        ++compared.tensors;
        compared.weighted += importance ? 1 : 0;
    }
    return compared;
}

} // namespace

class TestGgmlBlocksReference : public QObject {
    Q_OBJECT
private slots:
    void pureFilesByteIdentical_data();
    void pureFilesByteIdentical();
    void imatrixFilesByteIdentical_data();
    void imatrixFilesByteIdentical();
    void pureFilesDecodeWithinBound_data();
    void pureFilesDecodeWithinBound();
};

void TestGgmlBlocksReference::pureFilesByteIdentical_data()
{
    QTest::addColumn<QString>("type");
    for (const char* t : {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_NL",
                          "IQ4_XS", "F16", "BF16"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestGgmlBlocksReference::pureFilesByteIdentical()
{
    QFETCH(QString, type);
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/pure-" + type.toStdString() + ".gguf");
    const Compared n = compareWithReference(*tensorTypeFromName(type.toStdString()), f32Path, refPath, nullptr);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(n.tensors, 30);   // 4 layers x 7 matrices + token_embd + output
}

void TestGgmlBlocksReference::imatrixFilesByteIdentical_data()
{
    QTest::addColumn<QString>("type");
    for (const char* t : {"Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "Q4_0"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void TestGgmlBlocksReference::imatrixFilesByteIdentical()
{
    QFETCH(QString, type);
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/imatrix-" + type.toStdString() + ".gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    const ImatrixFile imatrix = readImatrixDat(imatrixPath);
    const Compared n = compareWithReference(*tensorTypeFromName(type.toStdString()), f32Path, refPath, &imatrix);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(n.tensors, 30);
    QCOMPARE(n.weighted, 28);   // every matrix multiplied in the forward pass; token_embd and output have none
}

void TestGgmlBlocksReference::pureFilesDecodeWithinBound_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("maxRelRmse");   // RMS error / RMS value over the whole model
    QTest::newRow("Q8_0") << "Q8_0" << 0.01;
    QTest::newRow("Q6_K") << "Q6_K" << 0.03;
    QTest::newRow("Q5_0") << "Q5_0" << 0.085;
    QTest::newRow("Q5_1") << "Q5_1" << 0.06;
    QTest::newRow("Q5_K") << "Q5_K" << 0.06;
    QTest::newRow("Q4_0") << "Q4_0" << 0.16;
    QTest::newRow("Q4_1") << "Q4_1" << 0.12;
    QTest::newRow("Q4_K") << "Q4_K" << 0.12;
    QTest::newRow("IQ4_NL") << "IQ4_NL" << 0.12;
    QTest::newRow("IQ4_XS") << "IQ4_XS" << 0.12;
    QTest::newRow("Q3_K") << "Q3_K" << 0.25;
    QTest::newRow("Q2_K") << "Q2_K" << 0.45;
    QTest::newRow("F16") << "F16" << 0.001;
    QTest::newRow("BF16") << "BF16" << 0.005;
}

void TestGgmlBlocksReference::pureFilesDecodeWithinBound()
{
    QFETCH(QString, type);
    QFETCH(double, maxRelRmse);
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/pure-" + type.toStdString() + ".gguf");
    const auto& model = f32Model(f32Path);
    const auto ref = openGguf(refPath);
    const TensorType tt = *tensorTypeFromName(type.toStdString());
    double err2 = 0, ref2 = 0;
    int checked = 0;
    for (const TensorInfo& src : model.tensors) {
        if (src.ne.size() != 2)
            continue;
        const auto x = floats(src);
        std::vector<float> decoded(x.size());
        const uint64_t bytes = *tensorBytes(tt, x.size());
        dequantizeTensor(*ref->findTensor(src.name)).swap(decoded);
        QCOMPARE(decoded.size(), x.size());
        // Our own round trip decodes to the very same values (a few tensors suffice: the byte-identity
        // tests above already cover every tensor).
        if (checked++ < 3) {
            std::vector<std::byte> ours(bytes);
            quantizeRows(tt, x, src.ne[0], ours);
            std::vector<float> again(x.size());
            dequantizeRow(tt, ours, again);
            QVERIFY(std::memcmp(again.data(), decoded.data(), x.size() * sizeof(float)) == 0);
        }
        for (size_t i = 0; i < x.size(); ++i) {
            err2 += double(decoded[i] - x[i]) * double(decoded[i] - x[i]);
            ref2 += double(x[i]) * double(x[i]);
        }
    }
    const double rel = std::sqrt(err2 / ref2);
    qInfo("%s: relative RMS error %.5f", qPrintable(type), rel);
    QVERIFY2(rel < maxRelRmse, qPrintable(QString::number(rel)));
    QVERIFY(rel > 0 || tt == TensorType::F32);
}

QX_TEST_APPLESS_MAIN(TestGgmlBlocksReference)
#include "tst_ggml_blocks_reference.moc"
