// The tensor views on stories260K and synth-d256: what they show equals the core's own figures, and the UI
// thread keeps running while the analysis job does.

#include "common/core_round_trip.h"
#include "common/event_loop_gap.h"
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/job_runner.h"
#include "layers/layers_view.h"
#include "tensor/tensor_analysis.h"
#include "tensor/tensor_views.h"

#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QTimer>
#include <QtTest/QtTest>

#include <algorithm>

using namespace qx;
using namespace qx::ui;

namespace {

using qx::test::coreRoundTrip;

const TensorInfo& tensorNamed(const ModelFile& model, const std::string& name)
{
    for (const TensorInfo& t : model.tensors)
        if (t.name == name)
            return t;
    throw Error(ErrorCode::InvalidArgument, "no tensor " + name);
}

/// Waits for the next analysis while a 10 ms heartbeat timer measures the longest UI-thread stall.
test::Responsiveness waitForAnalysis(TensorViews& views, const std::function<void()>& trigger)
{
    QSignalSpy ready(&views, &TensorViews::analysisReady);
    trigger();
    return test::respondsWhileRunning([&] { return !ready.isEmpty(); }, 60000);
}

} // namespace

class TstTensorViews : public QObject {
    Q_OBJECT
private slots:
    void candidatesListQuantizableTypesAndSchemes()
    {
        const std::vector<CandidateFormat> all = candidateFormats();
        // the 23 canQuantize types but F32 (14 classic and k-quants, 7 i-quants, 2 ternary), plus the catalog
        QCOMPARE(all.size(), 23 + kSchemeCatalog.size());
        QCOMPARE(all.front().name(), std::string("F16"));
        QVERIFY(candidateByName("Q4_K").format == Format(TensorType::Q4_K));
        QVERIFY(candidateByName("IQ2_XXS").format == Format(TensorType::IQ2_XXS));
        QVERIFY(candidateByName("TQ1_0").format == Format(TensorType::TQ1_0));
        QVERIFY(!candidateByName("NF4 (absmax / 64)").format.isGguf());
    }

    void histogramAndErrorEqualTheCore()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        const TensorInfo& tensor = tensorNamed(*model, "blk.0.ffn_up.weight");
        TensorViews views;
        views.setModel(model);
        views.setCandidate(QStringLiteral("Q8_0"));
        QVERIFY(waitForAnalysis(views, [&] { views.setTensor(QString::fromStdString(tensor.name)); }).eventsWhileRunning >= 0);
        const TensorStats stats = computeTensorStats(tensor);
        QCOMPARE(views.analysis()->stats.histogram, stats.histogram);
        QCOMPARE(views.analysis()->stats.histogram.total(), uint64_t(64 * 172));

