// Perplexity and KL-divergence on a random tiny model, checked against sums computed here from the
// scalar reference forward; the base-logits file format against llama.cpp's kld-base-ctx128.bin.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/tiny_llama.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "model/llama_forward.h"

#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

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

// Expected mean NLL and NLL² over the scored halves, from the reference forward.
std::pair<double, double> referenceSums(const LlamaWeights& w, const std::vector<int32_t>& tokens, int nCtx,
                                        int nChunk, int32_t bos, int64_t& count)
{
    double nll = 0, nll2 = 0;
    count = 0;
    for (int c = 0; c < nChunk; ++c) {
        std::vector<int32_t> chunk(tokens.begin() + c * nCtx, tokens.begin() + (c + 1) * nCtx);
        chunk[0] = bos;
        const auto logits = llamaForwardRef(w, chunk);
        for (int j = nCtx / 2; j < nCtx - 1; ++j) {
            const float* row = logits.data() + j * 40;
            double sum = 0, maxV = row[0];
            for (int i = 0; i < 40; ++i)
                maxV = std::max(maxV, double(row[i]));
            for (int i = 0; i < 40; ++i)
                sum += std::exp(double(row[i]) - maxV);
            const double v = maxV + std::log(sum) - row[tokens[size_t(c * nCtx + j + 1)]];
            nll += v, nll2 += v * v, ++count;
        }
    }
    return {nll, nll2};
}

const std::vector<int32_t> kReferenceFirstTokens = {
    1,   301, 427, 309, 426, 301, 427, 309, 394, 265, 262, 415, 271, 422, 280, 295, 269, 336, 432, 313, 448, 327,
    432, 410, 462, 362, 422, 432, 364, 420, 280, 295, 410, 293, 384, 268, 325, 428, 415, 413, 269, 280, 305, 303,
    443, 436, 410, 462, 362, 422, 262, 423, 290, 266, 269, 410, 276, 427, 421, 417, 266, 432, 313, 434};

// The label of every non-empty line ("Mean    KLD", "99.0%   Δp", section headers).
std::vector<std::string> reportLabels(const std::string& text)
{
    std::vector<std::string> labels;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            labels.push_back(line.substr(0, line.find(':')));
    return labels;
}

} // namespace

class TestPerplexity : public QObject {
    Q_OBJECT
private slots:
    void matchesReferenceSums()
    {
        auto w = qx::test::build(qx::test::makeTiny("llama", false, 21));
        const auto tokens = randomTokens(16 * 5 + 7, 4);
        LlamaForward fwd(w, {2, true});
        PerplexityOptions opt;
        opt.nCtx = 16;
        opt.maxChunks = 4;
        opt.bosToken = 1;
        opt.batchTokens = 32; // two chunks per pass
        int calls = 0, steps = 0;   // every call, and the calls that moved the fraction
        double last = 0;
        bool increasing = true;
        std::vector<std::pair<int64_t, double>> chunkFigures;   // (chunk, running PPL) as each chunk is scored
        opt.onChunk = [&](int64_t chunk, double ppl) {
            QVERIFY(steps >= 8);                                // the head runs after every block stage
            chunkFigures.emplace_back(chunk, ppl);
        };
        const PerplexityResult r = computePerplexity(fwd, tokens, opt, [&](double f) {
            increasing = increasing && f >= last;   // stage loads and projections poll with the same fraction
            steps += f > last ? 1 : 0;
            last = f;
            return ++calls > 0;
        });
        QVERIFY(increasing);
        // Streamed: 2 blocks × (attention, feed-forward) × 2 sub-batches of two chunks, then 2 head groups.
        QCOMPARE(steps, 10);
        QVERIFY(calls > steps);
        QCOMPARE(last, 1.0);
        QCOMPARE(chunkFigures.size(), size_t(4));
        for (size_t i = 0; i < chunkFigures.size(); ++i) {
            QCOMPARE(chunkFigures[i].first, int64_t(i + 1));
            QCOMPARE(chunkFigures[i].second, r.runningPpl[i]);
        }
        QCOMPARE(r.nChunk, int64_t(4));
        QCOMPARE(r.count, int64_t(4 * 7));
        QCOMPARE(r.runningPpl.size(), size_t(4));
        int64_t count = 0;
        const auto [nll, nll2] = referenceSums(*w, tokens, 16, 4, 1, count);
        const double ppl = std::exp(nll / double(count));
        const double unc = std::sqrt((nll2 / double(count) - (nll / double(count)) * (nll / double(count))) / double(count - 1)) * ppl;
        QVERIFY(std::fabs(r.ppl / ppl - 1) < 1e-5);
        QVERIFY(std::fabs(r.uncertainty / unc - 1) < 1e-4);
        QCOMPARE(r.runningPpl.back(), r.ppl);
        char expect[128];
        std::snprintf(expect, sizeof(expect), "Final estimate: PPL = %.4f +/- %.5f", r.ppl, r.uncertainty);
        QCOMPARE(formatFinalEstimate(r), std::string(expect));
    }

