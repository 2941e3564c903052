// `qexplore-cli info` end to end: runs the executable named by $QX_CLI on stories260K.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

} // namespace

class TestCliInfo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"info", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli info MODEL [--json]"));
    }
    void textReport()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const CliResult r = runCli({"info", QString::fromStdString(path)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Format: gguf v3, alignment 32"));
        QVERIFY(r.out.contains("layers 5, embedding 64, FFN 172, heads 8 (KV 4), vocab 512, context 2048"));
        QVERIFY(r.out.contains("Metadata (19 keys):"));
        QVERIFY(r.out.contains(QRegularExpression(R"(tokenizer\.ggml\.tokens +arr\[str,512\] \["<unk>", "<s>", "</s>", "<0x00>", \.\.\.\])")));
        QVERIFY(r.out.contains(QRegularExpression(R"(llama\.feed_forward_length +u32 172\n)")));
        QVERIFY(r.out.contains("Tensors (48):"));
        QVERIFY(r.out.contains(QRegularExpression(R"(blk\.0\.ffn_down\.weight +172 x 64 +F32 +44032 +32\.0000)")));
        QVERIFY(r.out.contains("Totals: 48 tensors, 292800 parameters, 1171200 bytes (1.12 MiB), 32.0000 bits/weight"));
    }
    void jsonReport()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const CliResult r = runCli({"info", QString::fromStdString(path), "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(j["format"].toString(), QString("gguf"));
        QCOMPARE(j["gguf_version"].toInt(), 3);
        QCOMPARE(j["spec"]["head_count_kv"].toInt(), 4);
        QCOMPARE(j["spec"]["bos_token_id"].toInt(), 1);
        QCOMPARE(j["tokenizer"]["vocab_size"].toInt(), 512);
        const QJsonArray metadata = j["metadata"].toArray();
        QCOMPARE(metadata.size(), 19);
        QCOMPARE(metadata[0]["key"].toString(), QString("tokenizer.ggml.tokens"));
        QCOMPARE(metadata[0]["value"]["element_type"].toString(), QString("str"));
        QCOMPARE(metadata[0]["value"]["count"].toInt(), 512);
        QCOMPARE(metadata[0]["value"]["first"][1].toString(), QString("<s>"));
        QCOMPARE(metadata[11]["value"].toInt(), 2048);
        const QJsonArray tensors = j["tensors"].toArray();
        QCOMPARE(tensors.size(), 48);
        QCOMPARE(tensors[9]["name"].toString(), QString("blk.0.ffn_down.weight"));
        QCOMPARE(tensors[9]["shape"].toArray(), (QJsonArray{172, 64}));
        QCOMPARE(tensors[9]["type"].toString(), QString("F32"));
        QCOMPARE(tensors[9]["offset"].toInteger(), qint64(14176 + 355840));
        QCOMPARE(tensors[9]["bytes"].toInteger(), qint64(44032));
        QCOMPARE(j["totals"]["parameters"].toInteger(), qint64(292800));
        QCOMPARE(j["totals"]["bytes"].toInteger(), qint64(1171200));
        QCOMPARE(j["totals"]["bits_per_weight"].toDouble(), 32.0);
    }
    void errors()
    {
        const CliResult missing = runCli({"info", "/nonexistent/model.gguf"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("/nonexistent/model.gguf"));
        QX_REQUIRE_SHARED(config, "models/tinystories-656k/config.json");
        const CliResult notGguf = runCli({"info", QString::fromStdString(config)});
        QCOMPARE(notGguf.exitCode, 1);
        QVERIFY(notGguf.err.contains("not a model file we can open"));
        QCOMPARE(runCli({"info"}).exitCode, 2);
    }
};

QX_TEST_APPLESS_MAIN(TestCliInfo)
#include "tst_cli_info.moc"
