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
#include <limits>
#include <random>
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
    void fastEqualsScalarOnHardRows_data();
    void fastEqualsScalarOnHardRows();
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

void TestIquantReference::fastEqualsScalarOnHardRows_data()
{
    threadedEqualsScalarTwin_data();
}

/// Rows meant to trip a SIMD twin: exact ties between codebook neighbours (values and importance on coarse
/// grids), zeros, constants, an outlier, NaN, infinities, subnormals, signed zeros, values below the group
/// thresholds; importance all equal, random, with zeros, negative or NaN. Needs no data files.
void TestIquantReference::fastEqualsScalarOnHardRows()
{
    QFETCH(QString, type);
    const TensorType t = *tensorTypeFromName(type.toStdString());
    const int width = 512, rows = 48;
    std::mt19937 rng(23);
    std::student_t_distribution<float> heavy(4.f);
    std::vector<float> x(size_t(rows) * width);
    for (int r = 0; r < rows; ++r) {
        float* row = x.data() + size_t(r) * width;
        for (int i = 0; i < width; ++i)
            row[i] = 0.02f * heavy(rng);
        switch (r % 12) {
        case 1: std::fill(row, row + width, 0.f); break;
        case 2: std::fill(row, row + width, -0.75f); break;
        case 3: row[77] = 40.f; break;
        case 4: row[130] = std::numeric_limits<float>::quiet_NaN(); break;
        case 5: row[300] = std::numeric_limits<float>::infinity(); break;
        case 6: for (int i = 0; i < width; ++i) row[i] *= 1e-39f; break;
        case 7: for (int i = 0; i < width; ++i) row[i] = i % 3 ? -0.f : std::fabs(row[i]); break;
        case 8: case 9:   // coarse grids: many exactly equal distances
            for (int i = 0; i < width; ++i) row[i] = static_cast<float>(int(rng() % 5) - 2) * (r % 12 == 8 ? 0.25f : 1.f);
            break;
        case 10: for (int i = 0; i < width; ++i) row[i] *= 1e-9f; break;
        default: break;
        }
    }
    std::vector<std::vector<float>> importances;
    importances.emplace_back(size_t(width), 1.f);
    std::vector<float> random(static_cast<size_t>(width));
    for (float& v : random) v = std::fabs(heavy(rng));
    importances.push_back(random);
    std::vector<float> holes = random;
    for (int i = 0; i < width; i += 7) holes[size_t(i)] = 0.f;
    importances.push_back(holes);
    std::vector<float> hostile = random;
    hostile[5] = -2.f;
    hostile[260] = std::numeric_limits<float>::quiet_NaN();
    importances.push_back(hostile);
    if (!quantizeNeedsImportance(t))
        importances.emplace_back();   // none
    for (size_t v = 0; v < importances.size(); ++v) {
        std::vector<std::byte> fast(*tensorBytes(t, x.size())), scalar(fast.size());
        quantizeRows(t, x, width, fast, importances[v]);
        quantizeRowsRef(t, x, width, scalar, importances[v]);
        size_t diff = 0;
        while (diff < fast.size() && fast[diff] == scalar[diff])
            ++diff;
        QVERIFY2(diff == fast.size(), qPrintable(QStringLiteral("importance variant %1: first difference at byte %2 (row %3)")
                                                     .arg(v).arg(diff).arg(diff / (fast.size() / rows))));
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
