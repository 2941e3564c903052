// `qexplore-cli plan` and `qexplore-cli export` end to end on synth-d256.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <sys/types.h>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliPlanExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }

    void help()
    {
        QCOMPARE(runCli({"plan", "--help"}).exitCode, 0);
        const CliResult r = runCli({"export", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli export MODEL"));
        QCOMPARE(runCli({"export", "x.gguf"}).exitCode, 2);   // no plan source
    }

    void planThenExport()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(ref, "reference/synth-d256/preset-Q4_K_M.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_plan_export"));
        const QString planPath = dir + "/plan.json", out = dir + "/q4km.gguf";
        const CliResult p = runCli({"plan", QString::fromStdString(model), "--preset", "Q4_K_M", "-o", planPath});
        QCOMPARE(p.exitCode, 0);
        QVERIFY(p.out.contains(QRegularExpression("blk\\.2\\.attn_v\\.weight +Q6_K +attn_v #2 of 4 \\(use_more_bits\\)")));
        QVERIFY(p.out.contains("predicted GGUF size 2091840 bytes"));
        const CliResult e = runCli({"export", QString::fromStdString(model), "--plan", planPath, "-o", out, "--llama-order"});
        QCOMPARE(e.exitCode, 0);
        QVERIFY(e.err.contains("export: writing " + out));   // progress lines only on a terminal
        QVERIFY(e.out.contains("2091840 bytes, 30 tensors converted, 9 copied"));
        QVERIFY(readAll(out) == readAll(QString::fromStdString(ref)));
        const CliResult again = runCli({"export", out, "--pure", "Q8_0", "-o", out});
        QCOMPARE(again.exitCode, 2);   // a usage error: every command checks its outputs against its inputs
        QVERIFY(again.err.contains("refusing to overwrite an input"));
    }

    /// llama-quantize's refusals and options, through the command line.
    void llamaQuantizeOptions()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(imatrix, "reference/synth-d256/imatrix.dat");
        QX_REQUIRE_SHARED(q4k, "reference/synth-d256/pure-Q4_K.gguf");
        const QString m = QString::fromStdString(model), dir = QString::fromStdString(qx::test::scratchDir("tst_cli_plan_export"));
        const CliResult plan = runCli({"plan", m, "--preset", "IQ2_XXS"});
        QCOMPARE(plan.exitCode, 0);
        QVERIFY(plan.out.contains("# note: llama-quantize refuses IQ2_XXS without an importance matrix"));
        const CliResult refused = runCli({"export", m, "--preset", "IQ2_XXS", "-o", dir + "/iq2.gguf"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("Missing importance matrix for tensor blk.0.attn_k.weight"), qPrintable(refused.err));
        QVERIFY(!QFile::exists(dir + "/iq2.gguf"));
        const CliResult iq2 = runCli({"export", m, "--preset", "IQ2_XXS", "--imatrix", QString::fromStdString(imatrix),
                                      "--exclude-weights", "attn_q", "-o", dir + "/iq2.gguf"});
        QCOMPARE(iq2.exitCode, 1);   // attn_q lost its importance data
        QVERIFY2(iq2.err.contains("tensor blk.0.attn_q.weight"), qPrintable(iq2.err));
        // Requantizing needs --allow-requantize, as in llama-quantize.
        const CliResult requant = runCli({"export", QString::fromStdString(q4k), "--pure", "Q8_0", "-o", dir + "/q8.gguf"});
        QCOMPARE(requant.exitCode, 1);
        QVERIFY(requant.err.contains("requantizing from type Q4_K is disabled"));
        QCOMPARE(runCli({"export", QString::fromStdString(q4k), "--pure", "Q8_0", "--allow-requantize", "-o",
                         dir + "/q8.gguf"}).exitCode, 0);
        // --override-kv and --split-max-size: four parts of at most 1 MB, the key in the first; any part opens
        // the whole model.
        const CliResult split = runCli({"export", m, "--pure", "Q8_0", "--override-kv", "general.name=str:cli split",
                                        "--split-max-size", "1M", "-o", dir + "/split.gguf"});
        QCOMPARE(split.exitCode, 0);
        QVERIFY2(split.out.contains("wrote " + dir + "/split-00001-of-00004.gguf\n"), qPrintable(split.out));
        QVERIFY(split.out.contains("wrote " + dir + "/split-00004-of-00004.gguf: ") && split.out.contains("bytes in all parts"));
        const CliResult info = runCli({"info", dir + "/split-00003-of-00004.gguf"});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains("cli split") && info.out.contains("blk.3.ffn_up.weight"), qPrintable(info.out));
        // Malformed values are usage errors.
        QCOMPARE(runCli({"export", m, "--pure", "Q8_0", "--split-max-size", "3X", "-o", dir + "/x.gguf"}).exitCode, 2);
        QCOMPARE(runCli({"export", m, "--pure", "Q8_0", "--override-kv", "k=int:x", "-o", dir + "/x.gguf"}).exitCode, 2);
        QCOMPARE(runCli({"plan", m, "--preset", "Q4_K_M", "--include-weights", "a", "--exclude-weights", "b"}).exitCode, 2);
    }

    void printLlamaQuantize()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const CliResult r = runCli({"export", QString::fromStdString(model), "--pure", "Q4_K", "--imatrix", "imatrix.dat",
                                    "--token-embedding-type", "q8_0", "--print-llama-quantize", "-o", "o.gguf"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), "llama-quantize --pure --imatrix imatrix.dat --token-embedding-type q8_0 "
                                      + QString::fromStdString(model) + " o.gguf Q4_K_M");
    }

    void report()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_plan_export"));
        const QString eval = dir + "/eval.txt", json = dir + "/report.json", md = dir + "/report.md";
        QFile e(eval);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("Mean PPL(Q)                   : 687.045349 \xc2\xb1   8.780620\nMean    KLD:   0.010352 \xc2\xb1   0.000140\n");
        e.close();
        QCOMPARE(runCli({"plan", QString::fromStdString(model), "--preset", "Q4_K_M", "--report", json, "--eval", eval})
                     .exitCode, 0);
        const QByteArray text = readAll(json);
        QVERIFY(text.contains("\"file_bytes\": 2091840"));
        QVERIFY(text.contains("\"tensor_bytes\": 2078208"));
        QVERIFY(text.contains("\"mean_kld\": 0.010352"));
        QCOMPARE(runCli({"export", QString::fromStdString(model), "--pure", "Q8_0", "-o", dir + "/q8.gguf", "--report", md})
                     .exitCode, 0);
        QVERIFY(readAll(md).contains("| blk.0.attn_q.weight | 256x256 | F32 | Q8_0 | 8.500 | 69632 |"));
        QCOMPARE(runCli({"plan", QString::fromStdString(model), "--preset", "Q4_K_M", "--report", dir + "/r.txt"}).exitCode, 1);
        // A scheme GGUF cannot hold: refused, with the nearest GGUF type offered.
        const CliResult nf4 = runCli({"export", QString::fromStdString(model), "--pure", "NF4", "-o", dir + "/nf4.gguf"});
        QCOMPARE(nf4.exitCode, 1);
        QVERIFY2(nf4.err.contains("not exportable to GGUF") && nf4.err.contains("nearest GGUF type: IQ4_NL"),
                 qPrintable(nf4.err));
        QVERIFY(!QFile::exists(dir + "/nf4.gguf"));
    }

    void killNineMidway()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_plan_export"));
        const QString src = dir + "/synth-kill.gguf", out = dir + "/killed.gguf";
        QFile::remove(out);
        const CliResult s = runCli({"synth", "--dim", "1024", "--layers", "4", "--ff", "2816", "--heads", "16",
                                    "--kv-heads", "4", "--vocab-from", QString::fromStdString(vocab), "--seed", "7",
                                    "-o", src});
        QCOMPARE(s.exitCode, 0);
        const QByteArray before = readAll(src);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(qEnvironmentVariable("QX_CLI"), {"export", src, "--preset", "Q4_K_M", "-o", out});
        QVERIFY(p.waitForStarted(10000));
        QByteArray err;
        const auto temporaries = [&] { return QDir(dir).entryList({"killed.gguf.*.partial"}, QDir::Files); };
        while (!err.contains("export: writing") || temporaries().isEmpty()) {   // under way
            QVERIFY2(p.state() == QProcess::Running, "the export ended before it could be killed");
            p.waitForReadyRead(20);
            err += p.readAll();
        }
        QVERIFY2(p.state() == QProcess::Running, "the export ended before it could be killed");
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(10000);
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY(!QFile::exists(out));       // the target only ever appears complete (rename)
        QVERIFY(readAll(src) == before);
        QCOMPARE(temporaries().size(), 1);   // what a killed writer leaves beside the target...
        // ...is removed by the next export to the same target (no live writer holds its lock) once it is
        // older than a writer's create-to-lock moment (10 s; here the kill is dated a minute back).
        QFile killed(dir + "/" + temporaries().front());
        QVERIFY(killed.open(QIODevice::ReadWrite));
        QVERIFY(killed.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        killed.close();
        const CliResult again = runCli({"export", src, "--pure", "Q8_0", "-o", out});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(QFile::exists(out));
        QVERIFY(temporaries().isEmpty());
        // Exporting over the source is refused with a clear message, the source untouched.
        const CliResult self = runCli({"export", out, "--pure", "Q4_0", "-o", out});
        QCOMPARE(self.exitCode, 2);
        QVERIFY2(self.err.contains("refusing to overwrite an input"), qPrintable(self.err));
        QFile::remove(out);
        QFile::remove(src);
    }
};

QX_TEST_APPLESS_MAIN(TestCliPlanExport)
#include "tst_cli_plan_export.moc"
