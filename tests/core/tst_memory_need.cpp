// Allocations that depend on the input are predicted and refused with what was needed (never a bare
// std::bad_alloc): the statistics, the candidate table of the budget solver, the F32 weights of `quantize`
// and its calibration capture. The predictions are checked against what the jobs really hold.
#include "calib/calib_capture.h"
#include "common/error.h"
#include "common/memory_need.h"
#include "common/test_main.h"
#include "demo/demo_data.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"
#include "plan/candidates.h"
#include "stats/stats_detail.h"
#include "stats/stats_report.h"
#include "stats/tensor_stats.h"

#include <QtTest/QtTest>

#include <cstdlib>
#include <string>

using namespace qx;

namespace {

/// Sets QX_MEMORY_LIMIT for the lifetime of the object.
class MemoryLimit {
public:
    explicit MemoryLimit(uint64_t bytes) { ::setenv("QX_MEMORY_LIMIT", std::to_string(bytes).c_str(), 1); }
    ~MemoryLimit() { ::unsetenv("QX_MEMORY_LIMIT"); }
    MemoryLimit(const MemoryLimit&) = delete;
    MemoryLimit& operator=(const MemoryLimit&) = delete;
};

/// Runs `job`, which must throw Error(OverBudget); returns the error.
template <typename Job>
Error overBudget(Job job)
{
    try {
        job();
    } catch (const Error& e) {
        if (e.code() != ErrorCode::OverBudget)
            throw;
        return e;
    }
    throw std::runtime_error("the job did not refuse");
}

bool contains(const Error& e, const std::string& text)
{
    if (std::string(e.what()).find(text) != std::string::npos)
        return true;
    qWarning("'%s' not in: %s", text.c_str(), e.what());
    return false;
}

/// A row source that must never be read past its sample.
RowSource zeros(int64_t rows, int64_t rowLength)
{
    RowSource s;
    s.rows = rows;
    s.rowLength = rowLength;
    s.read = [](int64_t, int64_t, std::span<float> dst) { std::fill(dst.begin(), dst.end(), 0.0f); };
    return s;
}

} // namespace

class TestMemoryNeed : public QObject {
    Q_OBJECT
private slots:
    void init() { ::unsetenv("QX_MEMORY_LIMIT"); }

