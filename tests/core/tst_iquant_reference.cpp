// The low-bit types against llama.cpp b4748: every tensor of synth-d256's low-bit reference files
// (pure-IQ3_XXS/IQ3_S/TQ1_0/TQ2_0, mix-imatrix-IQ1_S ... IQ3_M) that is stored in one of IQ1_S IQ1_M IQ2_XXS
// IQ2_XS IQ2_S IQ3_XXS IQ3_S TQ1_0 TQ2_0 is re-quantized from model-f32.gguf — with its imatrix.dat entry
// when the file was made with one and the tensor has one, else without — and must equal the reference
// bytes; the threaded kernels must equal their scalar twins; decoding stays within each type's error bound.
#include "common/test_data.h"
#include "common/test_main.h"

#include "io/gguf_reader.h"
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <map>
#include <memory>
#include <set>

using namespace qx;

namespace {

const std::set<TensorType> kLowBitTypes = {TensorType::IQ1_S,  TensorType::IQ1_M,   TensorType::IQ2_XXS,
                                           TensorType::IQ2_XS, TensorType::IQ2_S,   TensorType::IQ3_XXS,
                                           TensorType::IQ3_S,  TensorType::TQ1_0,   TensorType::TQ2_0};

std::span<const float> floats(const TensorInfo& t)
{
    return {reinterpret_cast<const float*>(t.data.data()), static_cast<size_t>(t.elementCount())};
}

struct Tally {
    std::map<std::string, int> byType;   ///< tensors compared per type name
    int weighted = 0, unweighted = 0;
};

/// Quantizes `src` as `expected` is stored and compares the bytes; fails the test with the first difference.
bool sameBytes(const TensorInfo& src, const TensorInfo& expected, const ImatrixFile* imatrix, Tally& tally)
{
    std::optional<std::vector<float>> importance;
    if (imatrix)
        importance = imatrixImportanceFor(*imatrix, src.name, src.ne[0]);
    const std::span<const float> imp = importance ? std::span<const float>(*importance) : std::span<const float>();
    std::vector<std::byte> ours(expected.data.size());
    quantizeRows(expected.type, floats(src), src.ne[0], ours, imp);
    for (size_t i = 0; i < ours.size(); ++i)
        if (ours[i] != expected.data[i]) {
            const size_t rowBytes = ours.size() / size_t(src.rows());
            QTest::qFail(qPrintable(QStringLiteral("%1 (%2): first differing byte %3 of %4 (row %5, byte %6 of the row)")
                                        .arg(QString::fromStdString(src.name), tensorTypeName(expected.type).data())
                                        .arg(i).arg(ours.size()).arg(i / rowBytes).arg(i % rowBytes)),
                         __FILE__, __LINE__);
            return false;
        }
    ++tally.byType[std::string(tensorTypeName(expected.type))];
    ++(importance ? tally.weighted : tally.unweighted);
    return true;
}

} // namespace

class TestIquantReference : public QObject {
    Q_OBJECT
private slots:
    void referenceFilesByteIdentical_data();
    void referenceFilesByteIdentical();
    void threadedEqualsScalarTwin_data();
    void threadedEqualsScalarTwin();
    void decodeWithinBound_data();
    void decodeWithinBound();
};

void TestIquantReference::referenceFilesByteIdentical_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("withImatrix");
    QTest::addColumn<QString>("expected");   // "TYPE:count ..." of the low-bit tensors in the file
    QTest::newRow("pure-IQ3_XXS") << "pure-IQ3_XXS" << true << "IQ3_XXS:30";
    QTest::newRow("pure-IQ3_S") << "pure-IQ3_S" << true << "IQ3_S:30";
    QTest::newRow("pure-TQ1_0") << "pure-TQ1_0" << false << "TQ1_0:30";
    QTest::newRow("pure-TQ2_0") << "pure-TQ2_0" << false << "TQ2_0:30";
    QTest::newRow("mix-IQ1_S") << "mix-imatrix-IQ1_S" << true << "IQ1_S:20 IQ2_XXS:4";
    QTest::newRow("mix-IQ1_M") << "mix-imatrix-IQ1_M" << true << "IQ1_M:20 IQ2_XXS:4";
    QTest::newRow("mix-IQ2_XXS") << "mix-imatrix-IQ2_XXS" << true << "IQ2_XXS:24";
    QTest::newRow("mix-IQ2_XS") << "mix-imatrix-IQ2_XS" << true << "IQ2_XS:24";
    QTest::newRow("mix-IQ2_S") << "mix-imatrix-IQ2_S" << true << "IQ2_XS:20 IQ3_S:9";
    QTest::newRow("mix-IQ2_M") << "mix-imatrix-IQ2_M" << true << "IQ2_S:20 IQ3_S:9";
    QTest::newRow("mix-IQ3_XXS") << "mix-imatrix-IQ3_XXS" << true << "IQ2_S:8 IQ3_S:5 IQ3_XXS:16";
    QTest::newRow("mix-IQ3_XS") << "mix-imatrix-IQ3_XS" << true << "IQ3_S:15 IQ3_XXS:14";
    QTest::newRow("mix-IQ3_M") << "mix-imatrix-IQ3_M" << true << "IQ3_S:21";
}

