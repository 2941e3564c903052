// AWQ on the streamed engine (calib/awq_stream.h) on stories260K: the per-block run from the file equals
// awqQuantize on the whole-model capture bit for bit (values, folded floats, every group's α and losses),
// runStreamedAwq equals runCalibration for the same request, no-clip changes only the clipped layers, the
// memory prediction follows its formula, and a budget it exceeds or a cancel stops the run.
#include "calib/awq_stream.h"
#include "calib/calib_run.h"
#include "common/test_main.h"

#include "calib_fixture.h"
#include "common/error.h"
#include "common/test_data.h"

#include <QtTest>

using namespace qx;

class TestAwqStream : public QObject {
    Q_OBJECT

    CalibFixture m_fx;
    static constexpr int64_t kChunks = 16;

    AwqStreamOptions options(bool clip = true) const
    {
        AwqStreamOptions o;
        o.grid = parseGrid("int4-g32");
        o.clip = clip;
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
        m_fx.load(modelPath, textPath, 1, kChunks);
    }

    void streamedEqualsWholeModelAwq()
    {
        const AwqResult now = awqStreamed(m_fx.model, m_fx.calibTokens, options());
        const AwqResult old = awqQuantize(*m_fx.weights, m_fx.calib, parseGrid("int4-g32"));
        QCOMPARE(now.tensors.size(), size_t(45)); // 5 blocks: 7 linear layers and the two folded norms
        QCOMPARE(now.folded.size(), size_t(45));
        QCOMPARE(now.groups.size(), size_t(20));  // 4 groups per block
        QCOMPARE(old.tensors.size(), now.tensors.size());
        for (const auto& [name, values] : old.tensors)
            QVERIFY2(now.tensors.at(name) == values, name.c_str());
        for (const auto& [name, values] : old.folded)
            QVERIFY2(now.folded.at(name) == values, name.c_str());
        for (size_t g = 0; g < old.groups.size(); ++g) {
            QCOMPARE(now.groups[g].norm, old.groups[g].norm);
            QCOMPARE(now.groups[g].alpha, old.groups[g].alpha);
            QCOMPARE(now.groups[g].lossAwq, old.groups[g].lossAwq);
            QCOMPARE(now.groups[g].lossClip, old.groups[g].lossClip);
            QVERIFY(old.groups[g].lossAwq <= old.groups[g].lossRtn); // α = 0 is on the grid
        }
        // The folded norm is the stored one divided by the scales: not the file's values.
        const WeightView norm = m_fx.weights->tensor("blk.2.ffn_norm.weight");
        QVERIFY(now.folded.at("blk.2.ffn_norm.weight") != std::vector<float>(norm.data, norm.data + norm.cols));
    }

    void runStreamedAwqEqualsRunCalibration()
    {
        CalibRequest r;
        r.method = "awq";
        r.grid = "Q4_K";
        r.nCtx = CalibFixture::kCtx;
        r.chunks = kChunks;
        ForwardOptions fo;
        fo.threads = 2;
        const CalibResult now = runStreamedAwq(m_fx.model, m_fx.calibTokens, chunkBosToken(*m_fx.model), r, fo);
        const CalibResult old = runCalibration(*m_fx.weights, m_fx.calib, r);
        QCOMPARE(now.label, std::string("AWQ Q4_K"));
        QCOMPARE(now.label, old.label);
        QCOMPARE(now.notes, old.notes);
        QVERIFY(now.values == old.values);
        QVERIFY(now.exportValues == old.exportValues);
        QVERIFY(now.exportable() && now.coupled());
        r.method = "gptq";
        QVERIFY_THROWS_EXCEPTION(Error, runStreamedAwq(m_fx.model, m_fx.calibTokens, std::nullopt, r, fo));
    }

    void noClipChangesOnlyClippedLayers()
    {
        const AwqResult clip = awqStreamed(m_fx.model, m_fx.calibTokens, options(true));
        const AwqResult plain = awqStreamed(m_fx.model, m_fx.calibTokens, options(false));
        // The scales come before clipping: q and k, which AWQ never clips, are the same.
        QCOMPARE(plain.tensors.at("blk.3.attn_q.weight"), clip.tensors.at("blk.3.attn_q.weight"));
        QCOMPARE(plain.tensors.at("blk.3.attn_k.weight"), clip.tensors.at("blk.3.attn_k.weight"));
        QVERIFY(plain.tensors.at("blk.3.ffn_down.weight") != clip.tensors.at("blk.3.ffn_down.weight"));
        for (size_t g = 0; g < clip.groups.size(); ++g) {
            QCOMPARE(plain.groups[g].alpha, clip.groups[g].alpha);
            QVERIFY(clip.groups[g].lossClip <= plain.groups[g].lossClip * (1.0 + 1e-9)); // r = 1 is a candidate
        }
    }

    void memoryPredictionBudgetAndCancel()
    {
        const AwqStreamMemory m = awqStreamMemory(*m_fx.model, kChunks * CalibFixture::kCtx, options());
        // stories260K: dim 64, 4 KV heads of 8 (k, v: 32 rows), ff 172, 5 blocks.
        const uint64_t linear = 64 * 64 * 2 + 32 * 64 * 2 + 172 * 64 * 3, block = linear + 2 * 64;
        QCOMPARE(m.hessians, uint64_t(8 * (6 * 64 * 64 + 172 * 172)));
        QCOMPARE(m.working, 4 * (2 * block + 4 * 172 * 64));
        QCOMPARE(m.result, 5 * 2 * 4 * linear);
        QVERIFY(m.engine > 0 && m.peak() == m.hessians + m.working + m.result + m.engine);
        AwqStreamOptions tight = options();
        tight.engine.memoryBudgetBytes = m.peak() / 2;
        try {
            awqStreamed(m_fx.model, m_fx.calibTokens, tight);
            QFAIL("a budget of half the prediction was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::OverBudget);
            QVERIFY2(std::string(e.what()).find("Hessians") != std::string::npos, e.what());
        }
        int calls = 0;
        try {
            awqStreamed(m_fx.model, m_fx.calibTokens, options(), [&](double) { return ++calls < 3; });
            QFAIL("a cancelled run finished");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        QCOMPARE(calls, 3);
    }
};

QX_TEST_APPLESS_MAIN(TestAwqStream)
#include "tst_awq_stream.moc"
