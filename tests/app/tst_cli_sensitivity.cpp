// `qexplore-cli sensitivity` on stories260K: the per-tensor, per-layer and per-class tables equal core's
// measureSensitivity on the same tokens; bad arguments are refused with a clear message.
#include "common/cli_runner.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "io/model_file.h"
#include "model/tokenizer.h"
#include "plan/sensitivity.h"

#include <QtTest/QtTest>

#include <fstream>
#include <map>
#include <sstream>

using qx::test::CliResult;
using qx::test::runCli;

namespace {

/// name -> value of the rows under `title` (up to the next blank line).
std::map<std::string, double> tableAfter(const QString& out, const QString& title)
{
    std::map<std::string, double> rows;
    const QStringList lines = out.split(QLatin1Char('\n'));
    qsizetype i = lines.indexOf(title);
    if (i < 0)
        return rows;
    for (i += 2; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i) {
        const QStringList cols = lines[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cols.size() == 2)
            rows[cols[0].toStdString()] = cols[1].toDouble();
    }
    return rows;
}

} // namespace

class TestCliSensitivity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QX_CLI"))
            QSKIP("QX_CLI is not set (run through ctest)");
    }

    void badArguments()
    {
        CliResult r = runCli({"sensitivity", "m.gguf"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--file is required (run 'qexplore-cli sensitivity --help')"), qPrintable(r.err));
        r = runCli({"sensitivity", "m.gguf", "-f", "t.txt", "--mode", "all"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--mode must be enable-one or disable-one"), qPrintable(r.err));
    }

    void tablesEqualCore()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
        const CliResult r = runCli({"sensitivity", QString::fromStdString(model), "-f", QString::fromStdString(text),
                                    "--type", "Q8_0", "--tokens", "256", "--ctx", "128"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto tensors = tableAfter(r.out, QStringLiteral("per tensor:"));
        const auto layers = tableAfter(r.out, QStringLiteral("per layer (mean of its tensors):"));
        const auto classes = tableAfter(r.out, QStringLiteral("per tensor class (mean of its tensors):"));

        std::ifstream in(text, std::ios::binary);
        std::ostringstream all;
        all << in.rdbuf();
        std::vector<int32_t> tokens = qx::openTokenizer(model).encode(all.str(), true);
        tokens.resize(256);
        const qx::SensitivityResult core = qx::measureSensitivity(qx::openModel(model), tokens, 128, qx::TensorType::Q8_0,
                                                                  qx::SensitivityMode::EnableOne, nullptr);
        QCOMPARE(tensors.size(), core.tensors.size());
        QCOMPARE(layers.size(), core.layers.size());
        QCOMPARE(classes.size(), core.classes.size());
        // ffn_down's rows of 172 do not fit Q8_0's blocks of 32: left out, as the help says.
        QVERIFY(layers.size() == 5 && classes.count("attn_q") == 1 && classes.count("output") == 1);
        QVERIFY(classes.count("ffn_down") == 0 && tensors.size() == 32);  // 37 matrices less the 5 ffn_down
        for (const auto* rows : {&core.tensors, &core.layers, &core.classes})
            for (const qx::SensitivityEntry& e : *rows) {
                const auto& printed = rows == &core.tensors ? tensors : rows == &core.layers ? layers : classes;
                QVERIFY2(printed.count(e.name) == 1, e.name.c_str());
                QVERIFY2(std::abs(printed.at(e.name) - e.kld) <= 1e-5 * std::abs(e.kld) + 1e-12, e.name.c_str());
                QVERIFY(e.kld >= 0.0);
            }
    }
};

QX_TEST_APPLESS_MAIN(TestCliSensitivity)
#include "tst_cli_sensitivity.moc"
