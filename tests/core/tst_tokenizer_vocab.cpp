// Tokenizers of real vocabularies against llama.cpp: the test vectors of llama.cpp's test-tokenizer-0
// (vocab/ggml-vocab-*.gguf with .inp/.out), the stories260K token counts of reference/README.md, and the HF
// tokenizer.json path cross-checked on a tokenizer.json written from the GPT-2 vocabulary.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/gguf_reader.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

namespace {

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<int32_t> parseIds(const std::string& text)
{
    std::vector<int32_t> ids;
    std::istringstream in(text);
    for (int32_t id; in >> id;)
        ids.push_back(id);
    return ids;
}

struct VocabCase {
    std::string input;
    std::vector<int32_t> expected;
};

// Reads test vectors the way test-tokenizer-0 does: inputs separated by "\n__ggml_vocab_test__\n", one
// line of ids per input.
std::vector<VocabCase> readCases(const std::string& gguf)
{
    const std::string raw = readText(gguf + ".inp");
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> inputs;
    for (size_t pos = 0; pos < raw.size();) {
        const size_t next = raw.find(sep, pos);
        inputs.push_back(raw.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos)
            break;
        pos = next + sep.size();
    }
    std::ifstream out(gguf + ".out");
    std::vector<VocabCase> cases;
    size_t i = 0;
    for (std::string line; std::getline(out, line) && i < inputs.size(); ++i)
        cases.push_back({inputs[i], parseIds(line)});
    return inputs.size() == cases.size() ? cases : std::vector<VocabCase>{};
}

std::string jsonString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

// A GPT-2 style tokenizer.json (ByteLevel pre-tokenizer and decoder) over a byte-level BPE vocabulary.
std::string gpt2TokenizerJson(const qx::Vocab& v)
{
    std::string j = R"({"added_tokens":[{"id":50256,"content":"<|endoftext|>","special":true,"normalized":false}],)"
                    R"("normalizer":null,"pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"use_regex":true},)"
                    R"("post_processor":{"type":"ByteLevel"},"decoder":{"type":"ByteLevel"},"model":{"type":"BPE","vocab":{)";
    for (int32_t i = 0; i < v.size(); ++i) {
        if (i)
            j += ',';
        j += jsonString(v.tokens[size_t(i)]);
        j += ':';
        j += std::to_string(i);
    }
    j += "},\"merges\":[";
    for (size_t i = 0; i < v.merges.size(); ++i) {
        if (i)
            j += ',';
        j += jsonString(v.merges[i]);
    }
    return j + "]}}";
}

qx::Tokenizer ggufTokenizer(const std::string& path)
{
    return qx::Tokenizer::fromGguf(*qx::openGguf(path));
}

} // namespace

