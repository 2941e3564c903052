// `qexplore-cli solve` end to end on synth-d256: the plan fits the Q4_K_M preset's size and honours rules.
#include "common/test_data.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

int runCli(const QStringList& args, QString* out = nullptr)
{
    QProcess p;
    p.start(qEnvironmentVariable("QX_CLI"), args);
    p.waitForFinished(300000);
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitCode();
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
        QString out;
        QCOMPARE(runCli({"solve", "--help"}, &out), 0);
        QVERIFY(out.contains("--target-size"));
        QVERIFY(runCli({"solve", "x.gguf"}) != 0);   // no target given
    }
    void planAtPresetSize()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("tst_cli_solve"));
        const QString plan = dir + "/plan.json";
        QString out;
        QCOMPARE(runCli({"solve", QString::fromStdString(model), "--target-size", "2091840", "--output-min", "Q6_K",
                         "--pin", "blk.0.attn_q.weight=Q8_0", "-o", plan}, &out), 0);
        QFile f(plan);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        // Tensor data of llama.cpp's preset-Q4_K_M.gguf is 2078208 bytes; the header 13600.
        QVERIFY(doc["tensor_bytes"].toDouble() <= 2091840 - 13600);
        QVERIFY(doc["tensor_bytes"].toDouble() >= 2091840 - 13600 - 4096);
        int seen = 0;
        for (const auto& v : doc["tensors"].toArray()) {
            const QJsonObject t = v.toObject();
            if (t["name"] == "output.weight") { QVERIFY(t["type"] == "Q6_K" || t["type"] == "Q8_0" || t["type"] == "F16" || t["type"] == "F32"); ++seen; }
            if (t["name"] == "blk.0.attn_q.weight") { QCOMPARE(t["type"].toString(), QString("Q8_0")); QVERIFY(t["pinned"].toBool()); ++seen; }
            if (t["name"] == "blk.0.attn_norm.weight") { QCOMPARE(t["type"].toString(), QString("F32")); ++seen; }
        }
        QCOMPARE(seen, 3);
    }
};

QTEST_APPLESS_MAIN(TestCliSolve)
#include "tst_cli_solve.moc"
