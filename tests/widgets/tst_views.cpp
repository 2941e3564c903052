// The new views against the core: histogram and outliers equal computeTensorStats, the Values window
// equals quantize → dequantize, item models pass QAbstractItemModelTester, the UI thread never blocks
// while the layer errors are computed (UI events handled meanwhile). Screenshots of every view
// go to $QX_VIEWS_SHOTS (default: test-scratch/views-shots).
#include "common/core_round_trip.h"
#include "common/test_main.h"
#include "common/widget_shots.h"
#include "common/event_loop_gap.h"
#include "common/test_data.h"

#include "common/heatmap_widget.h"
#include "common/job_runner.h"
#include "common/table_export.h"
#include "common/zoom_chart_view.h"
#include "evaluate/runs_model.h"
#include "evaluate/runs_view.h"
#include "evaluate/tradeoff_view.h"
#include "layers/layer_table_model.h"
#include "layers/layers_view.h"
#include "tensor/outlier_table_model.h"
#include "tensor/outliers_view.h"
#include "tensor/round_trip_store.h"
#include "tensor/tensor_views.h"
#include "tensor/values_model.h"
#include "tensor/values_view.h"

#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QtTest/QtTest>

using namespace qx;
using namespace qx::ui;

namespace {

using qx::test::coreRoundTrip;
using qx::test::shotDir;
using qx::test::shoot;

using qx::test::respondsWhileRunning;

} // namespace

class TstViews : public QObject {
    Q_OBJECT
private slots:
    void histogramAndOutliersEqualTheCore_data();
    void histogramAndOutliersEqualTheCore();
    void valuesWindowEqualsRoundTrip();
    void valuesTensorWideScheme();
    void csvQuotes();
    void runsModelAndPareto();
    void runsTableSpeaksTheLocale();
    void layerTable();
    void layersResponsive();
};

void TstViews::histogramAndOutliersEqualTheCore_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("tensor");
    QTest::newRow("stories260K ffn_up") << "models/stories260K.gguf" << "blk.0.ffn_up.weight";
    QTest::newRow("synth-d256 ffn_down") << "reference/synth-d256/model-f32.gguf" << "blk.1.ffn_down.weight";
}

void TstViews::histogramAndOutliersEqualTheCore()
{
    QFETCH(QString, model);
    QFETCH(QString, tensor);
    QX_REQUIRE_SHARED(path, model.toStdString());
    auto file = openModel(path);
    const TensorInfo& info = *file->findTensor(tensor.toStdString());
    TensorViews views;
    views.setModel(file);
    views.setFormat(QStringLiteral("Q8_0"));
    QSignalSpy ready(&views, &TensorViews::analysisReady);
    views.setTensor(tensor);
    QVERIFY(ready.wait(60000));
    const TensorStats core = computeTensorStats(info);
    QCOMPARE(views.stats()->histogram, core.histogram);
    QCOMPARE(views.stats()->topOutliers, core.topOutliers);

    OutlierTableModel* table = views.findChild<OutliersView*>(QStringLiteral("outliersView"))->tableModel();
    QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->rowCount(), int(core.topOutliers.size()));
    QCOMPARE(table->rowCount() > 0, core.outlierCount > 0);  // only values beyond 6σ are outliers
    for (int r = 0; r < table->rowCount(); ++r) {
        const Outlier& o = core.topOutliers[size_t(r)];
        QCOMPARE(table->data(table->index(r, OutlierTableModel::Value), OutlierTableModel::SortRole).toDouble(), double(o.value));
        QCOMPARE(table->data(table->index(r, OutlierTableModel::Row), OutlierTableModel::SortRole).toLongLong(), o.row);
        QCOMPARE(table->data(table->index(r, OutlierTableModel::ColumnIndex), OutlierTableModel::SortRole).toLongLong(), o.column);
        QCOMPARE(table->data(table->index(r, OutlierTableModel::Sigmas), OutlierTableModel::SortRole).toDouble(),
                 std::fabs(o.value) / core.stddev);
    }
    // The heatmap's brightest cell is the tensor's max |w|; the grid of its Q8_0 block (d·q, q = -128..127)
    // spans ±max |w|.
    const TensorAnalysis& a = *views.analysis();
    QCOMPARE(double(a.heatmap.maxValue), core.absMax);
    QCOMPARE(a.store->blockLength(), int64_t(32));
    const BlockGrid grid = a.store->grid(a.maxRow, a.maxColumn / 32);
    QCOMPARE(grid.groups.size(), size_t(1));
    QCOMPARE(grid.groups.front().levels.size(), size_t(256));
    QVERIFY(grid.groups.front().levels.back() >= 0.99f * float(core.absMax));
    QVERIFY(grid.groups.front().levels.front() <= -0.99f * float(core.absMax));

    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    views.setLogScale(true);
    for (int tab : {TensorViews::DistributionTab, TensorViews::OutliersTab, TensorViews::ValuesTab}) {
        views.showTab(tab);
        shoot(views, QStringLiteral("tensor-%1-tab%2").arg(tag).arg(tab));
    }
    // The Outliers tab, once shown, paints that map: one pixel per cell, the cell holding max |w| at the scale's bright end.
    auto* map = views.findChild<HeatmapWidget*>(QStringLiteral("outlierHeatmap"));
    QVERIFY(map);
    QCOMPARE(map->image().size(), QSize(a.heatmap.columns, a.heatmap.rows));
    QCOMPARE(map->range(), double(a.heatmap.maxValue));
    QCOMPARE(map->image().pixel(int(a.maxColumn / a.heatmap.columnsPerCell), int(a.maxRow / a.heatmap.rowsPerCell)),
             QColor(253, 231, 37).rgb());
}

