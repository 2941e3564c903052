// Candidate table on synth-d256: exact bytes and losses that match llama.cpp's own quantized files.
#include "common/test_main.h"
#include "plan/candidates.h"

#include "common/test_data.h"
#include "common/error.h"
#include "quant/dequantize.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qx;

namespace {

// Squared error between the F32 model's tensor and the same tensor in a llama.cpp-quantized file.
double referenceLoss(const ModelFile& f32, const ModelFile& quant, const std::string& name)
{
    const std::vector<float> a = dequantizeTensor(*f32.findTensor(name));
    const TensorInfo& q = *quant.findTensor(name);
    const int64_t rowLength = q.rowLength();
    std::vector<float> row(static_cast<size_t>(rowLength));
    double total = 0.0;
    const uint64_t rowBytes = *tensorBytes(q.type, uint64_t(rowLength));
    for (int64_t r = 0; r < q.rows(); ++r) {
        dequantizeRow(q.type, q.data.subspan(uint64_t(r) * rowBytes, rowBytes), row);
        for (int64_t c = 0; c < rowLength; ++c) {
            const double d = double(a[size_t(r * rowLength + c)]) - double(row[size_t(c)]);
            total += d * d;
        }
    }
    return total;
}

} // namespace

class TestCandidates : public QObject {
    Q_OBJECT
private slots:
    void lossesMatchLlamaCppFiles()
    {
        QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q8Path, "reference/synth-d256/pure-Q8_0.gguf");
        QX_REQUIRE_SHARED(q4Path, "reference/synth-d256/pure-Q4_K.gguf");
        const auto f32 = openModel(f32Path);
        const auto q8 = openModel(q8Path);
        const auto q4 = openModel(q4Path);
        const std::vector<TensorType> types = {TensorType::Q4_K, TensorType::Q8_0};
        const CandidateTable table = buildCandidateTable(*f32, nullptr, types);
        int checked = 0;
        for (const auto& c : table.tensors) {
            if (c.fixed) { QCOMPARE(c.options.size(), size_t(1)); continue; }
            QCOMPARE(c.options.size(), size_t(3));   // Q4_K, Q8_0, F32 by bytes
            QCOMPARE(c.options[0].type, TensorType::Q4_K);
            QCOMPARE(c.options[2].type, TensorType::F32);
            QCOMPARE(c.options[2].loss, 0.0);
            QVERIFY(c.options[1].loss < c.options[0].loss);
            for (const auto* ref : {q4.get(), q8.get()}) {
                const TensorInfo* t = ref->findTensor(c.name);
                const CandidateOption& o = t->type == TensorType::Q4_K ? c.options[0] : c.options[1];
                if (t->type != o.type) continue;
                QCOMPARE(o.bytes, t->nbytes);
                QCOMPARE(o.loss, referenceLoss(*f32, *ref, c.name));
                ++checked;
            }
        }
        QVERIFY(checked >= 20);
    }

    void cacheRoundTripAndCancel()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        const std::vector<TensorType> types = {TensorType::Q8_0, TensorType::Q4_0};
        QTemporaryDir dir;
        const CandidateTable a = loadOrBuildCandidateTable(*model, path, {}, types, dir.path().toStdString());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        int calls = 0;
        const CandidateTable b = loadOrBuildCandidateTable(*model, path, {}, types, dir.path().toStdString(),
                                                           [&](double) { ++calls; return true; });
        QCOMPARE(calls, 0);   // served from the cache
        QCOMPARE(b.key, a.key);
        QCOMPARE(b.tensors.size(), a.tensors.size());
        for (size_t i = 0; i < a.tensors.size(); ++i)
            for (size_t o = 0; o < a.tensors[i].options.size(); ++o) {
                QCOMPARE(b.tensors[i].options[o].bytes, a.tensors[i].options[o].bytes);
                QCOMPARE(b.tensors[i].options[o].loss, a.tensors[i].options[o].loss);
            }
        QVERIFY_THROWS_EXCEPTION(Error, buildCandidateTable(*model, nullptr, types, [](double) { return false; }));
    }

    void malformedJsonThrows()
    {
        for (const char* text : {"", "{", "{\"key\": 3}", "{\"key\": \"k\", \"tensors\": [{\"name\": \"a\"}]}",
                                 "{\"key\": \"k\", \"tensors\": [{\"name\": \"a\", \"elements\": 1, \"fixed\": false,"
                                 " \"options\": [[\"Q9_Z\", 1, 0.5]]}]}",
                                 "{\"key\": \"k\", \"tensors\": [{\"name\": \"a\", \"elements\": 1, \"fixed\": false,"
                                 " \"options\": [[\"Q8_0\"]]}]}",
                                 // sizes that are not counts (a float this large would not fit a uint64_t)
                                 "{\"key\": \"k\", \"tensors\": [{\"name\": \"a\", \"elements\": 1e300, \"fixed\": false,"
                                 " \"options\": []}]}",
                                 "{\"key\": \"k\", \"tensors\": [{\"name\": \"a\", \"elements\": 1, \"fixed\": false,"
                                 " \"options\": [[\"Q8_0\", -4, 0.5]]}]}"})
            QVERIFY_THROWS_EXCEPTION(Error, candidateTableFromJson(text, "t.json"));
        CandidateTable t;
        t.key = "k";
        t.tensors.push_back({"a", 64, false, {{TensorType::Q8_0, 68, 0.25}, {TensorType::F32, 256, 0.0}}});
        const CandidateTable back = candidateTableFromJson(candidateTableToJson(t), "t.json");
        QCOMPARE(back.tensors.at(0).options.at(0).type, TensorType::Q8_0);
        QCOMPARE(back.tensors.at(0).options.at(0).loss, 0.25);
    }
};

QX_TEST_APPLESS_MAIN(TestCandidates)
#include "tst_candidates.moc"
