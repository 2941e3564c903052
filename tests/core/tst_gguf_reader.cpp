#include "common/error.h"
#include "common/mapped_file.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/gguf_reader.h"
#include "io/model_file.h"

#include <QtTest/QtTest>

#include <fstream>
#include <map>
#include <sstream>

namespace {

const QStringList kPureTypes = {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K",
                                "IQ4_NL", "IQ4_XS", "F16", "BF16"};
const QStringList kImatrixTypes = {"Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "Q4_0"};

/// `tensor-name type` lines of a preset-*.types.txt file.
std::map<std::string, std::string> readTypeList(const std::string& path)
{
    std::map<std::string, std::string> types;
    std::ifstream in(path);
    std::string name, type;
    while (in >> name >> type)
        types[name] = type;
    return types;
}

} // namespace

class TestGgufReader : public QObject {
    Q_OBJECT
private slots:
    void stories260KHeader()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        auto model = qx::openGguf(path);
        QCOMPARE(model->format, qx::ModelFormat::Gguf);
        QCOMPARE(model->path, path);
        QCOMPARE(model->ggufVersion, 3u);
        QCOMPARE(model->alignment, uint64_t(32));
        QCOMPARE(model->metadata.size(), size_t(19));
        QCOMPARE(model->tensors.size(), size_t(48));
        QCOMPARE(model->metadata.front().key, std::string("tokenizer.ggml.tokens"));
        QCOMPARE(model->metadata.back().key, std::string("llama.attention.layer_norm_rms_epsilon"));
        QCOMPARE(model->mappings.size(), size_t(1));
    }
    void stories260KSpec()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = qx::openGguf(path);
        const qx::ModelSpec& s = model->spec;
        QCOMPARE(s.architecture, std::string("llama"));
        QCOMPARE(s.name, std::string("llama"));
        QCOMPARE(s.contextLength, int64_t(2048));
        QCOMPARE(s.embeddingLength, int64_t(64));
        QCOMPARE(s.blockCount, int64_t(5));
        QCOMPARE(s.headCount, int64_t(8));
        QCOMPARE(s.headCountKv, int64_t(4));
        QCOMPARE(s.feedForwardLength, int64_t(172));
        QCOMPARE(s.ropeDimensionCount, int64_t(8));
        QCOMPARE(s.vocabSize, int64_t(512));
        QCOMPARE(s.rmsNormEps, double(1e-5f));
        QCOMPARE(s.ropeFreqBase, 10000.0);
        QVERIFY(!s.tiedEmbeddings);
        QVERIFY(!s.ropeNeox);
        QCOMPARE(s.bosTokenId.value(), int64_t(1));
        QCOMPARE(s.eosTokenId.value(), int64_t(2));
    }
    void stories260KTokenizer()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        auto model = qx::openGguf(path);
        QCOMPARE(model->tokenizer.model, std::string("llama"));
        QCOMPARE(model->tokenizer.vocabSize, int64_t(512));
        QCOMPARE(model->tokenizer.mergeCount, int64_t(0));
        QCOMPARE(model->tokenizer.sourcePath, path);
        const qx::GgufValue* tokens = model->findMetadata("tokenizer.ggml.tokens");
        QVERIFY(tokens && tokens->isArray());
        QCOMPARE(tokens->arrayType, qx::GgufType::String);
        QCOMPARE(tokens->elements().at(1).toString(), std::string("<s>"));
        const qx::GgufValue* sep = model->findMetadata("tokenizer.ggml.seperator_token_id");
        QVERIFY(sep);
        QCOMPARE(sep->type, qx::GgufType::U32);
        QCOMPARE(sep->toInt(), int64_t(4294967295));
    }
    void stories260KTensors()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        auto model = qx::openGguf(path);
        const auto& t = model->tensors;
        QCOMPARE(t[0].name, std::string("token_embd.weight"));
        QCOMPARE(t[0].ne, (std::vector<int64_t>{64, 512}));
        QCOMPARE(t[0].fileOffset, uint64_t(14176));
        QCOMPARE(t[1].name, std::string("output_norm.weight"));
        QCOMPARE(t[1].ne, (std::vector<int64_t>{64}));
        QCOMPARE(t[1].fileOffset, uint64_t(14176 + 131072));
        QCOMPARE(t[1].nbytes, uint64_t(256));
        const qx::TensorInfo* down = model->findTensor("blk.4.ffn_down.weight");
        QVERIFY(down);
        QCOMPARE(down->ne, (std::vector<int64_t>{172, 64}));
        QCOMPARE(down->fileOffset, uint64_t(14176 + 1082880));
        QCOMPARE(down->nbytes, uint64_t(172 * 64 * 4));
        QCOMPARE(t.back().name, std::string("blk.4.ffn_norm.weight"));
        QCOMPARE(t.back().fileOffset + t.back().nbytes, uint64_t(1185376));
        for (const auto& tensor : t) {
            QCOMPARE(tensor.type, qx::TensorType::F32);
            QCOMPARE(tensor.originalName, tensor.name);
            QCOMPARE(tensor.sourceFile, path);
            QCOMPARE(tensor.data.size(), size_t(tensor.nbytes));
            QCOMPARE(static_cast<const void*>(tensor.data.data()),
                     static_cast<const void*>(model->mappings[0]->data() + tensor.fileOffset));
        }
        QCOMPARE(model->totalParameters(), uint64_t(292800));
        QCOMPARE(model->totalTensorBytes(), uint64_t(292800 * 4));
    }
    void stories260KFirstWeight()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        auto model = qx::openGguf(path);
        // The data view must read the same bytes as the file at that offset.
        std::ifstream in(path, std::ios::binary);
        in.seekg(14176 + 131072);
        char raw[4];
        in.read(raw, 4);
        QCOMPARE(std::memcmp(raw, model->tensors[1].data.data(), 4), 0);
    }
    void vocabFilesOpen_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("vocab");
        QTest::addColumn<qint64>("merges");
        QTest::newRow("gpt-2") << "vocab/ggml-vocab-gpt-2.gguf" << "gpt2" << qint64(50257) << qint64(50000);
        QTest::newRow("llama-spm") << "vocab/ggml-vocab-llama-spm.gguf" << "llama" << qint64(32000) << qint64(0);
    }
    void vocabFilesOpen()
    {
        QFETCH(QString, file);
        QFETCH(QString, model);
        QFETCH(qint64, vocab);
        QFETCH(qint64, merges);
        QX_REQUIRE_SHARED(path, file.toStdString());
        auto m = qx::openGguf(path);
        QCOMPARE(m->tensors.size(), size_t(0));
        QCOMPARE(m->tokenizer.model, model.toStdString());
        QCOMPARE(m->tokenizer.vocabSize, vocab);
        QCOMPARE(m->tokenizer.mergeCount, merges);
        QCOMPARE(m->spec.vocabSize, vocab);
        QCOMPARE(m->spec.headCountKv, m->spec.headCount);   // gpt-2 states no KV head count
        QVERIFY(!m->spec.tiedEmbeddings);
    }
    void synthD256PureTypes()
    {
        QX_REQUIRE_SHARED(dir, "reference/synth-d256/model-f32.gguf");
        auto f32 = qx::openGguf(dir);
        QCOMPARE(f32->tensors.size(), size_t(39));
        QCOMPARE(f32->spec.embeddingLength, int64_t(256));
        QCOMPARE(f32->spec.headCountKv, int64_t(2));
        for (const auto& t : f32->tensors)
            QCOMPARE(t.type, qx::TensorType::F32);
        for (const QString& prefix : {QStringLiteral("pure-"), QStringLiteral("imatrix-")}) {
            for (const QString& name : prefix == "pure-" ? kPureTypes : kImatrixTypes) {
                auto m = qx::openGguf(qx::test::sharedPath(("reference/synth-d256/" + prefix + name + ".gguf").toStdString()));
                const auto type = qx::tensorTypeFromName(name.toStdString()).value();
                QCOMPARE(m->tensors.size(), size_t(39));
                for (const auto& t : m->tensors)
                    QVERIFY2(t.type == (t.ne.size() == 2 ? type : qx::TensorType::F32), t.name.c_str());
            }
        }
    }
    void synthD256PresetTypes_data()
    {
        QTest::addColumn<QString>("mix");
        QTest::newRow("Q3_K_M") << "Q3_K_M";
        QTest::newRow("Q4_K_M") << "Q4_K_M";
        QTest::newRow("Q5_K_M") << "Q5_K_M";
    }
    void synthD256PresetTypes()
    {
        QFETCH(QString, mix);
        QX_REQUIRE_SHARED(path, ("reference/synth-d256/preset-" + mix + ".gguf").toStdString());
        auto m = qx::openGguf(path);
        auto expected = readTypeList(qx::test::sharedPath(("reference/synth-d256/preset-" + mix + ".types.txt").toStdString()));
        QCOMPARE(m->tensors.size(), expected.size());
        for (const auto& t : m->tensors) {
            QVERIFY2(expected.count(t.name), t.name.c_str());
            QCOMPARE(t.type, qx::tensorTypeFromName(expected[t.name]).value());
        }
    }
    void openModelDispatchesGguf()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        QCOMPARE(qx::openModel(path)->tensors.size(), size_t(48));
    }
    void openModelRejectsOtherFiles()
    {
        QX_REQUIRE_SHARED(path, "models/tinystories-656k/config.json");
        try {
            qx::openModel(path);
            QFAIL("expected an error");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::BadMagic);   // a JSON file is not a model file, whatever it holds
            QCOMPARE(e.file(), path);
            QVERIFY2(std::string(e.what()).find("not a model file") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::openModel("/nonexistent/model.gguf"));
    }
    void missingFileIsIoError()
    {
        try {
            qx::openGguf("/nonexistent/model.gguf");
            QFAIL("expected an error");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::Io);
        }
    }
};

QX_TEST_APPLESS_MAIN(TestGgufReader)
#include "tst_gguf_reader.moc"
