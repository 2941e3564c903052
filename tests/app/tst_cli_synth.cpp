// `qexplore-cli synth` end to end: runs the executable named by $QX_CLI.
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QProcess>

namespace {

int runCli(const QStringList& args, QString* out = nullptr, QString* err = nullptr)
{
    QProcess p;
    p.start(qEnvironmentVariable("QX_CLI"), args);
    p.waitForFinished(120000);
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliSynth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        QString out;
        QCOMPARE(runCli({"synth", "--help"}, &out), 0);
        QVERIFY(out.contains("--vocab-from MODEL"));
    }
    void writesDeterministicModel()
    {
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_synth"));
        const auto args = [&](const QString& out, const QString& seed) {
            return QStringList{"synth", "--dim", "128", "--layers", "2", "--ff", "256", "--heads", "4", "--kv-heads",
                               "2", "--vocab-from", QString::fromStdString(vocab), "--seed", seed, "--type", "F16",
                               "--ctx", "256", "-o", out};
        };
        QString out;
        QCOMPARE(runCli(args(dir + "/a.gguf", "42"), &out), 0);
        QVERIFY(out.startsWith("wrote " + dir + "/a.gguf: "));
        QCOMPARE(runCli(args(dir + "/b.gguf", "42")), 0);
        QCOMPARE(runCli(args(dir + "/c.gguf", "43")), 0);
        const QByteArray a = readFile(dir + "/a.gguf");
        QVERIFY(a.size() > 128 * 256 * 2);
        QCOMPARE(a, readFile(dir + "/b.gguf"));
        QVERIFY(a != readFile(dir + "/c.gguf"));
        QCOMPARE(runCli({"info", dir + "/a.gguf"}, &out), 0);
        QVERIFY(out.contains("layers 2, embedding 128, FFN 256, heads 4 (KV 2), vocab 512, context 256"));
        QVERIFY(out.contains(QRegularExpression(R"(blk\.1\.ffn_down\.weight +256 x 128 +F16 +65536 +16\.0000)")));
    }
    void badArguments()
    {
        QString err;
        QCOMPARE(runCli({"synth", "--dim", "64"}, nullptr, &err), 2);
        QVERIFY(err.contains("is required"));
        QCOMPARE(runCli({"synth", "--bogus", "1"}, nullptr, &err), 2);
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        QCOMPARE(runCli({"synth", "--dim", "64", "--layers", "1", "--ff", "64", "--heads", "4", "--kv-heads", "3",
                         "--vocab-from", QString::fromStdString(vocab), "--seed", "1", "-o", "/tmp/never.gguf"},
                        nullptr, &err),
                 1);
        QVERIFY(err.contains("multiple of kv-heads"));
    }
};

QX_TEST_APPLESS_MAIN(TestCliSynth)
#include "tst_cli_synth.moc"
