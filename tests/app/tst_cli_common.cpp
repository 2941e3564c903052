// What every qexplore-cli command shares (app/cli/command_line.h): --help, --version, the one-line usage
// error with its hint and exit code 2, --opt=value read as --opt value, llama.cpp's option names giving
// the same output as ours, and --threads capped at the machine.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QRegularExpression>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

const QStringList kCommands = {"corpus", "diff", "dump", "error", "export", "formats", "imatrix", "info", "plan", "ppl",
                               "qat", "quantize", "sensitivity", "solve", "stats", "synth", "tokenize", "train",
                               "types"};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// stdout with the output path and wall/CPU times taken out, so two runs can be compared.
QString normalized(QString text, const QString& out)
{
    if (!out.isEmpty())
        text.replace(out, "OUT");
    return text.replace(QRegularExpression(R"(\d+\.\d+ s\b)"), "T s");
}

/// {M} stories260K, {D} synth-d256, {T} the text, {K} the KLD base, {Q} a model written by `train`,
/// {O} the output file of this run.
QStringList expand(const QString& args, const QString& out, const QString& trained)
{
    QStringList list = args.split(' ', Qt::SkipEmptyParts);
    for (QString& a : list) {
        a.replace("{M}", QString::fromStdString(qx::test::sharedPath("models/stories260K.gguf")));
        a.replace("{D}", QString::fromStdString(qx::test::sharedPath("reference/synth-d256/model-f32.gguf")));
        a.replace("{T}", QString::fromStdString(qx::test::sharedPath("text/tinystories-valid-head.txt")));
        a.replace("{K}", QString::fromStdString(qx::test::sharedPath("reference/synth-d256/kld-base-ctx128.bin")));
        a.replace("{Q}", trained);
        a.replace("{O}", out);
        a.replace('~', ' ');   // a space inside one argument
    }
    return list;
}

} // namespace

class TestCliCommon : public QObject {
    Q_OBJECT
    QString m_dir, m_trained;

    /// Runs both spellings and compares stdout (normalized) and, when `file` is set, the written files.
    void compareRuns(const QString& first, const QString& second, bool file)
    {
        const QString a = m_dir + "/" + QTest::currentDataTag() + "-a", b = m_dir + "/" + QTest::currentDataTag() + "-b";
        QFile::remove(a);
        QFile::remove(b);
        const CliResult ra = runCli(expand(first, a, m_trained)), rb = runCli(expand(second, b, m_trained));
        QVERIFY2(ra.exitCode == 0, qPrintable(ra.err));
        QVERIFY2(rb.exitCode == 0, qPrintable(rb.err));
        QVERIFY(!ra.out.isEmpty() || file);
        QCOMPARE(normalized(rb.out, b), normalized(ra.out, a));
        if (file) {
            QVERIFY(QFile::exists(a));
            QCOMPARE(readAll(b), readAll(a));
        }
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
        m_dir = QString::fromStdString(qx::test::scratchDir("tst_cli_common"));
        m_trained = m_dir + "/trained.gguf";
        const CliResult r = runCli({"train", "--steps", "2", "--dim", "16", "--layers", "1", "--heads", "2",
                                    "--kv-heads", "1", "--ff", "32", "--ctx", "32", "--stories", "200", "--batch",
                                    "2", "-o", m_trained});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void commandList()
    {
        const CliResult r = runCli({"--help"});
        QCOMPARE(r.exitCode, 0);
        QStringList listed;
        for (const auto& m : QRegularExpression(R"(\n  ([a-z]+) )").globalMatch(r.out))
            listed << m.captured(1);
        QCOMPARE(listed, kCommands);
        QVERIFY(r.out.contains("Exit codes: 0 done, 1 failed, 2 usage error, 130 interrupted"));
        QCOMPARE(runCli({}).exitCode, 2);
        const CliResult unknown = runCli({"no-such-command"});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err, QString("qexplore-cli: unknown command 'no-such-command' (run 'qexplore-cli --help')\n"));
        QVERIFY(QRegularExpression(R"(^qexplore-cli \d+\.\d+\.\d+\n$)").match(runCli({"--version"}).out).hasMatch());
    }