void TestIquantReference::referenceFilesByteIdentical()
{
    QFETCH(QString, file);
    QFETCH(bool, withImatrix);
    QFETCH(QString, expected);
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/" + file.toStdString() + ".gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    const auto model = openGguf(f32Path);
    const auto ref = openGguf(refPath);
    const ImatrixFile imatrix = readImatrixDat(imatrixPath);
    Tally tally;
    for (const TensorInfo& expectedTensor : ref->tensors) {
        if (!kLowBitTypes.count(expectedTensor.type))
            continue;
        const TensorInfo* src = model->findTensor(expectedTensor.name);
        QVERIFY(src && src->type == TensorType::F32);
        if (!sameBytes(*src, expectedTensor, withImatrix ? &imatrix : nullptr, tally))
            return;
    }
    QStringList counts;
    for (const auto& [type, n] : tally.byType)
        counts << QStringLiteral("%1:%2").arg(QString::fromStdString(type)).arg(n);
    QCOMPARE(counts.join(' '), expected);
    qInfo("%s: %d tensors with importance, %d without", qPrintable(file), tally.weighted, tally.unweighted);
}

void TestIquantReference::threadedEqualsScalarTwin_data()
{
    QTest::addColumn<QString>("type");
    for (const TensorType t : kLowBitTypes)
        QTest::newRow(tensorTypeName(t).data()) << QString::fromLatin1(tensorTypeName(t).data());
}

void TestIquantReference::threadedEqualsScalarTwin()
{
    QFETCH(QString, type);
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    const TensorType t = *tensorTypeFromName(type.toStdString());
    const auto model = openGguf(f32Path);
    const ImatrixFile imatrix = readImatrixDat(imatrixPath);
    const TensorInfo& src = *model->findTensor("blk.1.ffn_down.weight");   // rows of 768
    const auto importance = *imatrixImportanceFor(imatrix, src.name, src.ne[0]);
    for (const bool weighted : {true, false}) {
        if (!weighted && quantizeNeedsImportance(t))
            continue;
        const std::span<const float> imp = weighted ? std::span<const float>(importance) : std::span<const float>();
        std::vector<std::byte> fast(*tensorBytes(t, src.elementCount())), scalar(fast.size());
        quantizeRows(t, floats(src), src.ne[0], fast, imp);
        quantizeRowsRef(t, floats(src), src.ne[0], scalar, imp);
        QVERIFY2(fast == scalar, weighted ? "with importance" : "without importance");
        std::vector<float> decoded(src.elementCount()), decodedRef(decoded.size());
        dequantizeRow(t, fast, decoded);
        dequantizeRowRef(t, fast, decodedRef);
        QVERIFY(std::memcmp(decoded.data(), decodedRef.data(), decoded.size() * sizeof(float)) == 0);
    }
}

void TestIquantReference::decodeWithinBound_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("tensor");
    QTest::addColumn<double>("maxRelRmse");   // RMS error / RMS value of that tensor
    QTest::newRow("IQ3_S") << "pure-IQ3_S" << "blk.2.attn_q.weight" << 0.24;
    QTest::newRow("IQ3_XXS") << "pure-IQ3_XXS" << "blk.2.attn_q.weight" << 0.28;
    QTest::newRow("TQ2_0") << "pure-TQ2_0" << "blk.2.attn_q.weight" << 0.76;
    QTest::newRow("TQ1_0") << "pure-TQ1_0" << "blk.2.attn_q.weight" << 0.76;
    QTest::newRow("IQ2_S") << "mix-imatrix-IQ2_M" << "blk.2.attn_q.weight" << 0.47;
    QTest::newRow("IQ2_XS") << "mix-imatrix-IQ2_XS" << "blk.2.attn_q.weight" << 0.50;
    QTest::newRow("IQ2_XXS") << "mix-imatrix-IQ2_XXS" << "blk.2.attn_q.weight" << 0.63;
    QTest::newRow("IQ1_M") << "mix-imatrix-IQ1_M" << "blk.2.attn_q.weight" << 0.56;
    QTest::newRow("IQ1_S") << "mix-imatrix-IQ1_S" << "blk.2.attn_q.weight" << 0.71;
}

void TestIquantReference::decodeWithinBound()
{
    QFETCH(QString, file);
    QFETCH(QString, tensor);
    QFETCH(double, maxRelRmse);
    QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/" + file.toStdString() + ".gguf");
    const auto model = openGguf(f32Path);
    const auto ref = openGguf(refPath);
    const TensorInfo& stored = *ref->findTensor(tensor.toStdString());
    QVERIFY(canDequantize(stored.type));
    const std::vector<float> decoded = dequantizeTensor(stored);
    const auto x = floats(*model->findTensor(tensor.toStdString()));
    double err2 = 0, ref2 = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        err2 += double(decoded[i] - x[i]) * double(decoded[i] - x[i]);
        ref2 += double(x[i]) * double(x[i]);
    }
    const double rel = std::sqrt(err2 / ref2);
    qInfo("%s %s: relative RMS error %.4f", tensorTypeName(stored.type).data(), qPrintable(tensor), rel);
    QVERIFY2(rel < maxRelRmse && rel > 0.01, qPrintable(QString::number(rel)));
}

QX_TEST_APPLESS_MAIN(TestIquantReference)
#include "tst_iquant_reference.moc"