    void chunksPerPassCapsLogitMemory()
    {
        QCOMPARE(chunksPerPass(2048, 512, 32000), int64_t(4));
        QCOMPARE(chunksPerPass(2048, 128, 512), int64_t(16));
        QCOMPARE(chunksPerPass(2048, 512, 152064), int64_t(1)); // 256 rows × 152k vocab ≈ 156 MB a chunk
        QCOMPARE(chunksPerPass(100, 512, 40), int64_t(1));
    }

    void shortTextAndCancel()
    {
        auto w = qx::test::build(qx::test::makeTiny("llama", false, 21));
        LlamaForward fwd(w);
        PerplexityOptions opt;
        opt.nCtx = 16;
        try {
            computePerplexity(fwd, randomTokens(31, 1), opt);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QCOMPARE(e.detail(), std::string("you need at least 32 tokens to evaluate perplexity with a context of 16; "
                                             "the data file you provided tokenizes to only 31 tokens"));
        }
        try {
            computePerplexity(fwd, randomTokens(64, 1), opt, [](double) { return false; });
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        // A cancelled run leaves no base-logits file, not even the .partial one it was writing.
        const std::string base = qx::test::scratchDir("tst_perplexity") + "/cancelled.bin";
        opt.batchTokens = 16;
        QVERIFY_THROWS_EXCEPTION(Error, computePerplexity(fwd, randomTokens(64, 1), opt,
                                                          [](double f) { return f < 0.5; }, base));
        QVERIFY(!std::filesystem::exists(base));
        QVERIFY(!std::filesystem::exists(base + ".partial"));
    }

    void kldAgainstItselfAndAPlan()
    {
        auto w = qx::test::build(qx::test::makeTiny("llama", false, 33));
        const auto tokens = randomTokens(32 * 8, 5);
        const std::string path = qx::test::scratchDir("tst_perplexity") + "/base.bin";
        PerplexityOptions opt;
        opt.nCtx = 32;
        opt.bosToken = 1;
        LlamaForward fwd(w);
        const PerplexityResult base = computePerplexity(fwd, tokens, opt, {}, path);
        QCOMPARE(int64_t(std::filesystem::file_size(path)), 20 + 8 * 32 * 4 + 8 * 15 * 44 * 2);
        KldBaseReader reader(path);
        QCOMPARE(reader.header().nCtx, int64_t(32));
        QCOMPARE(reader.header().nVocab, int64_t(40));
        QCOMPARE(reader.header().nChunk, int64_t(8));
        QCOMPARE(reader.header().tokens, tokens);
        KldOptions kopt;
        kopt.bosToken = 1;
        const KldResult self = computeKld(fwd, reader, kopt);
        QCOMPARE(self.count, int64_t(8 * 15));
        QVERIFY(std::fabs(self.pplBase / base.ppl - 1) < 1e-4);
        QVERIFY(std::fabs(self.pplQ / base.ppl - 1) < 1e-6);
        QVERIFY(std::fabs(self.kldMean) < 1e-6);
        QVERIFY(std::fabs(self.lnPplRatio) < 1e-4);
        QCOMPARE(self.sameTop, 1.0);
        QVERIFY(self.rmsDp < 1e-4);
        QVERIFY(self.corLnPpl > 0.9999);
        const std::string report = formatKldReport(self);
        QVERIFY(report.find("====== KL divergence statistics ======") != std::string::npos);
        QCOMPARE(reportLabels(report).size(), size_t(35));
        if (const std::string ref = qx::test::sharedPath("reference/synth-d256/kld-pure-Q4_K.txt");
            std::filesystem::exists(ref)) {
            std::ifstream in(ref);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            QCOMPARE(reportLabels(report), reportLabels(text)); // llama.cpp's lines, in its order
        }

        auto plan = std::make_shared<LlamaWeights>(*w);
        std::vector<float> v(plan->tensor("blk.0.ffn_up.weight").data, plan->tensor("blk.0.ffn_up.weight").data + 48 * 32);
        for (float& x : v)
            x = std::round(x * 4) / 4; // a coarse fake quantization
        plan->substitute("blk.0.ffn_up.weight", v);
        LlamaForward planFwd(plan);
        KldBaseReader again(path);
        std::string streamed = formatKldChunkHeader();   // the table line by line, as each chunk is scored
        kopt.onChunk = [&](int64_t chunk, const KldChunkLine& line) { streamed += formatKldChunkLine(chunk, line); };
        const KldResult q = computeKld(planFwd, again, kopt);
        QCOMPARE(streamed, formatKldChunkTable(q));
        QVERIFY(q.kldMean > 1e-4);
        QVERIFY(q.kldMin >= -1e-6f && q.kldMin <= q.kld1 && q.kld1 <= q.kldMedian && q.kldMedian <= q.kld99
                && q.kld99 <= q.kldMax);
        QVERIFY(q.dpMin <= q.dpMedian && q.dpMedian <= q.dpMax);
        QCOMPARE(q.chunks.size(), size_t(8));
    }

    void hostileBaseFiles()
    {
        const std::string dir = qx::test::scratchDir("tst_perplexity");
        {
            std::ofstream(dir + "/bad.bin", std::ios::binary) << "_logitz_xxxxxxxxxxxx";
        }
        QVERIFY_THROWS_EXCEPTION(Error, KldBaseReader(dir + "/bad.bin"));
        {
            std::ofstream out(dir + "/short.bin", std::ios::binary);
            const int32_t fields[3] = {128, 512, 40};
            out.write("_logits_", 8);
            out.write(reinterpret_cast<const char*>(fields), 12);
        }
        try {
            KldBaseReader r(dir + "/short.bin");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Truncated);
        }
    }

    void readsLlamaCppBaseFile()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/kld-base-ctx128.bin");
        KldBaseReader reader(path);
        QCOMPARE(reader.header().nCtx, int64_t(128));
        QCOMPARE(reader.header().nVocab, int64_t(512));
        QCOMPARE(reader.header().nChunk, int64_t(40));
        const auto& t = reader.header().tokens;
        QCOMPARE(std::vector<int32_t>(t.begin(), t.begin() + 64), kReferenceFirstTokens);
        std::vector<uint16_t> records;
        for (int i = 0; i < 40; ++i)
            reader.readChunk(records);
        QCOMPARE(records.size(), size_t(63 * 516));
        QVERIFY_THROWS_EXCEPTION(Error, reader.readChunk(records));
    }
};

QX_TEST_APPLESS_MAIN(TestPerplexity)
#include "tst_perplexity.moc"