    void everyCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const QString& c : kCommands)
            QTest::newRow(qPrintable(c)) << c;
    }
    void everyCommand()
    {
        QFETCH(QString, command);
        const CliResult help = runCli({command, "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith("Usage: qexplore-cli " + command), qPrintable(help.out));
        QVERIFY(help.out.contains("\n  -h, --help "));
        QVERIFY(help.out.contains("\n  --version "));
        QVERIFY(help.out.contains("\n  --quiet "));
        QCOMPARE(runCli({command, "-h"}).out, help.out);

        const CliResult version = runCli({command, "--version"});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, runCli({"--version"}).out);

        const CliResult unknown = runCli({command, "--no-such-option"});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err, "qexplore-cli " + command + ": unknown option --no-such-option (run 'qexplore-cli "
                                  + command + " --help')\n");
        QCOMPARE(unknown.out, QString());
        const CliResult assigned = runCli({command, "--no-such-option=3"});
        QCOMPARE(assigned.exitCode, 2);
        QCOMPARE(assigned.err, unknown.err);
    }

    // --opt=value reads as --opt value. formats and types take no option with a value.
    void equalsForm_data()
    {
        QTest::addColumn<QString>("spaced");
        QTest::addColumn<QString>("assigned");
        QTest::addColumn<bool>("file");
        QTest::newRow("corpus") << "corpus --stories 5 -o {O}" << "corpus --stories=5 --output={O}" << true;
        QTest::newRow("dump") << "dump {M} output_norm.weight --rows 0:1"
                              << "dump --model={M} output_norm.weight --rows=0:1" << false;
        QTest::newRow("error") << "error {M} --format Q8_0" << "error {M} --format=Q8_0" << false;
        QTest::newRow("export") << "export {D} --pure Q8_0 -o {O}" << "export --model={D} --pure=Q8_0 --output={O}" << true;
        QTest::newRow("imatrix") << "imatrix {D} -f {T} -c 128 --chunks 2 -o {O}"
                                 << "imatrix {D} --file={T} --ctx-size=128 --chunks=2 --output={O}" << true;
        QTest::newRow("info") << "info {M}" << "info --model={M}" << false;
        QTest::newRow("plan") << "plan {D} --preset Q4_K_M" << "plan {D} --preset=Q4_K_M" << false;
        QTest::newRow("ppl") << "ppl {M} -f {T} -c 128 --chunks 4" << "ppl {M} --file={T} --ctx-size=128 --chunks=4"
                             << false;
        QTest::newRow("qat") << "qat {Q} --bits 4 --group 16 --steps 2 --batch 2 -o {O}"
                             << "qat {Q} --bits=4 --group=16 --steps=2 --batch=2 --output={O}" << true;
        QTest::newRow("quantize")
            << "quantize {M} -f {T} --method rtn --scheme Q8_0 --calib-chunks 2 --eval-chunks 2 -c 64 --no-calib-cache"
            << "quantize {M} --file={T} --method=rtn --scheme=Q8_0 --calib-chunks=2 --eval-chunks=2 --ctx-size=64 "
               "--no-calib-cache"
            << false;
        QTest::newRow("sensitivity") << "sensitivity {M} -f {T} --type Q8_0 --tokens 256"
                                     << "sensitivity {M} --file={T} --type=Q8_0 --tokens=256" << false;
        QTest::newRow("solve") << "solve {D} --target-bpw 5 -o {O}" << "solve {D} --target-bpw=5 --output={O}" << true;
        QTest::newRow("stats") << "stats {M} --tensor output" << "stats {M} --tensor=output" << false;
        QTest::newRow("synth") << "synth --dim 64 --layers 1 --ff 128 --heads 2 --kv-heads 1 --vocab-from {M} --seed 3 -o {O}"
                               << "synth --dim=64 --layers=1 --ff=128 --heads=2 --kv-heads=1 --vocab-from={M} --seed=3 "
                                  "--output={O}"
                               << true;
        QTest::newRow("tokenize") << "tokenize {M} -p Once~upon~a~time" << "tokenize {M} --prompt=Once~upon~a~time"
                                  << false;
        QTest::newRow("train") << "train --steps 2 --dim 16 --layers 1 --heads 2 --kv-heads 1 --ff 32 --ctx 32 "
                                  "--stories 200 --batch 2 -o {O}"
                               << "train --steps=2 --dim=16 --layers=1 --heads=2 --kv-heads=1 --ff=32 --ctx=32 "
                                  "--stories=200 --batch=2 --out={O}"
                               << false;   // the file records its own command line
    }
    void equalsForm()
    {
        QFETCH(QString, spaced);
        QFETCH(QString, assigned);
        QFETCH(bool, file);
        compareRuns(spaced, assigned, file);
    }

    // llama.cpp's option names give what our own names give.
    void llamaNames_data()
    {
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QString>("llama");
        QTest::addColumn<bool>("file");
        QTest::newRow("ppl -m -c -t") << "ppl {M} -f {T} --ctx-size 128 --chunks 4 --threads 1"
                                      << "ppl -m {M} -f {T} -c 128 --chunks 4 -t 1" << false;
        QTest::newRow("ppl --batch-size") << "ppl {M} -f {T} -c 128 --chunks 4 -b 256"
                                          << "ppl {M} -f {T} -c 128 --chunks 4 --batch-size 256" << false;
        QTest::newRow("ppl --kl-divergence-base (save)") << "ppl {D} -f {T} -c 128 --chunks 2 --save-kld-base {O}"
                                                         << "ppl {D} -f {T} -c 128 --chunks 2 --kl-divergence-base {O}"
                                                         << true;
        QTest::newRow("ppl --kl-divergence") << "ppl {D} --kld-base {K} --chunks 3"
                                             << "ppl {D} --kl-divergence-base {K} --kl-divergence --chunks 3" << false;
        QTest::newRow("imatrix -m") << "imatrix {D} -f {T} -c 128 --chunks 1 -o {O}"
                                    << "imatrix -m {D} -f {T} -c 128 --chunks 1 -o {O}" << true;
        QTest::newRow("sensitivity -c") << "sensitivity {M} -f {T} --type Q8_0 --tokens 256 --ctx 64"
                                        << "sensitivity {M} -f {T} --type Q8_0 --tokens 256 -c 64" << false;
        QTest::newRow("solve --tensor-type") << "solve {D} --target-bpw 5 --pin output.weight=Q8_0 -o {O}"
                                             << "solve {D} --target-bpw 5 --tensor-type output.weight=Q8_0 -o {O}"
                                             << true;
        QTest::newRow("stats -t") << "stats {M} --tensor output --threads 1" << "stats {M} --tensor output -t 1"
                                  << false;
        QTest::newRow("train -c") << "train --steps 2 --dim 16 --layers 1 --heads 2 --kv-heads 1 --ff 32 --ctx 32 "
                                     "--stories 200 --batch 2 -o {O}"
                                  << "train --steps 2 --dim 16 --layers 1 --heads 2 --kv-heads 1 --ff 32 -c 32 "
                                     "--stories 200 --batch 2 -o {O}"
                                  << false;
    }
    void llamaNames()
    {
        QFETCH(QString, ours);
        QFETCH(QString, llama);
        QFETCH(bool, file);
        compareRuns(ours, llama, file);
    }

    // More threads than the machine has run capped (libgomp crashed on --threads 100000).
    void threadsCapped_data()
    {
        QTest::addColumn<QString>("args");
        QTest::newRow("ppl") << "ppl {M} -f {T} -c 128 --chunks 2 --threads 100000";
        QTest::newRow("imatrix") << "imatrix {M} -f {T} -c 128 --chunks 2 -t 100000 -o {O}";
        QTest::newRow("stats") << "stats {M} --tensor output --threads 100000";
        QTest::newRow("quantize") << "quantize {M} -f {T} --method gptq --scheme Q8_0 --calib-chunks 2 --eval-chunks 2 "
                                     "-c 64 --no-calib-cache --threads 100000";
    }
    void threadsCapped()
    {
        QFETCH(QString, args);
        const CliResult r = runCli(expand(args, m_dir + "/threads-" + QTest::currentDataTag(), m_trained));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("--threads 100000 capped at"), qPrintable(r.err));
        QVERIFY(!runCli(expand(args + " --quiet", m_dir + "/q", m_trained)).err.contains("capped"));
    }

    void usageErrorsNameTheValue()
    {
        CliResult r = runCli({"ppl", "m.gguf", "-f", "t.txt", "--chunks", "many"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QString("qexplore-cli ppl: bad value 'many' for --chunks (expected K) (run 'qexplore-cli ppl "
                                "--help')\n"));
        r = runCli({"stats", "m.gguf", "--threads=-2"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--threads: bad value '-2'"), qPrintable(r.err));
        r = runCli({"dump", "m.gguf"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("TENSOR is required"), qPrintable(r.err));
        r = runCli({"tokenize", "m.gguf", "-p", "x", "-f", "y"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--prompt excludes --file"), qPrintable(r.err));
    }
};

QX_TEST_APPLESS_MAIN(TestCliCommon)
#include "tst_cli_common.moc"
