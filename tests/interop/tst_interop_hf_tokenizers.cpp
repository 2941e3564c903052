// Split pre-tokenizers we have no hand-written splitter for run through Oniguruma and cut text exactly as
// Hugging Face tokenizers 0.23.2 does (its npm binding, installed once into <build>/interop-hf-node):
// an o200k-style expression (case classes, optional contractions, digit triples), and the Removed,
// MergedWithPrevious, MergedWithNext (inverted), Contiguous behaviours and a String pattern, each over the
// GPT-2 vocabulary, on the 106 inputs of core/data/hf_tokenizers_reference.json and llama.cpp's
// pre-tokenizer check text. Skips only when npm is not installed.
#include "common/hf_tokenizer_json.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/hf_pre_tokenizer.h"
#include "io/gguf_reader.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <QProcess>
#include <QStandardPaths>

#include <filesystem>

using namespace qx;
using namespace qx::test;
namespace fs = std::filesystem;

namespace {

const char* const kO200k =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

QJsonObject stringSplit(const QString& literal, const QString& behavior)
{
    return {{"type", "Split"}, {"pattern", QJsonObject{{"String", literal}}}, {"behavior", behavior}, {"invert", false}};
}

} // namespace

class TestInteropHfTokenizers : public QObject {
    Q_OBJECT
    QString m_node, m_dir;
    QJsonArray m_inputs;
    std::map<std::string, QJsonObject> m_variants;

    /// Ids HF tokenizers gives each input, per tokenizer.json path.
    QJsonObject runHf(const QStringList& files)
    {
        const QString request = m_dir + "/request.json";
        QJsonArray fileList;
        for (const QString& f : files)
            fileList.append(f);
        writeJson(request.toStdString(), QJsonObject{{"files", fileList}, {"inputs", m_inputs}});
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(m_node, {m_dir + "/hf_tokenize.js", request});
        p.waitForFinished(300000);
        if (p.exitCode() != 0)
            qWarning("HF tokenizers failed: %s", p.readAllStandardError().constData());
        return QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(gguf, "vocab/ggml-vocab-gpt-2.gguf");
        const QString npm = QStandardPaths::findExecutable("npm");
        m_node = QStandardPaths::findExecutable("node");
        if (npm.isEmpty() || m_node.isEmpty())
            QX_SKIP_WITHOUT_DATA(QStringLiteral("npm/node not found: this test installs the npm package tokenizers@0.23.2 as its reference"));
        m_dir = QString::fromStdString((fs::path(QX_BINARY_DIR) / "interop-hf-node").string());
        fs::create_directories(m_dir.toStdString());
        if (!fs::exists(fs::path(m_dir.toStdString()) / "node_modules/tokenizers/package.json")) {
            QProcess install;
            install.setWorkingDirectory(m_dir);
            install.start(npm, {"i", "-E", "--no-audit", "--no-fund", "--prefix", m_dir, "tokenizers@0.23.2"});
            QVERIFY(install.waitForFinished(600000));
            QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
        }
        fs::copy_file(fs::path(QX_SOURCE_DIR) / "tests/interop/hf_tokenize.js", fs::path(m_dir.toStdString()) / "hf_tokenize.js",
                      fs::copy_options::overwrite_existing);
        QFile ref(QStringLiteral(QX_SOURCE_DIR "/tests/core/data/hf_tokenizers_reference.json"));
        QVERIFY(ref.open(QIODevice::ReadOnly));
        m_inputs = QJsonDocument::fromJson(ref.readAll()).object()["inputs"].toArray();
        m_inputs.append(QString::fromUtf8(preTokenizerCheckText().data(), qsizetype(preTokenizerCheckText().size())));
        QCOMPARE(m_inputs.size(), 107);

        const QJsonObject base = gpt2TokenizerJson(Tokenizer::fromGguf(*openGguf(gguf)).vocab());
        auto variant = [&](const char* name, QJsonArray steps) {
            QJsonObject doc = base;
            doc["pre_tokenizer"] = sequence("pretokenizers", steps);
            m_variants[name] = doc;
        };
        variant("o200k", {split(kO200k), byteLevel(false, false)});
        variant("removed", {split(R"(\s+)", "Removed"), byteLevel(false, false)});
        variant("merged_previous", {split(R"([.,!?;:]+)", "MergedWithPrevious"), byteLevel(false, true)});
        variant("merged_next_inverted", {split(R"(\p{L}+)", "MergedWithNext", true), byteLevel(false, false)});
        variant("contiguous", {split(R"(\p{N})", "Contiguous"), byteLevel(false, true)});
        variant("string_pattern", {stringSplit(" ", "MergedWithNext"), byteLevel(false, false)});
    }

    void idsEqualHfTokenizers()
    {
        QStringList files;
        for (const auto& [name, doc] : m_variants) {
            files.append(m_dir + "/" + QString::fromStdString(name) + ".json");
            writeJson(files.back().toStdString(), doc);
        }
        const QJsonObject hf = runHf(files);
        QCOMPARE(hf.size(), qsizetype(m_variants.size()));
        for (const QString& file : files) {
            const Tokenizer ours = Tokenizer::fromHfJson(file.toStdString());
            const QJsonArray expected = hf[file].toArray();
            QCOMPARE(expected.size(), m_inputs.size());
            size_t tokens = 0;
            for (qsizetype i = 0; i < m_inputs.size(); ++i) {
                std::vector<int32_t> ids;
                for (const QJsonValue& v : expected[i].toArray())
                    ids.push_back(v.toInt());
                tokens += ids.size();
                QVERIFY2(ours.encode(m_inputs[i].toString().toStdString(), true) == ids,
                         qPrintable(QStringLiteral("%1, input %2: %3").arg(fs::path(file.toStdString()).stem().c_str())
                                        .arg(i).arg(m_inputs[i].toString().left(60))));
            }
            qInfo("%s: %zu tokens equal", fs::path(file.toStdString()).stem().c_str(), tokens);
        }
    }
};

QX_TEST_APPLESS_MAIN(TestInteropHfTokenizers)
#include "tst_interop_hf_tokenizers.moc"
