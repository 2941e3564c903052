// `qexplore-cli ppl` end to end: runs the executable named by $QX_CLI on the synth-d256 reference files.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using qx::test::CliResult;
using qx::test::interruptCli;
using qx::test::runCli;

QString finalPpl(const CliResult& r)
{
    const auto m = QRegularExpression(R"(Final estimate: PPL = (\d+\.\d+))").match(r.out);
    return m.hasMatch() ? m.captured(1) : r.err;
}


} // namespace

class TestCliPpl : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"ppl", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli ppl MODEL -f TEXT [-c N] [--chunks K]"));
        QVERIFY(r.out.contains("--kld-base FILE"));
    }
    void badArguments()
    {
        CliResult r = runCli({"ppl"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QString("qexplore-cli ppl: no MODEL given (run 'qexplore-cli ppl --help')\n"));
        r = runCli({"ppl", "m.gguf", "-f", "t.txt", "--bogus"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown option --bogus"));
        r = runCli({"ppl", "m.gguf", "-f", "t.txt", "-c", "abc"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--ctx-size: bad value 'abc'"), qPrintable(r.err));
        r = runCli({"ppl", "m.gguf", "-f"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--file needs a value"));
        r = runCli({"ppl", "m.gguf", "other.gguf", "-f", "t.txt"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unexpected argument other.gguf"));
        r = runCli({"ppl", "m.gguf", "--kl-divergence"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--kl-divergence needs --kl-divergence-base FILE"));
        r = runCli({"imatrix", "m.gguf", "-f", "/nonexistent/text.txt", "-o", "x.dat"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("m.gguf"));  // the model is opened first and named in the error
    }
    void w8a8()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QStringList common = {"ppl", QString::fromStdString(model), "-f", QString::fromStdString(text), "-c",
                                    "128", "--chunks", "40", "--threads", "2"};
        // 3.7549 is llama-perplexity's figure (../shared/reference/README.md): an independent reference.
        QCOMPARE(finalPpl(runCli(common)), QString("3.7549"));
        // 3.7562 and 3.7972 are our own figures: change detectors, not references. Each is paired with what
        // holds independently of our code: int8 activations per token cost little against llama.cpp's F32
        // figure, static (calibrated) scales more than dynamic ones.
        const QString dynamic = finalPpl(runCli(common + QStringList{"--w8a8", "dynamic"}));
        QCOMPARE(dynamic, QString("3.7562"));   // change detector
        QVERIFY(std::fabs(dynamic.toDouble() / 3.7549 - 1) < 1e-3);
        const CliResult r = runCli(common + QStringList{"--w8a8", "static"}); // 8 chunks of the evaluated text
        QVERIFY2(r.err.contains("w8a8 static: 35 layers calibrated on 8 chunks of 128 tokens"), qPrintable(r.err));
        QCOMPARE(finalPpl(r), QString("3.7972"));   // change detector
        QVERIFY(finalPpl(r).toDouble() > dynamic.toDouble() && finalPpl(r).toDouble() / 3.7549 - 1 < 0.02);
        QCOMPARE(runCli(common + QStringList{"--w8a8", "int4"}).exitCode, 2);
        // BF16 compute is approximate: close to, not equal to, the F32 figure.
        QCOMPARE(finalPpl(runCli(common + QStringList{"--bf16"})), QString("3.7541"));
        QVERIFY(runCli({"ppl", "--help"}).out.contains(QRegularExpression("\n  --bf16 +APPROXIMATE")));
    }
    // A plan file's non-GGUF schemes are evaluated through their round trip (fake quantization), not
    // through the GGUF type their entry names.
    void planWithSchemes()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString dir = QString::fromStdString(qx::test::scratchDir("cli-ppl-schemes"));
        const QString planPath = dir + "/plan.json", nearestPath = dir + "/nearest.json";
        QCOMPARE(runCli({"plan", QString::fromStdString(model), "--pure", "F32", "-o", planPath}).exitCode, 0);
        QFile in(planPath);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject plan = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray tensors = plan["tensors"].toArray();
        for (qsizetype i = 0; i < tensors.size(); ++i)
            if (tensors[i].toObject()["name"] == "blk.0.attn_q.weight") {
                QJsonObject e = tensors[i].toObject();
                e["type"] = "IQ4_NL";
                tensors[i] = e;
            }
        plan["tensors"] = tensors;
        auto write = [](const QString& path, const QJsonObject& o) {
            QFile out(path);
            return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(o).toJson()) > 0;
        };
        QVERIFY(write(nearestPath, plan));
        plan["schemes"] = QJsonObject{{"blk.0.attn_q.weight",
                                       QJsonObject{{"bits", 3}, {"mode", "asymmetric"}, {"granularity", "group"},
                                                   {"group", 64}, {"scale", "f16"}, {"clip", "mse"},
                                                   {"mseGridSteps", 100}, {"mseMinRatio", 0.3}}}};
        QVERIFY(write(planPath, plan));
        const QStringList common = {"ppl", QString::fromStdString(model), "-f", QString::fromStdString(text), "-c",
                                    "128", "--chunks", "3", "--threads", "2", "--plan"};
        const CliResult r = runCli(common + QStringList{planPath});
        QVERIFY2(r.err.contains("plan: 1 tensors in their non-GGUF scheme"), qPrintable(r.err));
        // Our own figures (change detectors): F32 gives 4.0440 on these 3 chunks. The independent part is
        // that the scheme is evaluated, not its nearest GGUF type: the two figures differ.
        QCOMPARE(finalPpl(r), QString("4.0799"));                               // change detector
        QCOMPARE(finalPpl(runCli(common + QStringList{nearestPath})), QString("4.0709"));  // IQ4_NL, change detector
    }
    void huggingFaceFolder()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult r = runCli({"ppl", QString::fromStdString(folder), "-f", QString::fromStdString(text), "-c",
                                    "128", "--chunks", "40", "--threads", "2"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(finalPpl(r), QString("24.8632")); // tokenizer.json's BPE, BOS from its post-processor
    }
    void ctrlCCancels_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("marker");
        QTest::newRow("ppl") << "ppl" << "perplexity: ";
        QTest::newRow("imatrix") << "imatrix" << "imatrix: ";
    }
    void ctrlCCancels()
    {
        QFETCH(QString, command);
        QFETCH(QString, marker);
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString out = QString::fromStdString(qx::test::scratchDir("tst_cli_ppl")) + "/cancelled-" + command;
        QFile::remove(out);
        QStringList args = {command, QString::fromStdString(model), "-f", QString::fromStdString(text), "-c", "128",
                            "--threads", "1"};
        args << (command == "ppl" ? QStringList{"-b", "128", "--save-kld-base", out} : QStringList{"-o", out});
        const CliResult r = interruptCli(args, marker);  // the note that starts the evaluation
        QCOMPARE(r.exitCode, 130);
        QVERIFY2(r.err.contains("qexplore-cli " + command + ": cancelled, no output written"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + ".partial"));
    }
    void kldAgainstLlamaCppBase()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(base, "reference/synth-d256/kld-base-ctx128.bin");
        const CliResult r = runCli({"ppl", QString::fromStdString(model), "--kld-base", QString::fromStdString(base),
                                    "--threads", "2"});
        QCOMPARE(r.exitCode, 0);
        // Lines llama-perplexity prints, character for character (the base figures come from the file).
        QVERIFY(r.out.contains("chunk             PPL               ln(PPL(Q)/PPL(base))"));
        QVERIFY(r.out.contains("Mean PPL(base)                : 681.094809 ±   8.648054\n"));
        QVERIFY(r.out.contains(QRegularExpression(R"(Mean PPL\(Q\) +: 681\.09\d+ ±   8\.648)")));
        QVERIFY(r.out.contains("Cor(ln(PPL(Q)), ln(PPL(base))): 100.00%\n"));
        QVERIFY(r.out.contains("Same top p: 100.000 ± 0.000 %\n"));
        QVERIFY(r.out.contains("99.0%   KLD:"));
        QVERIFY(r.err.contains("kl-divergence: against"));   // progress lines only on a terminal
        QCOMPARE(r.out.count(QRegularExpression(R"(\n  \d\d    )")), 31); // chunks 10..40 of the table
    }
    void perplexityOfText()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult r = runCli({"ppl", QString::fromStdString(model), "-f", QString::fromStdString(text), "-c",
                                    "128", "--chunks", "40"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("[1]"));
        QVERIFY(r.out.contains("Final estimate: PPL = 3.7549 +/- 0.13205\n"));
        QVERIFY(r.err.contains("memory: about "));
    }
    void memoryBudgetAndThreads()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QStringList common = {"ppl", QString::fromStdString(model), "-f", QString::fromStdString(text), "-c", "128",
                                    "--chunks", "8"};
        const CliResult tight = runCli(common + QStringList{"--mem-budget", "20M"});
        QCOMPARE(tight.exitCode, 1);
        QVERIFY2(tight.err.contains("the evaluation needs about"), qPrintable(tight.err));
        QVERIFY(tight.err.contains("raise the memory budget (--mem-budget)"));
        QVERIFY(!tight.out.contains("Final estimate"));
        const CliResult bad = runCli(common + QStringList{"--mem-budget", "lots"});
        QCOMPARE(bad.exitCode, 2);   // a usage error
        QVERIFY(bad.err.contains("--mem-budget takes a size such as 6G"));
        // More threads than the machine has are capped, not started (this used to crash).
        const CliResult many = runCli(common + QStringList{"--mem-budget", "4G", "-t", "100000"});
        QCOMPARE(many.exitCode, 0);
        QCOMPARE(finalPpl(many), finalPpl(runCli(common)));
    }
};

QX_TEST_APPLESS_MAIN(TestCliPpl)
#include "tst_cli_ppl.moc"