void TstViews::valuesWindowEqualsRoundTrip()
{
    QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
    auto file = openModel(path);
    const TensorInfo& info = *file->findTensor("blk.0.ffn_up.weight");
    ValuesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTensor(file, &info, candidateByName("Q4_0"));
    const int64_t rowLength = info.rowLength();
    model.setWindow(5, 10, 100);  // runs on over the end of row 5 (rows of 64) into row 6
    QCOMPARE(model.rowCount(), 100);
    const std::vector<float> original = dequantizeTensor(info);
    const std::vector<float> expected = coreRoundTrip(TensorType::Q4_0, original, rowLength);
    for (int i = 0; i < model.rowCount(); ++i) {
        const size_t flat = size_t(5 * rowLength + 10 + i);
        QCOMPARE(model.data(model.index(i, ValuesModel::Row), ValuesModel::SortRole).toLongLong(), int64_t(flat) / rowLength);
        QCOMPARE(model.data(model.index(i, ValuesModel::Original), ValuesModel::SortRole).toDouble(), double(original[flat]));
        QCOMPARE(model.data(model.index(i, ValuesModel::Quantized), ValuesModel::SortRole).toDouble(), double(expected[flat]));
        QCOMPARE(model.data(model.index(i, ValuesModel::Difference), ValuesModel::SortRole).toDouble(),
                 double(expected[flat]) - double(original[flat]));
    }
    QCOMPARE(model.rowsComputed(), int64_t(2));  // lazy: only the rows of the window
    model.setWindow(171, 60, 1000);               // clipped to the tensor's end
    QCOMPARE(model.rowCount(), 4);
}

void TstViews::valuesTensorWideScheme()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    auto file = openModel(path);
    const TensorInfo& info = *file->findTensor("blk.0.attn_q.weight");
    const CandidateFormat fmt = candidateByName("INT8 per-tensor");
    QVERIFY(isTensorWide(fmt));
    const TensorAnalysis a = analyzeTensor(info, fmt);
    QVERIFY(a.wholeRoundTrip);
    ValuesModel model;
    model.setTensor(file, &info, fmt);
    model.setWindow(3, 0, 8);
    QVERIFY(!model.data(model.index(0, ValuesModel::Quantized)).isValid());  // not before the whole round trip
    model.setWholeRoundTrip(a.wholeRoundTrip);
    model.setWindow(3, 0, 8);
    std::vector<float> original = dequantizeTensor(info), fake(original.size());
    fakeQuantScheme(*fmt.format.catalogId(), original, fake, info.rowLength());
    for (int i = 0; i < 8; ++i)
        QCOMPARE(model.data(model.index(i, ValuesModel::Quantized), ValuesModel::SortRole).toDouble(),
                 double(fake[size_t(3 * info.rowLength() + i)]));
}

