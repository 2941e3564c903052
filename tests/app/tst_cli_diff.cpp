// `qexplore-cli diff` end to end: the table and --json against the core's figures for llama.cpp's
// quantizations of synth-d256, an HF folder against its converted GGUF, and the refusal (exit 1 with the
// metadata difference still printed) for models of other shapes.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "io/model_file.h"
#include "quant/formats.h"
#include "stats/format_error.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using qx::test::CliResult;
using qx::test::runCli;

class TestCliDiff : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"diff", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli diff A B [--json] [--threads N]"));
        QCOMPARE(runCli({"diff", "only-one.gguf"}).exitCode, 2);
        QCOMPARE(runCli({"diff", "a.gguf", "b.gguf", "--bogus"}).exitCode, 2);
        const CliResult missing = runCli({"diff", "/nonexistent/a.gguf", "/nonexistent/b.gguf"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("/nonexistent/a.gguf"));
    }
    void jsonEqualsFormatError()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q6, "reference/synth-d256/pure-Q6_K.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(f32), QString::fromStdString(q6), "--json", "-t", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const qx::FormatErrorReport ref = qx::computeFormatError(*qx::openModel(f32), *qx::findFormat("Q6_K"));
        const QJsonArray tensors = j["tensors"].toArray();
        QCOMPARE(tensors.size(), qsizetype(ref.tensors.size()));
        for (qsizetype i = 0; i < tensors.size(); ++i) {
            const QJsonObject t = tensors[i].toObject();
            const qx::FormatErrorEntry& e = ref.tensors[size_t(i)];
            QCOMPARE(t["name"].toString(), QString::fromStdString(e.name));
            QCOMPARE(t["bytes_b"].toInteger(), qint64(e.storedBytes));
            QCOMPARE(t["identical"].toBool(), !e.quantized);
            if (e.quantized) {
                QCOMPARE(t["type_b"].toString(), QString("Q6_K"));
                QCOMPARE(t["sqnr_db"].toDouble(), e.error.sqnrDb);   // JSON keeps every digit
            }
        }
        QCOMPARE(j["comparable"].toBool(), true);
        QCOMPARE(j["command"].toString(), QString("diff"));   // the envelope of every --json document
        QCOMPARE(j["totals"]["bytes_b"].toInteger(), 2804736);   // as `qexplore-cli info` totals the file
    }
    void textTable()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(f32), QString::fromStdString(q4)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("  ~ general.file_type = 0 -> 15\n"));
        QVERIFY(r.out.contains("  + general.quantization_version = 2\n"));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nblk\.0\.attn_q\.weight +F32 +Q4_K +262144 +36864 +20\.189 )")));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nblk\.0\.attn_norm\.weight +F32 +F32 +1024 +1024 identical\n)")));
        QVERIFY(r.out.contains(QRegularExpression(R"(\ntotal +39 tensors +9 identical +13640704 +1926144 bytes)")));
    }
    void hfFolderAgainstGguf()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        const QString out = QString::fromStdString(qx::test::scratchDir("tst_cli_diff")) + "/ts-q8.gguf";
        const CliResult e = runCli({"export", QString::fromStdString(folder), "--pure", "Q8_0", "-o", out, "--quiet"});
        QVERIFY2(e.exitCode == 0, qPrintable(e.err));
        const CliResult r = runCli({"diff", QString::fromStdString(folder), out, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const QJsonValue v : j["tensors"].toArray()) {
            const QJsonObject t = v.toObject();
            QVERIFY2(t["status"].toString() == "compared" || t["status"].toString() == "identical",
                     qPrintable(t["name"].toString()));
            if (t["type_b"].toString() == "Q8_0")   // rows in the same order: only Q8_0's rounding remains
                QVERIFY2(t["sqnr_db"].toDouble() > 35.0, qPrintable(t["name"].toString()));
        }
    }
    void refusesOtherShapes()
    {
        QX_REQUIRE_SHARED(small, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(small), QString::fromStdString(f32)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("  ~ llama.embedding_length = 64 -> 256\n"));
        QVERIFY(r.err.contains("tensors not compared: the models differ in embedding_length 64 vs 256"));
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
