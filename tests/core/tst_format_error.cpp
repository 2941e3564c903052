// computeFormatError against files llama-quantize wrote: per-tensor bytes equal the GGUF tensor sizes and
// errors equal a direct comparison with the tensors llama.cpp quantized (our quantizers are bit-exact).
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"
#include "stats/format_error.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

using namespace qx;

class TstFormatError : public QObject {
    Q_OBJECT
private slots:
    void synthMatchesLlamaQuantize_data();
    void synthMatchesLlamaQuantize();
    void storiesFallbacks();
    void jsonCarriesTheReport();
};

namespace {

void compareWithFile(const ModelFile& f32, const FormatErrorReport& report, const ModelFile& quantized)
{
    uint64_t total = 0;
    QCOMPARE(report.tensors.size(), f32.tensors.size());
    for (const auto& e : report.tensors) {
        const TensorInfo* q = quantized.findTensor(e.name);
        QVERIFY(q);
        QCOMPARE(e.storedAs, std::string(tensorTypeName(q->type)));
        QCOMPARE(e.storedBytes, q->nbytes);
        total += q->nbytes;
        if (!e.quantized)
            continue;
        const auto original = dequantizeTensor(*f32.findTensor(e.name));
        const auto theirs = dequantizeTensor(*q);
        const TensorError direct = compareTensors(original, theirs);
        QCOMPARE(e.error.mse, direct.mse);
        QCOMPARE(e.error.rmse, direct.rmse);
        QCOMPARE(e.error.sqnrDb, direct.sqnrDb);
        QCOMPARE(e.error.cosine, direct.cosine);
        QCOMPARE(e.error.maxAbsError, direct.maxAbsError);
        QCOMPARE(e.error.relativeFrobenius, direct.relativeFrobenius);
    }
    QCOMPARE(report.totals.storedBytes, total);
    QCOMPARE(report.totals.values, f32.totalParameters());
}

} // namespace

void TstFormatError::synthMatchesLlamaQuantize_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("imatrix");
    for (const char* t : {"Q4_0", "Q8_0", "Q2_K", "Q4_K", "Q6_K", "IQ4_XS"})
        QTest::newRow(t) << QString(t) << false;
    for (const char* t : {"Q4_K", "Q2_K", "IQ4_XS"})
        QTest::newRow((std::string(t) + " imatrix").c_str()) << QString(t) << true;
}

void TstFormatError::synthMatchesLlamaQuantize()
{
    QFETCH(QString, type);
    QFETCH(bool, imatrix);
    QX_REQUIRE_SHARED(dir, "reference/synth-d256");
    const std::string base = dir + "/";
    const auto f32 = openModel(base + "model-f32.gguf");
    const auto quantized = openModel(base + (imatrix ? "imatrix-" : "pure-") + type.toStdString() + ".gguf");
    std::optional<ImatrixFile> im;
    if (imatrix)
        im = readImatrixDat(base + "imatrix.dat");
    const FormatErrorReport report = computeFormatError(*f32, *findFormat(type.toStdString()), im ? &*im : nullptr);
    compareWithFile(*f32, report, *quantized);
    QCOMPARE(report.totals.fallbacks, 0);
    if (imatrix) {
        const FormatErrorEntry& q = report.tensors[3];   // a weighted matrix: weighted MSE differs from MSE
        QVERIFY(q.quantized && q.weighted);
        QVERIFY(q.error.weightedMse != q.error.mse);
    }
}

void TstFormatError::storiesFallbacks()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    const auto model = openModel(path);
    const FormatErrorReport report = computeFormatError(*model, *findFormat("Q4_K"));
    int fallbacks = 0;
    for (const auto& e : report.tensors) {
        if (!e.quantized) {
            QCOMPARE(e.storedAs, std::string("F32"));
            continue;
        }
        const int64_t row = e.ne[0];
        QCOMPARE(e.fitProblem, "row " + std::to_string(row) + " is not a multiple of 256");
        QCOMPARE(e.storedAs, std::string(row % 32 == 0 ? "Q5_0" : "F16"));
        const uint64_t values = uint64_t(e.ne[0]) * uint64_t(e.ne[1]);
        QCOMPARE(e.storedBytes, row % 32 == 0 ? values / 32 * 22 : values * 2);
        ++fallbacks;
    }
    QCOMPARE(report.totals.fallbacks, fallbacks);
    QVERIFY(fallbacks > 0);
}

void TstFormatError::jsonCarriesTheReport()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    const auto model = openModel(path);
    const FormatErrorReport report = computeFormatError(*model, *findFormat("Q3_K"));
    const auto j = nlohmann::json::parse(formatErrorJson(report));
    QCOMPARE(j["format"].get<std::string>(), std::string("Q3_K"));
    QCOMPARE(j["tensors"].size(), report.tensors.size());
    for (size_t i = 0; i < report.tensors.size(); ++i) {
        const auto& t = j["tensors"][i];
        QCOMPARE(t["name"].get<std::string>(), report.tensors[i].name);
        QCOMPARE(t["stored_bytes"].get<uint64_t>(), report.tensors[i].storedBytes);
        if (report.tensors[i].quantized)
            QCOMPARE(t["mse"].get<double>(), report.tensors[i].error.mse);
    }
    QCOMPARE(j["totals"]["stored_bytes"].get<uint64_t>(), report.totals.storedBytes);
    QCOMPARE(j["totals"]["sqnr_db"].get<double>(), report.totals.sqnrDb);
    QVERIFY(report.totals.sqnrDb > 10 && report.totals.sqnrDb < 30);
}

QX_TEST_APPLESS_MAIN(TstFormatError)
#include "tst_format_error.moc"
