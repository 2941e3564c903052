// `qexplore-cli quantize` end to end on synth-d256: GPTQ on Q4_K exported with -o, re-read losslessly and
// evaluated to the same perplexity; the calibration cache is written, then read; bad input is refused.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QTemporaryDir>

using qx::test::CliResult;
using qx::test::runCli;

class TestCliQuantize : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }

    void help()
    {
        const CliResult r = runCli({"quantize", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("-o, --output OUT.gguf"));
        QVERIFY(r.out.contains("--calib-cache DIR"));
    }

    void badArguments()
    {
        CliResult r = runCli({"quantize", "m.gguf", "-f", "t.txt", "--method", "gptq,awq", "--scheme", "Q4_K",
                              "-o", "x.gguf"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("-o needs exactly one method"));
        r = runCli({"quantize", "m.gguf", "-f", "t.txt", "--method", "gptq", "--scheme", "IQ4_XS"});
        QCOMPARE(r.exitCode, 1);
    }

    void gptqQ4_KExportAndCache()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        QTemporaryDir dir;
        const QString out = dir.filePath("gptq-q4k.gguf"), cache = dir.filePath("cache");
        const QStringList args{"quantize", QString::fromStdString(model), "--method", "gptq", "--scheme", "Q4_K", "-f",
                               QString::fromStdString(text), "--calib-chunks", "4", "--eval-chunks", "4",
                               "--calib-cache", cache, "-o", out};
        CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("calibration and evaluation texts share no line"));
        QVERIFY(r.out.contains("calibration statistics cached in"));
        QVERIFY2(r.out.contains("largest deviation of a calibrated value after re-reading: 0 (lossless)"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("exported file PPL equals the in-memory evaluation"));
        r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("calibration statistics read from the cache"));
        QVERIFY(r.out.contains("exported file PPL equals the in-memory evaluation"));
    }
};

QX_TEST_APPLESS_MAIN(TestCliQuantize)
#include "tst_cli_quantize.moc"
