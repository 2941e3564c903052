// `qexplore-cli dump` end to end: the printed rows equal the core's dequantization of the same tensor.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "io/gguf_reader.h"
#include "quant/dequantize.h"

#include <QtTest/QtTest>

#include <QProcess>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

} // namespace

class TestCliDump : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }

    void help()
    {
        const CliResult r = runCli({"dump", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli dump MODEL TENSOR [--rows A:B]"));
    }

    void rowsMatchCoreDequantization_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("Q4_K") << "pure-Q4_K.gguf";
        QTest::newRow("Q8_0") << "pure-Q8_0.gguf";
        QTest::newRow("IQ4_XS") << "pure-IQ4_XS.gguf";
    }

    void rowsMatchCoreDequantization()
    {
        QFETCH(QString, file);
        QX_REQUIRE_SHARED(path, "reference/synth-d256/" + file.toStdString());
        const CliResult r = runCli({"dump", QString::fromStdString(path), "blk.1.ffn_down.weight", "--rows", "3:5"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith("# blk.1.ffn_down.weight " + file.mid(5, file.size() - 10) + " ne=[768, 256] rows 3:5 of 256"),
                 qPrintable(lines[0]));
        const auto model = qx::openGguf(path);
        std::vector<float> expected(2 * 768);
        qx::dequantizeRows(*model->findTensor("blk.1.ffn_down.weight"), 3, 2, expected);
        for (int row = 0; row < 2; ++row) {
            QStringList fields = lines[1 + row].split(' ', Qt::SkipEmptyParts);
            QCOMPARE(fields.takeFirst(), QStringLiteral("row"));
            QCOMPARE(fields.takeFirst(), QStringLiteral("%1:").arg(3 + row));
            QCOMPARE(fields.size(), 768);
            for (int i = 0; i < 768; ++i)
                QCOMPARE(fields[i].toFloat(), expected[static_cast<size_t>(row * 768 + i)]);   // %.9g round-trips
        }
    }

    void defaultsToFirstRows()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/pure-Q6_K.gguf");
        const CliResult r = runCli({"dump", QString::fromStdString(path), "token_embd.weight"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("# token_embd.weight Q6_K ne=[256, 512] rows 0:8 of 512\n"));
        QCOMPARE(r.out.count('\n'), 9);
    }

    void errors()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/pure-Q6_K.gguf");
        const QString p = QString::fromStdString(path);
        QCOMPARE(runCli({"dump", p, "no.such.tensor"}).exitCode, 1);
        QCOMPARE(runCli({"dump", p, "token_embd.weight", "--rows", "5:3"}).exitCode, 2);
        QCOMPARE(runCli({"dump", p, "token_embd.weight", "--rows", "0:513"}).exitCode, 2);
        QCOMPARE(runCli({"dump", p}).exitCode, 2);
        QCOMPARE(runCli({"dump", "/nonexistent.gguf", "x"}).exitCode, 1);
        const CliResult one = runCli({"dump", p, "output_norm.weight", "--rows", "0"});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.startsWith("# output_norm.weight F32 ne=[256] rows 0:1 of 1\n"));
    }
};

QX_TEST_APPLESS_MAIN(TestCliDump)
#include "tst_cli_dump.moc"
