// GPTQ on the streamed engine (calib/gptq_stream.h) on stories260K: the one-capture mode equals the
// whole-model capture + gptqModel bit for bit; sequential mode gives other values from block 1 on (block
// 0 sees the same embeddings), both beat round-to-nearest on KLD; the memory prediction follows its formula
// and a budget it exceeds is refused up front.
#include "calib/gptq_stream.h"
#include "common/test_main.h"

#include "calib_fixture.h"
#include "common/error.h"
#include "common/test_data.h"

#include <QtTest>

#include <cmath>

using namespace qx;

class TestGptqStream : public QObject {
    Q_OBJECT

    CalibFixture m_fx;
    static constexpr int64_t kChunks = 32;

    GptqStreamOptions options(bool sequential) const
    {
        GptqStreamOptions o;
        o.gptq.grid = parseGrid("int4-g32");
        o.sequential = sequential;
        o.nCtx = CalibFixture::kCtx;
        o.chunks = kChunks;
        o.bosToken = chunkBosToken(*m_fx.model);
        o.engine.threads = 2;
        return o;
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        m_fx.load(modelPath, textPath, 24, kChunks);
    }

    void oneCaptureEqualsWholeModelCapture()
    {
        std::vector<std::string> notes;
        const Substitutions now = gptqStreamed(m_fx.model, m_fx.calibTokens, options(false), &notes).values;
        GptqOptions o;
        o.grid = parseGrid("int4-g32");
        const Substitutions old = gptqModel(*m_fx.weights, m_fx.calib, o);
        QCOMPARE(now.size(), size_t(35)); // every linear layer of the 5 blocks
        QCOMPARE(now.size(), old.size());
        for (const auto& [name, values] : old)
            QVERIFY2(now.at(name) == values, name.c_str());
        QCOMPARE(notes.size(), size_t(35));
    }

    void sequentialDiffersAndBeatsRtn()
    {
        const Substitutions seq = gptqStreamed(m_fx.model, m_fx.calibTokens, options(true)).values;
        const Substitutions one = gptqStreamed(m_fx.model, m_fx.calibTokens, options(false)).values;
        QCOMPARE(seq.size(), one.size());
        QCOMPARE(seq.at("blk.0.attn_q.weight"), one.at("blk.0.attn_q.weight"));
        QCOMPARE(seq.at("blk.0.ffn_up.weight"), one.at("blk.0.ffn_up.weight"));
        QVERIFY(seq.at("blk.1.attn_q.weight") != one.at("blk.1.attn_q.weight"));
        QVERIFY(seq.at("blk.4.ffn_gate.weight") != one.at("blk.4.ffn_gate.weight"));
        const EvalScore rtn = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, rtnModel(*m_fx.weights, parseGrid("int4-g32"))));
        const EvalScore s = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, seq));
        const EvalScore o = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, one));
        qInfo("int4-g32 KLD: RTN %.5f, GPTQ one capture %.5f, GPTQ sequential %.5f", rtn.kldMean, o.kldMean, s.kldMean);
        QVERIFY(std::isfinite(s.kldMean) && std::isfinite(o.kldMean) && s.kldMean > 0 && o.kldMean > 0);
        QVERIFY(s.kldMean < 0.85 * rtn.kldMean);
        QVERIFY(o.kldMean < 0.85 * rtn.kldMean);
        QVERIFY(s.kldMean != o.kldMean);
    }

    void memoryPredictionAndBudget()
    {
        const GptqStreamMemory m = gptqStreamMemory(*m_fx.model, kChunks * CalibFixture::kCtx, options(true));
        // 8·Σcols² (q, k, v, output, gate, up: 64 columns; down: 172), and ffn_down's working set
        // 4·8·172² + 24·64·172.
        QCOMPARE(m.hessians, uint64_t(8 * (6 * 64 * 64 + 172 * 172)));
        QCOMPARE(m.working, uint64_t(4 * 8 * 172 * 172 + 24 * 64 * 172));
        QCOMPARE(m.result, uint64_t(5 * 4 * (64 * 64 * 2 + 32 * 64 * 2 + 172 * 64 * 3))); // 5 blocks' linear layers
        QVERIFY(m.engine > 0 && m.peak() == m.hessians + m.working + m.result + m.engine);
        GptqStreamOptions packed = options(true);
        packed.pack = true;
        packed.gptq.grid = parseGrid("Q4_0");   // ffn_down's rows of 172 do not fit: it stays as stored
        const GptqStreamMemory p = gptqStreamMemory(*m_fx.model, kChunks * CalibFixture::kCtx, packed);
        const uint64_t fitting = 64 * 64 * 2 + 32 * 64 * 2 + 172 * 64 * 2;
        QCOMPARE(p.result, uint64_t(5 * fitting / 32 * 18 + 4 * fitting)); // Q4_0 blocks + one block in F32
        QCOMPARE(p.working, uint64_t(4 * 8 * 64 * 64 + 24 * 172 * 64));
        GptqStreamOptions tight = options(true);
        tight.engine.memoryBudgetBytes = m.peak() / 2;
        try {
            gptqStreamed(m_fx.model, m_fx.calibTokens, tight);
            QFAIL("a budget of half the prediction was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::OverBudget);
            QVERIFY2(std::string(e.what()).find("Hessians") != std::string::npos, e.what());
        }
    }
};

QX_TEST_APPLESS_MAIN(TestGptqStream)
#include "tst_gptq_stream.moc"
