// Whether a text fits a model (eval/text_fit.h): exact counts on a small vocabulary, the thresholds, and real
// cases — the demo model on its own held-out text fits; on TinyStories it does not (its perplexity is far
// above its vocabulary); stories260K, trained on TinyStories, fits it.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/text_file.h"
#include "demo/demo_data.h"
#include "eval/held_out_figure.h"
#include "eval/perplexity.h"
#include "eval/text_fit.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"

#include <QTest>

using namespace qx;

namespace {

/// llama-perplexity's figure on the first `chunks` chunks of `tokens`.
double perplexity(const std::shared_ptr<const ModelFile>& model, const std::vector<int32_t>& tokens, int64_t chunks)
{
    LlamaForward forward(LlamaWeights::fromModel(model), ForwardOptions{2, true});
    PerplexityOptions o;
    o.nCtx = 128;
    o.maxChunks = chunks;
    o.bosToken = chunkBosToken(*model);
    return computePerplexity(forward, tokens, o).ppl;
}

} // namespace

class TestTextFit : public QObject {
    Q_OBJECT
private slots:
    void countsAndThresholds();
    void demoOnItsOwnText();
    void demoOnTinyStories();
    void storiesOnTinyStories();
};

void TestTextFit::countsAndThresholds()
{
    Vocab v;
    v.tokens = {"<unk>", "<s>", "</s>", "<0x41>", "a", "b"};
    v.types = {TokenType::Unknown, TokenType::Control, TokenType::Control, TokenType::Byte, TokenType::Normal,
               TokenType::Normal};
    v.unkId = 0;
    const std::vector<int32_t> ids = {1, 4, 5, 3, 0, 4, 4, 2};
    TextFit fit = textFit(v, ids, 2.0);
    QCOMPARE(fit.tokens, int64_t(6));  // BOS and EOS are not text
    QCOMPARE(fit.unknownTokens, int64_t(1));
    QCOMPARE(fit.byteTokens, int64_t(1));
    QCOMPARE(fit.vocabSize, int64_t(6));
    QCOMPARE(fit.fallbackRate(), 2.0 / 6.0);
    QVERIFY(fit.poorCoverage() && !fit.nearUniform() && !fit.fits());
    // 1 fallback in 20 tokens is exactly 5 %: still covered; a perplexity of half the vocabulary is not.
    std::vector<int32_t> mostly(19, 4);
    mostly.push_back(3);
    fit = textFit(v, mostly, 2.99);
    QVERIFY(!fit.poorCoverage() && !fit.nearUniform() && fit.fits());
    fit.ppl = 3.0;
    QVERIFY(fit.nearUniform() && !fit.fits());
    QCOMPARE(textFit(v, {}, 0.0).fallbackRate(), 0.0);
    QVERIFY(textFit(v, {}, 0.0).fits());  // nothing measured, nothing to say
}

void TestTextFit::demoOnItsOwnText()
{
    const auto model = openDemoModel();
    const Tokenizer tok = Tokenizer::fromGguf(*model);
    const std::vector<int32_t> ids = tok.encode(demoText(), true);
    const TextFit fit = textFit(tok.vocab(), ids, heldOutFigure(*model)->ppl);
    QCOMPARE(fit.tokens, static_cast<int64_t>(ids.size()) - 1);
    QCOMPARE(fit.unknownTokens + fit.byteTokens, int64_t(0));
    QCOMPARE(fit.vocabSize, int64_t(1024));
    QVERIFY(fit.fits());
}

void TestTextFit::demoOnTinyStories()
{
    QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
    const auto model = openDemoModel();
    const Tokenizer tok = Tokenizer::fromGguf(*model);
    const std::vector<int32_t> ids = tok.encode(readTextFile(text), true);
    const TextFit fit = textFit(tok.vocab(), ids, perplexity(model, ids, 8));
    qInfo("demo on TinyStories: %lld tokens, %lld byte-fallback, %lld unknown, PPL %.1f (%.2f x vocabulary)",
          static_cast<long long>(fit.tokens), static_cast<long long>(fit.byteTokens),
          static_cast<long long>(fit.unknownTokens), fit.ppl, fit.pplToVocab());
    QCOMPARE(fit.tokens, int64_t(331005));
    QCOMPARE(fit.byteTokens, int64_t(2517));  // 0.8 %: the vocabulary covers the text's characters ...
    QCOMPARE(fit.unknownTokens, int64_t(0));
    QCOMPARE(QString::number(fit.ppl, 'f', 1), QStringLiteral("11437.4"));  // ... but the model cannot predict it
    QVERIFY(!fit.poorCoverage() && fit.nearUniform() && !fit.fits());
}

void TestTextFit::storiesOnTinyStories()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    QX_REQUIRE_SHARED(text, "text/tinystories-valid-head.txt");
    const auto model = openModel(path);
    const Tokenizer tok = Tokenizer::fromGguf(*model);
    const std::vector<int32_t> ids = tok.encode(readTextFile(text), true);
    const TextFit fit = textFit(tok.vocab(), ids, perplexity(model, ids, 40));
    QCOMPARE(QString::number(fit.ppl, 'f', 4), QStringLiteral("3.7549"));  // llama.cpp's figure
    qInfo("stories260K on TinyStories: %lld tokens, %lld byte-fallback, %lld unknown",
          static_cast<long long>(fit.tokens), static_cast<long long>(fit.byteTokens),
          static_cast<long long>(fit.unknownTokens));
    QCOMPARE(fit.tokens, int64_t(393018));
    QCOMPARE(fit.byteTokens, int64_t(8827));  // 2.2 %, below the 5 % that marks poor coverage
    QCOMPARE(fit.unknownTokens, int64_t(0));
    QVERIFY(!fit.poorCoverage() && !fit.nearUniform());
    QVERIFY(fit.fits());
}

QX_TEST_APPLESS_MAIN(TestTextFit)
#include "tst_text_fit.moc"