class TestTokenizerVocab : public QObject {
    Q_OBJECT
private slots:
    void testVectors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("llama-spm") << "vocab/ggml-vocab-llama-spm.gguf";
        QTest::newRow("gpt-2") << "vocab/ggml-vocab-gpt-2.gguf";
    }
    void testVectors()
    {
        QFETCH(QString, file);
        QX_REQUIRE_SHARED(path, file.toStdString());
        const qx::Tokenizer tok = ggufTokenizer(path);
        const std::vector<VocabCase> cases = readCases(path);
        QVERIFY(cases.size() >= 40);
        for (const VocabCase& c : cases)  // test-tokenizer-0: add_special = false, parse_special = false
            QVERIFY2(tok.encode(c.input, false, false) == c.expected, c.input.c_str());
    }
    void hfByteLevelMatchesGpt2Vectors()
    {
        QX_REQUIRE_SHARED(path, "vocab/ggml-vocab-gpt-2.gguf");
        const qx::Tokenizer llama = ggufTokenizer(path);
        const std::string json = qx::test::scratchDir("tst_tokenizer_vocab") + "/gpt2-tokenizer.json";
        std::ofstream(json, std::ios::binary) << gpt2TokenizerJson(llama.vocab());
        const qx::Tokenizer hf = qx::Tokenizer::fromHfJson(json);
        for (const VocabCase& c : readCases(path)) {
            QVERIFY2(hf.encode(c.input, false) == c.expected, c.input.c_str());
            QCOMPARE(hf.decode(c.expected), c.input);
        }
    }
    void stories260KTinyStories()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const qx::Tokenizer tok = ggufTokenizer(path);
        const std::string text = readText(textPath);
        QElapsedTimer timer;
        timer.start();
        const std::vector<int32_t> ids = tok.encode(text, true);
        qInfo("stories260K, TinyStories: %zu tokens in %lld ms", ids.size(), qint64(timer.elapsed()));
        QCOMPARE(ids.size(), size_t(393019));
        const auto first = parseIds(
            "1 301 427 309 426 301 427 309 394 265 262 415 271 422 280 295 269 336 432 313 448 327 432 410 462 362 422 "
            "432 364 420 280 295 410 293 384 268 325 428 415 413 269 280 305 303 443 436 410 462 362 422 262 423 290 266 "
            "269 410 276 427 421 417 266 432 313 434");
        QCOMPARE(std::vector<int32_t>(ids.begin(), ids.begin() + 64), first);
        QCOMPARE(tok.decode(ids), text);
    }
    void stories260KWikiText()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/wiki.test.raw");
        const qx::Tokenizer tok = ggufTokenizer(path);
        const std::string text = readText(textPath);
        QElapsedTimer timer;
        timer.start();
        const std::vector<int32_t> ids = tok.encode(text, true);
        qInfo("stories260K, WikiText-2: %zu tokens in %lld ms", ids.size(), qint64(timer.elapsed()));
        QCOMPARE(ids.size(), size_t(809290));
        const auto first = parseIds("1 410 410 13 410 64 410 461 414 430 285 413 368 277 421 413 285 410 64 410 13 410 13 410");
        QCOMPARE(std::vector<int32_t>(ids.begin(), ids.begin() + 24), first);
        QCOMPARE(tok.decode(ids), text);
    }
    void gpt2RoundTripsWikiText()
    {
        QX_REQUIRE_SHARED(path, "vocab/ggml-vocab-gpt-2.gguf");
        QX_REQUIRE_SHARED(textPath, "text/wiki.test.raw");
        const qx::Tokenizer tok = ggufTokenizer(path);
        const std::string text = readText(textPath);
        const std::vector<int32_t> ids = tok.encode(text, true);
        QVERIFY(ids.size() > 200000 && ids.size() < text.size() / 3);
        QCOMPARE(tok.decode(ids), text);
    }
    void openTokenizerByPath()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        QCOMPARE(qx::openTokenizer(folder).vocabSize(), 2048);
        QCOMPARE(qx::openTokenizer(folder + "/tokenizer.json").vocabSize(), 2048);
        QX_REQUIRE_SHARED(gguf, "models/stories260K.gguf");
        QCOMPARE(qx::openTokenizer(gguf).vocabSize(), 512);
    }
    void missingTokenizerNamesTheFile()
    {
        const std::string dir = qx::test::scratchDir("tst_tokenizer_vocab/empty-folder");
        try {
            qx::openTokenizer(dir);
            QFAIL("expected an error for a folder without tokenizer.json");
        } catch (const qx::Error& e) {
            QCOMPARE(e.file(), dir + "/tokenizer.json");
        }
        // A GGUF with one metadata key and no tokenizer: magic, version 3, 0 tensors, 1 key.
        const std::string gguf = qx::test::scratchDir("tst_tokenizer_vocab") + "/no-tokenizer.gguf";
        {
            std::ofstream f(gguf, std::ios::binary);
            const uint32_t version = 3, typeString = 8;
            const uint64_t tensors = 0, keys = 1, keyLen = 20, valueLen = 5;
            f.write("GGUF", 4).write(reinterpret_cast<const char*>(&version), 4);
            f.write(reinterpret_cast<const char*>(&tensors), 8).write(reinterpret_cast<const char*>(&keys), 8);
            f.write(reinterpret_cast<const char*>(&keyLen), 8).write("general.architecture", 20);
            f.write(reinterpret_cast<const char*>(&typeString), 4);
            f.write(reinterpret_cast<const char*>(&valueLen), 8).write("llama", 5);
        }
        try {
            qx::openTokenizer(gguf);
            QFAIL("expected an error for a GGUF without tokenizer keys");
        } catch (const qx::Error& e) {
            QCOMPARE(e.file(), gguf);
            QVERIFY(std::string(e.what()).find("no tokenizer") != std::string::npos);
        }
    }
};

QX_TEST_APPLESS_MAIN(TestTokenizerVocab)
#include "tst_tokenizer_vocab.moc"
