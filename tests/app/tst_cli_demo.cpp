// `:demo` as a MODEL of qexplore-cli end to end: info shows its held-out perplexity, ppl evaluates it on its own
// text when -f is missing (no warning) and warns on TinyStories (a line, or text_fit in --json), export writes
// a Q4_K_M file that opens with K-quants everywhere, and a copy of the executable far from the source tree still
// has the demo built in.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "io/gguf_reader.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using qx::test::CliResult;
using qx::test::runCli;

// Figures of resources/demo-model.md.
const QString kHeldOut = QStringLiteral("Held-out perplexity: 2.0120 +/- 0.0184 (n_ctx 128, 34991 tokens of: "
                                        "qexplore-cli corpus --split valid --seed 1 --stories 400)");
const QString kPplFirst8 = QStringLiteral("Final estimate: PPL = 1.8668 +/- 0.08949");

} // namespace

class TestCliDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }

    void infoShowsHeldOutPerplexity()
    {
        const CliResult r = runCli({"info", ":demo"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("File: :demo\n")));
        QVERIFY2(r.out.contains(kHeldOut), qPrintable(r.out.left(600)));
        QVERIFY(r.out.contains(QStringLiteral("layers 4, embedding 256, FFN 512, heads 4 (KV 2), vocab 1024, context 128")));
    }

    void pplUsesItsOwnText()
    {
        const CliResult r = runCli({"ppl", ":demo", "--chunks", "8", "-t", "2"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(kPplFirst8), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("warning")));
        QVERIFY(r.err.contains(QStringLiteral("n_ctx 128")));
    }

    void pplWarnsWhenTheTextDoesNotFit()
    {
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult r = runCli({"ppl", ":demo", "-f", QString::fromStdString(text), "--chunks", "8", "-t", "2"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("warning: this text does not fit this model: the perplexity is ")),
                 qPrintable(r.out));
    }

    void pplJsonSaysWhetherTheTextFits()
    {
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult own = runCli({"ppl", ":demo", "--chunks", "8", "-t", "2", "--json"});
        QCOMPARE(own.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(own.out.toUtf8()).object();
        QCOMPARE(o["text"].toString(), QStringLiteral("the demo's held-out text"));
        QVERIFY(o["text_fit"].toObject()["fits"].toBool());
        QCOMPARE(o["text_fit"].toObject()["byte_tokens"].toInt(), 0);
        const CliResult other =
            runCli({"ppl", ":demo", "-f", QString::fromStdString(text), "--chunks", "8", "-t", "2", "--json"});
        QCOMPARE(other.exitCode, 0);
        const QJsonObject fit = QJsonDocument::fromJson(other.out.toUtf8()).object()["text_fit"].toObject();
        QVERIFY(!fit["fits"].toBool());
        QCOMPARE(fit["tokens"].toInt(), 331005);
        QCOMPARE(fit["byte_tokens"].toInt(), 2517);
        QCOMPARE(fit["vocab_size"].toInt(), 1024);
        QVERIFY(fit["reason"].toString().startsWith(QStringLiteral("the perplexity is 11.17 times the vocabulary size")));
    }

    void noTextWithoutDemo()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        const CliResult r = runCli({"ppl", QString::fromStdString(model)});
        QCOMPARE(r.exitCode, 2);  // a usage error
        QVERIFY(r.err.contains(QStringLiteral("no text given: use -f TEXT")));
    }

    void exportWritesQ4KM()
    {
        const QString out = QString::fromStdString(qx::test::scratchDir("cli-demo")) + QStringLiteral("/q4km.gguf");
        QFile::remove(out);
        const CliResult r = runCli({"export", ":demo", "--preset", "Q4_K_M", "-o", out});
        QCOMPARE(r.exitCode, 0);
        const auto file = qx::openGguf(out.toStdString());
        int q4k = 0, q6k = 0;
        for (const qx::TensorInfo& t : file->tensors) {
            QVERIFY2(t.ne.size() < 2 || t.type == qx::TensorType::Q4_K || t.type == qx::TensorType::Q6_K, t.name.c_str());
            q4k += t.type == qx::TensorType::Q4_K;
            q6k += t.type == qx::TensorType::Q6_K;
        }
        QVERIFY(q4k > 0 && q6k > 0);  // no fallback to Q5_0/Q8_0: every row is a multiple of 256
    }

    void builtIntoTheExecutable()
    {
        // A copy of the executable in an empty folder, run from another one: nothing is read from the tree.
        const QString dir = QString::fromStdString(qx::test::scratchDir("cli-demo/elsewhere"));
        const QString copy = dir + QStringLiteral("/qexplore-cli");
        QFile::remove(copy);
        QVERIFY(QFile::copy(qEnvironmentVariable("QX_CLI"), copy));
        QProcess p;
        p.setWorkingDirectory(QDir::rootPath());
        p.start(copy, {QStringLiteral("info"), QStringLiteral(":demo")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(kHeldOut));
    }
};

QX_TEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
