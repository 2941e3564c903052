// `qexplore-cli solve` end to end on synth-d256: the plan is a real plan (schema qexplore-plan), fits the
// Q4_K_M preset's file size, honours rules and pins, and `export --plan` / `ppl --plan` read it.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject entry(const QJsonObject& plan, const QString& name)
{
    for (const auto& v : plan["tensors"].toArray())
        if (v.toObject()["name"] == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliSolve : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"solve", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--target-size"));
        QVERIFY(r.out.contains("--measure kld"));
        QVERIFY(runCli({"solve", "x.gguf"}).exitCode != 0);                            // no target
        QVERIFY(runCli({"solve", "x.gguf", "--max-kld", "0.01"}).err.contains("--measure"));
    }
    void planAtPresetSize()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_solve"));
        const QString plan = dir + "/plan.json", out = dir + "/solved.gguf";
        const CliResult r = runCli({"solve", QString::fromStdString(model), "--target-size", "2091840",
                                    "--output-min", "Q6_K", "--pin", "blk.0.attn_q.weight=Q8_0", "-o", plan});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = readJson(plan);
        QCOMPARE(doc["schema"].toString(), QString("qexplore-plan"));
        QCOMPARE(doc["source"].toString(), QString::fromStdString(model));
        QCOMPARE(doc["tensors"].toArray().size(), 39);   // 4 layers x 9 + token_embd, output_norm, output
        const QJsonObject output = entry(doc, "output.weight");
        QVERIFY(QStringList({"Q6_K", "Q8_0", "F16", "F32"}).contains(output["type"].toString()));
        QVERIFY(output["reason"].toString().contains("rule: output.weight at least Q6_K"));
        const QJsonObject pinned = entry(doc, "blk.0.attn_q.weight");
        QCOMPARE(pinned["type"].toString(), QString("Q8_0"));
        QVERIFY(pinned["pinned"].toBool());
        QCOMPARE(entry(doc, "blk.0.attn_norm.weight")["type"].toString(), QString("F32"));
        QVERIFY(entry(doc, "blk.1.ffn_up.weight")["reason"].toString().startsWith("solver: loss "));

        // The printed size is the exported file's size, at most the target and within 4 KiB of it.
        const QRegularExpressionMatch m = QRegularExpression("file size: (\\d+) bytes").match(r.out);
        QVERIFY(m.hasMatch());
        const qint64 size = m.captured(1).toLongLong();
        QVERIFY(size <= 2091840 && size >= 2091840 - 4096);
        QCOMPARE(runCli({"export", QString::fromStdString(model), "--plan", plan, "-o", out}).exitCode, 0);
        QCOMPARE(QFileInfo(out).size(), size);

        // ppl --plan reads the same plan: 4 chunks of 128 tokens against llama.cpp's base logits.
        QX_REQUIRE_SHARED(base, "reference/synth-d256/kld-base-ctx128.bin");
        const CliResult k = runCli({"ppl", QString::fromStdString(model), "--kld-base", QString::fromStdString(base),
                                    "--chunks", "4", "--plan", plan});
        QCOMPARE(k.exitCode, 0);
        const QRegularExpressionMatch kld = QRegularExpression("Mean +KLD: +([0-9.]+)").match(k.out);
        QVERIFY2(kld.hasMatch(), qPrintable(k.out));
        const double meanKld = kld.captured(1).toDouble();
        QVERIFY2(meanKld > 0.001 && meanKld < 0.02, qPrintable(kld.captured(0)));   // preset Q4_K_M: 0.0104

        // Re-solving for another budget keeps the earlier plan's pins.
        const QString again = dir + "/again.json";
        QCOMPARE(runCli({"solve", QString::fromStdString(model), "--target-bpw", "3.5", "--keep-pins", plan, "-o", again})
                     .exitCode, 0);
        const QJsonObject kept = entry(readJson(again), "blk.0.attn_q.weight");
        QCOMPARE(kept["type"].toString(), QString("Q8_0"));
        QVERIFY(kept["pinned"].toBool());
    }
    void measuredKldTarget()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/wiki.test.raw");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_solve"));
        const QString plan = dir + "/kld.json";
        const CliResult r = runCli({"solve", QString::fromStdString(model), "--max-kld", "0.01", "--measure", "kld",
                                    "-f", QString::fromStdString(text), "--measure-tokens", "256", "--measure-ctx", "64",
                                    "-o", plan});
        QCOMPARE(r.exitCode, 0);
        const QRegularExpressionMatch m = QRegularExpression("predicted KLD ([0-9.e+-]+)").match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toDouble() <= 0.01);
        QVERIFY(r.err.contains("measured"));
        // ffn_down rows of 172 fit no 32-block type: the plan keeps them at F16 or F32.
        const QString down = entry(readJson(plan), "blk.0.ffn_down.weight")["type"].toString();
        QVERIFY2(down == "F16" || down == "F32", qPrintable(down));
    }
};

QX_TEST_APPLESS_MAIN(TestCliSolve)
#include "tst_cli_solve.moc"
