// One cancellation path for every long qexplore-cli command: SIGINT (Ctrl-C) or SIGTERM while the work
// runs ends the process with exit code 130, "cancelled, no output written", and no output file (nor its
// .partial) is left. The time from the signal to the end of the process is printed for each command
// (bench/README.md collects the figures; this test asserts no timing).
// `stats` is not in the table: it reads this model in about 0.13 s, so a signal sent when its first line
// appears can land after the work, and the row would test the race, not the command. It stops through the
// same cancellable progress as the others; tst_stats_report checks that a stop request ends it.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QDir>
#include <QFile>

#include <signal.h>

using qx::test::CliResult;
using qx::test::interruptCli;
using qx::test::runCli;

class TestCliInterrupt : public QObject {
    Q_OBJECT
    QString m_dir, m_model, m_text, m_vocab;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        m_text = QString::fromStdString(text);
        m_vocab = QString::fromStdString(vocab);
        m_dir = QString::fromStdString(qx::test::scratchDir("tst_cli_interrupt"));
        // 44 M parameters (176 MB): every command below runs for seconds on it, so the signal lands mid-work.
        m_model = m_dir + "/model.gguf";
        if (!QFile::exists(m_model)) {
            const CliResult r = runCli({"synth", "--dim", "1024", "--layers", "4", "--ff", "2816", "--heads", "16",
                                        "--kv-heads", "4", "--vocab-from", QString::fromStdString(vocab), "--seed",
                                        "7", "-o", m_model});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    void cancels_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("args");   // MODEL: the 44 M model, OUT: the output file
        QTest::addColumn<QString>("marker");     // on stderr or stdout once the long work has begun
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("delayMs");        // from the marker to the signal
        const QStringList text = {"MODEL", "-f", m_text};
        QTest::newRow("export") << "export" << QStringList{"MODEL", "--pure", "IQ4_XS", "-o", "OUT"} << "export: writing"
                                << int(SIGINT) << 0;
        QTest::newRow("export SIGTERM") << "export" << QStringList{"MODEL", "--pure", "IQ4_XS", "-o", "OUT"}
                                        << "export: writing" << int(SIGTERM) << 0;
        QTest::newRow("imatrix") << "imatrix" << text + QStringList{"-c", "128", "-o", "OUT"} << "imatrix: "
                                 << int(SIGINT) << 0;
        QTest::newRow("ppl --save-kld-base")
            << "ppl" << text + QStringList{"-c", "128", "-b", "128", "--save-kld-base", "OUT"} << "perplexity: "
            << int(SIGINT) << 0;
        QTest::newRow("quantize gptq -o") << "quantize"
                                          << text + QStringList{"--method", "gptq", "--scheme", "Q4_K", "-c", "128",
                                                                "--calib-chunks", "4", "--eval-chunks", "8",
                                                                "--no-calib-cache", "-o", "OUT"}
                                          << "quantize: gptq on Q4_K" << int(SIGINT) << 0;
        QTest::newRow("sensitivity") << "sensitivity" << text + QStringList{"--tokens", "512"}
                                     << "sensitivity: " << int(SIGINT) << 0;
        QTest::newRow("synth") << "synth"
                               << QStringList{"--dim", "1024", "--layers", "4", "--ff", "2816", "--heads", "16",
                                              "--kv-heads", "4", "--vocab-from", m_vocab, "--seed", "8", "-o", "OUT"}
                               << "synth: writing" << int(SIGINT) << 0;
        QTest::newRow("train") << "train" << QStringList{"--steps", "100000", "--stories", "500", "-o", "OUT"}
                               << "train: " << int(SIGINT) << 0;
        // Mid-training, while both threads run oneDNN's GEMM kernels: a signal handled on one of them
        // corrupted the heap ("corrupted size vs. prev_size", exit 134) in about one run of three, until
        // only a thread that waits for signals received them.
        for (const int delayMs : {700, 1500, 2300, 3100})
            QTest::newRow(qPrintable(QString("train %1 ms after step 0").arg(delayMs)))
                << "train" << QStringList{"--steps", "100000", "--stories", "500", "-o", "OUT"} << "step     0"
                << int(SIGINT) << delayMs;
    }
    void cancels()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, args);
        QFETCH(QString, marker);
        QFETCH(int, signal);
        QFETCH(int, delayMs);
        const QString out = m_dir + "/out-" + QString(QTest::currentDataTag()).replace(' ', '_');
        QFile::remove(out);
        args.replaceInStrings(QRegularExpression("^OUT$"), out);
        args.replaceInStrings(QRegularExpression("^MODEL$"), m_model);
        const CliResult r = interruptCli(QStringList{command} + args, marker, 300000, signal, delayMs);
        QVERIFY2(r.exitCode == 130, qPrintable(r.err));
        QVERIFY2(r.err.endsWith("qexplore-cli " + command + ": cancelled, no output written\n"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + ".partial"));
        QVERIFY(QDir(m_dir).entryList({"*.partial*"}, QDir::Files).isEmpty());
        qInfo("%s: stopped %lld ms after the signal", QTest::currentDataTag(), static_cast<long long>(r.stopMs));
    }
};

QX_TEST_APPLESS_MAIN(TestCliInterrupt)
#include "tst_cli_interrupt.moc"
