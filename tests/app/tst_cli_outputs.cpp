// No command writes over a file it reads: for every command and every input it takes, an output path that
// reaches the input — spelled through "sub/../", a symbolic link or a hard link — ends with exit code 2, a
// message naming the output, and the input's bytes untouched. The check runs before any input is read,
// so the inputs here are small stand-in files.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QDir>
#include <QFile>

#include <unistd.h>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

const QByteArray kInputBytes = "the user's input: must survive\n";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliOutputs : public QObject {
    Q_OBJECT
    QString m_dir;

    /// Creates every stand-in input ({M} model, {T} text, {P} plan, {F} imatrix, {B} base file) afresh.
    void writeInputs()
    {
        QDir(m_dir).removeRecursively();
        QDir().mkpath(m_dir + "/sub");
        for (const char* name : {"model.gguf", "text.txt", "plan.json", "imatrix.dat", "base.bin"}) {
            QFile f(m_dir + "/" + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kInputBytes);
        }
    }

    /// A second name for `target` of the given kind.
    QString alias(const QString& target, const QString& kind)
    {
        if (kind == "dotdot")
            return m_dir + "/sub/../" + QFileInfo(target).fileName();
        const QString path = m_dir + "/alias-" + QFileInfo(target).fileName();
        QFile::remove(path);
        const bool ok = kind == "symlink" ? QFile::link(target, path)
                                          : ::link(target.toLocal8Bit().constData(), path.toLocal8Bit().constData()) == 0;
        return ok ? path : QString();
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
        m_dir = QString::fromStdString(qx::test::scratchDir("tst_cli_outputs"));
    }

    void outputOverInputIsRefused_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("victim");
        QTest::addColumn<QString>("kind");
        const QList<QPair<QString, QString>> cases = {
            {"imatrix {M} -f {T} -o {X}", "model.gguf"},
            {"imatrix {M} -f {X} -o {T}", "text.txt"},
            {"ppl {M} -f {T} --save-kld-base {X}", "model.gguf"},
            {"ppl {M} -f {T} --plan {P} --save-kld-base {X}", "plan.json"},
            {"ppl {M} -f {T} --kld-base {B} --save-kld-base {X}", "base.bin"},
            {"plan {M} --preset Q4_0 -o {X}", "model.gguf"},
            {"plan {M} --plan {P} -o {X}", "plan.json"},
            {"plan {M} --preset Q4_0 --imatrix {F} --report {X}", "imatrix.dat"},
            {"synth --dim 8 --layers 1 --ff 16 --heads 2 --kv-heads 1 --seed 1 --vocab-from {M} -o {X}", "model.gguf"},
            {"export {M} --imatrix {F} --preset Q4_0 -o {X}", "imatrix.dat"},
            {"export {M} --plan {P} -o {X}", "plan.json"},
            {"export {M} --preset Q4_0 -o {X}", "model.gguf"},
            {"quantize {M} -f {T} -o {X}", "text.txt"},
            {"quantize {M} -f {T} --eval-text {P} -o {X}", "plan.json"},
            {"solve {M} --target-bpw 4 --score {P} -o {X}", "plan.json"},
        };
        for (const auto& [args, victim] : cases)
            for (const char* kind : {"dotdot", "symlink", "hardlink"})
                QTest::addRow("%s [%s]", qPrintable(args), kind) << args << victim << QString(kind);
    }
    void outputOverInputIsRefused()
    {
        QFETCH(QString, args);
        QFETCH(QString, victim);
        QFETCH(QString, kind);
        writeInputs();
        const QString victimPath = m_dir + "/" + victim;
        const QString x = alias(victimPath, kind);
        QVERIFY(!x.isEmpty());
        QStringList list = args.split(' ', Qt::SkipEmptyParts);
        for (QString& a : list) {
            a.replace("{M}", m_dir + "/model.gguf").replace("{T}", m_dir + "/text.txt");
            a.replace("{P}", m_dir + "/plan.json").replace("{F}", m_dir + "/imatrix.dat");
            a.replace("{B}", m_dir + "/base.bin").replace("{X}", x);
        }
        const CliResult r = runCli(list);
        QVERIFY2(r.exitCode == 2, qPrintable(QString("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains("refusing to overwrite an input") || r.err.contains("name the same file"), qPrintable(r.err));
        const QDir dir(m_dir);
        for (const QString& name : dir.entryList(QDir::Files))
            if (!name.startsWith("alias-"))
                QCOMPARE(readAll(m_dir + "/" + name), kInputBytes);
    }

    void sameOutputTwiceIsRefused()
    {
        writeInputs();
        const QString out = m_dir + "/out.md";
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kInputBytes);
        f.close();
        const CliResult r = runCli({"plan", m_dir + "/model.gguf", "--preset", "Q4_0", "--report", out, "-o",
                                    m_dir + "/sub/../out.md"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("name the same file"), qPrintable(r.err));
        QCOMPARE(readAll(out), kInputBytes);
    }

    void differentFilesPassTheCheck()
    {
        writeInputs();
        // The stand-in model is not a GGUF file: getting that far means the output check let it through.
        const CliResult r = runCli({"plan", m_dir + "/model.gguf", "--preset", "Q4_0", "-o", m_dir + "/new-plan.json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains("refusing"), qPrintable(r.err));
    }
};

QX_TEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