void TstViews::csvQuotes()
{
    QStandardItemModel m(2, 2);
    m.setHorizontalHeaderLabels({QStringLiteral("name"), QStringLiteral("value")});
    m.setItem(0, 0, new QStandardItem(QStringLiteral("a,b")));
    m.setItem(0, 1, new QStandardItem(QStringLiteral("say \"hi\"")));
    m.setItem(1, 0, new QStandardItem(QStringLiteral("plain")));
    m.setItem(1, 1, new QStandardItem(QStringLiteral("1.5")));
    QCOMPARE(tableToCsv(m), QStringLiteral("name,value\n\"a,b\",\"say \"\"hi\"\"\"\nplain,1.5\n"));
    const QString file = QString::fromStdString(test::scratchDir("views")) + QStringLiteral("/t.csv");
    QVERIFY(exportTableCsv(m, file));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), tableToCsv(m));
}

void TstViews::runsModelAndPareto()
{
    const std::vector<std::pair<double, double>> pts{{4, 5}, {2, 9}, {3, 6}, {5, 5.5}, {1, 12}, {6, 4}};
    QCOMPARE(paretoFront(pts), (std::vector<int>{4, 1, 2, 0, 5}));
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 3; ++i) {
        EvalRun run;
        run.label = QStringLiteral("run %1").arg(i);
        run.time = QDateTime::currentDateTime();
        run.eval.fileBytes = 1000u * (i + 1);
        run.eval.ppl = 10.0 - i;
        run.eval.kldMean = 0.1 * i;
        run.plan.preset = "P" + std::to_string(i);
        model.addRun(run);
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(2, RunsModel::Ppl), RunsModel::SortRole).toDouble(), 8.0);
    TradeoffView view;
    view.setRunsModel(&model);
    view.setAxes(TradeoffView::SizeMiB, TradeoffView::Perplexity);  // the default y is mean KLD
    QCOMPARE(view.front(), (std::vector<int>{0, 1, 2}));  // bigger is better in PPL here: all on the front
    view.setAxes(TradeoffView::SizeMiB, TradeoffView::MeanKld);
    QCOMPARE(view.front(), (std::vector<int>{0}));
    QSignalSpy requested(&view, &TradeoffView::planRequested);
    view.requestRun(1);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("run 1"));
    QCOMPARE(requested.first().at(0).value<qx::Plan>().preset, std::string("P1"));
    model.clear();
    QCOMPARE(view.front().size(), size_t(0));

    // Runs crowded at one spot still get numbers of their own, none over another or over a point; hovering a
    // point names its run; a single click on a point loads it.
    for (int i = 0; i < 6; ++i) {
        EvalRun run;
        run.label = QStringLiteral("crowded %1").arg(i);
        run.eval.fileBytes = 1 << 20;
        run.eval.bitsPerWeight = 4.5 + 0.001 * i;
        run.eval.kldMean = 0.02 + 0.0001 * i;
        run.isPreset = i % 2 == 0;
        model.addRun(run);
    }
    EvalRun far;
    far.label = QStringLiteral("far");
    far.eval.bitsPerWeight = 8.5;
    far.eval.kldMean = 0.001;
    model.addRun(far);
    view.setAxes(TradeoffView::BitsPerWeight, TradeoffView::MeanKld);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.labelRects().size(), size_t(7));   // placed once the plot area is known
    const std::vector<QRectF> labels = view.labelRects();
    for (size_t a = 0; a < labels.size(); ++a) {
        QVERIFY(!labels[a].isEmpty());
        for (size_t b = a + 1; b < labels.size(); ++b)
            QVERIFY2(!labels[a].intersects(labels[b]), qPrintable(QStringLiteral("%1 and %2").arg(a + 1).arg(b + 1)));
    }
    QVERIFY(view.details(6).contains(QStringLiteral("far")));
    QSignalSpy runs(&view, &TradeoffView::runRequested);
    const QPoint farPoint = view.pointPosition(6).toPoint();
    QCOMPARE(view.runAt(farPoint), std::optional<int>(6));
    QTest::mouseClick(view.findChild<ZoomChartView*>(QStringLiteral("tradeoffChart"))->viewport(), Qt::LeftButton, {}, farPoint);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().first().toInt(), 6);
    shoot(view, QStringLiteral("tradeoff-crowded"));
}

