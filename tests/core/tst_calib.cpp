// GPTQ, AWQ/SmoothQuant folding and LLM.int8 on synthetic layers and the tiny random model.
#include "calib/awq.h"
#include "calib/calib_cache.h"
#include "calib/calib_capture.h"
#include "calib/calib_methods.h"
#include "calib/gptq.h"
#include "calib/int8_matmul.h"
#include "calib/quant_grid.h"
#include "common/error.h"
#include "common/test_main.h"
#include "core/tiny_llama.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <random>

using namespace qx;

namespace {

struct Layer {
    int64_t rows = 48, cols = 128, samples = 1024;
    std::vector<float> w, x;        // w: rows × cols, x: samples × cols
    std::vector<double> h;          // 2/n XᵀX
};

// Correlated inputs with uneven channel scales (what makes GPTQ worthwhile).
Layer makeLayer(uint32_t seed)
{
    Layer L;
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 1.0f);
    L.w.resize(size_t(L.rows * L.cols));
    for (float& v : L.w)
        v = 0.1f * g(rng);
    std::vector<float> mix(size_t(L.cols * 8)), scale(size_t(L.cols));
    for (float& v : mix)
        v = g(rng);
    for (auto& s : scale)
        s = 0.2f + 2.0f * std::fabs(g(rng));
    L.x.resize(size_t(L.samples * L.cols));
    for (int64_t n = 0; n < L.samples; ++n) {
        float z[8];
        for (float& v : z)
            v = g(rng);
        for (int64_t j = 0; j < L.cols; ++j) {
            float v = 0.3f * g(rng);
            for (int k = 0; k < 8; ++k)
                v += mix[size_t(j * 8 + k)] * z[k];
            L.x[size_t(n * L.cols + j)] = v * scale[size_t(j)];
        }
    }
    CalibCapture cap;
    cap.collect("blk.0.attn_q.weight", L.x.data(), L.samples, L.cols);
    L.h = cap.finish().at("blk.0.attn_q.weight").hessian;
    return L;
}

// ||W X − Q X||² over the samples, computed directly.
double outputError(const Layer& L, const std::vector<float>& q)
{
    double sum = 0.0;
    for (int64_t n = 0; n < L.samples; ++n)
        for (int64_t r = 0; r < L.rows; ++r) {
            double d = 0.0;
            for (int64_t j = 0; j < L.cols; ++j)
                d += double(L.w[size_t(r * L.cols + j)] - q[size_t(r * L.cols + j)]) * L.x[size_t(n * L.cols + j)];
            sum += d * d;
        }
    return sum;
}

std::vector<float> roundTrip(TensorType t, const std::vector<float>& w, int64_t cols)
{
    const uint64_t rowBytes = *tensorBytes(t, uint64_t(cols));
    const int64_t rows = int64_t(w.size()) / cols;
    std::vector<std::byte> packed(rowBytes * uint64_t(rows));
    quantizeRowsRef(t, w, cols, packed);
    std::vector<float> out(w.size());
    for (int64_t r = 0; r < rows; ++r)
        dequantizeRow(t, std::span<const std::byte>(packed).subspan(size_t(r) * rowBytes, rowBytes),
                      std::span<float>(out).subspan(size_t(r * cols), size_t(cols)));
    return out;
}

const char* kGrids[] = {"int4-g32", "int4-g128", "int3-g32", "int8-pc", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0"};

// Logits without llama.cpp's F16 KV cache: folding scales into attn_v rows changes what that cache rounds.
std::vector<float> logits(std::shared_ptr<const LlamaWeights> w)
{
    ForwardOptions o;
    o.emulateF16KvCache = false;
    LlamaForward f(std::move(w), o);
    std::vector<int32_t> tokens(24);
    for (size_t i = 0; i < tokens.size(); ++i)
        tokens[i] = int32_t((i * 7 + 3) % 40);
    return f.forward(tokens, 12);
}

double maxRelDiff(const std::vector<float>& a, const std::vector<float>& b)
{
    double m = 0.0, scale = 1e-6;
    for (size_t i = 0; i < a.size(); ++i) {
        m = std::max(m, double(std::fabs(a[i] - b[i])));
        scale = std::max(scale, double(std::fabs(a[i])));
    }
    return m / scale;
}

} // namespace

