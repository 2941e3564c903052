// Comparing two models' outputs (compare/output_diff.h): the figures equal those of a perplexity run of
// each model and of a KLD run of B against A's saved base-logits file, bit for bit, whatever the number of
// chunks whose records are held at once; a model against itself has KLD 0 (to the 16-bit base records) and
// the same top token everywhere; cancellation, memory budget and vocabulary checks.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "compare/output_diff.h"
#include "core/tiny_llama.h"
#include "eval/kld_base_file.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <random>

using namespace qx;

namespace {

std::vector<int32_t> randomTokens(int n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<int32_t> t(static_cast<size_t>(n));
    for (auto& id : t)
        id = int32_t(rng() % 40);
    return t;
}

void compareKld(const KldResult& a, const KldResult& b)
{
    QCOMPARE(a.count, b.count);
    QCOMPARE(a.nChunk, b.nChunk);
    QCOMPARE(a.kldMean, b.kldMean);
    QCOMPARE(a.kldUnc, b.kldUnc);
    QCOMPARE(a.kldMedian, b.kldMedian);
    QCOMPARE(a.kld99, b.kld99);
    QCOMPARE(a.kldMax, b.kldMax);
    QCOMPARE(a.dpMean, b.dpMean);
    QCOMPARE(a.dp1, b.dp1);
    QCOMPARE(a.rmsDp, b.rmsDp);
    QCOMPARE(a.sameTop, b.sameTop);
    QCOMPARE(a.pplQ, b.pplQ);
    QCOMPARE(a.pplBase, b.pplBase);
    QCOMPARE(a.corLnPpl, b.corLnPpl);
    QCOMPARE(a.chunks.size(), b.chunks.size());
    for (size_t i = 0; i < a.chunks.size(); ++i)
        QCOMPARE(a.chunks[i].kld, b.chunks[i].kld);
}

Vocab vocabOf(std::initializer_list<const char*> tokens)
{
    Vocab v;
    for (const char* t : tokens) {
        v.tokens.push_back(t);
        v.scores.push_back(0.f);
        v.types.push_back(TokenType::Normal);
    }
    return v;
}

} // namespace

class TestOutputDiff : public QObject {
    Q_OBJECT
private slots:
    void equalsPerplexityAndSavedBase_data()
    {
        QTest::addColumn<int64_t>("groupChunks");
        QTest::newRow("automatic") << int64_t(0);
        QTest::newRow("one chunk at a time") << int64_t(1);
        QTest::newRow("three (not a head group)") << int64_t(3);
    }
    void equalsPerplexityAndSavedBase()
    {
        QFETCH(int64_t, groupChunks);
        auto wa = test::build(test::makeTiny("llama", false, 41));
        auto wb = test::build(test::makeTiny("llama", false, 42));
        const auto tokens = randomTokens(32 * 7 + 5, 6);
        LlamaForward fa(wa, {2, true}), fb(wb, {2, true});
        PerplexityOptions popt;
        popt.nCtx = 32, popt.bosToken = 1, popt.batchTokens = 64;
        const std::string base = test::scratchDir("tst_output_diff") + "/base.bin";
        const PerplexityResult pplA = computePerplexity(fa, tokens, popt);
        const PerplexityResult pplB = computePerplexity(fb, tokens, popt);
        computePerplexity(fa, tokens, popt, {}, base);
        KldBaseReader reader(base);
        KldOptions kopt;
        kopt.bosToken = 1, kopt.batchTokens = 64;
        const KldResult kld = computeKld(fb, reader, kopt);

        OutputDiffOptions opt;
        opt.nCtx = 32, opt.bosToken = 1, opt.batchTokens = 64, opt.groupChunks = groupChunks;
        std::vector<int64_t> chunks;
        opt.onChunk = [&](int64_t chunk, const KldChunkLine&) { chunks.push_back(chunk); };
        const OutputDiff d = compareOutputs(fa, fb, tokens, opt);
        QCOMPARE(chunks, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(d.pplA.ppl, pplA.ppl);
        QCOMPARE(d.pplA.uncertainty, pplA.uncertainty);
        QCOMPARE(d.pplA.runningPpl, pplA.runningPpl);
        QCOMPARE(d.pplB.ppl, pplB.ppl);
        QCOMPARE(d.pplB.chunkMeanNll, pplB.chunkMeanNll);
        QCOMPARE(d.pplB.count, int64_t(7 * 15));
        compareKld(d.kld, kld);
        QVERIFY(d.kld.kldMean > 0.01);   // two different random models
    }
    void againstItself()
    {
        auto w = test::build(test::makeTiny("llama", false, 43));
        const auto tokens = randomTokens(32 * 6, 7);
        LlamaForward fa(w), fb(w);
        OutputDiffOptions opt;
        opt.nCtx = 32;
        const OutputDiff d = compareOutputs(fa, fb, tokens, opt);
        QCOMPARE(d.pplA.ppl, d.pplB.ppl);
        QCOMPARE(d.kld.sameTop, 1.0);
        QVERIFY(std::abs(d.kld.kldMean) < 1e-6);   // only the base records' 16-bit rounding remains
        QVERIFY(d.kld.kldMax < 1e-4f);
    }
    void cancelsAndRefuses()
    {
        auto w = test::build(test::makeTiny("llama", false, 44));
        const auto tokens = randomTokens(32 * 4, 8);
        LlamaForward fa(w), fb(w);
        OutputDiffOptions opt;
        opt.nCtx = 32;
        int calls = 0;
        try {
            compareOutputs(fa, fb, tokens, opt, [&](double) { return ++calls < 3; });
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        opt.nCtx = 128;   // fewer than two chunks
        QVERIFY_THROWS_EXCEPTION(Error, compareOutputs(fa, fb, tokens, opt));
        ForwardOptions tight;
        tight.memoryBudgetBytes = 1000;
        LlamaForward small(w, tight);
        opt.nCtx = 32;
        try {
            compareOutputs(small, fb, tokens, opt);
            QFAIL("no budget error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::OverBudget);
        }
    }
    void vocabularies()
    {
        const Tokenizer a = Tokenizer::fromVocab(vocabOf({"<unk>", "<s>", "a", "b"}));
        const Tokenizer same = Tokenizer::fromVocab(vocabOf({"<unk>", "<s>", "a", "b"}));
        const Tokenizer other = Tokenizer::fromVocab(vocabOf({"<unk>", "<s>", "a", "c"}));
        const Tokenizer longer = Tokenizer::fromVocab(vocabOf({"<unk>", "<s>", "a", "b", "c"}));
        checkSameVocabulary(a, same, "a.gguf", "same.gguf");
        try {
            checkSameVocabulary(a, other, "a.gguf", "other.gguf");
            QFAIL("not refused");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Mismatch);
            const std::string what = e.what();
            QVERIFY2(what.find("a.gguf") != std::string::npos && what.find("other.gguf") != std::string::npos, e.what());
            QVERIFY2(what.find("token 3 is 'b' and 'c'") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, checkSameVocabulary(a, longer, "a.gguf", "longer.gguf"));
        QCOMPARE(firstTokenDifference(std::vector<int32_t>{1, 2, 3}, std::vector<int32_t>{1, 2, 3}), std::nullopt);
        QCOMPARE(firstTokenDifference(std::vector<int32_t>{1, 2, 3}, std::vector<int32_t>{1, 4, 3}), size_t(1));
        QCOMPARE(firstTokenDifference(std::vector<int32_t>{1, 2}, std::vector<int32_t>{1, 2, 3}), size_t(2));
    }
};

QX_TEST_APPLESS_MAIN(TestOutputDiff)
#include "tst_output_diff.moc"