        const std::vector<float> original = dequantizeTensor(tensor);
        for (const char* name : {"Q4_0", "Q5_1", "IQ4_NL", "Q8_0"}) {
            QVERIFY(waitForAnalysis(views, [&] { views.setCandidate(QString::fromLatin1(name)); }).eventsWhileRunning >= 0);
            const TensorError expected =
                compareTensors(original, coreRoundTrip(*tensorTypeFromName(name), original, tensor.rowLength()));
            QCOMPARE(views.analysis()->format.name(), std::string(name));
            QCOMPARE(views.analysis()->error, expected);
            QVERIFY(expected.sqnrDb > 10.0);
        }
        // A catalog scheme goes through fakeQuantScheme.
        QVERIFY(waitForAnalysis(views, [&] { views.setCandidate(QStringLiteral("INT4 g32 sym")); }).eventsWhileRunning >= 0);
        std::vector<float> fake(original.size());
        fakeQuantScheme(SchemeId::Int4G32Sym, original, fake, tensor.rowLength());
        QCOMPARE(views.analysis()->error, compareTensors(original, fake));
        QCOMPARE(views.analysis()->rows.size(), size_t(172));
    }

    void tooShortRowsFailWithoutCrash()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        TensorViews views;
        views.setModel(model);
        views.setCandidate(QStringLiteral("Q4_K"));  // rows of 64 cannot hold 256-blocks
        QSignalSpy finished(views.runner(), &JobRunner::finished);
        views.setTensor(QStringLiteral("blk.0.attn_q.weight"));
        // Two stages: the statistics complete, the Q4_K round trip fails.
        while (finished.size() < 2)
            QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).first().value<JobOutcome>(), JobOutcome::Completed);
        QCOMPARE(finished.at(1).first().value<JobOutcome>(), JobOutcome::Failed);
        QVERIFY(views.stats().has_value());
        QVERIFY(!views.analysis().has_value());
    }

    // A tensor whose statistics fail says why; the view never stays at "Computing…".
    void failedStatisticsAreShown()
    {
        auto model = std::make_shared<ModelFile>();
        model->path = "empty.gguf";
        TensorInfo empty;
        empty.name = empty.originalName = "blk.0.empty.weight";
        empty.ne = {0, 8};
        empty.sourceFile = model->path;
        model->tensors.push_back(empty);
        TensorViews views;
        views.setModel(model);
        QSignalSpy finished(views.runner(), &JobRunner::finished);
        views.setTensor(QStringLiteral("blk.0.empty.weight"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).first().value<JobOutcome>(), JobOutcome::Failed);
        QStringList texts;
        for (const QLabel* label : views.findChildren<QLabel*>())
            texts << label->text();
        QVERIFY2(!texts.join(QLatin1Char('|')).contains(QStringLiteral("Computing")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(QStringLiteral("Cannot read this tensor: tensor 'blk.0.empty.weight' (0 x 8) has no "
                                               "elements: there are no statistics to compute")),
                 qPrintable(texts.join(QLatin1Char('|'))));
    }

    void uiThreadStaysResponsive()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        TensorViews views;
        views.setModel(model);
        views.setCandidate(QStringLiteral("Q4_K"));
        const test::Responsiveness ui = waitForAnalysis(views, [&] { views.setTensor(QStringLiteral("token_embd.weight")); });
        qInfo("analysing token_embd (256 x 512, Q4_K): %d UI events handled meanwhile, longest gap %lld ms (information)",
              ui.eventsWhileRunning, static_cast<long long>(ui.worstGapMs));
        QVERIFY2(ui.eventsWhileRunning >= test::kEventsWhileRunning, qPrintable(QString::number(ui.eventsWhileRunning)));
    }

    void newerRequestSupersedesOlder()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        TensorViews views;
        views.setModel(model);
        views.setCandidate(QStringLiteral("Q8_0"));
        QVERIFY(waitForAnalysis(views, [&] {
                    views.setTensor(QStringLiteral("blk.0.ffn_up.weight"));
                    views.setTensor(QStringLiteral("blk.1.attn_q.weight"));
                }).eventsWhileRunning >= 0);
        QCOMPARE(views.analysis()->tensorName, std::string("blk.1.attn_q.weight"));
    }

    void layersEqualTheCorePerTensor()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        LayersView view;
        view.setModel(model);
        view.setCandidate(QStringLiteral("Q4_K"));
        QSignalSpy ready(&view, &LayersView::valuesReady);
        view.compute();
        QVERIFY(ready.wait(120000));
        const std::vector<LayerTensorError>& values = *view.values();
        QCOMPARE(values.size(), size_t(4 * 7));  // 4 layers × 7 classes, all rows multiples of 256
        for (const LayerTensorError& e : values) {
            const TensorInfo& t = tensorNamed(*model, e.name);
            const std::vector<float> original = dequantizeTensor(t);
            const TensorError expected = compareTensors(original, coreRoundTrip(TensorType::Q4_K, original, t.rowLength()));
            QCOMPARE(e.sqnrDb, expected.sqnrDb);
            QCOMPARE(e.relativeError, expected.relativeFrobenius);
            QCOMPARE(QString::fromStdString(e.name),
                     QStringLiteral("blk.%1.%2.weight").arg(e.layer).arg(QString::fromStdString(e.tensorClass)));
        }
    }

    void layersCancel()
    {
        QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
        std::shared_ptr<const ModelFile> model = openModel(path);
        LayersView view;
        view.setModel(model);
        QSignalSpy finished(view.runner(), &JobRunner::finished);
        view.compute();
        view.runner()->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().value<JobOutcome>(), JobOutcome::Cancelled);
        QVERIFY(!view.values().has_value());
    }
};

QX_TEST_MAIN(TstTensorViews)
#include "tst_tensor_views.moc"
