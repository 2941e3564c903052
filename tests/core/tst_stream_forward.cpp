// The streamed forward pass on small synthetic models: decoding from a file equals the resident weights
// bit for bit, spilled activations equal in-memory ones, sub-batching only changes rounding, the memory
// budget refuses up front, absurd headers are refused before anything is sized, and the real-model details
// (rope_freqs, a head size other than dim/heads, tied embeddings, GQA, a 128k vocabulary) agree with the
// scalar twin llamaForwardRef.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/tiny_llama.h"
#include "eval/perplexity.h"
#include "io/gguf_writer.h"
#include "model/activation_store.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "common/parallel_for.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>

using namespace qx;

namespace {

std::vector<int32_t> randomTokens(size_t n, int64_t vocab, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<int32_t> t(n);
    for (auto& id : t)
        id = int32_t(rng() % uint32_t(vocab));
    return t;
}

double maxRelativeError(const std::vector<float>& a, const std::vector<float>& b)
{
    double worst = 0, scale = 1e-6;
    for (float v : b)
        scale = std::max(scale, double(std::fabs(v)));
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::fabs(double(a[i]) - double(b[i])) / scale);
    return worst;
}

bool bitEqual(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

std::vector<KeyValue> tinyMetadata(const ModelSpec& s)
{
    const auto u32 = [](int64_t v) { return GgufValue::u32(uint32_t(v)); };
    std::vector<KeyValue> md = {
        {"general.architecture", GgufValue::string(s.architecture)},
        {"llama.embedding_length", u32(s.embeddingLength)},
        {"llama.block_count", u32(s.blockCount)},
        {"llama.feed_forward_length", u32(s.feedForwardLength)},
        {"llama.attention.head_count", u32(s.headCount)},
        {"llama.attention.head_count_kv", u32(s.headCountKv)},
        {"llama.attention.layer_norm_rms_epsilon", GgufValue::f32(float(s.rmsNormEps))},
    };
    if (s.keyLength > 0) {
        md.push_back({"llama.attention.key_length", u32(s.keyLength)});
        md.push_back({"llama.attention.value_length", u32(s.keyLength)});
    }
    return md;
}

/// Writes a tiny model as GGUF: matrices in `type` (the resident reference then reads the same bytes).
std::string writeTiny(const test::TinyModel& m, TensorType type, const std::string& name)
{
    const std::string path = test::scratchDir("tst_stream_forward") + "/" + name + ".gguf";
    std::vector<GgufTensorToWrite> tensors;
    for (const auto& [tensorName, values] : m.tensors) {
        const std::vector<int64_t>& ne = m.shapes.at(tensorName);
        const TensorTypeInfo* info = tensorTypeInfo(type);
        const bool fits = ne.size() > 1 && info && ne[0] % int64_t(info->blockSize) == 0;
        const TensorType t = fits ? type : ne.size() > 1 ? TensorType::F16 : TensorType::F32;
        const auto* v = &values;
        tensors.push_back({tensorName, ne, t, [v, t, ne](std::span<std::byte> dst) {
                               quantizeRows(t, *v, ne[0], dst, {});
                           }});
    }
    writeGguf(path, tinyMetadata(m.spec), tensors);
    return path;
}

class Collect final : public LogitSink {
public:
    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        groups.push_back({firstSeq, nSeq});
        values.insert(values.end(), logits.begin(), logits.end());
    }
    std::vector<std::pair<int64_t, int64_t>> groups;
    std::vector<float> values;
};

/// The model with a head size of 12 (≠ 32 / 4): Q 48 wide, K/V 24 wide, attn_output 48 → 32.
test::TinyModel wideHeads()
{
    test::TinyModel m = test::makeTiny("llama", false, 5);
    m.spec.keyLength = m.spec.valueLength = 12;
    m.spec.ropeDimensionCount = 12;
    std::mt19937 rng(77);
    std::normal_distribution<float> gauss(0.0f, 0.3f);
    const auto fill = [&](const std::string& name, std::vector<int64_t> ne) {
        std::vector<float> v(size_t(ne[0] * ne[1]));
        for (float& x : v)
            x = gauss(rng);
        m.tensors[name] = std::move(v);
        m.shapes[name] = std::move(ne);
    };
    for (int l = 0; l < 2; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        fill(p + "attn_q.weight", {32, 48});
        fill(p + "attn_k.weight", {32, 24});
        fill(p + "attn_v.weight", {32, 24});
        fill(p + "attn_output.weight", {48, 32});
    }
    return m;
}

} // namespace

