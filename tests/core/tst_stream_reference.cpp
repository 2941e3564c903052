// The streamed engine against the whole-model evaluation it replaced, on every model in ../shared: the
// earlier algorithm (whole model resident, one forward pass per batch of chunks through every block,
// logits scored batch by batch; one pass per chunk for imatrix) is replayed here on resident weights, and
// the streamed runs from the memory-mapped files must give the same numbers bit for bit — the sub-batches
// are the same, so the operation order is unchanged.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/text_file.h"
#include "eval/imatrix_collector.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "eval/plan_eval.h"
#include "io/synth_model.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"
#include "plan/presets.h"
#include "plan/sensitivity.h"
#include "quant/dequantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

using namespace qx;

namespace {

constexpr int64_t kCtx = 128, kChunks = 6, kBatch = 256; // two chunks per sub-batch, three sub-batches

/// The whole-model algorithm: one forward pass per batch of chunks, NLL summed batch by batch.
PerplexityResult wholeModelPerplexity(LlamaForward& fwd, const std::vector<int32_t>& tokens, std::optional<int32_t> bos)
{
    const int64_t nSeq = chunksPerPass(kBatch, kCtx, fwd.config().nVocab), nVocab = fwd.config().nVocab;
    PerplexityResult r;
    double nll = 0, nll2 = 0;
    for (int64_t c = 0; c < kChunks; c += nSeq) {
        const int64_t n = std::min(nSeq, kChunks - c);
        const std::vector<int32_t> batch =
            chunkTokens(std::span(tokens).subspan(size_t(c * kCtx)), kCtx, n, bos);
        const std::vector<float> logits = fwd.forward(batch, kCtx, kCtx / 2);
        for (int64_t s = 0; s < n; ++s)
            for (int64_t j = 0; j < kCtx - 1 - kCtx / 2; ++j) {
                const float* row = logits.data() + (s * (kCtx - kCtx / 2) + j) * nVocab;
                const double v = tokenNll(std::span(row, size_t(nVocab)), tokens[size_t((c + s) * kCtx + kCtx / 2 + 1 + j)]);
                nll += v, nll2 += v * v, ++r.count;
            }
    }
    r.ppl = std::exp(nll / double(r.count));
    return r;
}

std::vector<std::string> sharedModels()
{
    std::vector<std::string> paths = {"models/stories260K.gguf", "models/tinystories-656k",
                                      "models/aidreams260K/aidreams260K.bin"};
    const std::string dir = test::sharedPath("reference/synth-d256");
    if (std::filesystem::exists(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".gguf")
                paths.push_back("reference/synth-d256/" + e.path().filename().string());
    std::sort(paths.begin(), paths.end());
    return paths;
}

bool decodable(const ModelFile& model)
{
    try {
        llamaConfigOf(model);
        return true;
    } catch (const Error&) {
        return false; // e.g. a low-bit type without a decoder: neither engine can run it
    }
}

/// The tokens of the head text, or (llama2.c checkpoints: no tokenizer we read) seeded random ids.
std::vector<int32_t> someTokens(const std::string& path, const ModelFile& file, size_t count)
{
    std::vector<int32_t> tokens;
    try {
        const std::string textPath = test::sharedPath("text/tinystories-valid-head.txt");
        tokens = openTokenizer(path).encode(readTextFile(textPath).substr(0, 40000), true);
    } catch (const Error&) {
        std::mt19937 rng(7);
        tokens.resize(count);
        for (int32_t& t : tokens)
            t = int32_t(rng() % uint32_t(llamaConfigOf(file).nVocab));
    }
    tokens.resize(std::min(tokens.size(), count));
    return tokens;
}

/// Enable-one (or disable-one) KLD of `names` the way sensitivity measured it before the streamed engine:
/// the whole model resident, round trips substituted, every sequence through every block at once.
std::vector<double> wholeModelSensitivity(const std::shared_ptr<const ModelFile>& file, const std::vector<int32_t>& tokens,
                                          int64_t seqLen, TensorType type, const std::vector<std::string>& names, bool disable)
{
    auto w = std::make_shared<LlamaWeights>(*LlamaWeights::fromModel(file));
    const std::vector<float> base = LlamaForward(w).forward(tokens, seqLen, seqLen / 2);
    const auto quantized = [&](const std::string& n) { return roundTripTensor(*file->findTensor(n), type, {}); };
    const auto original = [&](const std::string& n) { return dequantizeTensor(*file->findTensor(n)); };
    if (disable)
        for (const std::string& n : names)
            w->substitute(n, quantized(n));
    std::vector<double> out;
    for (const std::string& n : names) {
        w->substitute(n, disable ? original(n) : quantized(n));
        out.push_back(meanKld(base, LlamaForward(w).forward(tokens, seqLen, seqLen / 2), w->config().nVocab));
        w->substitute(n, disable ? quantized(n) : original(n));
    }
    return out;
}

} // namespace

class TestStreamReference : public QObject {
    Q_OBJECT
private slots:
    void perplexityEqualsWholeModelPass_data()
    {
        QTest::addColumn<QString>("model");
        for (const std::string& p : sharedModels())
            QTest::newRow(p.c_str()) << QString::fromStdString(p);
    }
    void perplexityEqualsWholeModelPass()
    {
        QFETCH(QString, model);
        QX_REQUIRE_SHARED(path, model.toStdString());
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto file = openModel(path);
        if (!decodable(*file))
            QSKIP("a tensor type without a decoder");
        std::vector<int32_t> tokens;
        std::optional<int32_t> bos;
        try {
            const Tokenizer tokenizer = openTokenizer(path);
            tokens = tokenizer.encode(readTextFile(textPath).substr(0, 20000), true);
            bos = chunkBosToken(*file, tokenizer);
        } catch (const Error&) { // llama2.c checkpoints come without a tokenizer we read: any ids will do
            std::mt19937 rng(7);
            tokens.resize(size_t(kChunks * kCtx));
            for (int32_t& t : tokens)
                t = int32_t(rng() % uint32_t(llamaConfigOf(*file).nVocab));
        }
        QVERIFY(int64_t(tokens.size()) >= kChunks * kCtx);
        LlamaForward resident(LlamaWeights::fromModel(file), {2, true});
        const PerplexityResult old = wholeModelPerplexity(resident, tokens, bos);
        LlamaForward streamed(std::make_shared<MappedWeights>(file, 2), {2, true});
        PerplexityOptions po;
        po.nCtx = kCtx, po.maxChunks = kChunks, po.batchTokens = kBatch, po.bosToken = bos;
        const PerplexityResult now = computePerplexity(streamed, tokens, po);
        QCOMPARE(now.count, old.count);
        QVERIFY2(now.ppl == old.ppl, qPrintable(QString("%1 vs %2").arg(now.ppl, 0, 'g', 17).arg(old.ppl, 0, 'g', 17)));
    }

