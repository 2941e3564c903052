// GPTQ on the K-quant grids (Q2_K … Q6_K): the grid is the format's own round-to-nearest, GPTQ lowers the
// layer's output error, and its result re-quantizes (quantizeRowsRef) to the same values and comes as blocks
// written on the scales it chose, so it exports without loss.
#include "calib/calib_capture.h"
#include "calib/gptq.h"
#include "calib/quant_grid.h"
#include "common/half.h"
#include "common/test_main.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>

using namespace qx;

namespace {

struct Layer {
    int64_t rows = 24, cols = 512, samples = 2048;
    std::vector<float> w, x;
    std::vector<double> h;
};

// Heavy-tailed weights (Student-t, df 5) and correlated inputs with uneven channel scales.
Layer makeLayer(uint32_t seed)
{
    Layer L;
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::student_t_distribution<float> t(5.0f);
    L.w.resize(size_t(L.rows * L.cols));
    for (float& v : L.w)
        v = 0.05f * t(rng);
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
    cap.collect("blk.0.ffn_up.weight", L.x.data(), L.samples, L.cols);
    L.h = cap.finish().at("blk.0.ffn_up.weight").hessian;
    return L;
}

// Synthetic-model-like weights: Student-t (df 3) rows of uneven scale, a few input columns 8 times larger,
// F16-rounded; inputs with a few channels 30 times larger. Sub-blocks of one outlier and values near zero
// appear, which fit two K-quant grids exactly.
Layer makeOutlierLayer(uint32_t seed, int64_t rows, int64_t cols)
{
    Layer L;
    L.rows = rows;
    L.cols = cols;
    L.samples = 1024;
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::student_t_distribution<float> t(3.0f);
    std::vector<float> columnScale(size_t(cols), 1.0f);
    for (int k = 0; k < 8; ++k)
        columnScale[rng() % size_t(cols)] = 8.0f;
    L.w.resize(size_t(rows * cols));
    for (int64_t r = 0; r < rows; ++r) {
        const float rowScale = std::exp(0.25f * g(rng));
        for (int64_t c = 0; c < cols; ++c)
            L.w[size_t(r * cols + c)] = roundToFp16(0.02f * t(rng) * rowScale * columnScale[size_t(c)]);
    }
    std::vector<float> channel(static_cast<size_t>(cols));
    for (float& c : channel)
        c = std::exp(0.5f * g(rng));
    for (int k = 0; k < 6; ++k)
        channel[rng() % size_t(cols)] = 30.0f;
    L.x.resize(size_t(L.samples * cols));
    for (int64_t n = 0; n < L.samples; ++n)
        for (int64_t c = 0; c < cols; ++c)
            L.x[size_t(n * cols + c)] = g(rng) * channel[size_t(c)];
    CalibCapture cap;
    cap.collect("blk.0.ffn_up.weight", L.x.data(), L.samples, L.cols);
    L.h = std::move(cap).finish().at("blk.0.ffn_up.weight").hessian;
    return L;
}

std::vector<float> roundTrip(TensorType t, const std::vector<float>& w, int64_t cols)
{
    const uint64_t rowBytes = *tensorBytes(t, uint64_t(cols));
    const int64_t rows = int64_t(w.size()) / cols;
    std::vector<std::byte> packed(rowBytes * uint64_t(rows));
    quantizeRowsRef(t, w, cols, packed);
    std::vector<float> out(w.size());
    dequantizeRow(t, packed, out);
    return out;
}

double outputError(const Layer& L, const std::vector<float>& q)
{
    double sum = 0.0;
    std::vector<double> d(size_t(L.rows));
    for (int64_t n = 0; n < L.samples; ++n) {
        std::fill(d.begin(), d.end(), 0.0);
        for (int64_t r = 0; r < L.rows; ++r)
            for (int64_t j = 0; j < L.cols; ++j)
                d[size_t(r)] += double(L.w[size_t(r * L.cols + j)] - q[size_t(r * L.cols + j)]) * L.x[size_t(n * L.cols + j)];
        for (double v : d)
            sum += v * v;
    }
    return sum;
}

const char* kTypes[] = {"Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"};

} // namespace

