// Tokenizer building blocks on synthetic vocabularies, and the HF tokenizer.json path against the
// reference figures of HF tokenizers 0.23.2 (reference/README.md).
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "model/unicode_text.h"

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

std::vector<int32_t> parseIds(const char* text)
{
    std::vector<int32_t> ids;
    std::istringstream in(text);
    for (int32_t id; in >> id;)
        ids.push_back(id);
    return ids;
}

std::vector<std::string> words(std::string_view text, qx::unicode::SplitPass pass)
{
    return qx::unicode::splitWords(text, {pass});
}

qx::GgufValue stringArray(const std::vector<std::string>& items)
{
    std::vector<qx::GgufValue> v;
    for (const std::string& s : items)
        v.push_back(qx::GgufValue::string(s));
    return qx::GgufValue::array(qx::GgufType::String, std::move(v));
}

// A small SentencePiece vocabulary: <unk> <s> </s>, the 256 byte tokens, then scored pieces.
qx::ModelFile spmModel()
{
    std::vector<std::string> tokens{"<unk>", "<s>", "</s>"};
    std::vector<qx::GgufValue> scores(3, qx::GgufValue::f32(0)), types;
    types = {qx::GgufValue::i32(2), qx::GgufValue::i32(3), qx::GgufValue::i32(3)};
    for (int b = 0; b < 256; ++b) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "<0x%02X>", b);
        tokens.push_back(buf);
        scores.push_back(qx::GgufValue::f32(0));
        types.push_back(qx::GgufValue::i32(6));
    }
    const std::pair<const char*, float> pieces[] = {
        {"\xE2\x96\x81", -1}, {"h", -2}, {"e", -2}, {"l", -2}, {"o", -2}, {"ll", -3}, {"he", -4},
        {"\xE2\x96\x81h", -5}, {"llo", -6}, {"hello", -7}, {"\xE2\x96\x81hello", -8}};
    for (const auto& [text, score] : pieces) {
        tokens.push_back(text);
        scores.push_back(qx::GgufValue::f32(score));
        types.push_back(qx::GgufValue::i32(1));
    }
    qx::ModelFile m;
    m.path = "synthetic-spm.gguf";
    m.metadata = {{"tokenizer.ggml.model", qx::GgufValue::string("llama")},
                  {"tokenizer.ggml.tokens", stringArray(tokens)},
                  {"tokenizer.ggml.scores", qx::GgufValue::array(qx::GgufType::F32, scores)},
                  {"tokenizer.ggml.token_type", qx::GgufValue::array(qx::GgufType::I32, types)}};
    return m;
}