    void realModelDetailsMatchLlamaCpp_data()
    {
        // Synthetic models (dim 256, 2 blocks, FFN 768, stories260K's vocabulary) written by writeSynthModel,
        // and what llama-perplexity b4748 printed for them (-c 128 -b 512 --chunks 8, the head text): Llama
        // 3.1 rope frequency factors, a head size other than dim/heads, tied embeddings with 4:1 GQA, and
        // all of them at once. Without its rope_freqs.weight the first model gives 3229.23, so the factors
        // are what is measured. These random models amplify float rounding noise; the engines agree within
        // 0.004 %, the tolerance is 0.01 %.
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("ropeFreqs");
        QTest::addColumn<int>("seed");
        QTest::addColumn<double>("llamaPpl");
        QTest::newRow("rope_freqs") << 4 << 2 << 0 << false << true << 3 << 4405.8456;
        QTest::newRow("key_length 48") << 4 << 2 << 48 << false << false << 4 << 2753.0215;
        QTest::newRow("tied, GQA 4:1") << 4 << 1 << 0 << true << false << 5 << 1744.8968;
        QTest::newRow("all") << 8 << 2 << 64 << true << true << 6 << 4895.9586;
    }
    void realModelDetailsMatchLlamaCpp()
    {
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, headDim);
        QFETCH(bool, tied);
        QFETCH(bool, ropeFreqs);
        QFETCH(int, seed);
        QFETCH(double, llamaPpl);
        QX_REQUIRE_SHARED(vocab, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        SynthOptions o;
        o.dim = 256, o.layers = 2, o.ff = 768, o.heads = heads, o.kvHeads = kvHeads, o.seed = uint64_t(seed);
        o.vocabFrom = vocab, o.headDim = headDim, o.tiedEmbeddings = tied, o.ropeFreqs = ropeFreqs;
        const std::string path = test::scratchDir("tst_stream_reference") + "/synth-" + std::to_string(seed) + ".gguf";
        writeSynthModel(o, path);
        const auto file = openModel(path);
        const auto weights = std::make_shared<MappedWeights>(file);
        QCOMPARE(weights->shape("rope_freqs.weight").rows > 0, ropeFreqs);
        QCOMPARE(weights->shape("output.weight").rows > 0, !tied);
        QCOMPARE(weights->config().headDim, int64_t(headDim ? headDim : 256 / heads));
        const Tokenizer tokenizer = openTokenizer(path);
        const std::vector<int32_t> tokens = tokenizer.encode(readTextFile(textPath).substr(0, 40000), true);
        LlamaForward fwd(weights, {2, true});
        PerplexityOptions po;
        po.nCtx = 128, po.maxChunks = 8, po.bosToken = chunkBosToken(*file, tokenizer);
        const double ppl = computePerplexity(fwd, tokens, po).ppl;
        QVERIFY2(std::fabs(ppl / llamaPpl - 1.0) < 1e-4, qPrintable(QString("%1 vs llama.cpp %2").arg(ppl, 0, 'f', 4).arg(llamaPpl, 0, 'f', 4)));
    }

