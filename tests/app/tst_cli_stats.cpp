// `qexplore-cli stats` end to end on stories260K, checked against a direct computation from the file.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "quant/dequantize.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cmath>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

} // namespace

class TestCliStats : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"stats", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli stats MODEL [--tensor REGEX] [--json]"));
    }
    void textTable()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const CliResult r = runCli({"stats", QString::fromStdString(path)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 49); // header + 48 tensors
        QVERIFY(r.out.contains(QRegularExpression(R"(blk\.0\.ffn_down\.weight +172 x 64 +F32 +2\.19\d\de-04 +1\.24\d\de-01 +7\.088\de-01 +1\.04\d +0\n)")));
        const CliResult only = runCli({"stats", QString::fromStdString(path), "--tensor", "^blk\\.4\\.attn_(q|k)"});
        QCOMPARE(only.exitCode, 0);
        QCOMPARE(only.out.count('\n'), 3);
    }
    void jsonMatchesDirectComputation()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const CliResult r = runCli({"stats", QString::fromStdString(path), "--tensor", "token_embd", "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray tensors = j["tensors"].toArray();
        QCOMPARE(tensors.size(), 1);
        const QJsonObject s = tensors[0]["stats"].toObject();

        const auto model = qx::openModel(path);
        const auto values = qx::dequantizeTensor(*model->findTensor("token_embd.weight"));
        double sum = 0, absMax = 0;
        for (float v : values) {
            sum += v;
            absMax = std::max(absMax, double(std::fabs(v)));
        }
        const double mean = sum / double(values.size());
        double m2 = 0, m4 = 0;
        for (float v : values) {
            m2 += (v - mean) * (v - mean);
            m4 += std::pow(v - mean, 4);
        }
        const double var = m2 / double(values.size());
        QCOMPARE(s["count"].toInteger(), qint64(64 * 512));
        QVERIFY(std::fabs(s["mean"].toDouble() - mean) < 1e-12);
        QVERIFY(std::fabs(s["std"].toDouble() - std::sqrt(var)) < 1e-12);
        QVERIFY(std::fabs(s["excess_kurtosis"].toDouble() - (m4 / double(values.size()) / (var * var) - 3)) < 1e-9);
        QCOMPARE(s["abs_max"].toDouble(), absMax);
        QCOMPARE(s["row_abs_max"].toArray().size(), 512);
        QCOMPARE(s["column_rms"].toArray().size(), 64);
        qint64 histTotal = 0;
        for (const auto c : s["histogram"].toObject()["counts"].toArray())
            histTotal += c.toInteger();
        QCOMPARE(histTotal, qint64(64 * 512));
    }
    void errors()
    {
        QCOMPARE(runCli({"stats"}).exitCode, 2);
        QCOMPARE(runCli({"stats", "x.gguf", "--bogus"}).exitCode, 2);
        const CliResult missing = runCli({"stats", "/nonexistent/model.gguf"});
        QCOMPARE(missing.exitCode, 1);
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const CliResult badRegex = runCli({"stats", QString::fromStdString(path), "--tensor", "(["});
        QCOMPARE(badRegex.exitCode, 1);
        QVERIFY(badRegex.err.contains("invalid tensor regex"));
    }
};

QX_TEST_APPLESS_MAIN(TestCliStats)
#include "tst_cli_stats.moc"
