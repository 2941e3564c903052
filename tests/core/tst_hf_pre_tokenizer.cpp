// tokenizer.ggml.pre for byte-level BPE tokenizer.json files, as llama.cpp's converter (b4748) names it:
// the GPT-2 tokenizer.json (the published layout over the GPT-2 vocabulary of llama.cpp's test GGUF) must
// give the converter's own digest for "gpt-2"; other pre-tokenizers over that vocabulary have unknown
// digests and are named from their structure; what llama.cpp cannot reproduce is refused. The converted
// vocabulary then tokenizes llama.cpp's GPT-2 test vectors exactly as the tokenizer.json does.
#include "common/error.h"
#include "common/hf_tokenizer_json.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/hf_convert.h"
#include "export/hf_pre_tokenizer.h"
#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace qx;
using namespace qx::test;

namespace {

constexpr const char* kGpt2Digest = "3ce83efda5659b07b1ad37ca97ca5797ea4285d9b9ab0dc679e4a720c9da7454";

/// The inputs of llama.cpp's tokenizer test vectors for `gguf` (separated by "\n__ggml_vocab_test__\n").
std::vector<std::string> vectorInputs(const std::string& gguf)
{
    std::ifstream in(gguf + ".inp", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string raw = ss.str(), sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> inputs;
    for (size_t pos = 0; pos <= raw.size();) {
        const size_t next = raw.find(sep, pos);
        inputs.push_back(raw.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos)
            break;
        pos = next + sep.size();
    }
    return inputs;
}

const GgufValue* find(const std::vector<KeyValue>& kvs, const std::string& key)
{
    for (const KeyValue& kv : kvs)
        if (kv.key == key)
            return &kv.value;
    return nullptr;
}

} // namespace

class TestHfPreTokenizer : public QObject {
    Q_OBJECT
    std::string m_dir, m_gguf;
    QJsonObject m_gpt2;

    std::string write(const std::string& name, const QJsonObject& doc)
    {
        const std::string path = m_dir + "/" + name + ".json";
        writeJson(path, doc);
        return path;
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(gguf, "vocab/ggml-vocab-gpt-2.gguf");
        m_gguf = gguf;
        m_dir = scratchDir("tst_hf_pre_tokenizer");
        m_gpt2 = gpt2TokenizerJson(Tokenizer::fromGguf(*openGguf(gguf)).vocab());
    }

    void checkTextIsTheConvertersText()
    {
        // 350 characters, 431 UTF-8 bytes (emoji, Khmer, Chinese, Cyrillic, quotes and apostrophes)
        QCOMPARE(preTokenizerCheckText().size(), size_t(431));
        const QString text = QString::fromUtf8(preTokenizerCheckText().data(), qsizetype(preTokenizerCheckText().size()));
        QCOMPARE(text.toUcs4().size(), 350);
        QVERIFY(text.contains(QStringLiteral("apple\u5de5\u4f5c1314151")));
    }

    void gpt2IsRecognisedByDigest()
    {
        const std::string path = write("gpt2", m_gpt2);
        QCOMPARE(preTokenizerCheckHash(Tokenizer::fromHfJson(path)), std::string(kGpt2Digest));
        const PreTokenizerMatch m = detectLlamaPreTokenizer(path);
        QCOMPARE(m.name, std::string("gpt-2"));
        QVERIFY(m.byHash);
        QCOMPARE(preTokenizerNameForHash("0ef9807a4087ebef797fc749390439009c3b9eda9ad1a097abbe738f486c01e5"),
                 std::string_view("llama-bpe"));
        QCOMPARE(preTokenizerNameForHash("b6dc8df998e1cfbdc4eac8243701a65afe638679230920b50d6f17d81c098166"),
                 std::string_view("olmo"));  // the converter's later test for this digest wins
        QVERIFY(preTokenizerNameForHash("00").empty());
    }

    void namedFromStructure_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("expected");
        QTest::newRow("llama3") << "llama3" << "llama-bpe";
        QTest::newRow("llama3 without ignore_merges") << "smaug" << "smaug-bpe";
        QTest::newRow("qwen2") << "qwen2" << "qwen2";
        QTest::newRow("smollm") << "smollm" << "smollm";
    }
    void namedFromStructure()
    {
        QFETCH(QString, variant);
        QFETCH(QString, expected);
        QJsonObject doc = m_gpt2;
        const QJsonObject noRegex = byteLevel(false, false);
        if (variant == "llama3" || variant == "smaug") {
            doc = withIgnoreMerges(doc, variant == "llama3");
            doc["pre_tokenizer"] = sequence("pretokenizers", {split(kLlama3Regex), noRegex});
            doc["post_processor"] = sequence("processors", {byteLevel(true, true), bosTemplate(50256, "<|endoftext|>")});
        } else if (variant == "qwen2") {
            doc["normalizer"] = QJsonObject{{"type", "NFC"}};
            doc["pre_tokenizer"] = sequence("pretokenizers", {split(kQwen2Regex), noRegex});
        } else {
            const QJsonObject digits{{"type", "Digits"}, {"individual_digits", true}};
            doc["pre_tokenizer"] = sequence("pretokenizers", {digits, byteLevel(false, true)});
        }
        const PreTokenizerMatch m = detectLlamaPreTokenizer(write(variant.toStdString(), doc));
        QCOMPARE(QString::fromStdString(m.name), expected);
        QVERIFY(!m.byHash);
        QCOMPARE(m.checkHash.size(), size_t(64));
        QVERIFY(m.checkHash != kGpt2Digest);
    }

