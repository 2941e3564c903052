// `qexplore-cli diff` end to end: the table and --json against the core's figures for llama.cpp's
// quantizations of synth-d256, an HF folder against its converted GGUF, and the refusal (exit 1 with the
// metadata difference still printed) for models of other shapes.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "quant/formats.h"
#include "stats/format_error.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

QJsonObject json(const CliResult& r)
{
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestCliDiff : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }
    void help()
    {
        const CliResult r = runCli({"diff", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: qexplore-cli diff A B [-f TEXT [-c N] [--chunks K]] [--json] [--threads N]"));
        QCOMPARE(runCli({"diff", "a.gguf", "b.gguf", "-f", "t.txt", "--mem-budget", "lots"}).exitCode, 2);
        QCOMPARE(runCli({"diff", "only-one.gguf"}).exitCode, 2);
        QCOMPARE(runCli({"diff", "a.gguf", "b.gguf", "--bogus"}).exitCode, 2);
        const CliResult missing = runCli({"diff", "/nonexistent/a.gguf", "/nonexistent/b.gguf"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("/nonexistent/a.gguf"));
    }
    void jsonEqualsFormatError()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q6, "reference/synth-d256/pure-Q6_K.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(f32), QString::fromStdString(q6), "--json", "-t", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const qx::FormatErrorReport ref = qx::computeFormatError(*qx::openModel(f32), *qx::findFormat("Q6_K"));
        const QJsonArray tensors = j["tensors"].toArray();
        QCOMPARE(tensors.size(), qsizetype(ref.tensors.size()));
        for (qsizetype i = 0; i < tensors.size(); ++i) {
            const QJsonObject t = tensors[i].toObject();
            const qx::FormatErrorEntry& e = ref.tensors[size_t(i)];
            QCOMPARE(t["name"].toString(), QString::fromStdString(e.name));
            QCOMPARE(t["bytes_b"].toInteger(), qint64(e.storedBytes));
            QCOMPARE(t["identical"].toBool(), !e.quantized);
            if (e.quantized) {
                QCOMPARE(t["type_b"].toString(), QString("Q6_K"));
                QCOMPARE(t["sqnr_db"].toDouble(), e.error.sqnrDb);   // JSON keeps every digit
            }
        }
        QCOMPARE(j["comparable"].toBool(), true);
        QCOMPARE(j["command"].toString(), QString("diff"));   // the envelope of every --json document
        QCOMPARE(j["totals"]["bytes_b"].toInteger(), 2804736);   // as `qexplore-cli info` totals the file
    }
    void textTable()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(f32), QString::fromStdString(q4)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("  ~ general.file_type = 0 -> 15\n"));
        QVERIFY(r.out.contains("  + general.quantization_version = 2\n"));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nblk\.0\.attn_q\.weight +F32 +Q4_K +262144 +36864 +20\.189 )")));
        QVERIFY(r.out.contains(QRegularExpression(R"(\nblk\.0\.attn_norm\.weight +F32 +F32 +1024 +1024 identical\n)")));
        QVERIFY(r.out.contains(QRegularExpression(R"(\ntotal +39 tensors +9 identical +13640704 +1926144 bytes)")));
    }
    void hfFolderAgainstGguf()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        const QString out = QString::fromStdString(qx::test::scratchDir("tst_cli_diff")) + "/ts-q8.gguf";
        const CliResult e = runCli({"export", QString::fromStdString(folder), "--pure", "Q8_0", "-o", out, "--quiet"});
        QVERIFY2(e.exitCode == 0, qPrintable(e.err));
        const CliResult r = runCli({"diff", QString::fromStdString(folder), out, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const QJsonValue v : j["tensors"].toArray()) {
            const QJsonObject t = v.toObject();
            QVERIFY2(t["status"].toString() == "compared" || t["status"].toString() == "identical",
                     qPrintable(t["name"].toString()));
            if (t["type_b"].toString() == "Q8_0")   // rows in the same order: only Q8_0's rounding remains
                QVERIFY2(t["sqnr_db"].toDouble() > 35.0, qPrintable(t["name"].toString()));
        }
    }
    // -f: the figures of `ppl` for each file and of `ppl --kld-base` against A's saved base, to the last digit.
    void outputsEqualPplAndSavedBase()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString a = QString::fromStdString(f32), b = QString::fromStdString(q4), t = QString::fromStdString(text);
        const QStringList eval = {"-f", t, "-c", "128", "--chunks", "40", "-t", "2"};
        const QString base = QString::fromStdString(qx::test::scratchDir("tst_cli_diff")) + "/f32-base.bin";
        QCOMPARE(runCli(QStringList{"ppl", a, "--save-kld-base", base} + eval).exitCode, 0);
        const QJsonObject pplA = json(runCli(QStringList{"ppl", a, "--json"} + eval));
        const QJsonObject pplB = json(runCli(QStringList{"ppl", b, "--json"} + eval));
        const QJsonObject kld = json(runCli({"ppl", b, "--kld-base", base, "--json", "-t", "2"}));
        const QJsonObject d = json(runCli(QStringList{"diff", a, b, "--json"} + eval))["output"].toObject();
        QCOMPARE(d["n_chunk"].toInt(), 40);
        QCOMPARE(d["scored_tokens"].toInt(), 40 * 63);
        QCOMPARE(d["ppl_b"]["ppl"].toDouble(), pplB["ppl"].toDouble());
        QCOMPARE(d["ppl_b"]["ppl_uncertainty"].toDouble(), pplB["ppl_uncertainty"].toDouble());
        QCOMPARE(d["ppl_a"]["ppl"].toDouble(), pplA["ppl"].toDouble());
        QCOMPARE(d["ppl_a"]["mean_nll"].toDouble(), pplA["mean_nll"].toDouble());
        const QJsonObject k = d["kl_divergence"].toObject();
        for (const char* group : {"kld", "delta_p", "same_top", "ppl"})
            QCOMPARE(k[group].toObject(), kld[group].toObject());
        QCOMPARE(k["chunks"].toArray(), kld["chunks"].toArray());
        // llama-perplexity's own figure for this pair (its CPU backend also rounds activations): 0.013858.
        QVERIFY(std::abs(k["kld"]["mean"].toDouble() - 0.013858) < 2e-5);
        QVERIFY(std::abs(k["same_top"]["fraction"].toDouble() - 0.71587) < 0.005);
    }
    void outputsAgainstItself()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString a = QString::fromStdString(f32);
        const QStringList eval = {"-f", QString::fromStdString(text), "-c", "128", "--chunks", "40", "-t", "2"};
        const CliResult r = runCli(QStringList{"diff", a, a} + eval);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Mean    KLD:   0.000000 ±   0.000000\n"));
        QVERIFY(r.out.contains("Same top p: 100.000 ± 0.000 %\n"));
        QVERIFY(r.out.contains("\nA: Final estimate: PPL = 681.0962 +/- 8.64807\nB: Final estimate: PPL = 681.0962 +/- 8.64807\n"));
        QCOMPARE(r.out.count(QRegularExpression(R"(\n  \d\d    )")), 31);   // chunks 10..40 of the KLD table
        const QJsonObject ppl = json(runCli(QStringList{"ppl", a, "--json"} + eval));
        const QJsonObject d = json(runCli(QStringList{"diff", a, a, "--json"} + eval))["output"].toObject();
        QCOMPARE(d["ppl_a"]["ppl"].toDouble(), ppl["ppl"].toDouble());
        QCOMPARE(d["ppl_b"]["ppl"].toDouble(), ppl["ppl"].toDouble());
        QVERIFY(d["kl_divergence"]["kld"]["mean"].toDouble() < 1e-7);   // the base records' 16-bit rounding
        QCOMPARE(d["kl_divergence"]["same_top"]["fraction"].toDouble(), 1.0);
    }
    void outputsHfFolderAgainstGguf()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString out = QString::fromStdString(qx::test::scratchDir("tst_cli_diff")) + "/ts-q8-out.gguf";
        QCOMPARE(runCli({"export", QString::fromStdString(folder), "--pure", "Q8_0", "-o", out, "--quiet"}).exitCode, 0);
        const CliResult r = runCli({"diff", QString::fromStdString(folder), out, "--json", "-f",
                                    QString::fromStdString(text), "-c", "128", "--chunks", "8"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The folder's BPE and the GGUF's SentencePiece cut the text differently over one vocabulary.
        QVERIFY(r.err.contains("B's tokenizer cuts the text differently from token 6 on; both models read A's tokens"));
        const QJsonObject d = json(r)["output"].toObject();
        QVERIFY(d["kl_divergence"]["same_top"]["fraction"].toDouble() > 0.95);
        QVERIFY(d["kl_divergence"]["kld"]["mean"].toDouble() < 0.01);
    }
    void outputsOverBudget()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult r = runCli({"diff", QString::fromStdString(f32), QString::fromStdString(q4), "-f",
                                    QString::fromStdString(text), "-c", "128", "--mem-budget", "20M"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("the evaluation needs about"), qPrintable(r.err));
        QVERIFY(!r.out.contains("Mean    KLD"));
    }
    void refusesOtherShapes()
    {
        QX_REQUIRE_SHARED(small, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        const CliResult r = runCli({"diff", QString::fromStdString(small), QString::fromStdString(f32)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("  ~ llama.embedding_length = 64 -> 256\n"));
        QVERIFY(r.err.contains("tensors not compared: the models differ in embedding_length 64 vs 256"));
    }
};

QX_TEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