void TstViews::runsTableSpeaksTheLocale()
{
    // In German every number of the runs table has a decimal comma; "±" never breaks a cell over two lines,
    // and each column is as wide as its widest cell.
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    RunsModel model;
    EvalRun run;
    run.label = QStringLiteral("Q4_K_M + GPTQ");
    run.time = QDateTime(QDate(2026, 3, 1), QTime(14, 5));
    run.eval.fileBytes = 3u << 20;
    run.eval.bitsPerWeight = 4.875;
    run.eval.ppl = 12.3456, run.eval.pplUnc = 0.25, run.eval.pplBase = 11.5;
    run.eval.kldMean = 0.0125, run.eval.kldUnc = 0.0011, run.eval.kld99 = 0.25f, run.eval.sameTop = 0.9375;
    run.eval.nCtx = 128, run.eval.nChunk = 4;
    model.addRun(run);
    auto text = [&](int column) { return model.data(model.index(0, column)).toString(); };
    const QString pm = QStringLiteral("\u00a0±\u00a0");
    QCOMPARE(text(RunsModel::BitsPerWeight), QStringLiteral("4,875"));
    QCOMPARE(text(RunsModel::Ppl), QStringLiteral("12,3456") + pm + QStringLiteral("0,2500"));
    QCOMPARE(text(RunsModel::PplBase), QStringLiteral("11,5000"));
    QCOMPARE(text(RunsModel::Kld), QStringLiteral("0,0125") + pm + QStringLiteral("0,0011"));
    QCOMPARE(text(RunsModel::Kld99), QStringLiteral("0,25"));
    QCOMPARE(text(RunsModel::SameTop), QStringLiteral("93,75\u00a0%"));
    QCOMPARE(text(RunsModel::Size), QStringLiteral("3,00 MiB"));
    QCOMPARE(text(RunsModel::Time), QStringLiteral("14:05"));   // runs are of this session: the day is in the tooltip

    RunsView view;
    view.setRunsModel(&model);
    view.resize(1900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* table = view.findChild<QTableView*>(QStringLiteral("runsTable"));
    QVERIFY(table);
    QVERIFY(!table->wordWrap());
    const QFontMetrics fm(table->font());
    for (int c = 0; c < RunsModel::ColumnCount; ++c) {
        if (table->isColumnHidden(c))
            continue;
        const QString cell = table->model()->index(0, c).data().toString();
        QVERIFY2(table->columnWidth(c) > fm.horizontalAdvance(cell), qPrintable(cell));
    }
    QLocale::setDefault(saved);
}

void TstViews::layerTable()
{
    std::vector<LayerTensorError> values{{"blk.0.attn_q.weight", 0, "attn_q", 20.0, 0.1},
                                         {"blk.1.ffn_down.weight", 1, "ffn_down", 18.5, 0.12},
                                         {"blk.0.ffn_down.weight", 0, "ffn_down", 19.0, 0.11}};
    LayerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setValues(values, 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 8);
    QCOMPARE(model.headerData(7, Qt::Horizontal).toString(), QStringLiteral("ffn_down"));
    QCOMPARE(model.data(model.index(1, 7), LayerTableModel::SortRole).toDouble(), 18.5);
    QVERIFY(!model.data(model.index(1, 1)).isValid());  // no attn_q in layer 1
    model.setValues(values, 1);
    QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("0.1"));
}

void TstViews::layersResponsive()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/model-f32.gguf");
    auto file = openModel(path);
    LayersView view;
    view.setModel(file);
    view.setCandidate(QStringLiteral("Q4_K"));
    QSignalSpy ready(&view, &LayersView::valuesReady);
    view.compute();
    const auto ui = respondsWhileRunning([&] { return !ready.isEmpty(); }, 120000);
    qInfo("computing the layer errors of synth-d256: %d UI events handled meanwhile, longest gap %lld ms (information)",
          ui.eventsWhileRunning, static_cast<long long>(ui.worstGapMs));
    QVERIFY2(ui.eventsWhileRunning >= qx::test::kEventsWhileRunning, qPrintable(QString::number(ui.eventsWhileRunning)));
    QCOMPARE(view.tableModel()->rowCount(), 4);
    shoot(view, QStringLiteral("layers-chart-synth-d256"));
    view.setClassFilter(QStringLiteral("ffn_down"));
    shoot(view, QStringLiteral("layers-ffn_down-synth-d256"));
    view.showPage(1);
    shoot(view, QStringLiteral("layers-table-synth-d256"));
}

QX_TEST_MAIN(TstViews)
#include "tst_views.moc"