    void refusesWhatLlamaCppCannotReproduce_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("ByteLevel with a prefix space") << "prefix";
        QTest::newRow("Split with another expression") << "regex";
        QTest::newRow("Split removing its matches") << "removed";
        QTest::newRow("Lowercase normalizer") << "lowercase";
    }
    void refusesWhatLlamaCppCannotReproduce()
    {
        QFETCH(QString, variant);
        QJsonObject doc = m_gpt2;
        const QJsonObject noRegex = byteLevel(false, false);
        if (variant == "prefix")
            doc["pre_tokenizer"] = byteLevel(true, true);
        else if (variant == "regex")
            doc["pre_tokenizer"] = sequence("pretokenizers", {split(R"(\p{L}+|\p{N}+|[^\s\p{L}\p{N}]+|\s+)"), noRegex});
        else if (variant == "removed")
            doc["pre_tokenizer"] = sequence("pretokenizers", {split(kQwen2Regex, "Removed"), noRegex});
        else
            doc["normalizer"] = QJsonObject{{"type", "Lowercase"}};
        const std::string path = write("refused-" + variant.toStdString(), doc);
        try {
            detectLlamaPreTokenizer(path);
            QFAIL("an unmappable pre-tokenizer was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Unsupported);
            QCOMPARE(e.file(), path);
            QVERIFY2(e.detail().find("BPE pre-tokenizer not recognised") != std::string::npos, e.what());
        }
    }

    // The converter's vocabulary keys for a byte-level BPE folder, read back by our GGUF tokenizer, give
    // the ids of the tokenizer.json (and so of llama.cpp's test vectors) on every input.
    void convertedVocabularyTokenizesAlike()
    {
        QJsonObject doc = m_gpt2;
        QJsonArray added = doc["added_tokens"].toArray();
        added.append(addedToken(50257, "<|im_start|>", false, false));
        added.append(addedToken(50258, "\u2581hi", false, true));
        doc["added_tokens"] = added;
        const std::string path = write("gpt2-added", doc);
        ModelFile m;
        m.format = ModelFormat::HfFolder;
        m.path = m_dir;
        m.spec.architecture = "llama";
        m.spec.vocabSize = 50260;
        m.tokenizer.sourcePath = path;
        ModelFile gguf;
        gguf.path = m.path;
        gguf.metadata = convertedMetadata(m);
        QCOMPARE(find(gguf.metadata, "tokenizer.ggml.model")->toString(), std::string("gpt2"));
        QCOMPARE(find(gguf.metadata, "tokenizer.ggml.pre")->toString(), std::string("gpt-2"));
        QCOMPARE(find(gguf.metadata, "tokenizer.ggml.merges")->elements().size(), size_t(50000));
        const Vocab v = Tokenizer::vocabFromGguf(gguf);
        QCOMPARE(v.size(), 50260);
        QCOMPARE(v.tokens[50256], std::string("<|endoftext|>"));
        QCOMPARE(v.types[50256], TokenType::Control);
        QCOMPARE(v.types[50257], TokenType::Control);  // not flagged special, but looks it
        QCOMPARE(v.tokens[50258], std::string(" hi"));
        QCOMPARE(v.types[50258], TokenType::UserDefined);
        QCOMPARE(v.tokens[50259], std::string("[PAD50259]"));
        QCOMPARE(v.types[50259], TokenType::Unused);
        const Tokenizer fromJson = Tokenizer::fromHfJson(write("gpt2", m_gpt2));
        const Tokenizer converted = Tokenizer::fromGguf(gguf);
        const std::vector<std::string> inputs = vectorInputs(m_gguf);
        QVERIFY(inputs.size() > 30);
        for (const std::string& text : inputs)
            QVERIFY2(converted.encode(text, false) == fromJson.encode(text, false), text.c_str());
    }
};

QX_TEST_APPLESS_MAIN(TestHfPreTokenizer)
#include "tst_hf_pre_tokenizer.moc"
