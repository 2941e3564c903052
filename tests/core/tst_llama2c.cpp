#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/safetensors_builder.h"
#include "export/hf_convert.h"
#include "io/llama2c_reader.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

using namespace qx::test;

namespace {

std::span<const std::byte> asBytes(const std::string& s)
{
    return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

std::string i32s(std::initializer_list<int32_t> v)
{
    std::string s;
    for (int32_t x : v)
        s.append(reinterpret_cast<const char*>(&x), 4);
    return s;
}

float floatIn(const qx::TensorInfo& t, size_t index)
{
    float v;
    std::memcpy(&v, t.data.data() + index * 4, 4);
    return v;
}

qx::Error parseError(const std::string& bytes)
{
    try {
        qx::parseLlama2c(asBytes(bytes), "m.bin");
    } catch (const qx::Error& e) {
        return e;
    }
    return qx::Error(qx::ErrorCode::Cancelled, "no error raised");
}

/// A tiny checkpoint (dim 4, hidden 6, 1 layer, 2 heads, 1 KV head, seq 3) whose floats count 0, 1, 2, ...
std::string tinyCheckpoint(int32_t vocab)
{
    const int n = 4 * 2 /*emb*/ + 4 + 16 + 8 + 8 + 16 + 4 + 24 * 3 + 4 + 3 * 1 * 2 + (vocab < 0 ? 8 : 0);
    std::vector<float> f(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        f[size_t(i)] = float(i);
    return i32s({4, 6, 1, 2, 1, vocab, 3}) + floatBytes(f);
}

} // namespace

class TestLlama2c : public QObject {
    Q_OBJECT
private slots:
    void aidreams()
    {
        QX_REQUIRE_SHARED(path, "models/aidreams260K/aidreams260K.bin");
        auto mf = qx::openLlama2c(path);
        QCOMPARE(mf->format, qx::ModelFormat::Llama2c);
        const qx::ModelSpec& s = mf->spec;
        QCOMPARE(s.architecture, std::string("llama"));
        QCOMPARE(s.embeddingLength, int64_t(64));
        QCOMPARE(s.feedForwardLength, int64_t(172));
        QCOMPARE(s.blockCount, int64_t(4));
        QCOMPARE(s.headCount, int64_t(4));
        QCOMPARE(s.headCountKv, int64_t(4));
        QCOMPARE(s.vocabSize, int64_t(512));
        QCOMPARE(s.contextLength, int64_t(128));
        QCOMPARE(s.ropeDimensionCount, int64_t(16));
        QVERIFY(s.tiedEmbeddings);
        QVERIFY(!s.ropeNeox);
        QCOMPARE(mf->tensors.size(), size_t(1 + 4 * 9 + 1));
        QVERIFY(!mf->findTensor("output.weight"));
        QCOMPARE(mf->findTensor("token_embd.weight")->ne, (std::vector<int64_t>{64, 512}));
        QCOMPARE(mf->findTensor("blk.3.attn_k.weight")->ne, (std::vector<int64_t>{64, 64}));
        QCOMPARE(mf->findTensor("blk.2.ffn_gate.weight")->ne, (std::vector<int64_t>{64, 172}));
        QCOMPARE(mf->findTensor("blk.2.ffn_down.weight")->ne, (std::vector<int64_t>{172, 64}));
        QCOMPARE(mf->findTensor("blk.0.attn_norm.weight")->ne, (std::vector<int64_t>{64}));
        QCOMPARE(mf->findTensor("wq[1]"), mf->findTensor("blk.1.attn_q.weight"));
        // Everything but the header and the two 128 x 8 RoPE tables: 932124 - 28 - 8192 bytes.
        QCOMPARE(mf->totalTensorBytes(), uint64_t(932124 - 28 - 8192));
        QCOMPARE(mf->totalParameters(), uint64_t((932124 - 28 - 8192) / 4));
        QCOMPARE(mf->findMetadata("llama.block_count")->toInt(), int64_t(4));
    }

    void aidreamsValues()
    {
        QX_REQUIRE_SHARED(path, "models/aidreams260K/aidreams260K.bin");
        auto mf = qx::openLlama2c(path);
        // Offsets computed from the layout: floats after the 28-byte header.
        const uint64_t emb = 28, rmsAtt = emb + 512 * 64 * 4, wq = rmsAtt + 4 * 64 * 4, wk = wq + 4 * 64 * 64 * 4;
        const uint64_t w2 = wk + 3 * 4 * 64 * 64 * 4 + 4 * 64 * 4 + 4 * 64 * 172 * 4;
        const uint64_t rmsFinal = w2 + 2 * 4 * 64 * 172 * 4;
        QCOMPARE(floatIn(*mf->findTensor("token_embd.weight"), 300 * 64 + 5), floatAt(path, emb + (300 * 64 + 5) * 4));
        QCOMPARE(floatIn(*mf->findTensor("blk.2.attn_k.weight"), 7), floatAt(path, wk + (2 * 64 * 64 + 7) * 4));
        QCOMPARE(floatIn(*mf->findTensor("blk.3.ffn_down.weight"), 171), floatAt(path, w2 + (3 * 64 * 172 + 171) * 4));
        QCOMPARE(mf->findTensor("output_norm.weight")->fileOffset, rmsFinal);
        QCOMPARE(floatIn(*mf->findTensor("output_norm.weight"), 63), floatAt(path, rmsFinal + 63 * 4));
        QCOMPARE(rmsFinal + 64 * 4 + 8192, uint64_t(932124));
    }

    void aidreamsTokenizer()
    {
        QX_REQUIRE_SHARED(path, "models/aidreams260K/aidreams260K.bin");
        auto mf = qx::openLlama2c(path);
        QCOMPARE(mf->tokenizer.model, std::string("llama"));
        QCOMPARE(mf->tokenizer.vocabSize, int64_t(512));
        QCOMPARE(mf->tokenizer.sourcePath, sharedPath("models/aidreams260K/tok512.bin"));
        QCOMPARE(mf->findMetadata("tokenizer.ggml.model")->toString(), std::string("llama"));
        const std::string tok = readFile(mf->tokenizer.sourcePath);
        for (size_t len = 0; len < tok.size(); len += 7)
            QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseLlama2cTokenizer(asBytes(tok).first(len), 512, "t"));
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseLlama2cTokenizer(asBytes(tok), 513, "t"));
    }

