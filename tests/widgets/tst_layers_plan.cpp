// The Layers view's "Current plan": on stories260K with llama-quantize's Q4_K_M mix every blk.N.<class>
// value equals qx::compareTensors of the tensor's planned round trip through the scalar reference kernels
// (or the scheme's fake quantization), with and without the background error service; plan edits are
// followed, the format is named in the table cells and tooltips, and a user's choice of format sticks.
#include "common/core_round_trip.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/widget_shots.h"

#include "common/job_runner.h"
#include "common/table_export.h"
#include "layers/layer_table_model.h"
#include "layers/layers_view.h"
#include "layers/plan_layer_errors.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"

#include "quant/dequantize.h"
#include "quant/scheme_choice.h"
#include "stats/error_metrics.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QStandardPaths>
#include <QToolTip>
#include <QUndoStack>
#include <QtTest/QtTest>

#include <algorithm>

using namespace qx;
using namespace qx::ui;

namespace {

/// The planned round trip through the scalar reference kernels (GGUF types) or the scheme.
TensorError coreError(const TensorInfo& t, const PlanDocument& doc)
{
    const std::vector<float> original = dequantizeTensor(t);
    if (const auto scheme = doc.schemeOf(t.name)) {
        std::vector<float> back(original.size());
        fakeQuantChoice(*scheme, original, back, t.rowLength());
        return compareTensors(original, back);
    }
    return compareTensors(original, test::coreRoundTrip(doc.plan().find(t.name)->type, original, t.rowLength()));
}

const TensorInfo* tensorNamed(const ModelFile& model, const std::string& name)
{
    for (const TensorInfo& t : model.tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

/// Every view value equals the core's figures for the tensor's planned format; returns how many.
int checkValues(const LayersView& view, const ModelFile& model, const PlanDocument& doc)
{
    int checked = 0;
    for (const LayerTensorError& v : *view.values()) {
        const TensorInfo* t = tensorNamed(model, v.name);
        if (!t)
            return -1;
        const std::optional<CandidateFormat> format = plannedFormatOf(doc, int(t - model.tensors.data()));
        const TensorError e = coreError(*t, doc);
        if (!format || v.format != format->name() || v.sqnrDb != e.sqnrDb || v.relativeError != e.relativeFrobenius) {
            qWarning("%s: view %s %.6f dB %.6g, core %.6f dB %.6g", v.name.c_str(), v.format.c_str(), v.sqnrDb,
                     v.relativeError, e.sqnrDb, e.relativeFrobenius);
            return -1;
        }
        ++checked;
    }
    return checked;
}

/// blk.N.<class>.weight tensors of the Layers view's classes in `model`.
int layerTensorCount(const ModelFile& model)
{
    int n = 0, layer = 0;
    std::string cls;
    for (const TensorInfo& t : model.tensors)
        n += parseLayerTensorName(t.name, layer, cls) ? 1 : 0;
    return n;
}

} // namespace

class TstLayersPlan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void q4kmEqualsCore_data();
    void q4kmEqualsCore();
    void userChoiceSticks();
};

void TstLayersPlan::q4kmEqualsCore_data()
{
    QTest::addColumn<bool>("withService");
    QTest::newRow("service values") << true;
    QTest::newRow("own runner") << false;
}

void TstLayersPlan::q4kmEqualsCore()
{
    QFETCH(bool, withService);
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    auto file = openModel(path);
    PlanDocument doc;
    PlanErrorService service;
    if (withService)
        service.setDocument(&doc);
    LayersView view;
    view.setModel(file);
    view.setPlan(&doc, withService ? &service : nullptr);
    doc.setModel(file, QString::fromStdString(path));
    QVERIFY(!view.isCurrentPlanSelected());  // "as stored": nothing to show, a candidate is the default
    QSignalSpy ready(&view, &LayersView::valuesReady);
    QSignalSpy jobs(view.runner(), &JobRunner::started);
    doc.applyPreset(Preset::Q4_K_M);
    QVERIFY(view.isCurrentPlanSelected());
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QCOMPARE(jobs.count(), withService ? 0 : 1);  // the service's values are reused, not measured again
    QCOMPARE(int(view.values()->size()), layerTensorCount(*file));
    QCOMPARE(checkValues(view, *file, doc), layerTensorCount(*file));

    // The table names each cell's type: "Q4_K · 31.2 dB".
    const LayerTableModel* table = view.tableModel();
    const LayerTensorError& first = view.values()->front();
    const auto& classes = layerTensorClasses();
    const int column = 1 + int(std::find(classes.begin(), classes.end(), first.tensorClass) - classes.begin());
    const QModelIndex cell = table->index(first.layer, column);
    QCOMPARE(table->data(cell).toString(), QStringLiteral("%1 · %2 dB")
                                               .arg(QString::fromStdString(first.format))
                                               .arg(QString::number(first.sqnrDb, 'f', 1)));
    QVERIFY(table->data(cell, Qt::ToolTipRole).toString().contains(QString::fromStdString(first.name)));
    qInfo("%s: %s", first.name.c_str(), qPrintable(table->data(cell).toString()));
    if (withService) {
        test::shoot(view, QStringLiteral("layers-plan-chart-stories260K"));
        QVERIFY(exportChartImage(view.findChild<QChartView*>(QStringLiteral("layersChart")), test::shotDir() + QStringLiteral("/layers-plan-chart-stories260K.svg")));
        view.showPage(1);
        test::shoot(view, QStringLiteral("layers-plan-table-stories260K"));
        view.showPage(0);
    }

    // Hovering a point of the chart names its tensor and type.
    const QList<QAbstractSeries*> series = view.findChild<QChartView*>(QStringLiteral("layersChart"))->chart()->series();
    QVERIFY(!series.isEmpty());
    auto* line = qobject_cast<QLineSeries*>(series.front());
    QVERIFY(line && line->count() > 1);
    view.show();
    emit line->hovered(line->at(1), true);
    QTRY_VERIFY(QToolTip::isVisible());
    const auto hovered = std::find_if(view.values()->begin(), view.values()->end(), [&](const LayerTensorError& e) {
        return e.layer == int(line->at(1).x()) && QString::fromStdString(e.tensorClass) == line->name();
    });
    QCOMPARE(QToolTip::text(), LayerTableModel::toolTipFor(*hovered));
    QVERIFY(QToolTip::text().contains(QString::fromStdString(hovered->format)));
    emit line->hovered(line->at(1), false);

    // Edits are followed; of two quick edits only the last one's values appear.
    ready.clear();
    doc.setType({QStringLiteral("blk.0.attn_q.weight")}, TensorType::Q5_1);
    doc.setScheme({QStringLiteral("blk.1.ffn_up.weight")}, SchemeId::Int8PerChannel);
    doc.setType({QStringLiteral("blk.0.attn_q.weight")}, TensorType::Q8_0);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QTest::qWait(LayersView::kPlanDebounceMs * 2);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(checkValues(view, *file, doc), layerTensorCount(*file));
    const auto it = std::find_if(view.values()->begin(), view.values()->end(),
                                 [](const LayerTensorError& e) { return e.name == "blk.0.attn_q.weight"; });
    QCOMPARE(it->format, std::string("Q8_0"));
}

void TstLayersPlan::userChoiceSticks()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    auto file = openModel(path);
    PlanDocument doc;
    LayersView view;
    view.setModel(file);
    view.setPlan(&doc, nullptr);
    doc.setModel(file, QString::fromStdString(path));
    view.setCandidate(QStringLiteral("Q8_0"));
    doc.applyPreset(Preset::Q4_K_M);
    QVERIFY(!view.isCurrentPlanSelected());
    view.selectCurrentPlan();
    QSignalSpy ready(&view, &LayersView::valuesReady);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QCOMPARE(checkValues(view, *file, doc), layerTensorCount(*file));
    doc.undoStack()->undo();  // back to "as stored": every tensor exact, nothing finite to draw
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 2, 60000);
    QVERIFY(std::all_of(view.values()->begin(), view.values()->end(),
                        [](const LayerTensorError& e) { return std::isinf(e.sqnrDb) && e.relativeError == 0.0; }));
}

QX_TEST_MAIN(TstLayersPlan)
#include "tst_layers_plan.moc"
