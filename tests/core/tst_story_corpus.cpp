// The story corpus is deterministic, its vocabulary round-trips it, and a trained model survives GGUF.
#include "common/test_main.h"
#include "io/gguf_reader.h"
#include "model/tokenizer.h"
#include "train/corpus_vocab.h"
#include "train/story_corpus.h"
#include "train/trained_model_file.h"

#include <QTemporaryDir>
#include <QTest>

using namespace qx;

class TestStoryCorpus : public QObject {
    Q_OBJECT
private slots:
    void deterministicSplits();
    void vocabRoundTripsCorpus();
    void trainedModelGgufRoundTrip();
    void f16StorageRoundsMatricesOnly();
};

void TestStoryCorpus::deterministicSplits()
{
    StoryCorpusOptions o;
    o.trainStories = 50;
    o.validStories = 20;
    const std::string train = storyCorpus(o, CorpusSplit::Train);
    QCOMPARE(storyCorpus(o, CorpusSplit::Train), train);
    const std::string valid = storyCorpus(o, CorpusSplit::Valid);
    QVERIFY(valid != train.substr(0, valid.size()));
    QCOMPARE(std::count(train.begin(), train.end(), '\n'), 50);
    o.seed = 2;
    QVERIFY(storyCorpus(o, CorpusSplit::Train) != train);
    const std::string story = generateStory(42);
    QVERIFY(story.find("a apple") == std::string::npos && story.find("an ball") == std::string::npos);
    QVERIFY(story.size() > 150 && story.size() < 600);
}

void TestStoryCorpus::vocabRoundTripsCorpus()
{
    StoryCorpusOptions o;
    o.trainStories = 2000;
    const std::string train = storyCorpus(o, CorpusSplit::Train);
    const std::string valid = storyCorpus(o, CorpusSplit::Valid);
    const Vocab vocab = buildCorpusVocab(train, 1024);
    QCOMPARE(vocab.size(), 1024);
    QCOMPARE(vocab.tokens[1], std::string("<s>"));
    QCOMPARE(vocab.tokens[3 + 0x41], std::string("<0x41>"));
    const Tokenizer tok = Tokenizer::fromVocab(vocab);
    const std::vector<int32_t> ids = tok.encode(valid, true, false);
    QCOMPARE(ids.front(), 1);
    QCOMPARE(tok.decode(std::span<const int32_t>(ids).subspan(1)), valid);
    for (int32_t id : ids)
        QVERIFY(vocab.typeOf(id) != TokenType::Byte && id != vocab.unkId); // every character is a piece
    qInfo("%zu characters in %zu tokens", valid.size(), ids.size());
    QVERIFY2(ids.size() * 3 < valid.size(), "pieces should cover several characters on average");
}

void TestStoryCorpus::trainedModelGgufRoundTrip()
{
    StoryCorpusOptions o;
    o.trainStories = 300;
    const std::string train = storyCorpus(o, CorpusSplit::Train);
    const Vocab vocab = buildCorpusVocab(train, 400);
    TrainedModel m;
    m.shape.dim = 16;
    m.shape.layers = 1;
    m.shape.heads = 2;
    m.shape.kvHeads = 1;
    m.shape.ff = 32;
    m.shape.ctx = 32;
    m.shape.vocab = vocab.size();
    m.params = initParams(m.shape, 3);
    m.tokenizerKeys = vocabMetadata(vocab);
    m.extraKeys = {{"qexplore.train.seed", GgufValue::u64(3)}};
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m.gguf")).toStdString();
    writeTrainedModel(path, m);
    TrainedModel back = readTrainedModel(path);
    QVERIFY(std::abs(back.shape.rmsEps - m.shape.rmsEps) < 1e-12); // stored as F32
    back.shape.rmsEps = m.shape.rmsEps;
    QVERIFY(back.shape == m.shape);
    QCOMPARE(back.params, m.params);
    QCOMPARE(back.extraKeys.size(), size_t(1));
    const Tokenizer fromFile = Tokenizer::fromGguf(*openGguf(path));
    const std::string text = train.substr(0, 2000);
    QCOMPARE(fromFile.encode(text, true, false), Tokenizer::fromVocab(vocab).encode(text, true, false));
}

void TestStoryCorpus::f16StorageRoundsMatricesOnly()
{
    TrainedModel m;
    m.shape.dim = 16;
    m.shape.layers = 1;
    m.shape.heads = 2;
    m.shape.kvHeads = 1;
    m.shape.ff = 32;
    m.shape.ctx = 32;
    m.shape.vocab = 400;
    m.params = initParams(m.shape, 4);
    for (const ParamTensor& t : paramLayout(m.shape))
        if (t.isNorm)
            m.params[static_cast<size_t>(t.offset)] = 1.0001f; // not an F16 value
    m.storage = MatrixStorage::F16;
    m.tokenizerKeys = vocabMetadata(buildCorpusVocab(storyCorpus({}, CorpusSplit::Valid), 400));
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m16.gguf")).toStdString();
    writeTrainedModel(path, m);
    const auto file = openGguf(path);
    QCOMPARE(file->findMetadata("general.file_type")->toInt(), int64_t(1));
    QCOMPARE(file->findTensor("token_embd.weight")->type, TensorType::F16);
    QCOMPARE(file->findTensor("blk.0.ffn_down.weight")->type, TensorType::F16);
    QCOMPARE(file->findTensor("blk.0.attn_norm.weight")->type, TensorType::F32);
    const TrainedModel back = readTrainedModel(path);
    QCOMPARE(back.storage, MatrixStorage::F16);
    QCOMPARE(back.params, roundMatricesToF16(m.shape, m.params));
    QVERIFY(back.params != m.params);
    QCOMPARE(back.params[static_cast<size_t>(paramLayout(m.shape)[1].offset)], 1.0001f); // norms stay F32
}

QX_TEST_APPLESS_MAIN(TestStoryCorpus)
#include "tst_story_corpus.moc"