// Byte-level BPE over the alphabet of "hello world" with a few merges.
qx::ModelFile bpeModel()
{
    const std::vector<std::string> tokens{"h", "e", "l", "o", "\xC4\xA0", "w", "r", "d", "he", "ll", "hell",
                                          "hello", "\xC4\xA0w", "or", "\xC4\xA0wor", "<|endoftext|>"};
    const std::vector<std::string> merges{"h e", "l l", "he ll", "hell o", "\xC4\xA0 w", "o r", "\xC4\xA0w or"};
    qx::ModelFile m;
    m.path = "synthetic-bpe.gguf";
    m.metadata = {{"tokenizer.ggml.model", qx::GgufValue::string("gpt2")},
                  {"tokenizer.ggml.pre", qx::GgufValue::string("gpt-2")},
                  {"tokenizer.ggml.tokens", stringArray(tokens)},
                  {"tokenizer.ggml.merges", stringArray(merges)},
                  {"tokenizer.ggml.eos_token_id", qx::GgufValue::u32(15)}};
    return m;
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT
private slots:
    void unicodeClasses()
    {
        using namespace qx::unicode;
        QVERIFY(isLetter('a') && isLetter(0x4E00) && isLetter(0x00E9));
        QVERIFY(isNumber('7') && isNumber(0x00B2) && !isNumber('a'));
        QVERIFY(isWhitespace(' ') && isWhitespace('\n') && isWhitespace(0x00A0) && isWhitespace(0x3000));
        QCOMPARE(int(flagsOf('!') & 0x0F), int(kPunctuation));
        QCOMPARE(int(flagsOf('+') & 0x0F), int(kSymbol));
        QCOMPARE(int(flagsOf(0x0378) & 0x0F), int(kUndefined));
        QCOMPARE(decodeUtf8("a\xC3\xA9\xFF" "b"), (std::vector<uint32_t>{'a', 0xE9, 0xFFFD, 'b'}));
    }
    void byteAlphabetRoundTrips()
    {
        std::string all;
        for (int b = 0; b < 256; ++b)
            all.push_back(char(b));
        const std::string encoded = qx::unicode::byteLevelEncode(all);
        QCOMPARE(qx::unicode::byteLevelDecode(encoded), all);
        QCOMPARE(qx::unicode::byteToUnicode(' '), std::string("\xC4\xA0"));   // Ġ
        QCOMPARE(qx::unicode::byteToUnicode('\n'), std::string("\xC4\x8A"));  // Ċ
    }
    void gpt2Split()
    {
        const std::vector<std::string> expected{"Hello", " world", "'s", " ", " test", " 123", "!!"};
        QCOMPARE(words("Hello world's  test 123!!", qx::unicode::SplitPass::Gpt2), expected);
    }
    void llama3Split()
    {
        const std::vector<std::string> expected{"I", "'M", " ", "123", "45", " ok", "\n\n", " ", " x"};
        QCOMPARE(words("I'M 12345 ok\n\n  x", qx::unicode::SplitPass::Llama3), expected);
        const std::vector<std::string> qwen{"1", "2", "3", " ab"};
        QCOMPARE(words("123 ab", qx::unicode::SplitPass::Qwen2), qwen);
    }
    void defaultPreTokenizerPasses()
    {
        using P = qx::unicode::SplitPass;
        const std::vector<std::string> expected{"Hello", ",", " world", " ", "123", "45", "!"};
        QCOMPARE(qx::unicode::splitWords("Hello, world 12345!", {P::PunctRuns, P::Gpt2, P::Numbers, P::AsciiTriples}),
                 expected);
        const std::vector<std::string> smollm{"a", "1", "2", " b"};
        QCOMPARE(qx::unicode::splitWords("a12 b", {P::SingleNumbers, P::Gpt2}), smollm);
    }
    void hostileTextNeverCrashes()
    {
        std::vector<qx::Tokenizer> toks{qx::Tokenizer::fromGguf(spmModel())};
        for (const char* pre : {"gpt-2", "llama-bpe", "qwen2", "smollm", "default"}) {
            qx::ModelFile m = bpeModel();
            m.metadata[1].value = qx::GgufValue::string(pre);
            toks.push_back(qx::Tokenizer::fromGguf(m));
        }
        uint32_t state = 12345;
        auto next = [&] { return state = state * 1664525u + 1013904223u; };
        for (int round = 0; round < 200; ++round) {
            std::string text(next() % 64, '\0');
            for (char& c : text)
                c = char(next() >> 24);
            std::vector<int32_t> ids(next() % 16);
            for (int32_t& id : ids)
                id = int32_t(next() % 700) - 100;
            for (const qx::Tokenizer& tok : toks) {
                for (int32_t id : tok.encode(text, true))
                    QVERIFY(id >= 0 && id < tok.vocabSize());
                tok.decode(ids);
            }
        }
    }
    void malformedTokenizerJsonIsAnError_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("not json") << "{\"model\": ";
        QTest::newRow("no model") << "{}";
        QTest::newRow("unigram") << R"({"model":{"type":"Unigram","vocab":[]}})";
        QTest::newRow("vocab not object") << R"({"model":{"type":"BPE","vocab":[1,2]}})";
        QTest::newRow("id not number") << R"({"model":{"type":"BPE","vocab":{"a":"x"}}})";
        QTest::newRow("huge id") << R"({"model":{"type":"BPE","vocab":{"a":2000000000}}})";
        QTest::newRow("negative id") << R"({"model":{"type":"BPE","vocab":{"a":-5}}})";
        QTest::newRow("merge of unknown") << R"({"model":{"type":"BPE","vocab":{"a":0},"merges":["a b"]}})";
        QTest::newRow("bad merge") << R"({"model":{"type":"BPE","vocab":{"a":0},"merges":["ab"]}})";
        QTest::newRow("regex that does not compile") << R"({"pre_tokenizer":{"type":"Split","pattern":{"Regex":"*x"},"behavior":"Isolated"},"model":{"type":"BPE","vocab":{"a":0}}})";
        QTest::newRow("unknown split behavior") << R"({"pre_tokenizer":{"type":"Split","pattern":{"Regex":"x+"},"behavior":"Sideways"},"model":{"type":"BPE","vocab":{"a":0}}})";
        QTest::newRow("unknown normalizer") << R"({"normalizer":{"type":"NFKD"},"model":{"type":"BPE","vocab":{"a":0}}})";
        QTest::newRow("no type") << R"({"decoder":{"x":1},"model":{"type":"BPE","vocab":{"a":0}}})";
        QTest::newRow("bad template") << R"({"post_processor":{"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<s>"}}]},"model":{"type":"BPE","vocab":{"a":0}}})";
        QTest::newRow("added token bad id") << R"({"added_tokens":[{"id":-3,"content":"x"}],"model":{"type":"BPE","vocab":{"a":0}}})";
        // found by fuzz_tokenizer_json's long run: a template id past the vocabulary reached encode()
        QTest::newRow("template id past the vocabulary") << R"({"post_processor":{"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<s>"}},{"Sequence":{"id":"A"}}],"special_tokens":{"<s>":{"id":"<s>","ids":[8]}}},"model":{"type":"BPE","vocab":{"a":0,"<s>":1}}})";
        QTest::newRow("negative template id") << R"({"post_processor":{"type":"BertProcessing","cls":["[CLS]",-1],"sep":["[SEP]",0]},"model":{"type":"BPE","vocab":{"a":0}}})";
    }
    void malformedTokenizerJsonIsAnError()
    {
        QFETCH(QString, json);
        const std::string path = qx::test::scratchDir("tst_tokenizer") + "/bad-tokenizer.json";
        std::ofstream(path, std::ios::binary) << json.toStdString();
        try {
            qx::Tokenizer::fromHfJson(path);
            QFAIL("expected qx::Error");
        } catch (const qx::Error& e) {
            QCOMPARE(e.file(), path);
        }
    }
    void spmMergesByScoreWithByteFallback()
    {
        const qx::Tokenizer tok = qx::Tokenizer::fromGguf(spmModel());
        QCOMPARE(tok.vocab().bosId, 1);
        QVERIFY(tok.vocab().addBos);
        const int32_t helloWord = tok.vocab().size() - 1;
        QCOMPARE(tok.encode("hello", true), (std::vector<int32_t>{1, helloWord}));
        QCOMPARE(tok.encode("hello", false), (std::vector<int32_t>{helloWord}));
        // "é" is not a piece: its two UTF-8 bytes become <0xC3> <0xA9> (ids 3 + byte).
        const std::vector<int32_t> e = tok.encode("\xC3\xA9", false);
        QCOMPARE(e, (std::vector<int32_t>{259, 3 + 0xC3, 3 + 0xA9}));
        QCOMPARE(tok.decode(tok.encode("hello \xC3\xA9 hello", true)), std::string("hello \xC3\xA9 hello"));
    }
    void spmSpecialTokensInText()
    {
        const qx::Tokenizer tok = qx::Tokenizer::fromGguf(spmModel());
        const int32_t helloWord = tok.vocab().size() - 1;
        QCOMPARE(tok.encode("hello</s>", false, true), (std::vector<int32_t>{helloWord, 2}));
        QVERIFY(tok.encode("hello</s>", false, false).size() > 2);
        QCOMPARE(tok.tokenText(2), std::string("</s>"));
        QCOMPARE(tok.tokenPiece(3 + 'A'), std::string("A"));
    }
    void bpeMergesByRank()
    {
        const qx::Tokenizer tok = qx::Tokenizer::fromGguf(bpeModel());
        QCOMPARE(tok.vocab().eosId, 15);
        QVERIFY(!tok.vocab().addBos);
        // "hello" -> hello (11); " world" -> Ġwor (14) + l (2) + d (7)
        QCOMPARE(tok.encode("hello world", true), (std::vector<int32_t>{11, 14, 2, 7}));
        QCOMPARE(tok.encode("hello<|endoftext|>", true), (std::vector<int32_t>{11, 15}));
        QCOMPARE(tok.decode(std::vector<int32_t>{11, 14, 2, 7}), std::string("hello world"));
        QCOMPARE(tok.tokenPiece(14), std::string(" wor"));
    }
    void missingTokenizerNamesTheFile()
    {
        qx::ModelFile m;
        m.path = "/models/no-vocab.gguf";
        m.metadata = {{"general.architecture", qx::GgufValue::string("llama")}};
        try {
            qx::Tokenizer::fromGguf(m);
            QFAIL("expected an error");
        } catch (const qx::Error& e) {
            QCOMPARE(e.file(), m.path);
            QVERIFY(std::string(e.what()).find("tokenizer.ggml.model") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::Tokenizer::fromHfJson("/nonexistent/tokenizer.json"));
    }
    // tokenizer.json errors in plain words naming the file, never nlohmann's "[json.exception...]" text.
    void tokenizerJsonErrorsInWords()
    {
        const std::string path = qx::test::scratchDir("tst_tokenizer_json") + "/tokenizer.json";
        const std::pair<const char*, const char*> cases[] = {
            {R"({"model":)", "not a valid tokenizer.json: syntax error (unexpected end of input; expected '[', '{', or a literal)"},
            {R"({"model":{"type":"BPE","vocab":{"a":"0"},"merges":[]}})",
             "the id of vocab token 'a' is not an integer"},
            {R"({"model":{"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":[7]}})",
             "malformed tokenizer.json: a value is a number where a string belongs"},
            {R"({"added_tokens":[{"id":"x","content":"a"}],"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})",
             "added token id is not an integer"},
            // found by fuzz_tokenizer_json's long run: converting 6.7e78 to an int was undefined behaviour
            {R"({"added_tokens":[{"id":6.7e78,"content":"a"}],"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})",
             "added token id is not an integer"},
            {R"({"added_tokens":[{"id":4294967301,"content":"a"}],"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})",
             "added token id out of range: 4294967301"},
            {R"({"post_processor":{"type":"BertProcessing","cls":["[CLS]",1.5],"sep":["[SEP]",0]},"model":{"type":"BPE","vocab":{"a":0}}})",
             "the id of the cls token is not an integer"},
            {R"({"model":{"type":"BPE","vocab":{"a":0},"merges":[],"unk_token":"a"},"added_tokens":[{"content":"b"}]})",
             "malformed tokenizer.json: member 'id' is missing"},
            // found by the long run too: a Strip decoder's start of 1.4e117 converted to size_t
            {R"({"decoder":{"type":"Strip","content":" ","start":1.4e117,"stop":0},"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})",
             "Strip decoder \"start\" is not a count from 0 to 1048576: 1.4e+117"},
            {R"({"decoder":{"type":"Strip","content":" ","start":1,"stop":-3},"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})",
             "Strip decoder \"stop\" is not a count from 0 to 1048576: -3"},
        };
        for (const auto& [text, expected] : cases) {
            std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
            try {
                qx::Tokenizer::fromHfJson(path);
                QFAIL(text);
            } catch (const qx::Error& e) {
                QCOMPARE(e.file(), path);
                QVERIFY2(std::string(e.what()).find("json.exception") == std::string::npos, e.what());
                QVERIFY2(e.detail().find(expected) != std::string::npos, e.what());
            }
        }
    }

    void unknownPreTokenizerIsRejected()
    {
        qx::ModelFile m = bpeModel();
        m.metadata[1].value = qx::GgufValue::string("no-such-pre");
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::Tokenizer::fromGguf(m));
    }
    void hfHelloExample()
    {
        QX_REQUIRE_SHARED(path, "models/tinystories-656k/tokenizer.json");
        const qx::Tokenizer tok = qx::Tokenizer::fromHfJson(path);
        const std::string text = "Hello world! Once upon a time, there was a little girl named Lily.\n\nShe liked   spaces.";
        const auto expected = parseIds("1 80 1288 139 410 555 271 147 201 282 215 286 598 629 122 3 892 376 92 80 80 415 53 1499 10");
        QCOMPARE(tok.encode(text, true), expected);
        QCOMPARE(tok.decode(expected), text);
        QCOMPARE(tok.vocab().bosId, 1);
        QCOMPARE(tok.vocab().eosId, 2);
    }
    void hfFullText()
    {
        QX_REQUIRE_SHARED(path, "models/tinystories-656k/tokenizer.json");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const qx::Tokenizer tok = qx::Tokenizer::fromHfJson(path);
        const std::string text = readText(textPath);
        QElapsedTimer timer;
        timer.start();
        const std::vector<int32_t> ids = tok.encode(text, true);
        qInfo("tinystories-656k: %zu tokens in %lld ms", ids.size(), qint64(timer.elapsed()));
        QCOMPARE(ids.size(), size_t(193347));
        const auto first = parseIds("1 80 1030 1063 677 1169 237 624 1681 1005 490 545 826 124 253 1135 186 702 1104 300 "
                                    "1377 569 1815 817 2022 1030 584 293 158 625 167 833 358 3 26 1082 561 418 237 94 1005 "
                                    "262 832 421 83 126 114 1741 489 552 293 90 284 668 547 751 144 56 494 63 108 751 100 2039");
        QCOMPARE(std::vector<int32_t>(ids.begin(), ids.begin() + 64), first);
        // Characters outside the vocabulary become <unk>, which decoding drops: the rest round-trips.
        std::string covered;
        for (uint32_t c : qx::unicode::decodeUtf8(text)) {
            std::string ch;
            qx::unicode::appendUtf8(ch, c);
            if (c == ' ' || tok.encode(ch, false).back() != 0)
                covered += ch;
        }
        QCOMPARE(tok.decode(ids), covered);
    }
};

QX_TEST_APPLESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
