// Incremental re-evaluation (eval/block_input_cache.h) on stories260K and synth-d256: after a pure Q8_0
// plan, a plan that changes only late blocks, an early block, the output head or the token embedding
// resumes at the first block it changes (the head only; from the start for the embedding), and every
// figure equals a full evaluation of that plan bit for bit — with the inputs in memory, spilled under a
// disk budget that keeps only some of them, and after a cancelled run.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/text_tokens.h"
#include "eval/block_input_cache.h"
#include "eval/plan_eval.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "plan/presets.h"

#include <QtTest/QtTest>

using namespace qx;

namespace {

using test::tokensOf;

/// `plan` with the matrices whose names start with `prefix` set to `type` (those whose rows hold whole
/// blocks of 32).
Plan withType(Plan plan, const std::string& prefix, TensorType type)
{
    int changed = 0;
    for (PlanEntry& e : plan.entries)
        if (e.tensor.rfind(prefix, 0) == 0 && e.ne.size() == 2 && e.ne[0] % 32 == 0) {
            e.type = type;
            ++changed;
        }
    if (changed == 0)
        throw Error(ErrorCode::InvalidArgument, "no 2-D tensor named " + prefix + "*");
    return plan;
}

/// Every figure of two evaluations, exactly.
void compareExactly(const PlanEvaluation& a, const PlanEvaluation& b)
{
    const KldResult &x = a.kld, &y = b.kld;
    QCOMPARE(x.nChunk, y.nChunk);
    QCOMPARE(x.count, y.count);
    for (size_t c = 0; c < x.chunks.size(); ++c) {
        QCOMPARE(x.chunks[c].kld, y.chunks[c].kld);
        QCOMPARE(x.chunks[c].ppl, y.chunks[c].ppl);
    }
    QCOMPARE(x.pplQ, y.pplQ);
    QCOMPARE(x.kldMean, y.kldMean);
    QCOMPARE(x.kldMax, y.kldMax);
    QCOMPARE(x.kld99, y.kld99);
    QCOMPARE(x.kldMedian, y.kldMedian);
    QCOMPARE(x.dpMean, y.dpMean);
    QCOMPARE(x.rmsDp, y.rmsDp);
    QCOMPARE(x.sameTop, y.sameTop);
}

struct Fixture {
    std::shared_ptr<const ModelFile> model;
    std::vector<int32_t> tokens;
    PlanEvalOptions options;
    Plan base;
    int64_t layers = 0;
};

Fixture fixture(const std::string& modelPath, const std::string& textPath)
{
    Fixture f;
    f.model = openModel(modelPath);
    f.tokens = tokensOf(*f.model, textPath);
    f.options.nCtx = 128;
    f.options.chunks = 4;
    f.options.threads = 2;
    f.base = planPure(*f.model, TensorType::Q8_0);
    f.layers = f.model->spec.blockCount;
    return f;
}

} // namespace