class TestCalibKQuant : public QObject {
    Q_OBJECT
private slots:
    void gridIsTheFormatsRoundToNearest()
    {
        const Layer L = makeLayer(21);
        for (const char* name : kTypes) {
            const QuantGrid grid = parseGrid(name);
            QCOMPARE(grid.blockLength(L.cols), int64_t(256));
            std::vector<float> mine(L.w.size());
            std::vector<GroupGrid> grids(size_t(256 / grid.groupLength(L.cols)));
            for (size_t b = 0; b < L.w.size(); b += 256) {
                const auto block = std::span<const float>(L.w).subspan(b, 256);
                chooseKQuantGrids(grid.type, block, grids);
                const int64_t sub = grid.groupLength(L.cols);
                for (int64_t i = 0; i < 256; ++i) {
                    const GroupGrid& g = grids[size_t(i / sub)];
                    mine[b + size_t(i)] = gridValue(g, gridCode(grid, g, block[size_t(i)], -1)); // unpinned
                }
            }
            QVERIFY2(mine == roundTrip(grid.type, L.w, L.cols), name);
        }
    }

    // Without error feedback GPTQ is round-to-nearest, except for the pinned extremes of each sub-block
    // (at most 2 values, each moved to the end of the code range it was nearest to).
    void gptqWithIdentityHessianIsRtnWithPins()
    {
        const Layer L = makeLayer(22);
        std::vector<double> eye(size_t(L.cols * L.cols), 0.0);
        for (int64_t i = 0; i < L.cols; ++i)
            eye[size_t(i * L.cols + i)] = 1.0;
        for (const char* name : kTypes) {
            GptqOptions o;
            o.grid = parseGrid(name);
            const auto q = gptqQuantize(L.w, L.rows, L.cols, eye, o).weights;
            const auto rtn = roundTrip(o.grid.type, L.w, L.cols);
            const int64_t sub = o.grid.groupLength(L.cols);
            for (size_t s = 0; s < q.size(); s += size_t(sub)) {
                int differ = 0;
                for (size_t i = s; i < s + size_t(sub); ++i)
                    differ += q[i] != rtn[i];
                QVERIFY2(differ <= 2, name);
            }
        }
    }

    void gptqBeatsRtnAndExportsExactly()
    {
        const Layer L = makeLayer(23);
        for (const char* name : kTypes)
            for (bool actOrder : {false, true}) {
                GptqOptions o;
                o.grid = parseGrid(name);
                o.actOrder = actOrder;
                const GptqResult r = gptqQuantize(L.w, L.rows, L.cols, L.h, o);
                const double eRtn = outputError(L, roundTrip(o.grid.type, L.w, L.cols));
                const double eGptq = outputError(L, r.weights);
                const auto again = roundTrip(o.grid.type, r.weights, L.cols);
                size_t differ = 0;
                for (size_t i = 0; i < again.size(); ++i)
                    differ += again[i] != r.weights[i];
                qInfo("%s%s: ||WX-QX||^2 RTN %.4g GPTQ %.4g (ratio %.3f); re-quantized values differing: %zu of %zu",
                      name, actOrder ? " act-order" : "", eRtn, eGptq, eGptq / eRtn, differ, again.size());
                QVERIFY2(eGptq < 0.8 * eRtn, name);
                QVERIFY2(differ == 0, name);
            }
    }

    // GPTQ's blocks are written on the scales it chose at each block's start (GptqResult::packed), so they
    // decode to its values exactly even where re-quantizing the values picks other scales.
    void blocksPackedOnTheirOwnScales()
    {
        const Layer L = makeOutlierLayer(5, 256, 512);
        size_t requantizedDiffer = 0;
        for (const char* name : {"Q2_K", "Q4_K", "Q5_K", "Q6_K"})
            for (bool actOrder : {false, true}) {
                GptqOptions o;
                o.grid = parseGrid(name);
                o.actOrder = actOrder;
                const GptqResult r = gptqQuantize(L.w, L.rows, L.cols, L.h, o);
                QVERIFY2(r.packed.has_value(), name);
                QCOMPARE(r.packed->type, o.grid.type);
                QCOMPARE(r.packed->unpack(), r.weights);
                const auto again = roundTrip(o.grid.type, r.weights, L.cols);
                size_t differ = 0;
                for (size_t i = 0; i < again.size(); ++i)
                    differ += again[i] != r.weights[i];
                qInfo("%s%s: re-quantized values differing: %zu of %zu", name, actOrder ? " act-order" : "", differ,
                      again.size());
                requantizedDiffer += differ;
            }
        QVERIFY(requantizedDiffer > 0); // the layer holds the blocks this is for
        GptqOptions legacy;
        legacy.grid = parseGrid("Q4_0"); // blocks are found by re-quantizing (packExactly) there
        QVERIFY(!gptqQuantize(L.w, L.rows, L.cols, L.h, legacy).packed);
    }
};

QX_TEST_APPLESS_MAIN(TestCalibKQuant)
#include "tst_calib_kquant.moc"