    void arithmeticAndText()
    {
        QCOMPARE(saturatingProduct({uint64_t(1) << 40, uint64_t(1) << 30}), UINT64_MAX);
        QCOMPARE(saturatingProduct({3, 5, 7}), uint64_t(105));
        QCOMPARE(saturatingSum(UINT64_MAX - 1, 2), UINT64_MAX);
        QCOMPARE(memoryText(3'420'000'000), std::string("3.42 GB"));
        QCOMPARE(memoryText(12'000'000), std::string("12 MB"));
        QCOMPARE(memoryText(UINT64_MAX), std::string("more than 18 EB"));
        const Error e = overBudget([] { checkMemoryNeed(2000, "two thousand bytes", "f.gguf", 1999); });
        QCOMPARE(e.file(), std::string("f.gguf"));
        QCOMPARE(e.detail(), std::string("two thousand bytes needs 2000 bytes, more than the 1999 bytes a job may take"));
        checkMemoryNeed(1999, "fits", {}, 1999);
    }

    void limitFromTheEnvironment()
    {
        {
            const MemoryLimit limit(500'000'000);
            QCOMPARE(jobMemoryLimit(), uint64_t(500'000'000));
            const Error e = overBudget([] { checkMemoryNeed(600'000'000, "x"); });
            QVERIFY(contains(e, "needs 600 MB, more than the 500 MB a job may take (QX_MEMORY_LIMIT)"));
        }
        ::setenv("QX_MEMORY_LIMIT", "2G", 1);
        QCOMPARE(jobMemoryLimit(), uint64_t(2'000'000'000));
        ::unsetenv("QX_MEMORY_LIMIT");
        const uint64_t machine = jobMemoryLimit();
        QVERIFY(machine > 0);
        ::setenv("QX_MEMORY_LIMIT", "lots", 1);   // malformed: the machine's limit
        QCOMPARE(jobMemoryLimit(), machine);
    }

    // 2^36 rows of one value: the row maps alone would take 550 GB (std::bad_alloc before).
    void statsOfManyShortRows()
    {
        const Error e = overBudget([] { computeTensorStats(zeros(int64_t(1) << 36, 1)); });
        QVERIFY(contains(e, "the statistics of 68719476736 rows of 1 values needs "));
        QVERIFY(contains(e, "a job may take"));
    }

    // One row of 2^36 values: the column maps and the chunk buffer (std::bad_alloc before).
    void statsOfOneLongRow()
    {
        const Error e = overBudget([] { computeTensorStats(zeros(1, int64_t(1) << 36)); });
        QVERIFY(contains(e, "the statistics of 1 rows of 68719476736 values needs "));
    }

    // The check uses the prediction: refused one byte below it, computed at it.
    void statsRefusedBelowTheirNeed()
    {
        const RowSource src = zeros(4096, 512);
        StatsOptions o;
        o.threads = 1;
        const uint64_t need = stats_detail::statsMemoryNeed(src, o, 1);
        {
            const MemoryLimit limit(need - 1);
            QVERIFY(contains(overBudget([&] { computeTensorStats(src, o); }), "4096 rows of 512 values"));
        }
        const MemoryLimit limit(need);
        QCOMPARE(computeTensorStats(src, o).count, uint64_t(4096 * 512));
    }

    // A tensor with a zero in its shape: said plainly, naming the tensor and the file.
    void zeroSizeTensor()
    {
        TensorInfo t;
        t.name = t.originalName = "blk.0.empty.weight";
        t.ne = {0, 4096};
        t.sourceFile = "model.gguf";
        try {
            computeTensorStats(t);
            QFAIL("statistics of an empty tensor");
        } catch (const Error& e) {
            QCOMPARE(e.file(), std::string("model.gguf"));
            QCOMPARE(e.detail(), std::string("tensor 'blk.0.empty.weight' (0 x 4096) has no elements: there are no "
                                             "statistics to compute"));
        }
        ModelFile m;
        m.path = "model.gguf";
        m.tensors.push_back(t);
        const auto entries = computeModelStats(m, "");
        QCOMPARE(entries.size(), size_t(1));
        QVERIFY(!entries[0].decoded);
        QCOMPARE(entries[0].skipReason, std::string("no elements: nothing to compute"));
        QVERIFY(modelStatsText(entries).find("(no elements: nothing to compute)") != std::string::npos);
    }

    // The budget solver's candidate table: each tensor's F32 values plus its largest quantized copy.
    void candidateTable()
    {
        const auto model = openDemoModel();
        const TensorInfo* embd = model->findTensor("token_embd.weight");
        QVERIFY(embd);
        const uint64_t values = embd->elementCount() * 4;
        const MemoryLimit limit(values);   // the F32 copy fits, the quantized copy beside it does not
        const std::vector<TensorType> types = defaultCandidateTypes();
        const Error e = overBudget([&] { buildCandidateTable(*model, nullptr, types); });
        QCOMPARE(e.file(), embd->sourceFile);
        QVERIFY(contains(e, "measuring the candidate formats of tensor '"));
        QVERIFY(contains(e, "a job may take (QX_MEMORY_LIMIT)"));
    }

    // quantize's F32 weights: refused one byte below what the loaded weights own, loaded at exactly that.
    void weightsAsF32()
    {
        const auto model = openDemoModel();
        const uint64_t owned = LlamaWeights::fromModel(model)->ownedBytes();
        QVERIFY(owned > 0);
        {
            const MemoryLimit limit(owned - 1);
            const Error e = overBudget([&] { LlamaWeights::fromModel(model); });
            QCOMPARE(e.file(), model->path);
            QVERIFY(contains(e, "loading the weights as F32 (every tensor not stored as F32 is decoded into memory) "
                                "needs " + memoryText(owned)));
        }
        const MemoryLimit limit(owned);
        QCOMPARE(LlamaWeights::fromModel(model)->ownedBytes(), owned);
    }

    // The calibration capture: a Hessian of cols x cols doubles per layer (finished in place).
    void calibrationCapture()
    {
        const auto weights = LlamaWeights::fromModel(openDemoModel());
        uint64_t hessians = 0;
        for (const std::string& name : weights->tensorNames()) {
            const WeightView v = weights->tensor(name);
            if (name.rfind("blk.", 0) == 0 && v.rows > 1 && name.find("norm") == std::string::npos)
                hessians += uint64_t(v.cols) * uint64_t(v.cols) * 8 + uint64_t(v.cols) * 24;
        }
        LlamaForward forward(weights);
        CalibOptions o;
        o.nCtx = 16;
        const std::vector<int32_t> tokens(32, 5);
        {
            const MemoryLimit limit(hessians - 1);
            const Error e = overBudget([&] { captureCalibration(forward, tokens, o); });
            QVERIFY(contains(e, "the calibration statistics of every linear layer (a Hessian of inputs x inputs values "
                                "for each) needs " + memoryText(hessians)));
        }
        const MemoryLimit limit(hessians);
        QVERIFY(!captureCalibration(forward, tokens, o).empty());
    }
};

QX_TEST_APPLESS_MAIN(TestMemoryNeed)
#include "tst_memory_need.moc"