    // The tokenizer beside the checkpoint is usable (tokenize, ppl and imatrix open it through openTokenizer)
    // and becomes the tokenizer.ggml.* keys llama.cpp's convert-llama2c-to-ggml writes from tok512.bin (all
    // seven keys were compared equal with its b4748 output; ids below are llama-tokenize's on that file).
    void aidreamsTokenizerAsLlamaCppConvertsIt()
    {
        QX_REQUIRE_SHARED(path, "models/aidreams260K/aidreams260K.bin");
        const auto mf = qx::openLlama2c(path);
        const auto& tokens = mf->findMetadata("tokenizer.ggml.tokens")->elements();
        const auto& types = mf->findMetadata("tokenizer.ggml.token_type")->elements();
        QCOMPARE(tokens.size(), size_t(512));
        QCOMPARE(tokens[0].toString(), std::string("<unk>"));
        QCOMPARE(tokens[1].toString(), std::string("<s>"));
        QCOMPARE(tokens[2].toString(), std::string("</s>"));
        QCOMPARE(tokens[3].toString(), std::string("<0x00>"));
        QCOMPARE(tokens[262].toString(), std::string("\xe2\x96\x81" "a"));   // spaces spelt U+2581, as the converter does
        QCOMPARE(types[0].toInt(), int64_t(2));   // unknown
        QCOMPARE(types[1].toInt(), int64_t(3));   // control
        QCOMPARE(types[3].toInt(), int64_t(6));   // byte
        QCOMPARE(types[300].toInt(), int64_t(1)); // normal
        const qx::Tokenizer tok = qx::openTokenizer(path);
        const std::string text = "Once upon a time, there was a little girl named Lily. She loved to play outside.";
        const std::vector<int32_t> llamaTokenize = {
            1,   429, 491, 433, 295, 429, 444, 445, 265, 262, 263, 342, 430, 446, 277, 261, 430, 272, 340,
            262, 308, 434, 434, 285, 316, 432, 436, 438, 324, 435, 447, 328, 429, 479, 331, 451, 448, 412,
            439, 430, 330, 437, 452, 328, 333, 280, 438, 435, 451, 271, 444, 293, 361, 430, 448};
        QCOMPARE(tok.encode(text, true), llamaTokenize);
        QCOMPARE(tok.decode(llamaTokenize), text);
        // export writes the tokenizer (llama.cpp b4748 loads that file, tokenizes and evaluates it)
        const auto kvs = qx::convertedMetadata(*mf);
        QCOMPARE(std::count_if(kvs.begin(), kvs.end(), [](const qx::KeyValue& kv) { return kv.key.rfind("tokenizer.ggml.", 0) == 0; }),
                 std::ptrdiff_t(7));
    }