class TestBlockInputCache : public QObject {
    Q_OBJECT
private slots:
    void resumesAtTheFirstChangedBlock_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("expectedFromEnd");  // resume block = layers - this; -1: from the start
        for (const char* model : {"models/stories260K.gguf", "reference/synth-d256/model-f32.gguf"}) {
            const QString name = QString::fromLatin1(model).section(QLatin1Char('/'), -1);
            QTest::newRow(qPrintable(name + QStringLiteral(" last block"))) << QString::fromLatin1(model) << "last" << 1;
            QTest::newRow(qPrintable(name + QStringLiteral(" block 1"))) << QString::fromLatin1(model) << "blk.1." << 99;
            QTest::newRow(qPrintable(name + QStringLiteral(" head"))) << QString::fromLatin1(model) << "output." << 0;
            QTest::newRow(qPrintable(name + QStringLiteral(" embedding"))) << QString::fromLatin1(model) << "token_embd."
                                                                            << -1;
        }
    }

    void resumesAtTheFirstChangedBlock()
    {
        QFETCH(QString, model);
        QFETCH(QString, prefix);
        QFETCH(int, expectedFromEnd);
        QX_REQUIRE_SHARED(modelPath, model.toStdString());
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        Fixture f = fixture(modelPath, textPath);
        if (prefix == QStringLiteral("output.") && !f.model->findTensor("output.weight"))
            QSKIP("tied embeddings: the head is the token embedding");
        const std::string p = prefix == QStringLiteral("last") ? "blk." + std::to_string(f.layers - 1) + "."
                                                               : prefix.toStdString();
        const Plan changed = withType(f.base, p, TensorType::Q4_0);
        const PlanEvaluation full = evaluatePlan(f.model, changed, f.tokens, f.options);
        QCOMPARE(full.resumedAt, int64_t(0));

        PlanEvalOptions cached = f.options;
        cached.blockInputs = std::make_shared<BlockInputCache>();
        std::vector<BlockProgress> seen;
        cached.onBlock = [&](const BlockProgress& b) { seen.push_back(b); };
        const PlanEvaluation first = evaluatePlan(f.model, f.base, f.tokens, cached);
        QCOMPARE(first.resumedAt, int64_t(0));
        QCOMPARE(int64_t(seen.size()), f.layers + 1);  // blocks 0..N-1, then the head
        QCOMPARE(cached.blockInputs->usage().inputs, f.layers);  // 1..N: block 0's input is the embedding
        QCOMPARE(cached.blockInputs->usage().diskBytes, uint64_t(0));

        seen.clear();
        const PlanEvaluation again = evaluatePlan(f.model, changed, f.tokens, cached);
        const int64_t expected = expectedFromEnd < 0 ? 0 : expectedFromEnd == 99 ? 1 : f.layers - expectedFromEnd;
        QCOMPARE(again.resumedAt, expected);
        QCOMPARE(again.blockCount, f.layers);
        QCOMPARE(seen.front(), (BlockProgress{expected, expected, f.layers}));
        QCOMPARE(seen.back(), (BlockProgress{expected, f.layers, f.layers}));
        QCOMPARE(int64_t(seen.size()), f.layers - expected + 1);
        compareExactly(again, full);
        QVERIFY(again.kldMean > first.kldMean);  // Q4_0 somewhere costs more than Q8_0 everywhere

        // The same plan once more: only the head runs, the figures stay.
        const PlanEvaluation third = evaluatePlan(f.model, changed, f.tokens, cached);
        QCOMPARE(third.resumedAt, f.layers);
        compareExactly(third, full);
    }

    void spillsWithinTheDiskBudget()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        Fixture f = fixture(modelPath, textPath);
        QCOMPARE(f.layers, int64_t(4));
        const uint64_t each = uint64_t(4 * 128) * 256 * sizeof(float);  // 4 chunks of 128 tokens, dim 256
        BlockInputCacheOptions o;
        o.scratchDir = qx::test::scratchDir("tst_block_input_cache");
        o.memoryBytes = 0;
        o.diskBytes = 3 * each;  // room for three of the four inputs
        PlanEvalOptions cached = f.options;
        cached.blockInputs = std::make_shared<BlockInputCache>(o);
        evaluatePlan(f.model, f.base, f.tokens, cached);
        const BlockInputCache::Usage u = cached.blockInputs->usage();
        QCOMPARE(u.memoryBytes, uint64_t(0));
        QCOMPARE(u.inputs, int64_t(2));  // the head's input and block 2's (stride ceil(3 / 2) = 2)
        QCOMPARE(u.diskBytes, 2 * each);

        // Block 3 changes: the nearest stored input before it is block 2's.
        const Plan late = withType(f.base, "blk.3.", TensorType::Q4_0);
        const PlanEvaluation resumed = evaluatePlan(f.model, late, f.tokens, cached);
        QCOMPARE(resumed.resumedAt, int64_t(2));
        compareExactly(resumed, evaluatePlan(f.model, late, f.tokens, f.options));
        // Block 1 changes: block 2's input is superseded, nothing before block 1 is stored.
        const Plan early = withType(late, "blk.1.", TensorType::Q4_0);
        const PlanEvaluation fromStart = evaluatePlan(f.model, early, f.tokens, cached);
        QCOMPARE(fromStart.resumedAt, int64_t(0));
        compareExactly(fromStart, evaluatePlan(f.model, early, f.tokens, f.options));
        QCOMPARE(cached.blockInputs->usage().inputs, int64_t(2));
        cached.blockInputs->clear();
        QCOMPARE(cached.blockInputs->usage(), BlockInputCache::Usage{});
    }

    void cancelledRunKeepsWhatItStored()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        Fixture f = fixture(modelPath, textPath);
        PlanEvalOptions cached = f.options;
        cached.blockInputs = std::make_shared<BlockInputCache>();
        evaluatePlan(f.model, f.base, f.tokens, cached);  // the baseline is cached from here on
        const Plan changed = withType(f.base, "blk.1.", TensorType::Q4_0);
        int64_t blocksStarted = 0;
        cached.onBlock = [&](const BlockProgress& b) { blocksStarted = b.block; };
        bool cancelled = false;
        try {
            evaluatePlan(f.model, changed, f.tokens, cached, [&](double) { return blocksStarted < 3; });
        } catch (const Error& e) {
            cancelled = e.code() == ErrorCode::Cancelled;
        }
        QVERIFY(cancelled);
        cached.onBlock = {};
        const PlanEvaluation resumed = evaluatePlan(f.model, changed, f.tokens, cached);
        QCOMPARE(resumed.resumedAt, int64_t(3));  // blocks 1 and 2 ran before the cancel and were kept
        compareExactly(resumed, evaluatePlan(f.model, changed, f.tokens, f.options));
    }

    void signatureFollowsTheBlocks()
    {
        Plan p;
        for (const char* name : {"token_embd.weight", "blk.0.attn_q.weight", "blk.1.attn_q.weight", "output.weight"})
            p.entries.push_back({name, {64, 64}, TensorType::Q8_0, {}, false});
        const RunSignature s = planRunSignature(2, p, 7);
        QCOMPARE(s.inputs.size(), size_t(3));
        const auto differsFrom = [&](const Plan& q) {
            const RunSignature t = planRunSignature(2, q, 7);
            for (size_t l = 0; l < t.inputs.size(); ++l)
                if (t.inputs[l] != s.inputs[l])
                    return int(l);
            return 3;
        };
        QCOMPARE(differsFrom(withType(p, "output.", TensorType::Q4_0)), 3);
        QCOMPARE(differsFrom(withType(p, "blk.1.", TensorType::Q4_0)), 2);
        QCOMPARE(differsFrom(withType(p, "blk.0.", TensorType::Q4_0)), 1);
        QCOMPARE(differsFrom(withType(p, "token_embd.", TensorType::Q4_0)), 0);
        QVERIFY(planRunSignature(2, p, 8).inputs[0] != s.inputs[0]);  // another text or option
        std::map<std::string, std::vector<float>> values{{"blk.1.attn_q.weight", std::vector<float>(4096, 0.5f)}};
        QVERIFY(planRunSignature(2, p, 7, nullptr, &values).inputs[2] != s.inputs[2]);
        QCOMPARE(planRunSignature(2, p, 7, nullptr, &values).inputs[1], s.inputs[1]);
    }
};

QX_TEST_APPLESS_MAIN(TestBlockInputCache)
#include "tst_block_input_cache.moc"
