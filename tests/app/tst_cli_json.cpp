// `--json` on every result-printing command: one JSON document on stdout that starts with "command" and
// "version", holds llama.cpp's figures where the text does (ppl, plan), and agrees with the text output.
// Also ppl's per-chunk line, printed as llama-perplexity prints it.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "quant/imatrix_file.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <numeric>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

/// The commands that print results, each with --json (docs/cli.md lists their schemas).
const QStringList kJsonCommands = {"diff", "dump", "error", "export", "formats", "imatrix", "info", "plan",
                                   "ppl", "sensitivity", "solve", "stats", "tokenize", "types"};

/// Parses stdout as one JSON object and checks the envelope every document starts with.
QJsonObject parseDocument(const CliResult& r, const QString& command)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (r.exitCode != 0 || error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning("exit %d, %s\n%s", r.exitCode, qPrintable(error.errorString()), qPrintable(r.err));
        return {};
    }
    const QJsonObject o = doc.object();
    if (o["command"].toString() != command || o["version"].toString().isEmpty())
        return {};
    return o;
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

/// The number after `label` in `text` ("predicted GGUF size 2091840 bytes" → 2091840).
QString numberAfter(const QString& text, const QString& label)
{
    const auto m = QRegularExpression(QRegularExpression::escape(label) + R"(\s*([-+0-9.e]+))").match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

class TestCliJson : public QObject {
    Q_OBJECT
    QString m_dir;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
        m_dir = QString::fromStdString(qx::test::scratchDir("cli-json"));
    }

    // Exactly the result-printing commands list --json in their --help.
    void everyResultCommandHasJson()
    {
        const QStringList all = {"corpus", "diff", "dump", "error", "export", "formats", "imatrix", "info", "plan", "ppl",
                                 "qat", "quantize", "sensitivity", "solve", "stats", "synth", "tokenize", "train",
                                 "types"};
        for (const QString& c : all) {
            const CliResult r = runCli({c, "--help"});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QRegularExpression("\n  --json ")) == kJsonCommands.contains(c), qPrintable(c));
        }
    }

    void formatsAndTypes()
    {
        const QJsonObject f = parseDocument(runCli({"formats", "--json"}), "formats");
        QJsonObject q4k;
        for (const QJsonValue& v : f["formats"].toArray())
            if (v["name"].toString() == "Q4_K")
                q4k = v.toObject();
        QCOMPARE(q4k["block_size"].toInt(), 256);
        QCOMPARE(q4k["bytes_per_block"].toInt(), 144);
        QCOMPARE(q4k["bits_per_weight"].toDouble(), 4.5);
        QCOMPARE(q4k["gguf"].toBool(), true);
        QCOMPARE(q4k["needs_imatrix"].toBool(), false);
        QStringList needing;
        for (const QJsonValue& v : f["formats"].toArray())
            if (v["needs_imatrix"].toBool())
                needing << v["name"].toString();
        QCOMPARE(needing, (QStringList{"IQ2_XS", "IQ2_XXS", "IQ1_S"}));
        const QJsonObject t = parseDocument(runCli({"types", "--json"}), "types");
        const QStringList lines = runCli({"types"}).out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(t["types"].toArray().size(), lines.size() - 1);   // one per line of the text table
        for (const QJsonValue& v : t["types"].toArray())
            if (v["name"].toString() == "Q8_0") {
                QCOMPARE(v["id"].toInt(), 8);
                QCOMPARE(v["block_size"].toInt(), 32);
                QCOMPARE(v["bytes_per_block"].toInt(), 34);
                QCOMPARE(v["bits_per_weight"].toDouble(), 8.5);
            }
    }

    // The HF tokenizer's ids for the README's sentence (HF tokenizers 0.23.2's figures).
    void tokenize()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        const QString text = "Hello world! Once upon a time, there was a little girl named Lily.\n\nShe liked   spaces.";
        const QJsonObject o = parseDocument(runCli({"tokenize", QString::fromStdString(folder), "-p", text, "--json"}),
                                            "tokenize");
        QStringList ids;
        for (const QJsonValue& t : o["tokens"].toArray())
            ids << QString::number(t["id"].toInt());
        QCOMPARE(ids.join(' '), QString("1 80 1288 139 410 555 271 147 201 282 215 286 598 629 122 3 892 376 92 80 80 "
                                        "415 53 1499 10"));
        QCOMPARE(o["count"].toInt(), 25);
        QVERIFY(o["vocab_size"].toInt() > 0);
        QCOMPARE(runCli({"tokenize", QString::fromStdString(folder), "-p", "x", "--ids", "--json"}).exitCode, 2);
    }

    // llama-perplexity's stdout is "[1]3.5357,[2]4.0841,...,[40]3.7549," and its final estimate
    // "PPL = 3.7549 +/- 0.13205" (b4748, stories260K F32, -c 128 -b 512 --chunks 40). Our running figures
    // agree with its to 2e-4 (the forward pass's rounding differs in the last digits).
    void pplChunkLineAndJson()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QStringList args = {"ppl", QString::fromStdString(model), "-f", QString::fromStdString(text), "-c", "128",
                                  "-b", "512", "--chunks", "40", "-t", "2"};
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n');
        QVERIFY2(QRegularExpression(R"(^(\[\d+\]\d+\.\d{4},){40}$)").match(lines[0]).hasMatch(), qPrintable(r.out));
        QCOMPARE(lines[1], QString("Final estimate: PPL = 3.7549 +/- 0.13205"));
        QMap<int, double> running;
        for (const QString& item : lines[0].split(',', Qt::SkipEmptyParts))
            running[item.section(']', 0, 0).mid(1).toInt()] = item.section(']', 1).toDouble();
        QCOMPARE(running.size(), 40);
        const QMap<int, double> llama = {{1, 3.5357}, {2, 4.0841}, {10, 3.8459}, {20, 3.7372}, {30, 3.6572},
                                         {40, 3.7549}};
        for (auto it = llama.begin(); it != llama.end(); ++it)
            QVERIFY2(std::fabs(running[it.key()] - it.value()) <= 2e-4, qPrintable(lines[0]));

        const QJsonObject o = parseDocument(runCli(args + QStringList{"--json"}), "ppl");
        QCOMPARE(o["mode"].toString(), QString("perplexity"));
        QCOMPARE(o["n_ctx"].toInt(), 128);
        QCOMPARE(o["n_chunk"].toInt(), 40);
        QCOMPARE(o["scored_tokens"].toInt(), 40 * 63);
        QCOMPARE(fixed(o["ppl"].toDouble(), 4), QString("3.7549"));
        QCOMPARE(fixed(o["ppl_uncertainty"].toDouble(), 5), QString("0.13205"));
        const QJsonArray chunks = o["chunks"].toArray();
        QCOMPARE(chunks.size(), 40);
        QString line;
        for (const QJsonValue& c : chunks)
            line += QString("[%1]%2,").arg(c["chunk"].toInt()).arg(fixed(c["ppl"].toDouble(), 4));
        QCOMPARE(line, lines[0]);
        const double meanNll = std::accumulate(chunks.begin(), chunks.end(), 0.0,
                                               [](double s, const QJsonValue& c) { return s + c["mean_nll"].toDouble(); });
        QVERIFY(std::fabs(meanNll / 40 - o["mean_nll"].toDouble()) < 1e-9);   // equal chunks: mean of means
    }

    // --kl-divergence: the table as each chunk ends, and the JSON figures equal the text's.
    void kldTextAndJson()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/pure-Q8_0.gguf");
        QX_REQUIRE_SHARED(base, "reference/synth-d256/kld-base-ctx128.bin");
        const QStringList args = {"ppl", QString::fromStdString(model), "--kl-divergence-base",
                                  QString::fromStdString(base), "--kl-divergence", "--chunks", "10", "-t", "2"};
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("chunk             PPL               ln(PPL(Q)/PPL(base))"));
        QVERIFY2(r.out.contains(QRegularExpression("\n  10 +\\d+\\.\\d{4} ± ")), qPrintable(r.out));
        const QJsonObject o = parseDocument(runCli(args + QStringList{"--json"}), "ppl");
        QCOMPARE(o["mode"].toString(), QString("kl-divergence"));
        QCOMPARE(o["chunks"].toArray().size(), 10);
        QCOMPARE(fixed(o["kld"]["mean"].toDouble(), 6), numberAfter(r.out, "Mean    KLD:"));
        QCOMPARE(fixed(o["ppl"]["q"].toDouble(), 6), numberAfter(r.out, "Mean PPL(Q)                   :"));
        QCOMPARE(fixed(100 * o["same_top"]["fraction"].toDouble(), 3), numberAfter(r.out, "Same top p:"));
    }

    // The plan of llama-quantize's Q4_K_M mix (preset-Q4_K_M.types.txt) and its exact file size.
    void planMatchesLlamaQuantize()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(types, "reference/synth-d256/preset-Q4_K_M.types.txt");
        const QJsonObject o =
            parseDocument(runCli({"plan", QString::fromStdString(model), "--preset", "Q4_K_M", "--json"}), "plan");
        QCOMPARE(o["file_bytes"].toInteger(), qint64(2091840));   // the size of llama-quantize's file
        QCOMPARE(o["file_type"].toInt(), 15);                     // LLAMA_FTYPE_MOSTLY_Q4_K_M
        QMap<QString, QString> planned;
        for (const QJsonValue& t : o["plan"]["tensors"].toArray())
            planned[t["name"].toString()] = t["type"].toString().toLower();
        QFile f(QString::fromStdString(types));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0;
        for (const QByteArray& line : f.readAll().split('\n'))
            if (const QList<QByteArray> w = line.split(' '); w.size() == 2) {
                QCOMPARE(planned.value(QString(w[0])), QString(w[1]).toLower());
                ++n;
            }
        QCOMPARE(planned.size(), n);
    }

    void exportAndDump()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const QString out = m_dir + "/q8.gguf";
        const QJsonObject e = parseDocument(
            runCli({"export", QString::fromStdString(model), "--pure", "Q8_0", "-o", out, "--json"}), "export");
        QCOMPARE(e["file_bytes"].toInteger(), QFileInfo(out).size());
        QCOMPARE(e["output"].toString(), out);
        QCOMPARE(e["files"].toArray().size(), 1);
        QCOMPARE(e["files"][0].toString(), out);
        QCOMPARE(e["converted_tensors"].toInt() + e["copied_tensors"].toInt(), 39);
        const QJsonObject l = parseDocument(
            runCli({"export", QString::fromStdString(model), "--pure", "Q8_0", "--print-llama-quantize", "--json"}),
            "export");
        QVERIFY(l["llama_quantize"].toString().contains("Q8_0"));
        // dump: the same values as the text (%.9g, exact for a float)
        const QStringList dump = {"dump", out, "blk.0.attn_q.weight", "--rows", "1:3"};
        const QJsonObject d = parseDocument(runCli(dump + QStringList{"--json"}), "dump");
        QCOMPARE(d["type"].toString(), QString("Q8_0"));
        QCOMPARE(d["first_row"].toInt(), 1);
        const QStringList text = runCli(dump).out.split('\n', Qt::SkipEmptyParts);
        const QJsonArray rows = d["rows"].toArray();
        QCOMPARE(rows.size(), 2);
        for (int r = 0; r < 2; ++r) {
            const QStringList values = text[r + 1].split(' ', Qt::SkipEmptyParts).mid(2);
            QCOMPARE(values.size(), rows[r].toArray().size());
            for (int i = 0; i < values.size(); ++i)
                QCOMPARE(float(rows[r][i].toDouble()), values[i].toFloat());
        }
    }

    // imatrix --json describes the file it wrote.
    void imatrix()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QString out = m_dir + "/imatrix.dat";
        const QJsonObject o = parseDocument(runCli({"imatrix", QString::fromStdString(model), "-f",
                                                    QString::fromStdString(text), "-c", "128", "--chunks", "4", "-o",
                                                    out, "-t", "2", "--json"}),
                                            "imatrix");
        QCOMPARE(o["chunks"].toInt(), 4);
        QCOMPARE(o["format"].toString(), QString("dat"));
        const qx::ImatrixFile file = qx::readImatrix(out.toStdString());
        const QJsonArray entries = o["entries"].toArray();
        QCOMPARE(size_t(entries.size()), file.entries.size());
        QCOMPARE(entries.size(), 4 * 7);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const std::vector<float> imp = qx::imatrixImportance(file.entries[size_t(i)]);
            QCOMPARE(entries[i]["name"].toString().toStdString(), file.entries[size_t(i)].name);
            QCOMPARE(entries[i]["ncall"].toInt(), file.entries[size_t(i)].ncall);
            QCOMPARE(size_t(entries[i]["n_values"].toInt()), imp.size());
            const double mean = std::accumulate(imp.begin(), imp.end(), 0.0) / double(imp.size());
            QCOMPARE(entries[i]["mean_importance"].toDouble(), mean);
        }
    }

    // sensitivity and solve: the JSON figures are the text's figures.
    void sensitivityAndSolve()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const QStringList sens = {"sensitivity", QString::fromStdString(model), "-f", QString::fromStdString(text),
                                  "--type", "Q8_0", "--ctx", "64", "--tokens", "128"};
        const CliResult t = runCli(sens);
        const QJsonObject s = parseDocument(runCli(sens + QStringList{"--json"}), "sensitivity");
        QCOMPARE(s["mode"].toString(), QString("enable-one"));
        QCOMPARE(s["tokens"].toInt(), 128);
        const QJsonArray tensors = s["tensors"].toArray();
        QVERIFY(tensors.size() > 10);
        for (const QJsonValue& e : tensors)
            QCOMPARE(QString::number(e["kld"].toDouble(), 'g', 6), numberAfter(t.out, e["name"].toString()));
        QX_REQUIRE_SHARED(synth, "reference/synth-d256/model-f32.gguf");
        const QString plan = m_dir + "/solved.json";
        const QStringList solve = {"solve", QString::fromStdString(synth), "--target-size", "2091840", "--cache-dir",
                                   m_dir, "-o", plan};
        const CliResult st = runCli(solve);
        const QJsonObject o = parseDocument(runCli(solve + QStringList{"--json"}), "solve");
        const QJsonObject solved = o["solved"].toObject();
        QCOMPARE(solved["feasible"].toBool(), true);
        QCOMPARE(solved["output"].toString(), plan);
        QVERIFY(solved["file_bytes"].toInteger() <= 2091840);
        QCOMPARE(solved["target"]["kind"].toString(), QString("file_bytes"));
        QCOMPARE(QString::number(solved["file_bytes"].toInteger()), numberAfter(st.out, "file size:"));
        int counted = 0;
        for (const QJsonValue& n : solved["types"].toObject())
            counted += n.toInt();
        QFile f(plan);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(counted, QJsonDocument::fromJson(f.readAll())["tensors"].toArray().size());
    }

    // info, stats and error: the core's reports under the same envelope.
    void reportsUnderTheEnvelope()
    {
        QX_REQUIRE_SHARED(model, "reference/synth-d256/model-f32.gguf");
        const QString m = QString::fromStdString(model);
        const QJsonObject info = parseDocument(runCli({"info", m, "--json"}), "info");
        QCOMPARE(info["spec"]["embedding_length"].toInt(), 256);
        const QJsonObject stats = parseDocument(runCli({"stats", m, "--tensor", "output_norm", "--json"}), "stats");
        QCOMPARE(stats["tensors"].toArray().size(), 1);
        const QJsonObject error = parseDocument(runCli({"error", m, "--format", "Q4_K", "--json"}), "error");
        QCOMPARE(error["format"].toString(), QString("Q4_K"));
    }
};

QX_TEST_GUILESS_MAIN(TestCliJson)
#include "tst_cli_json.moc"
