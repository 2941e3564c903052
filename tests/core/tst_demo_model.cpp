// The demo-model pipeline is deterministic, and the shipped resources/demo-model.gguf scores the held-out
// perplexity that resources/demo-model.md reports.
#include "eval/perplexity.h"
#include "io/gguf_reader.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "train/story_model.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace qx;

namespace {
// Figures of resources/demo-model.md (qexplore-cli ppl demo-model.gguf -f valid.txt -c 128).
constexpr double kDemoHeldOutPpl = 1.2846;
constexpr const char* kDemoPplText = "1.2846";
} // namespace

class TestDemoModel : public QObject {
    Q_OBJECT
private slots:
    void retrainingIsDeterministic();
    void shippedModelPerplexity();
};

void TestDemoModel::retrainingIsDeterministic()
{
    StoryModelOptions o;
    o.shape.dim = 32;
    o.shape.layers = 1;
    o.shape.heads = 2;
    o.shape.kvHeads = 1;
    o.shape.ff = 64;
    o.shape.ctx = 32;
    o.train.steps = 12;
    o.train.lr = 1e-2;
    o.train.batch = 4;
    o.train.seqLen = 32;
    o.train.warmup = 2;
    o.train.seed = 4;
    o.corpus.seed = 4;
    o.corpus.trainStories = 300;
    o.corpus.validStories = 20;
    o.vocabSize = 400;
    const StoryModelResult a = trainStoryModel(o);
    const StoryModelResult b = trainStoryModel(o);
    QCOMPARE(a.curve, b.curve);
    QCOMPARE(a.model.params, b.model.params);
    QCOMPARE(a.model.shape.vocab, int64_t(400));
    QVERIFY2(std::abs(a.curve.front() - std::log(400.0)) < 0.3, qPrintable(QString::number(a.curve.front())));
    QVERIFY2(a.curve.back() < a.curve.front() - 0.5, qPrintable(QString::number(a.curve.back())));
    QVERIFY(a.unigramPpl > 30.0 && a.unigramPpl < 400.0);
}

void TestDemoModel::shippedModelPerplexity()
{
    const QString path = QFINDTESTDATA("../../resources/demo-model.gguf");
    const QString mdPath = QFINDTESTDATA("../../resources/demo-model.md");
    QVERIFY(!path.isEmpty() && !mdPath.isEmpty());
    QVERIFY(QFile(path).size() < 8 * 1024 * 1024);
    const auto model = openGguf(path.toStdString());
    StoryCorpusOptions corpus;
    corpus.seed = static_cast<uint64_t>(model->findMetadata("qexplore.train.seed")->toInt());
    const auto ids = Tokenizer::fromGguf(*model).encode(storyCorpus(corpus, CorpusSplit::Valid), true);
    LlamaForward forward(LlamaWeights::fromModel(model), ForwardOptions{2, true});
    PerplexityOptions opt;
    opt.nCtx = 128;
    opt.bosToken = chunkBosToken(*model);
    const PerplexityResult r = computePerplexity(forward, ids, opt);
    QVERIFY2(std::abs(r.ppl - kDemoHeldOutPpl) < 1e-3, qPrintable(QString::number(r.ppl, 'f', 4)));
    QFile md(mdPath);
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains(kDemoPplText));
}

QTEST_APPLESS_MAIN(TestDemoModel)
#include "tst_demo_model.moc"