    void sensitivityEqualsWholeModelPass_data()
    {
        // The three model files, and synth-d256 as F32 and as a quantized file (its types decode first).
        QTest::addColumn<QString>("model");
        for (const char* p : {"models/stories260K.gguf", "models/tinystories-656k", "models/aidreams260K/aidreams260K.bin",
                              "reference/synth-d256/model-f32.gguf", "reference/synth-d256/pure-Q4_K.gguf"})
            QTest::newRow(p) << QString(p);
    }
    void sensitivityEqualsWholeModelPass()
    {
        QFETCH(QString, model);
        QX_REQUIRE_SHARED(path, model.toStdString());
        const auto file = openModel(path);
        if (!decodable(*file))
            QSKIP("a tensor type without a decoder");
        constexpr int64_t kSeq = 32;
        const std::vector<int32_t> tokens = someTokens(path, *file, 4 * kSeq);
        QCOMPARE(tokens.size(), size_t(4 * kSeq));
        for (const SensitivityMode mode : {SensitivityMode::EnableOne, SensitivityMode::DisableOne}) {
            const SensitivityResult now = measureSensitivity(file, tokens, kSeq, TensorType::Q8_0, mode, nullptr, {}, {2});
            std::vector<std::string> names;
            for (const SensitivityEntry& e : now.tensors)
                names.push_back(e.name);
            QVERIFY(names.size() >= 7);
            const std::vector<double> old =
                wholeModelSensitivity(file, tokens, kSeq, TensorType::Q8_0, names, mode == SensitivityMode::DisableOne);
            for (size_t i = 0; i < names.size(); ++i)
                QVERIFY2(now.tensors[i].kld == old[i] && old[i] > 0,
                         qPrintable(QString::fromStdString(names[i]) + QString(": %1 vs %2").arg(now.tensors[i].kld, 0, 'g', 17).arg(old[i], 0, 'g', 17)));
        }
    }

    void sensitivitySpillsBlockInputsBeyondTheBudget()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto file = openModel(path);
        constexpr int64_t kSeq = 64, kTokens = 4096;
        std::vector<int32_t> tokens(kTokens);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = int32_t((i * 37 + 11) % 512);
        const SensitivityResult inMemory =
            measureSensitivity(file, tokens, kSeq, TensorType::Q4_0, SensitivityMode::EnableOneLayer, nullptr, {}, {2});
        // A budget that holds the run but not the 6 block inputs (6.3 MB) and base logits (4.2 MB) beside it.
        LlamaForward probe(std::make_shared<MappedWeights>(file, 2), {2});
        const StreamLayout layout{kSeq, kSeq / 2, kTokens / kSeq, kTokens / kSeq};
        SensitivityEngine engine{2, probe.estimateMemory(kTokens, layout).peak() + 4'000'000,
                                 test::scratchDir("tst_stream_reference") + "/missing/folder"};
        QVERIFY_THROWS_EXCEPTION(Error, measureSensitivity(file, tokens, kSeq, TensorType::Q4_0,
                                                           SensitivityMode::EnableOneLayer, nullptr, {}, engine));
        engine.scratchDir = test::scratchDir("tst_stream_reference");
        const SensitivityResult spilled =
            measureSensitivity(file, tokens, kSeq, TensorType::Q4_0, SensitivityMode::EnableOneLayer, nullptr, {}, engine);
        QCOMPARE(spilled.layers.size(), size_t(5));
        QCOMPARE(spilled.layers, inMemory.layers);
        QCOMPARE(spilled.tensors, inMemory.tensors);
        engine.scratchDir.clear();
        engine.memoryBudgetBytes = 1'000'000;
        QVERIFY_THROWS_EXCEPTION(Error, measureSensitivity(file, tokens, kSeq, TensorType::Q4_0,
                                                           SensitivityMode::EnableOneLayer, nullptr, {}, engine));
    }

