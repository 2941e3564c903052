// Statistics and float formats on the synthetic llama model of ../shared/reference/synth-d256 (README):
// Student-t weights with 4 outlier input columns (×8) per matrix, and llama-quantize's F16/BF16 copies.
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "quant/float_formats.h"
#include "stats/error_metrics.h"
#include "stats/tensor_stats.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <vector>

class TestStatsReference : public QObject {
    Q_OBJECT
private slots:
    void outlierColumnsShowInTheChannelMap()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        const auto model = qx::openModel(path);
        int matrices = 0;
        for (const auto& t : model->tensors) {
            if (t.ne.size() != 2 || t.name.rfind("blk.", 0) != 0)
                continue;
            ++matrices;
            const auto s = qx::computeTensorStats(t);
            std::vector<float> rms = s.columnRms;
            std::sort(rms.begin(), rms.end(), std::greater<>());
            const float median = rms[rms.size() / 2];
            // exactly four columns stand out
            QVERIFY2(rms[3] > 4.0f * median, t.name.c_str());
            QVERIFY2(rms[4] < 0.6f * rms[3], t.name.c_str()); // a clear gap after the fourth
            QVERIFY2(s.excessKurtosis > 5.0, t.name.c_str()); // t(5) alone has excess kurtosis 6 in theory
            QVERIFY(s.outlierCount > 0);
            const auto& top = s.topOutliers.front();
            QCOMPARE(double(std::fabs(top.value)), s.absMax);
            QVERIFY(s.columnRms[size_t(top.column)] > 4.0f * median); // the largest weight sits in an outlier column
        }
        QCOMPARE(matrices, 4 * 7);
    }
    void halfAndBfloatMatchLlamaQuantize_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("bf16");
        QTest::newRow("F16") << "reference/synth-d256/pure-F16.gguf" << false;
        QTest::newRow("BF16") << "reference/synth-d256/pure-BF16.gguf" << true;
    }
    void halfAndBfloatMatchLlamaQuantize()
    {
        QFETCH(QString, file);
        QFETCH(bool, bf16);
        QX_REQUIRE_SHARED(f32Path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(path, file.toStdString());
        const auto f32 = qx::openModel(f32Path);
        const auto half = qx::openModel(path);
        int compared = 0;
        for (const auto& t : half->tensors) {
            if (t.type == qx::TensorType::F32)
                continue;
            const auto x = qx::dequantizeTensor(*f32->findTensor(t.name));
            const auto ref = qx::dequantizeTensor(t);
            std::vector<float> ours(x.size());
            bf16 ? qx::fakeQuantBf16(x, ours) : qx::fakeQuantFp16(x, ours);
            QVERIFY2(ours == ref, t.name.c_str());
            const double sqnr = qx::compareTensors(x, ours).sqnrDb;
            // streamed straight from the two files: the same figures
            QVERIFY(qx::compareRows(qx::rowSourceFromTensor(*f32->findTensor(t.name)), qx::rowSourceFromTensor(t))
                    == qx::compareTensors(x, ref));
            QVERIFY(bf16 ? (sqnr > 50 && sqnr < 60) : (sqnr > 70 && sqnr < 80));
            ++compared;
        }
        QCOMPARE(compared, 4 * 7 + 2); // blocks plus token_embd and output
    }
};

QX_TEST_APPLESS_MAIN(TestStatsReference)
#include "tst_stats_reference.moc"