    void truncationNeverCrashes()
    {
        QX_REQUIRE_SHARED(path, "models/aidreams260K/aidreams260K.bin");
        const std::string whole = readFile(path);
        for (size_t len = 0; len < whole.size(); len += (len < 4096 ? 1 : 509)) {
            const qx::Error e = parseError(whole.substr(0, len));
            QCOMPARE(e.code(), qx::ErrorCode::Truncated);
            QVERIFY(e.offset() <= len);
        }
        QCOMPARE(parseError(whole + "x").code(), qx::ErrorCode::Invalid);
        QCOMPARE(parseError(whole + "x").offset(), uint64_t(whole.size()));
    }

    void unsharedClassifier()
    {
        const std::string file = tinyCheckpoint(-2);
        const qx::ModelFile mf = qx::parseLlama2c(asBytes(file), "m.bin");
        QVERIFY(!mf.spec.tiedEmbeddings);
        const qx::TensorInfo* out = mf.findTensor("output.weight");
        QVERIFY(out);
        QCOMPARE(out->originalName, std::string("wcls"));
        QCOMPARE(out->ne, (std::vector<int64_t>{4, 2}));
        QCOMPARE(out->fileOffset, uint64_t(file.size() - 32));
        QCOMPARE(floatIn(*mf.findTensor("blk.0.attn_k.weight"), 0), float(8 + 4 + 16));
        QCOMPARE(mf.findTensor("blk.0.attn_v.weight")->ne, (std::vector<int64_t>{4, 2}));
        QCOMPARE(floatIn(*out, 0), float(8 + 4 + 16 + 8 + 8 + 16 + 4 + 72 + 4 + 6));
        QCOMPARE(mf.tensors.size(), size_t(12));
    }

    void badHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("code");
        QTest::addColumn<qulonglong>("offset");
        auto row = [](const char* name, const std::string& h, qx::ErrorCode c, uint64_t off) {
            QTest::newRow(name) << QByteArray(h.data(), qsizetype(h.size())) << int(c) << qulonglong(off);
        };
        row("zero dim", i32s({0, 6, 1, 2, 1, 2, 3}), qx::ErrorCode::Invalid, 0);
        row("negative layers", i32s({4, 6, -1, 2, 1, 2, 3}), qx::ErrorCode::Invalid, 8);
        row("zero vocab", i32s({4, 6, 1, 2, 1, 0, 3}), qx::ErrorCode::Invalid, 20);
        row("heads do not divide dim", i32s({4, 6, 1, 3, 1, 2, 3}), qx::ErrorCode::Invalid, 12);
        row("kv heads do not divide", i32s({8, 6, 1, 4, 3, 2, 3}), qx::ErrorCode::Invalid, 16);
        row("export v1 magic", i32s({0x616b3432, 1, 0, 0, 0, 0, 0}), qx::ErrorCode::Unsupported, 0);
        row("huge sizes", i32s({0x40000000, 0x7fffffff, 512, 2, 1, -0x7fffffff, 0x7fffffff}),
            qx::ErrorCode::Truncated, 28);
        // more layers than llama.cpp loads: refused from the header, before a tensor list is built per layer
        row("2^31-1 layers", i32s({4, 6, 0x7fffffff, 2, 1, 2, 3}), qx::ErrorCode::Invalid, 8);
    }
    void badHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, code);
        QFETCH(qulonglong, offset);
        const qx::Error e = parseError(header.toStdString() + std::string(64, '\0'));
        QCOMPARE(int(e.code()), code);
        QCOMPARE(qulonglong(e.offset()), offset);
        QCOMPARE(e.file(), std::string("m.bin"));
    }
};

QX_TEST_APPLESS_MAIN(TestLlama2c)
#include "tst_llama2c.moc"