class TestStreamForward : public QObject {
    Q_OBJECT
private slots:
    void fileStreamEqualsResident_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("F32 (in place)") << int(TensorType::F32);
        QTest::newRow("F16 (decoded)") << int(TensorType::F16);
        QTest::newRow("Q8_0 (decoded)") << int(TensorType::Q8_0);
    }
    void fileStreamEqualsResident()
    {
        QFETCH(int, type);
        const test::TinyModel m = test::makeTiny("llama", false, 3);
        const auto model = openModel(writeTiny(m, TensorType(type), "tiny-" + std::to_string(type)));
        const auto tokens = randomTokens(3 * 16, 40, 9);
        LlamaForward streamed(std::make_shared<MappedWeights>(model, 2), {2, true});
        LlamaForward resident(LlamaWeights::fromModel(model), {2, true});
        const auto a = streamed.forward(tokens, 16, 4), b = resident.forward(tokens, 16, 4);
        QCOMPARE(a.size(), size_t(3 * 12 * 40));
        QVERIFY(bitEqual(a, b));
    }

    void spilledActivationsEqualInMemory()
    {
        const auto w = test::build(test::makeTiny("llama", false, 4));
        ForwardOptions o{2, true};
        o.scratchDir = test::scratchDir("tst_stream_forward");
        LlamaForward fwd(w, o);
        const auto tokens = randomTokens(4 * 16, 40, 2);
        const StreamLayout layout{16, 8, 2, 3};
        Collect memory, spilled;
        fwd.run(tokens, layout, memory);
        ActivationStore x = fwd.embed(tokens, layout, true);
        QVERIFY(x.spilled());
        fwd.runBlocks(x, layout, 0, 2);
        fwd.runHead(x, layout, spilled);
        QVERIFY(bitEqual(memory.values, spilled.values));
        // Head groups of 3 sequences: [0, 3) then [3, 4).
        QCOMPARE(memory.groups, (std::vector<std::pair<int64_t, int64_t>>{{0, 3}, {3, 1}}));
    }

    void resumeFromAStoredBlockInput()
    {
        const auto w = test::build(test::makeTiny("qwen2", false, 6));
        LlamaForward fwd(w, {2, true});
        const auto tokens = randomTokens(2 * 12, 40, 3);
        const StreamLayout layout{12, 0, 2, 2};
        std::vector<int64_t> seen;
        fwd.setBlockHook([&](int64_t layer, ActivationStore&) { seen.push_back(layer); });
        ActivationStore whole = fwd.embed(tokens, layout), split = fwd.embed(tokens, layout);
        fwd.runBlocks(whole, layout, 0, 2);
        fwd.runBlocks(split, layout, 0, 1);
        fwd.runBlocks(split, layout, 1, 2);
        QCOMPARE(seen, (std::vector<int64_t>{0, 1, 0, 1}));
        QVERIFY(std::memcmp(whole.row(0), split.row(0), whole.bytes()) == 0);
    }

    void subBatchesChangeOnlyRounding()
    {
        const auto w = test::build(test::makeTiny("llama", true, 8));
        LlamaForward fwd(w, {2, true});
        const auto tokens = randomTokens(5 * 16, 40, 5);
        Collect one, all;
        fwd.run(tokens, {16, 8, 1, 1}, one);
        fwd.run(tokens, {16, 8, 5, 5}, all);
        QCOMPARE(one.values.size(), all.values.size());
        QVERIFY(maxRelativeError(one.values, all.values) < 1e-5);
    }

    void overBudgetSaysWhatToLower()
    {
        const auto w = test::build(test::makeTiny("llama", false, 1));
        ForwardOptions o;
        o.memoryBudgetBytes = 1 << 20; // the process alone holds more
        LlamaForward fwd(w, o);
        const auto tokens = randomTokens(32, 40, 1);
        try {
            fwd.forward(tokens, 16, 8);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::OverBudget);
            const std::string text = e.what();
            QVERIFY2(text.find("needs about") != std::string::npos, e.what());
            QVERIFY2(text.find("--mem-budget") != std::string::npos, e.what());
        }
        // 2^20 tokens of 32 floats do not fit 1 MB: the prediction spills them, one sub-batch stays resident.
        const StreamMemory m = fwd.estimateMemory(1 << 20, {512, 256, 4, 4});
        QVERIFY(m.spilled());
        QCOMPARE(m.spillBytes, uint64_t(1 << 20) * 32 * 4);
        QCOMPARE(m.activations, uint64_t(4 * 512) * 32 * 4);
        QVERIFY(m.peak() > m.process);
    }

    void absurdHeadersAreRefusedBeforeSizing()
    {
        ModelSpec s = test::makeTiny("llama", false, 1).spec;
        s.blockCount = int64_t{1} << 32;
        try {
            llamaConfigFromSpec(s);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Invalid);
            QVERIFY2(std::string(e.what()).find("block count of 4294967296") != std::string::npos, e.what());
        }
        s.blockCount = 513; // llama.cpp refuses more than 512 layers
        QVERIFY_THROWS_EXCEPTION(Error, llamaConfigFromSpec(s));
        s.blockCount = 2;
        s.embeddingLength = int64_t{1} << 40;
        QVERIFY_THROWS_EXCEPTION(Error, llamaConfigFromSpec(s));
        s.embeddingLength = 32;
        s.vocabSize = int64_t{1} << 40;
        QVERIFY_THROWS_EXCEPTION(Error, llamaConfigFromSpec(s));
        s.vocabSize = 40;
        s.keyLength = 8, s.valueLength = 16;
        QVERIFY_THROWS_EXCEPTION(Error, llamaConfigFromSpec(s));
    }

    void absurdLayerCountInAFile()
    {
        test::TinyModel m = test::makeTiny("llama", false, 2);
        m.spec.blockCount = int64_t{4000000000};
        // refused when the file is opened (the header's limits), before any weight is looked at
        const std::string path = writeTiny(m, TensorType::F32, "layers-4e9");
        try {
            const auto model = openModel(path);
            MappedWeights w(model);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.file(), path);
            const std::string what = e.what();
            QVERIFY2(what.find("4000000000") != std::string::npos && what.find("512") != std::string::npos,
                     e.what());
        }
    }

    void threadsAreCapped()
    {
        QCOMPARE(resolveThreadCount(100000), hardwareThreads());
        QCOMPARE(resolveThreadCount(0), hardwareThreads());
        const auto w = test::build(test::makeTiny("llama", false, 12));
        const auto tokens = randomTokens(32, 40, 12);
        LlamaForward many(w, {100000, true}), usual(w, {hardwareThreads(), true});
        QVERIFY(bitEqual(many.forward(tokens, 16, 8), usual.forward(tokens, 16, 8)));
    }

    void ropeFreqsMatchTheScalarTwin()
    {
        test::TinyModel m = test::makeTiny("llama", false, 13);
        const auto plain = test::build(m);
        m.tensors["rope_freqs.weight"] = {1.0f, 1.5f, 2.0f, 3.0f}; // nRot / 2 = 4 divisors
        m.shapes["rope_freqs.weight"] = {4};
        const auto scaled = test::build(m);
        QVERIFY(scaled->ropeFreqs());
        const auto tokens = randomTokens(24, 40, 13);
        const auto fast = LlamaForward(scaled, {2, true}).forward(tokens, 24);
        QVERIFY(maxRelativeError(fast, llamaForwardRef(*scaled, tokens)) < 1e-4);
        QVERIFY(maxRelativeError(fast, llamaForwardRef(*plain, tokens)) > 1e-3); // the factors matter
        m.tensors["rope_freqs.weight"] = {1.0f, 2.0f};
        m.shapes["rope_freqs.weight"] = {2};
        QVERIFY_THROWS_EXCEPTION(Error, test::build(m)); // wrong count, named
    }

    void headSizeOtherThanDimOverHeads()
    {
        const test::TinyModel m = wideHeads();
        const auto w = test::build(m);
        QCOMPARE(w->config().headDim, int64_t(12));
        QCOMPARE(w->config().qDim(), int64_t(48));
        const auto tokens = randomTokens(16, 40, 14);
        const auto fast = LlamaForward(w, {2, true}).forward(tokens, 16);
        QVERIFY(maxRelativeError(fast, llamaForwardRef(*w, tokens)) < 1e-4);
        const auto model = openModel(writeTiny(m, TensorType::F32, "head12"));
        QCOMPARE(model->spec.keyLength, int64_t(12));
        const auto streamed = LlamaForward(std::make_shared<MappedWeights>(model), {2, true}).forward(tokens, 16);
        QVERIFY(bitEqual(fast, streamed));
    }

    void tiedEmbeddingsFromAFile()
    {
        const test::TinyModel m = test::makeTiny("llama", true, 15);
        const auto model = openModel(writeTiny(m, TensorType::F16, "tied"));
        const auto w = std::make_shared<MappedWeights>(model);
        QCOMPARE(w->shape("output.weight").rows, int64_t(0));
        const auto tokens = randomTokens(16, 40, 15);
        const auto streamed = LlamaForward(w, {2, true}).forward(tokens, 16);
        const auto ref = llamaForwardRef(*LlamaWeights::fromModel(model), tokens);
        QVERIFY(maxRelativeError(streamed, ref) < 1e-4);
    }

    void largeVocabularyScoredInHeadGroups()
    {
        // A 2^17-token vocabulary (Llama 3 has 128256): perplexity from the streamed engine, whose head runs
        // in groups whose logits stay under 256 MiB, against the scalar twin's full logits.
        test::TinyModel m = test::makeTiny("llama", false, 16);
        const int64_t vocab = int64_t{1} << 17;
        std::mt19937 rng(16);
        std::normal_distribution<float> gauss(0.0f, 1.0f);
        for (const char* name : {"token_embd.weight", "output.weight"}) {
            std::vector<float> v(size_t(32 * vocab));
            for (float& x : v)
                x = gauss(rng) * 0.3f;
            m.tensors[name] = std::move(v);
            m.shapes[name] = {32, vocab};
        }
        m.spec.vocabSize = vocab;
        const auto w = test::build(m);
        const int64_t nCtx = 64;
        QCOMPARE(chunksPerPass(2048, nCtx, vocab), int64_t(16)); // 32 rows · 2^17 · 4 B = 16 MiB per chunk
        QCOMPARE(chunksPerPass(2048, 2048, vocab), int64_t(1));
        const auto tokens = randomTokens(size_t(3 * nCtx), vocab, 16);
        LlamaForward fwd(w, {2, true});
        PerplexityOptions po;
        po.nCtx = nCtx;
        const PerplexityResult r = computePerplexity(fwd, tokens, po);
        double nll = 0;
        int64_t count = 0;
        for (int64_t c = 0; c < 3; ++c) {
            const std::vector<int32_t> chunk(tokens.begin() + c * nCtx, tokens.begin() + (c + 1) * nCtx);
            const auto logits = llamaForwardRef(*w, chunk);
            for (int64_t j = nCtx / 2; j < nCtx - 1; ++j, ++count)
                nll += tokenNll(std::span<const float>(logits.data() + j * vocab, size_t(vocab)),
                                tokens[size_t(c * nCtx + j + 1)]);
        }
        QCOMPARE(r.count, count);
        QVERIFY2(std::fabs(r.ppl / std::exp(nll / double(count)) - 1.0) < 1e-5, qPrintable(QString::number(r.ppl)));
    }

    void spillFolderErrorsNameTheFolder()
    {
        try {
            ActivationStore x(16, 32, "/nonexistent-folder-of-qexplore");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
            QCOMPARE(e.file(), std::string("/nonexistent-folder-of-qexplore"));
        }
    }

    void cancelStopsBetweenSubBatches()
    {
        const auto w = test::build(test::makeTiny("llama", false, 17));
        LlamaForward fwd(w, {2, true});
        const auto tokens = randomTokens(4 * 16, 40, 17);
        Collect sink;
        int calls = 0;
        try {
            fwd.run(tokens, {16, 8, 1, 1}, sink, [&](double) { return ++calls < 3; });
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        QCOMPARE(calls, 3);
        QVERIFY(sink.values.empty());
    }

    void cancelStopsInsideAStage()
    {
        // Stage loads and projections poll: a Cancel during the first stage stops it before it ends (the
        // first sub-batch check, at the end of a stage, would report a fraction above 0).
        const auto w = test::build(test::makeTiny("llama", false, 17));
        LlamaForward fwd(w, {2, true});
        const auto tokens = randomTokens(4 * 16, 40, 17);
        Collect sink;
        std::vector<double> fractions;
        try {
            fwd.run(tokens, {16, 8, 4, 4}, sink, [&](double f) {
                fractions.push_back(f);
                return fractions.size() < 4;
            });
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        QCOMPARE(fractions, (std::vector<double>{0, 0, 0, 0}));
        QVERIFY(sink.values.empty());
    }

    void slicedProjectionsChangeOnlyRounding()
    {
        // A slice cost below one row's makes every projection run in 64-row slices with a check between
        // them: the logits agree to rounding, and the checks come at least once per slice.
        const auto w = test::build(test::makeTiny("llama", true, 8));
        const auto tokens = randomTokens(8 * 16, 40, 5);
        const auto run = [&](double sliceMacs, int& polls) {
            ForwardOptions o{2, true};
            o.pollSliceMacs = sliceMacs;
            LlamaForward fwd(w, o);
            Collect sink;
            fwd.run(tokens, {16, 8, 8, 8}, sink, [&](double) { return ++polls > 0; });
            return sink.values;
        };
        int wholePolls = 0, slicedPolls = 0;
        const std::vector<float> whole = run(4e9, wholePolls), sliced = run(1, slicedPolls);
        QCOMPARE(sliced.size(), whole.size());
        QVERIFY(maxRelativeError(sliced, whole) < 1e-5);
        // 128 rows = two slices per projection: one more check for each of the 7 projections of a block
        QVERIFY2(slicedPolls >= wholePolls + 7 * int(w->config().nLayer), qPrintable(QString::number(slicedPolls)));
    }
};

QX_TEST_APPLESS_MAIN(TestStreamForward)
#include "tst_stream_forward.moc"
