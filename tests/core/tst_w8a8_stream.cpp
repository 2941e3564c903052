// SmoothQuant and LLM.int8 on the streamed engine (calib/w8a8_stream.h) on stories260K: int8 rows held as
// codes unpack to the fake-quantized values bit for bit; the per-block run from the file gives
// runCalibration's values on the whole-model capture bit for bit (weights, folded norms, outlier columns),
// and the same PPL and KLD; naive W8A8 equals int8Weights; the memory prediction follows its formula, and
// bad settings, a budget it exceeds or a cancel stop the run.
#include "calib/calib_run.h"
#include "calib/w8a8_stream.h"
#include "common/test_main.h"

#include "calib_fixture.h"
#include "common/error.h"
#include "common/test_data.h"
#include "model/mapped_weights.h"
#include "plan/planned_weights.h"

#include <QtTest>

#include <algorithm>

using namespace qx;

class TestW8A8Stream : public QObject {
    Q_OBJECT

    CalibFixture m_fx;
    static constexpr int64_t kChunks = 16;

    CalibRequest request(const std::string& method) const
    {
        CalibRequest r;
        r.method = method;
        r.nCtx = CalibFixture::kCtx;
        r.chunks = kChunks;
        r.alpha = 0.5;
        r.threshold = 2.0f; // stories260K's inputs rarely reach 6: 2 leaves some outlier columns
        return r;
    }

    CalibResult streamed(const std::string& method) const
    {
        ForwardOptions fo;
        fo.threads = 2;
        return runStreamedW8A8(m_fx.model, m_fx.calibTokens, chunkBosToken(*m_fx.model), request(method), fo);
    }

    /// Every tensor of `old` (F32 values) equals `now`'s, packed or as values.
    static void compareValues(const CalibResult& now, const CalibResult& old)
    {
        QCOMPARE(now.tensors(), old.tensors());
        for (const auto& [name, values] : old.values) {
            const auto p = now.packed.find(name);
            QVERIFY2((p != now.packed.end() ? p->second.unpack() : now.values.at(name)) == values, name.c_str());
        }
    }

    EvalScore score(const CalibResult& r) const
    {
        auto file = std::make_shared<const MappedWeights>(m_fx.model, 2);
        auto source = std::make_shared<const PlannedWeights>(
            file, Plan{}, nullptr, std::make_shared<const TensorSubstitutions>(r.values), nullptr,
            std::make_shared<const PackedTensors>(r.packed));
        return m_fx.eval->evaluate(std::static_pointer_cast<const WeightSource>(source), r.transform);
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        m_fx.load(modelPath, textPath, 1, kChunks);
    }

