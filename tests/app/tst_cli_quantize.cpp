// `qexplore-cli quantize` end to end on synth-d256: GPTQ on Q4_K, streamed, exported with -o, re-read
// losslessly and evaluated to the same perplexity; round-to-nearest streamed, and refused over its memory
// budget; imatrix's calibration cache is written, then read; bad input is refused.
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

    void gptqQ4_KExportsStreamed()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        QTemporaryDir dir;
        const QString out = dir.filePath("gptq-q4k.gguf");
        const CliResult r = runCli({"quantize", QString::fromStdString(model), "--method", "gptq", "--scheme", "Q4_K",
                                    "-f", QString::fromStdString(text), "--calib-chunks", "4", "--eval-chunks", "4",
                                    "--no-calib-cache", "-o", out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("calibration and evaluation texts share no line"));
        // GPTQ streams the model block by block: no whole-model capture, no F32 copy of the weights.
        QVERIFY2(!r.out.contains("calibration capture") && !r.err.contains("loading the model's weights"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("largest deviation of a calibrated value after re-reading: 0 (lossless)"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("exported file PPL equals the calibrated model's evaluation"));
    }

    void rtnStreamedAndRefusedOverBudget()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QStringList args{"quantize", QString::fromStdString(model), "--method", "rtn", "--scheme", "Q4_K", "-f",
                               QString::fromStdString(text), "--eval-chunks", "2", "--no-calib-cache"};
        CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("rtn Q4_K   ") && !r.err.contains("loading the model's weights"), qPrintable(r.out));
        r = runCli(QStringList(args) << "--mem-budget" << "1M");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("more than the") || r.err.contains("budget"), qPrintable(r.err));
        r = runCli(QStringList(args) << "--mem-budget" << "lots");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--mem-budget takes a size"));
    }

    void calibrationCacheWrittenThenRead()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        QTemporaryDir dir;
        const QStringList args{"quantize", QString::fromStdString(model), "--method", "imatrix", "--scheme", "Q4_K",
                               "-f", QString::fromStdString(text), "--calib-chunks", "4", "--eval-chunks", "2",
                               "--calib-cache", dir.filePath("cache")};
        CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("calibration statistics cached in"), qPrintable(r.out));
        QVERIFY(r.out.contains("calibration capture: 512 rows per layer"));
        r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("calibration statistics read from the cache"));
    }
};

QX_TEST_APPLESS_MAIN(TestCliQuantize)
#include "tst_cli_quantize.moc"
