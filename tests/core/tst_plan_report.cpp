// Plan reports on synth-d256's Q4_K_M mix: sizes equal llama.cpp's file, errors equal those of its tensors.
#include "common/test_main.h"
#include "plan/plan_report.h"

#include "common/error.h"
#include "common/test_data.h"
#include "plan/presets.h"
#include "quant/dequantize.h"
#include "stats/error_metrics.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace qx;

class TestPlanReport : public QObject {
    Q_OBJECT
private slots:
    void presetReportMatchesLlamaCppFile()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(refPath, "reference/synth-d256/preset-Q4_K_M.gguf");
        const auto model = openModel(path);
        const auto ref = openModel(refPath);
        const PlanReport r = buildPlanReport(*model, planPreset(*model, Preset::Q4_K_M), nullptr, true);
        QCOMPARE(r.fileBytes, uint64_t(2091840));     // preset-Q4_K_M.gguf
        QCOMPARE(r.tensorBytes, uint64_t(2078208));   // its tensor data
        QCOMPARE(r.rows.size(), ref->tensors.size());
        // Every row's error is that of llama.cpp's own quantized tensor against the F32 original.
        for (const PlanReportRow& row : r.rows) {
            const TensorInfo* q = ref->findTensor(row.tensor);
            QVERIFY(q);
            QCOMPARE(row.type, q->type);
            QCOMPARE(row.bytes, q->nbytes);
            const std::vector<float> w = dequantizeTensor(*model->findTensor(row.tensor));
            const std::vector<float> d = dequantizeTensor(*q);
            double noise = 0, signal = 0;
            for (size_t i = 0; i < w.size(); ++i) {
                noise += (double(w[i]) - double(d[i])) * (double(w[i]) - double(d[i]));
                signal += double(w[i]) * double(w[i]);
            }
            QCOMPARE(row.noiseEnergy, noise);
            QCOMPARE(row.sqnrDb, sqnrDb(signal, noise));
        }
        const auto v = std::find_if(r.rows.begin(), r.rows.end(), [](auto& x) { return x.tensor == "output.weight"; });
        QVERIFY(v != r.rows.end());
        QCOMPARE(v->type, TensorType::Q6_K);   // the mix's output rule
        QCOMPARE(v->bitsPerWeight, 6.5625);
        QVERIFY(v->sqnrDb > 25 && v->sqnrDb < 40);
        QVERIFY(r.sqnrDb > 20 && r.sqnrDb < 21);   // 20.53 dB pooled
    }

    void renderings()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(path);
        PlanReport r = buildPlanReport(*model, planPreset(*model, Preset::Q4_K_M), nullptr, false);
        QVERIFY(!r.rows[0].measured);
        r.evaluation = parsePerplexityOutput("Mean PPL(Q)                   : 687.045349 ±   8.780620\n"
                                             "Mean    KLD:   0.010352 ±   0.000140\n");
        QVERIFY(r.evaluation);
        QCOMPARE(*r.evaluation->ppl, 687.045349);
        QCOMPARE(*r.evaluation->meanKldError, 0.000140);
        const auto plain = parsePerplexityOutput("Final estimate: PPL = 3.7549 +/- 0.13205\n");
        QVERIFY(plain && *plain->ppl == 3.7549 && !plain->meanKld);
        QVERIFY(!parsePerplexityOutput("nothing here"));

        const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(planReportJson(r))).object();
        QCOMPARE(j["file_bytes"].toInteger(), 2091840);
        QCOMPARE(j["evaluation"].toObject()["mean_kld"].toDouble(), 0.010352);
        QCOMPARE(j["tensors"].toArray().size(), 39);
        int q6 = 0;
        for (const auto& t : j["tensors"].toArray())
            q6 += t.toObject()["type"].toString() == "Q6_K";
        QCOMPARE(q6, 5);   // preset-Q4_K_M.types.txt

        const std::string csv = planReportCsv(r);
        QVERIFY(csv.rfind("tensor,shape,stored_type,type,", 0) == 0);
        QVERIFY(csv.find("\noutput.weight,256x512,F32,Q6_K,131072,107520,6.562500,,,0,") != std::string::npos);
        QVERIFY(csv.find("\nTOTAL,,,,3410176,2078208,") != std::string::npos);
        const std::string md = planReportMarkdown(r);
        QVERIFY(md.find("- GGUF file size: 2091840 bytes") != std::string::npos);
        QVERIFY(md.find("- mean KLD: 0.010352 ± 0.000140") != std::string::npos);
    }
};

QX_TEST_APPLESS_MAIN(TestPlanReport)
#include "tst_plan_report.moc"
