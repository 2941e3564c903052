// The demo model: the pipeline is deterministic; the shipped resources/demo-model.gguf is the model built into
// qx_core, stores F16 matrices whose rows take every K-quant and i-quant, and records the held-out perplexity
// that the evaluator reproduces on resources/demo-text.txt (the corpus's valid split, also built in) and that
// resources/demo-model.md reports; its llama-quantize mixes score the perplexity and KLD tabled there: KLD
// falls strictly from Q2_K to Q8_0, perplexity from Q2_K to Q3_K_S to the rest, which lie within its noise.
#include "common/test_main.h"
#include "demo/demo_data.h"
#include "eval/held_out_figure.h"
#include "eval/perplexity.h"
#include "eval/plan_eval.h"
#include "io/gguf_reader.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "train/story_model.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace qx;

namespace {

// Figures of resources/demo-model.md (qexplore-cli ppl demo-model.gguf -f demo-text.txt -c 128, and each mix
// exported and compared with --kld-base).
constexpr double kHeldOutPpl = 2.012042;
constexpr const char* kHeldOutPplText = "2.0120";

struct MixFigure {
    Preset preset;
    double ppl, kld;
};
constexpr MixFigure kMixes[] = {
    {Preset::Q2_K, 2.018442, 0.003649},
    {Preset::Q3_K_S, 2.015840, 0.001482},
    {Preset::Q4_K_M, 2.012048, 0.000318},
    {Preset::Q6_K, 2.012243, 0.000066},
    {Preset::Q8_0, 2.011965, 0.000006},
};

QByteArray resource(const char* name)
{
    QFile f(QStringLiteral(QX_SOURCE_DIR "/resources/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<int32_t> heldOutTokens(const ModelFile& model)
{
    return Tokenizer::fromGguf(model).encode(demoText(), true);
}

} // namespace

class TestDemoModel : public QObject {
    Q_OBJECT
private slots:
    void retrainingIsDeterministic();
    void builtInDataAreTheResources();
    void everyMatrixTakesKQuants();
    void shippedModelPerplexity();
    void mixesAreOrdered();
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
    QCOMPARE(a.heldOut, b.heldOut);
    QCOMPARE(a.model.shape.vocab, int64_t(400));
    QCOMPARE(a.model.params, roundMatricesToF16(a.model.shape, a.model.params)); // stored as F16
    QVERIFY2(std::abs(a.curve.front() - std::log(400.0)) < 0.3, qPrintable(QString::number(a.curve.front())));
    QVERIFY2(a.curve.back() < a.curve.front() - 0.5, qPrintable(QString::number(a.curve.back())));
    QVERIFY(a.unigramPpl > 30.0 && a.unigramPpl < 400.0);
    QCOMPARE(a.heldOut.nCtx, int64_t(32));
    QCOMPARE(a.heldOut.text, std::string("qexplore-cli corpus --split valid --seed 4 --stories 20"));
    QCOMPARE(a.heldOut.tokens, a.validTokens);
    // 12 steps learn little: the figure lies between certainty and uniform guessing over the 400 tokens
    QVERIFY2(a.heldOut.ppl > 1.0 && a.heldOut.ppl < 400.0, qPrintable(QString::number(a.heldOut.ppl)));
}

void TestDemoModel::builtInDataAreTheResources()
{
    const QByteArray model = resource("demo-model.gguf"), text = resource("demo-text.txt");
    QVERIFY(!model.isEmpty() && !text.isEmpty());
    QVERIFY(model.size() < 6 * 1024 * 1024);
    const std::span<const std::byte> built = demoModelBytes();
    QCOMPARE(static_cast<qsizetype>(built.size()), model.size());
    QVERIFY(std::memcmp(built.data(), model.data(), built.size()) == 0);
    QVERIFY(reinterpret_cast<uintptr_t>(built.data()) % 64 == 0);
    QCOMPARE(QByteArray::fromRawData(demoText().data(), static_cast<qsizetype>(demoText().size())), text);
    // The text is the corpus's valid split for the seed the model records.
    const auto file = openDemoModel();
    QCOMPARE(file->path, std::string(":demo"));
    StoryCorpusOptions corpus;
    corpus.seed = static_cast<uint64_t>(file->findMetadata("qexplore.train.seed")->toInt());
    QCOMPARE(storyCorpus(corpus, CorpusSplit::Valid), std::string(demoText()));
    // The calibration text is its training split's beginning: no story of the held-out text.
    corpus.trainStories = 200;
    QCOMPARE(demoCalibrationText(), storyCorpus(corpus, CorpusSplit::Train));
}

void TestDemoModel::everyMatrixTakesKQuants()
{
    const auto file = openDemoModel();
    QCOMPARE(file->findMetadata("general.file_type")->toInt(), int64_t(1));
    int matrices = 0;
    for (const TensorInfo& t : file->tensors) {
        if (t.ne.size() < 2) {
            QCOMPARE(t.type, TensorType::F32);  // norm gains
            continue;
        }
        QCOMPARE(t.type, TensorType::F16);
        QVERIFY2(t.rowLength() % 256 == 0, t.name.c_str());
        ++matrices;
    }
    QCOMPARE(matrices, 1 + 7 * static_cast<int>(file->spec.blockCount));
    QCOMPARE(file->spec.embeddingLength % 256, int64_t(0));
    QCOMPARE(file->spec.feedForwardLength % 256, int64_t(0));
}

void TestDemoModel::shippedModelPerplexity()
{
    const auto model = openDemoModel();
    const std::optional<HeldOutFigure> figure = heldOutFigure(*model);
    QVERIFY(figure.has_value());
    const std::vector<int32_t> ids = heldOutTokens(*model);
    QCOMPARE(figure->tokens, static_cast<int64_t>(ids.size()));
    LlamaForward forward(LlamaWeights::fromModel(model), ForwardOptions{2, true});
    PerplexityOptions opt;
    opt.nCtx = figure->nCtx;
    opt.bosToken = chunkBosToken(*model);
    const PerplexityResult r = computePerplexity(forward, ids, opt);
    QVERIFY2(std::abs(r.ppl - figure->ppl) < 1e-4, qPrintable(QString::number(r.ppl, 'f', 6)));
    QVERIFY2(std::abs(r.ppl - kHeldOutPpl) < 1e-4, qPrintable(QString::number(r.ppl, 'f', 4)));
    QVERIFY(resource("demo-model.md").contains(kHeldOutPplText));
}

void TestDemoModel::mixesAreOrdered()
{
    const auto model = openDemoModel();
    const std::vector<int32_t> ids = heldOutTokens(*model);
    PlanEvalOptions o;
    o.nCtx = heldOutFigure(*model)->nCtx;
    o.threads = 2;
    double lastKld = 1e30;
    std::vector<double> ppl;
    for (const MixFigure& mix : kMixes) {
        const PlanEvaluation e = evaluatePlan(model, planPreset(*model, mix.preset), ids, o);
        qInfo("%s: PPL %.4f, mean KLD %.6f, same top %.2f %%, %.3f bits/weight",
              std::string(presetName(mix.preset)).c_str(), e.ppl, e.kldMean, 100.0 * e.sameTop, e.bitsPerWeight);
        QVERIFY2(std::abs(e.ppl - mix.ppl) < 1e-4, qPrintable(QString::number(e.ppl, 'f', 4)));
        QVERIFY2(std::abs(e.kldMean - mix.kld) < 1e-6 + 1e-3 * mix.kld, qPrintable(QString::number(e.kldMean, 'g', 4)));
        QVERIFY(e.kldMean < lastKld);  // each mix closer to F16 than the coarser one before it
        lastKld = e.kldMean;
        ppl.push_back(e.ppl);
    }
    // Perplexity: Q2_K > Q3_K_S > Q4_K_M, Q6_K and Q8_0, which differ from F16 by less than its noise.
    QVERIFY(ppl[0] > ppl[1]);
    for (size_t i = 2; i < ppl.size(); ++i) {
        QVERIFY(ppl[1] > ppl[i]);
        QVERIFY(std::abs(ppl[i] - kHeldOutPpl) < 0.001);
    }
}

QX_TEST_APPLESS_MAIN(TestDemoModel)
#include "tst_demo_model.moc"
