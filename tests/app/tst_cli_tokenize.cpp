// `qexplore-cli tokenize` end to end: runs the executable named by $QX_CLI on the shared models.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QProcess>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

} // namespace

class TestCliTokenize : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"tokenize", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli tokenize MODEL (-p TEXT | -f FILE) [--ids] [--no-bos]"));
    }
    void ggufFileIds()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/wiki.test.raw");
        const CliResult r = runCli({"tokenize", QString::fromStdString(model), "-f", QString::fromStdString(text), "--ids"});
        QCOMPARE(r.exitCode, 0);
        const QStringList ids = r.out.trimmed().split(' ');
        QCOMPARE(ids.size(), 809290);
        QCOMPARE(ids.mid(0, 24).join(' '), QString("1 410 410 13 410 64 410 461 414 430 285 413 368 277 421 413 285 410 64 410 13 410 13 410"));
        QVERIFY(r.err.contains("809290 tokens"));
    }
    void pieces()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        const CliResult r = runCli({"tokenize", QString::fromStdString(model), "-p", "Hello"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("     1 -> '<s>'\n   346 -> ' He'\n   306 -> 'll'\n   414 -> 'o'\n"));
        const CliResult noBos = runCli({"tokenize", QString::fromStdString(model), "-p", "Hello", "--ids", "--no-bos"});
        QCOMPARE(noBos.out, QString("346 306 414\n"));
    }
    void hfFolder()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        const QString text = "Hello world! Once upon a time, there was a little girl named Lily.\n\nShe liked   spaces.";
        const CliResult r = runCli({"tokenize", QString::fromStdString(folder), "-p", text, "--ids"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("1 80 1288 139 410 555 271 147 201 282 215 286 598 629 122 3 892 376 92 80 80 415 53 1499 10\n"));
    }
    void missingTokenizer()
    {
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_tokenize/empty"));
        const CliResult r = runCli({"tokenize", dir, "-p", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(dir + "/tokenizer.json"));
        QCOMPARE(runCli({"tokenize", dir}).exitCode, 2);
    }
};

QX_TEST_APPLESS_MAIN(TestCliTokenize)
#include "tst_cli_tokenize.moc"
