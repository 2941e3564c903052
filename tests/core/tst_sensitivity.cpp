// Measured sensitivity on stories260K: KLD of weight-only round trips.
#include "common/test_main.h"
#include "plan/sensitivity.h"

#include "common/error.h"
#include "common/test_data.h"
#include "model/llama_forward.h"
#include "model/llama_weights.h"

#include <QtTest>

using namespace qx;

class TestSensitivity : public QObject {
    Q_OBJECT
private slots:
    void meanKldOfKnownDistributions()
    {
        const std::vector<float> a = {0.f, 0.f, 0.f, 0.f};
        const std::vector<float> b = {std::log(2.f), 0.f, 0.f, 0.f};
        QCOMPARE(meanKld(a, a, 4), 0.0);
        // KL(uniform || (2,1,1,1)/5) = ln(5/4) - ln(2)/4
        QVERIFY(std::abs(meanKld(a, b, 4) - (std::log(1.25) - std::log(2.0) / 4)) < 1e-6);
        QVERIFY_THROWS_EXCEPTION(Error, meanKld(a, std::vector<float>(3), 4));
    }

    void enableOneOrdersTypesAndAggregates()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        std::vector<int32_t> tokens(64);
        for (size_t i = 0; i < tokens.size(); ++i) tokens[i] = int32_t((i * 37 + 11) % 512);
        const SensitivityResult q4 = measureSensitivity(model, tokens, 32, TensorType::Q4_0,
                                                        SensitivityMode::EnableOne, nullptr);
        const SensitivityResult q8 = measureSensitivity(model, tokens, 32, TensorType::Q8_0,
                                                        SensitivityMode::EnableOne, nullptr);
        QVERIFY(!q4.tensors.empty());
        QCOMPARE(q4.layers.size(), size_t(5));   // stories260K has 5 layers
        double sum4 = 0, sum8 = 0;
        for (const auto& e : q4.tensors) sum4 += e.kld;
        for (const auto& e : q8.tensors) sum8 += e.kld;
        QVERIFY(sum8 > 0 && sum8 < sum4);
        const SensitivityResult off = measureSensitivity(model, tokens, 32, TensorType::Q4_0,
                                                         SensitivityMode::DisableOne, nullptr);
        QCOMPARE(off.tensors.size(), q4.tensors.size());
        QVERIFY_THROWS_EXCEPTION(Error, measureSensitivity(model, tokens, 32, TensorType::Q4_0,
                                                           SensitivityMode::EnableOne, nullptr,
                                                           [](double) { return false; }));

        // Whole layers at once: one measured row per layer, the tensors outside layers alone.
        const SensitivityResult layer = measureSensitivity(model, tokens, 32, TensorType::Q4_0,
                                                           SensitivityMode::EnableOneLayer, nullptr);
        QCOMPARE(layer.layers.size(), size_t(5));
        QCOMPARE(layer.layers.front().name, std::string("blk.0"));
        QVERIFY(layer.classes.empty());
        for (const auto& e : layer.tensors) QVERIFY(e.name.rfind("blk.", 0) != 0);
        // A whole layer costs more than the mean of its tensors alone.
        const auto mean0 = std::find_if(q4.layers.begin(), q4.layers.end(), [](auto& e) { return e.name == "blk.0"; });
        QVERIFY(layer.layers.front().kld > mean0->kld);

        // Enable-one per tensor in the first fitting type: ffn_down (rows of 172) fits none of these.
        const std::vector<TensorType> types = {TensorType::Q3_K, TensorType::Q4_0};
        const std::vector<MeasuredKld> m = measureEnableOne(model, tokens, 32, types, nullptr);
        QCOMPARE(m.size(), q4.tensors.size());
        for (size_t i = 0; i < m.size(); ++i) {
            QCOMPARE(m[i].tensor, q4.tensors[i].name);
            QCOMPARE(m[i].type, TensorType::Q4_0);
            QCOMPARE(m[i].kld, q4.tensors[i].kld);
            QVERIFY(m[i].tensor.find("ffn_down") == std::string::npos);
        }
    }
};

QX_TEST_APPLESS_MAIN(TestSensitivity)
#include "tst_sensitivity.moc"