    void kldEqualsWholeModelPass()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(basePath, "reference/synth-d256/kld-base-ctx128.bin");
        const auto file = openModel(path);
        KldOptions ko;
        ko.maxChunks = 6;
        ko.bosToken = chunkBosToken(*file);
        LlamaForward resident(LlamaWeights::fromModel(file), {2, true}), streamed(std::make_shared<MappedWeights>(file), {2, true});
        KldBaseReader a(basePath), b(basePath);
        const KldResult old = computeKld(resident, a, ko), now = computeKld(streamed, b, ko);
        QCOMPARE(now.count, int64_t(6 * 63));
        QCOMPARE(now.kldMean, old.kldMean);
        QCOMPARE(now.pplQ, old.pplQ);
        QCOMPARE(now.sameTop, old.sameTop);
        QCOMPARE(now.kld99, old.kld99);
    }

    void imatrixEqualsOnePassPerChunk()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto file = openModel(path);
        const std::vector<int32_t> tokens = openTokenizer(path).encode(readTextFile(textPath).substr(0, 20000), true);
        ImatrixCollector old, now;
        LlamaForward resident(LlamaWeights::fromModel(file), {2, true});
        resident.setActivationHook(old.hook());
        for (int64_t c = 0; c < 5; ++c) // the earlier loop: one whole-model pass per chunk
            resident.forward(chunkTokens(std::span(tokens).subspan(size_t(c * kCtx)), kCtx, 1, 1), kCtx, kCtx - 1);
        LlamaForward streamed(std::make_shared<MappedWeights>(file), {2, true});
        streamed.setActivationHook(now.hook());
        computeImatrix(streamed, tokens, kCtx, 5, 1);
        const auto a = old.stats(), b = now.stats();
        QCOMPARE(b.size(), a.size());
        QCOMPARE(b.size(), size_t(4 * 7));
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].name, a[i].name);
            QCOMPARE(b[i].ncall, 5);
            QVERIFY(std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(float)) == 0);
        }
    }

    void planEvaluationEqualsResidentRoundTrips()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        const auto file = openModel(path);
        const std::vector<int32_t> tokens = openTokenizer(path).encode(readTextFile(textPath).substr(0, 20000), true);
        const Plan plan = planPreset(*file, Preset::Q4_K_M);
        clearPlanEvalCache();
        PlanEvalOptions po;
        po.nCtx = kCtx, po.chunks = 4, po.threads = 2;
        const PlanEvaluation now = evaluatePlan(file, plan, tokens, po);
        // The earlier way: the plan's round trips substituted into a resident copy of the model.
        auto weights = std::make_shared<LlamaWeights>(*LlamaWeights::fromModel(file));
        applyPlan(*weights, *file, plan, nullptr);
        const std::string base = test::scratchDir("tst_stream_reference") + "/base.bin";
        LlamaForward baseline(LlamaWeights::fromModel(file), {2, true});
        PerplexityOptions ppo;
        ppo.nCtx = kCtx, ppo.maxChunks = 4, ppo.bosToken = chunkBosToken(*file);
        const PerplexityResult basePpl = computePerplexity(baseline, tokens, ppo, {}, base);
        LlamaForward planned(weights, {2, true});
        KldBaseReader reader(base);
        KldOptions ko;
        ko.bosToken = chunkBosToken(*file);
        const KldResult old = computeKld(planned, reader, ko);
        QCOMPARE(now.pplBase, basePpl.ppl);
        QCOMPARE(now.kldMean, old.kldMean);
        QCOMPARE(now.ppl, old.pplQ);
        QVERIFY(now.kldMean > 1e-4);
    }
};

QX_TEST_APPLESS_MAIN(TestStreamReference)
#include "tst_stream_reference.moc"