    void int8RowsUnpackToFakeQuantValues()
    {
        // 3 rows of 5; column 1 kept float; row 2 all zero (step 0).
        const std::vector<float> x = {0.5f, 9.0f, -1.0f, 0.25f, 0.125f,  //
                                      -3.0f, 0.1f, 2.0f, 1.5f, -0.75f,   //
                                      0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
        const std::vector<uint8_t> keep = {0, 1, 0, 0, 0};
        std::vector<float> expected = x;
        fakeQuantRowsInt8(expected.data(), 3, 5, keep);
        const PackedTensor p = packInt8Rows(x, 5, keep);
        QCOMPARE(p.type, TensorType::I8);
        QVERIFY(!p.ggmlBlocks());
        QCOMPARE(p.rows, int64_t(3));
        QCOMPARE(p.rowSteps, (std::vector<float>{1.0f / 127.0f, 3.0f / 127.0f, 0.0f}));
        QCOMPARE(p.floatColumns, std::vector<int64_t>{1});
        QCOMPARE(p.floatValues, (std::vector<float>{9.0f, 0.1f, 0.0f}));
        const auto* codes = reinterpret_cast<const int8_t*>(p.blocks.data());
        QCOMPARE(int(codes[0]), 64);   // 0.5 · 127 = 63.5 rounds away from zero
        QCOMPARE(int(codes[2]), -127); // the row's absmax outside the kept column
        QCOMPARE(int(codes[5]), -127);
        QCOMPARE(p.blocks.size(), size_t(15));
        QCOMPARE(p.unpack(), expected);
        QCOMPARE(packInt8Rows(x, 5).unpack(), [&] { auto v = x; fakeQuantRowsInt8(v.data(), 3, 5); return v; }());
        std::vector<uint8_t> many(40, 1);
        many[0] = 0;
        QCOMPARE(outlierNote("blk.0.ffn_down.weight", many, 6.0f),
                 std::string("blk.0.ffn_down.weight      outlier columns (|x| >= 6.0): 1 2 3 4 5 6 7 8 9 10 11 12 13 14 "
                             "15 16 17 18 19 20 21 22 23 24 ... (39 of 40)"));
        QCOMPARE(outlierNote("blk.0.ffn_up.weight", keep, 2.5f),
                 std::string("blk.0.ffn_up.weight        outlier columns (|x| >= 2.5): 1"));
        QVERIFY_THROWS_EXCEPTION(Error, packInt8Rows(x, 4));
        QVERIFY_THROWS_EXCEPTION(Error, packInt8Rows(x, 5, std::vector<uint8_t>(4, 0)));
    }

    void smoothQuantEqualsWholeModelRun()
    {
        const CalibResult now = streamed("smoothquant");
        const CalibResult old = runCalibration(*m_fx.weights, m_fx.calib, request("smoothquant"));
        QCOMPARE(now.packed.size(), size_t(35)); // 5 blocks of 7 linear layers
        QCOMPARE(now.values.size(), size_t(10)); // and their two folded norms
        compareValues(now, old);
        QVERIFY(now.w8a8 && !now.exportable() && now.coupled());
        QCOMPARE(now.label, old.label);
        const EvalScore a = score(now), b = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, old.values), old.transform);
        QCOMPARE(a.ppl, b.ppl);
        QCOMPARE(a.kldMean, b.kldMean);
        QVERIFY(a.kldMean > 0.0);
    }

    void llmInt8EqualsWholeModelRun()
    {
        const CalibResult now = streamed("llmint8");
        const CalibResult old = runCalibration(*m_fx.weights, m_fx.calib, request("llmint8"));
        QCOMPARE(now.packed.size(), size_t(35));
        QVERIFY(now.values.empty());
        compareValues(now, old);
        std::vector<std::string> notesNow = now.notes, notesOld = old.notes; // block order here, the capture map's there
        std::sort(notesNow.begin(), notesNow.end());
        std::sort(notesOld.begin(), notesOld.end());
        QCOMPARE(notesNow, notesOld);
        QCOMPARE(now.notes.front().substr(0, 20), std::string("blk.0.attn_q.weight "));
        size_t kept = 0;
        for (const auto& [name, p] : now.packed)
            kept += p.floatColumns.size();
        QVERIFY2(kept > 0, "no outlier column at threshold 2");
        const EvalScore a = score(now), b = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, old.values), old.transform);
        QCOMPARE(a.ppl, b.ppl);
        QCOMPARE(a.kldMean, b.kldMean);
    }

    void naiveInt8EqualsInt8Weights()
    {
        const PackedTensors now = int8RowsStreamed(m_fx.model, 2);
        const Substitutions old = int8Weights(*m_fx.weights);
        QCOMPARE(now.size(), old.size());
        for (const auto& [name, values] : old)
            QVERIFY2(now.at(name).unpack() == values, name.c_str());
    }

    void memoryBudgetSettingsAndCancel()
    {
        W8A8StreamOptions o;
        o.nCtx = CalibFixture::kCtx;
        o.chunks = kChunks;
        o.engine.threads = 2;
        const W8A8StreamMemory m = w8a8StreamMemory(*m_fx.model, kChunks * CalibFixture::kCtx, o);
        // stories260K: dim 64, 4 KV heads of 8 (k, v: 32 rows), ff 172, 5 blocks.
        const uint64_t values = 64 * 64 * 2 + 32 * 64 * 2 + 172 * 64 * 3, rows = 64 * 2 + 32 * 2 + 172 * 2 + 64;
        QCOMPARE(m.result, 5 * (values + 4 * rows));
        QCOMPARE(m.working, 2 * 4 * values);
        QVERIFY(m.engine > 0 && m.peak() == m.result + m.working + m.engine);
        W8A8StreamOptions tight = o;
        tight.engine.memoryBudgetBytes = m.peak() / 2;
        try {
            w8a8Streamed(m_fx.model, m_fx.calibTokens, tight);
            QFAIL("a budget of half the prediction was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::OverBudget);
            QVERIFY2(std::string(e.what()).find("int8 result") != std::string::npos, e.what());
        }
        W8A8StreamOptions bad = o;
        bad.alpha = 1.5;
        QVERIFY_THROWS_EXCEPTION(Error, w8a8Streamed(m_fx.model, m_fx.calibTokens, bad));
        bad = o;
        bad.smoothQuant = false;
        bad.threshold = 0.0f;
        QVERIFY_THROWS_EXCEPTION(Error, w8a8Streamed(m_fx.model, m_fx.calibTokens, bad));
        int calls = 0;
        try {
            w8a8Streamed(m_fx.model, m_fx.calibTokens, o, [&](double) { return ++calls < 3; });
            QFAIL("a cancelled run finished");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        QCOMPARE(calls, 3);
        CalibRequest gptq = request("gptq");
        QVERIFY_THROWS_EXCEPTION(Error, runStreamedW8A8(m_fx.model, m_fx.calibTokens, std::nullopt, gptq));
    }
};

QX_TEST_APPLESS_MAIN(TestW8A8Stream)
#include "tst_w8a8_stream.moc"