class TestCalib : public QObject {
    Q_OBJECT
private slots:
    void ggmlGridMatchesQuantizeRows()
    {
        const Layer L = makeLayer(1);
        for (const char* t : {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0"}) {
            const QuantGrid g = parseGrid(t);
            QCOMPARE(fakeQuantGrid(g, L.w, L.cols), roundTrip(g.type, L.w, L.cols));
        }
    }

    void uniformGridMatchesFakeQuantUniform()
    {
        const Layer L = makeLayer(12);
        for (const char* t : {"int4-g32", "int4-g128", "int3-g32", "int8-pc"}) {
            const QuantGrid g = parseGrid(t);
            std::vector<float> ref(L.w.size());
            fakeQuantUniform(L.w, ref, L.cols, g.uniform);
            QCOMPARE(fakeQuantGrid(g, L.w, L.cols), ref);
        }
    }

    void gptqWithIdentityHessianIsRtn()
    {
        const Layer L = makeLayer(2);
        std::vector<double> eye(size_t(L.cols * L.cols), 0.0);
        for (int64_t i = 0; i < L.cols; ++i)
            eye[size_t(i * L.cols + i)] = 1.0;
        for (const char* name : kGrids) {
            GptqOptions o;
            o.grid = parseGrid(name);
            QCOMPARE(gptqQuantize(L.w, L.rows, L.cols, eye, o).weights, fakeQuantGrid(o.grid, L.w, L.cols));
        }
    }

    void gptqBeatsRtnOnOutputError()
    {
        const Layer L = makeLayer(3);
        for (const char* name : kGrids) {
            for (bool actOrder : {false, true}) {
                GptqOptions o;
                o.grid = parseGrid(name);
                o.actOrder = actOrder;
                const GptqResult r = gptqQuantize(L.w, L.rows, L.cols, L.h, o);
                const double eRtn = outputError(L, fakeQuantGrid(o.grid, L.w, L.cols));
                const double eGptq = outputError(L, r.weights);
                qInfo("%s%s: ||WX-QX||^2 RTN %.4g GPTQ %.4g (ratio %.3f)", name, actOrder ? " act-order" : "", eRtn,
                      eGptq, eGptq / eRtn);
                QVERIFY2(eGptq < 0.7 * eRtn, name);
                QVERIFY(std::fabs(r.lossGptq / eGptq * double(L.samples) / 2.0 - 1.0) < 1e-6);
            }
        }
    }

    void gptqGgmlResultExportsExactly()
    {
        const Layer L = makeLayer(4);
        for (const char* name : {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0"})
            for (bool actOrder : {false, true}) {
                GptqOptions o;
                o.grid = parseGrid(name);
                o.actOrder = actOrder;
                const auto w = gptqQuantize(L.w, L.rows, L.cols, L.h, o).weights;
                QVERIFY2(roundTrip(o.grid.type, w, L.cols) == w, name);
            }
    }

    void gptqRaisesDampeningOnIndefiniteHessian()
    {
        const int64_t n = 32;
        std::vector<double> h(size_t(n * n), 0.9);
        for (int64_t i = 0; i < n; ++i)
            h[size_t(i * n + i)] = 1.0;
        h[1] = h[size_t(n)] = 3.0; // off-diagonal larger than the diagonal: indefinite
        std::vector<float> w(size_t(4 * n), 0.5f);
        GptqOptions o;
        o.grid = parseGrid("int4-g32");
        const GptqResult r = gptqQuantize(w, 4, n, h, o);
        QVERIFY(r.dampUsed > 1.0);
        QVERIFY(r.note.find("dampening raised") != std::string::npos);
    }

    void gptqRejectsBadInput()
    {
        std::vector<float> w(64, 1.0f);
        std::vector<double> h(64 * 64, std::nan(""));
        GptqOptions o;
        o.grid = parseGrid("int4-g32");
        QVERIFY_THROWS_EXCEPTION(Error, gptqQuantize(w, 1, 64, h, o));
        QVERIFY_THROWS_EXCEPTION(Error, gptqQuantize(w, 1, 64, std::vector<double>(10), o));
        o.grid = parseGrid("Q4_K");
        QVERIFY_THROWS_EXCEPTION(Error, gptqQuantize(w, 1, 64, std::vector<double>(64 * 64), o));
        QVERIFY_THROWS_EXCEPTION(Error, parseGrid("int9-g7"));
    }

    void captureStatistics()
    {
        CalibCapture c;
        const float x[6] = {1, -2, 3, -4, 5, 6};
        c.collect("blk.0.ffn_down.weight", x, 3, 2);
        c.collect("output.weight", x, 3, 2); // not a block layer: ignored
        const CalibData d = c.finish();
        QCOMPARE(d.size(), size_t(1));
        const LayerCalib& l = d.at("blk.0.ffn_down.weight");
        QCOMPARE(l.samples, int64_t(3));
        QCOMPARE(l.maxAbs, (std::vector<float>{5.0f, 6.0f}));
        QCOMPARE(l.meanAbs[0], 3.0f);
        QCOMPARE(l.hessian, (std::vector<double>{2.0 * 35 / 3, 2.0 * (-2 - 12 + 30) / 3, 2.0 * 16 / 3, 2.0 * 56 / 3}));
        const float bad[2] = {1.0f, std::nanf("")};
        QVERIFY_THROWS_EXCEPTION(Error, c.collect("blk.0.attn_q.weight", bad, 1, 2));
    }

    void captureErrors()
    {
        auto w = test::build(test::makeTiny("llama", true, 5));
        LlamaForward f(w);
        CalibOptions o;
        o.nCtx = 16;
        std::vector<int32_t> few(10, 1);
        QVERIFY_THROWS_EXCEPTION(Error, captureCalibration(f, few, o));
        std::vector<int32_t> tokens(40, 3);
        const CalibData d = captureCalibration(f, tokens, o);
        QCOMPARE(d.size(), size_t(14));
        QCOMPARE(d.at("blk.1.ffn_down.weight").samples, int64_t(32));
        QVERIFY_THROWS_EXCEPTION(Error, awqQuantize(*w, CalibData{}, parseGrid("int4-g32")));
        GptqOptions go;
        go.grid = parseGrid("int4-g32");
        try {
            gptqModel(*w, CalibData{}, go);
            QFAIL("no error for layers without captured input");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Invalid);
            QVERIFY(std::string(e.what()).find("without captured input") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(Error, imatrixModel(*w, CalibData{}, go.grid));
    }

    void cacheRoundTripAndBadFiles()
    {
        CalibCapture c;
        const float x[6] = {1, -2, 3, -4, 5, 6};
        c.collect("blk.0.ffn_down.weight", x, 3, 2);
        const CalibData d = c.finish();
        CalibOptions o;
        const std::string key = calibCacheKey("/nonexistent/model.gguf", "some text", o);
        QVERIFY(key != calibCacheKey("/nonexistent/model.gguf", "other text", o));
        o.nCtx = 64;
        QVERIFY(key != calibCacheKey("/nonexistent/model.gguf", "some text", o));
        const QString dir = QDir::tempPath() + "/qx-calib-cache-" + QString::number(QCoreApplication::applicationPid());
        QDir().mkpath(dir);
        const std::string path = calibCachePath(dir.toStdString(), key);
        QVERIFY(!loadCalibData(path, key)); // absent: a miss
        saveCalibData(path, key, d);
        const auto back = loadCalibData(path, key);
        QVERIFY(back && back->size() == 1);
        const LayerCalib& l = back->at("blk.0.ffn_down.weight");
        QCOMPARE(l.hessian, d.at("blk.0.ffn_down.weight").hessian);
        QCOMPARE(l.maxAbs, d.at("blk.0.ffn_down.weight").maxAbs);
        QCOMPARE(l.samples, int64_t(3));
        QVERIFY(!loadCalibData(path, key + "x")); // another key: a miss
        const auto size = std::filesystem::file_size(path);
        for (uint64_t cut : {uint64_t(4), uint64_t(20), size - 3}) {
            std::filesystem::resize_file(path, cut);
            QVERIFY_THROWS_EXCEPTION(Error, loadCalibData(path, key));
            saveCalibData(path, key, d);
        }
        std::filesystem::remove_all(dir.toStdString());
    }

    void splitAndOverlap()
    {
        const std::string text = "first line of the calibration part\nsecond line of the calibration part\n"
                                 "third line, evaluation part begins\nfourth line of evaluation text..\n";
        const auto [a, b] = splitCalibEval(text, 0.5);
        QCOMPARE(a + b, text);
        QVERIFY(a.back() == '\n');
        QCOMPARE(textOverlap(a, b), 0.0);
        QCOMPARE(textOverlap(text, b), 1.0);
        QVERIFY_THROWS_EXCEPTION(Error, splitCalibEval("x", 0.5));
    }

    void awqFoldingKeepsFloatOutputs()
    {
        auto w = test::build(test::makeTiny("llama", false, 6));
        const auto before = logits(w);
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> u(0.25f, 4.0f);
        Substitutions all;
        for (const ScaleGroup& g : awqScaleGroups(*w)) {
            const WeightView prev = w->tensor(g.norm);
            std::vector<float> s(size_t(prev.rows > 1 ? prev.rows : prev.cols));
            for (float& v : s)
                v = u(rng);
            auto current = withSubstitutions(*w, all);
            for (auto& [k, v] : foldInputScales(*current, g, s))
                all[k] = v;
        }
        QCOMPARE(all.size(), size_t(18));
        const auto after = logits(withSubstitutions(*w, all));
        QVERIFY(maxRelDiff(before, after) < 1e-4);
        QVERIFY(maxRelDiff(before, logits(withSubstitutions(*w, rtnModel(*w, parseGrid("int3-g32"))))) > 1e-3);
    }

    void smoothQuantFoldingKeepsFloatOutputs()
    {
        auto w = test::build(test::makeTiny("llama", true, 8));
        LlamaForward f(w);
        std::vector<int32_t> tokens(64);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = int32_t((i * 13 + 1) % 40);
        CalibOptions o;
        o.nCtx = 32;
        const CalibData d = captureCalibration(f, tokens, o);
        const Substitutions s = smoothQuantFold(*w, d, 0.5);
        QVERIFY(s.at("blk.0.attn_norm.weight") != std::vector<float>(w->tensor("blk.0.attn_norm.weight").data,
                                                                      w->tensor("blk.0.attn_norm.weight").data + 32));
        QVERIFY(maxRelDiff(logits(w), logits(withSubstitutions(*w, s))) < 1e-4);
    }

    // Holds by construction (the scale search includes scale 1, which is RTN): a check of the search's
    // bookkeeping, not of AWQ's benefit — tst_calib_model::awqBeatsRtnOnKld measures that on a model.
    void awqNeverWorseThanRtnOnItsLoss()
    {
        auto w = test::build(test::makeTiny("llama", true, 9));
        LlamaForward f(w);
        std::vector<int32_t> tokens(64);
        for (size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = int32_t((i * 11 + 5) % 40);
        CalibOptions o;
        o.nCtx = 32;
        const AwqResult r = awqQuantize(*w, captureCalibration(f, tokens, o), parseGrid("int3-g32"));
        QCOMPARE(r.groups.size(), size_t(8));
        for (const auto& g : r.groups) {
            QVERIFY(g.lossAwq <= g.lossRtn);
            QVERIFY(g.lossClip <= g.lossAwq * 1.05); // the search sees each block alone, the loss all of H
        }
    }

    void llmInt8OutlierColumnsAreExact()
    {
        const int64_t rows = 5, cols = 16, outRows = 7;
        std::mt19937 rng(10);
        std::normal_distribution<float> g(0.0f, 1.0f);
        std::vector<float> x(size_t(rows * cols)), w(size_t(outRows * cols));
        for (float& v : w)
            v = g(rng);
        // Only columns 3 and 9 are non-zero, and both hold an |x| >= 6.
        for (int64_t r = 0; r < rows; ++r) {
            x[size_t(r * cols + 3)] = g(rng) + (r == 0 ? 9.0f : 0.0f);
            x[size_t(r * cols + 9)] = g(rng) - (r == 2 ? 7.5f : 0.0f);
        }
        std::vector<int64_t> outliers;
        const WeightView wv{w.data(), cols, outRows};
        const auto y = llmInt8Matmul(x.data(), rows, cols, wv, 6.0f, &outliers);
        QCOMPARE(outliers, (std::vector<int64_t>{3, 9}));
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t o = 0; o < outRows; ++o) {
                float ref = 0.0f;
                for (int64_t j = 0; j < cols; ++j)
                    ref += x[size_t(r * cols + j)] * w[size_t(o * cols + j)];
                QCOMPARE(y[size_t(r * outRows + o)], ref);
            }
    }

    void llmInt8MatchesFakeQuantPath()
    {
        const int64_t rows = 6, cols = 32, outRows = 9;
        std::mt19937 rng(11);
        std::normal_distribution<float> g(0.0f, 1.0f);
        std::vector<float> x(size_t(rows * cols)), w(size_t(outRows * cols));
        for (float& v : w)
            v = g(rng);
        for (float& v : x)
            v = g(rng);
        x[5] = 12.0f;
        std::vector<int64_t> outliers;
        const auto y = llmInt8Matmul(x.data(), rows, cols, {w.data(), cols, outRows}, 6.0f, &outliers);
        QCOMPARE(outliers, (std::vector<int64_t>{5}));
        std::vector<uint8_t> keep(size_t(cols), 0);
        keep[5] = 1;
        auto xq = x, wq = w;
        fakeQuantRowsInt8(xq.data(), rows, cols, keep);
        fakeQuantRowsInt8(wq.data(), outRows, cols, keep);
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t o = 0; o < outRows; ++o) {
                double ref = 0.0;
                for (int64_t j = 0; j < cols; ++j)
                    ref += double(xq[size_t(r * cols + j)]) * wq[size_t(o * cols + j)];
                QVERIFY(std::fabs(y[size_t(r * outRows + o)] - ref) < 1e-4 * (1.0 + std::fabs(ref)));
            }
        // Without the decomposition the outlier inflates the row step and the error grows.
        auto xn = x, wn = w;
        fakeQuantRowsInt8(xn.data(), rows, cols);
        QVERIFY(std::fabs(xn[1] - x[1]) > std::fabs(xq[1] - x[1]));
    }
};

QX_TEST_APPLESS_MAIN(TestCalib)
#include "tst_calib.moc"
