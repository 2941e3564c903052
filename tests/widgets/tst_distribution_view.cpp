// The Distribution view against the core on synth-d256's blk.1.ffn_down (768 × 256): it opens on the
// central 99.9 % with exact counts and the values beyond it counted; a zoom re-bins the original and the
// round trip exactly; ticks sit at round values; INT2, Q2_K, Q4_K and Q8_0 differ in the number of levels
// and in how far their histograms stray from the original; the comb neither collapses nor fills the plot
// for NF4 and INT8 per channel; "one block" shows the block's grid with its sub-blocks.
#include "common/core_round_trip.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/widget_shots.h"

#include "common/chart_util.h"
#include "common/zoom_chart_view.h"
#include "tensor/block_snap_view.h"
#include "tensor/distribution_view.h"
#include "tensor/round_trip_store.h"
#include "tensor/tensor_views.h"

#include "io/model_file.h"
#include "quant/dequantize.h"
#include "stats/range_histogram.h"

#include <QChart>
#include <QLineSeries>
#include <QCategoryAxis>
#include <QValueAxis>
#include <QtTest/QtTest>

#include <cmath>

using namespace qx;
using namespace qx::ui;

namespace {

constexpr const char* kModel = "reference/synth-d256/model-f32.gguf";
constexpr const char* kTensor = "blk.1.ffn_down.weight";

/// Waits for the round trip of `format` and the re-binned histograms that follow it.
bool analyse(TensorViews& views, const QString& format)
{
    QSignalSpy ready(&views, &TensorViews::analysisReady);
    views.setCandidate(format);
    if (!ready.wait(60000))
        return false;
    DistributionView* d = views.findChild<DistributionView*>(QStringLiteral("distributionView"));
    return QTest::qWaitFor([d] { return d->rebuiltHistogram().has_value(); }, 20000);
}

/// Σ |original − round trip| / Σ original over the bins of the view: how far the histograms stray.
double histogramDistance(const Histogram& a, const Histogram& b)
{
    double diff = 0.0, total = 0.0;
    for (size_t i = 0; i < a.counts.size(); ++i) {
        diff += std::fabs(double(a.counts[i]) - double(b.counts[i]));
        total += double(a.counts[i]);
    }
    return diff / total;
}

QLineSeries* seriesNamed(QChart* chart, const QString& start)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name().startsWith(start))
            return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

} // namespace

class TstDistributionView : public QObject {
    Q_OBJECT
private slots:
    void opensOnTheBulkWithExactCounts();
    void formatsDifferAtAGlance();
    void combForNf4AndInt8PerChannel();
    void oneBlockShowsTheSuperBlock();
    void niceSteps();
    void tickLabelsNeverSayMinusZero();
};

void TstDistributionView::opensOnTheBulkWithExactCounts()
{
    QX_REQUIRE_SHARED(path, kModel);
    auto file = openModel(path);
    const TensorInfo& info = *file->findTensor(kTensor);
    TensorViews views;
    views.resize(900, 700);
    views.show();
    views.setModel(file);
    views.setTensor(QString::fromLatin1(kTensor));
    QVERIFY(analyse(views, QStringLiteral("Q4_0")));
    DistributionView* d = views.findChild<DistributionView*>(QStringLiteral("distributionView"));

    // The central 99.9 % as the core finds it, rounded out to round ticks.
    const RowSource src = rowSourceFromTensor(info);
    const TensorStats stats = computeTensorStats(info);
    const auto bulk = centralRangeOf(src, stats.histogram, 0.999);
    QCOMPARE(d->bulkRange(), bulk);
    const auto [lo, hi] = d->viewRange();
    QVERIFY(lo <= bulk.first && hi >= bulk.second);
    QVERIFY(hi - lo < 0.5 * (stats.max - stats.min));   // the outliers are not in the first view
    const double step = niceStep(hi - lo, 8);
    QCOMPARE(std::remainder(lo, step), 0.0);

    // Counts equal the reference twin; what lies beyond is counted, not dropped.
    const Histogram& shown = *d->originalHistogram();
    const Histogram ref = rangeHistogramRef(src, lo, hi, int(shown.counts.size()));
    QCOMPARE(shown, ref);
    QVERIFY(shown.below + shown.above > 0);
    QCOMPARE(shown.total(), uint64_t(768 * 256));

    // A zoom re-bins both histograms exactly over the new range.
    QSignalSpy binned(d, &DistributionView::binned);
    d->setViewRange(0.0, 0.01);
    QVERIFY(binned.wait(20000));
    QCOMPARE(d->viewRange(), std::make_pair(0.0, 0.01));
    const int bins = int(d->originalHistogram()->counts.size());
    QCOMPARE(*d->originalHistogram(), rangeHistogramRef(src, 0.0, 0.01, bins));
    const std::vector<float> back = test::coreRoundTrip(TensorType::Q4_0, dequantizeTensor(info), info.rowLength());
    QCOMPARE(*d->rebuiltHistogram(), rangeHistogramRef(rowSourceFromSpan(back, info.rowLength()), 0.0, 0.01, bins));
    auto* x = qobject_cast<QValueAxis*>(d->findChild<ZoomChartView*>(QStringLiteral("distributionChart"))
                                            ->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(x);
    // 0.01 in about 7 steps: round steps of 0.002, labelled by us (QCategoryAxis on its values).
    auto* ticks = qobject_cast<QCategoryAxis*>(x);
    QVERIFY(ticks);
    QCOMPARE(ticks->categoriesLabels(), (QStringList{tickLabel(0.0, 3), tickLabel(0.002, 3), tickLabel(0.004, 3),
                                                     tickLabel(0.006, 3), tickLabel(0.008, 3), tickLabel(0.01, 3)}));
    QCOMPARE(ticks->endValue(tickLabel(0.004, 3)), 0.004);
    test::shoot(views, QStringLiteral("distribution-zoomed"));
    d->resetZoom();
    QVERIFY(binned.wait(20000));
    QCOMPARE(d->viewRange(), std::make_pair(lo, hi));
}

void TstDistributionView::formatsDifferAtAGlance()
{
    QX_REQUIRE_SHARED(path, kModel);
    auto file = openModel(path);
    TensorViews views;
    views.resize(900, 700);
    views.show();
    views.setModel(file);
    views.setTensor(QString::fromLatin1(kTensor));
    struct Seen { QString format; size_t levels; double distance; };
    std::vector<Seen> seen;
    for (const char* format : {"INT2 g64 asym", "Q2_K", "Q4_K", "Q8_0"}) {
        QVERIFY(analyse(views, QString::fromLatin1(format)));
        DistributionView* d = views.findChild<DistributionView*>(QStringLiteral("distributionView"));
        const BlockGrid& grid = *d->blockGrid();
        seen.push_back({QString::fromLatin1(format), grid.groups[d->combGroup()].levels.size(),
                        histogramDistance(*d->originalHistogram(), *d->rebuiltHistogram())});
        test::shoot(views, QStringLiteral("distribution-%1").arg(QString::fromLatin1(format).replace(QLatin1Char(' '), QLatin1Char('-'))));
        qInfo("%s: %zu levels in the comb's group, histogram distance %.3f", format, seen.back().levels,
              seen.back().distance);
    }
    QCOMPARE(seen[0].levels, size_t(4));     // INT2: 4 codes per group of 64
    QCOMPARE(seen[1].levels, size_t(4));     // Q2_K: 4 codes per sub-block of 16
    QCOMPARE(seen[2].levels, size_t(16));
    QCOMPARE(seen[3].levels, size_t(256));
    // The fewer and coarser the levels, the further the round trip's histogram strays from the original.
    QVERIFY(seen[0].distance > seen[1].distance);
    QVERIFY(seen[1].distance > seen[2].distance);
    QVERIFY(seen[2].distance > seen[3].distance);
    QVERIFY(seen[0].distance > 1.0 && seen[3].distance < 0.5);
}

void TstDistributionView::combForNf4AndInt8PerChannel()
{
    QX_REQUIRE_SHARED(path, kModel);
    auto file = openModel(path);
    TensorViews views;
    views.resize(900, 700);
    views.show();
    views.setModel(file);
    views.setTensor(QString::fromLatin1(kTensor));
    // NF4: 16 levels spread over ±absmax of the block of 64 — a comb, not one line.
    QVERIFY(analyse(views, QStringLiteral("NF4 (absmax / 64)")));
    DistributionView* d = views.findChild<DistributionView*>(QStringLiteral("distributionView"));
    const GridGroup& nf4 = d->blockGrid()->groups[d->combGroup()];
    QCOMPARE(nf4.levels.size(), size_t(16));
    QCOMPARE(nf4.length, int64_t(64));
    QVERIFY(nf4.levels.back() - nf4.levels.front() > 0.1 * (d->viewRange().second - d->viewRange().first));
    QChart* chart = d->findChild<ZoomChartView*>(QStringLiteral("distributionChart"))->chart();
    QLineSeries* grid = seriesNamed(chart, QStringLiteral("grid of row"));
    QVERIFY(grid);
    QCOMPARE(grid->count(), 16 * 3);   // all 16 levels drawn as a comb
    test::shoot(views, QStringLiteral("distribution-nf4"));

    // INT8 per channel: 255 levels per row. The grid is a ruler of short ticks along the axis (or, when
    // finer than 3 pixels, not drawn at all); stems stand only where the window's values are (at most one per
    // value): never a filled plot.
    QVERIFY(analyse(views, QStringLiteral("INT8 per-channel")));
    const GridGroup& int8 = d->blockGrid()->groups[d->combGroup()];
    QCOMPARE(int8.levels.size(), size_t(255));
    chart = d->findChild<ZoomChartView*>(QStringLiteral("distributionChart"))->chart();
    auto* right = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(1));
    QVERIFY(right);
    if (QLineSeries* ruler = seriesNamed(chart, QStringLiteral("grid of row"))) {
        for (const QPointF& p : ruler->points())
            QVERIFY(p.y() <= 0.06 * right->max());
    }
    QLineSeries* stems = seriesNamed(chart, QStringLiteral("values at each level"));
    if (!stems)
        stems = seriesNamed(chart, QStringLiteral("levels in use"));
    QVERIFY(stems);
    QVERIFY(stems->count() / 3 <= int(int8.length));
    test::shoot(views, QStringLiteral("distribution-int8-per-channel"));
}

void TstDistributionView::oneBlockShowsTheSuperBlock()
{
    QX_REQUIRE_SHARED(path, kModel);
    auto file = openModel(path);
    const TensorInfo& info = *file->findTensor(kTensor);
    TensorViews views;
    views.resize(900, 700);
    views.show();
    views.setModel(file);
    views.setTensor(QString::fromLatin1(kTensor));
    QVERIFY(analyse(views, QStringLiteral("Q4_K")));
    DistributionView* d = views.findChild<DistributionView*>(QStringLiteral("distributionView"));
    d->setMode(DistributionView::Mode::Block);
    d->selectBlock(17, 2);
    QCOMPARE(d->selectedBlock(), std::make_pair(int64_t(17), int64_t(2)));
    auto* picture = d->findChild<BlockSnapView*>(QStringLiteral("blockSnapView"));
    QVERIFY(picture && picture->isVisible() && picture->block());
    const BlockGrid& grid = picture->block()->grid;
    QCOMPARE(grid.kind, GridKind::SuperBlock);
    QCOMPARE(grid.groups.size(), size_t(8));
    // The picture's values are the block's own (values 512–767 of the 768-wide row), before and after the
    // core's round trip.
    std::vector<float> row(768);
    dequantizeRows(info, 17, 1, row);
    const std::vector<float> back = test::coreRoundTrip(TensorType::Q4_K, row, 768);
    for (size_t i = 0; i < 256; ++i) {
        QCOMPARE(picture->block()->original[i], row[512 + i]);
        QCOMPARE(grid.decoded[i], back[512 + i]);
    }
    const auto [lo, hi] = picture->axisRange();
    QVERIFY(lo <= *std::min_element(row.begin() + 512, row.end()) && hi >= *std::max_element(row.begin() + 512, row.end()));
    test::shoot(views, QStringLiteral("distribution-one-block-q4k"));
    // The selection stays when the format changes: the same values, now as Q8_0's blocks of 32.
    QVERIFY(analyse(views, QStringLiteral("Q8_0")));
    QCOMPARE(d->selectedBlock(), std::make_pair(int64_t(17), int64_t(2 * 256 / 32)));
    test::shoot(views, QStringLiteral("distribution-one-block-q8"));
}

void TstDistributionView::niceSteps()
{
    QCOMPARE(niceStep(1.0, 5), 0.2);
    QCOMPARE(niceStep(0.12, 6), 0.02);
    QCOMPARE(niceStep(730.0, 5), 200.0);
    QCOMPARE(niceStep(0.0003, 3), 0.0001);
    QCOMPARE(niceRange(-0.137, 0.1376, 8), std::make_pair(-0.15, 0.15));   // steps of 0.05
    QCOMPARE(decimalsFor(0.02), 2);
    QCOMPARE(decimalsFor(0.005), 3);
    QCOMPARE(decimalsFor(200.0), 0);
}

void TstDistributionView::tickLabelsNeverSayMinusZero()
{
    // Qt's own labels print "-0.0" for the −2.8e-17 that taking 0.1 three times from 0.3 leaves.
    double v = 0.3;
    for (int i = 0; i < 3; ++i)
        v -= 0.1;
    QVERIFY(v != 0.0 && QString::asprintf("%.1f", v) == QStringLiteral("-0.0"));
    QCOMPARE(tickLabel(v, 1), QStringLiteral("0"));
    QCOMPARE(tickLabel(-0.0, 2), QStringLiteral("0"));
    QCOMPARE(tickLabel(-0.004, 2), QStringLiteral("0"));   // rounds to zero at two decimals
    QCOMPARE(tickLabel(-0.3, 1), QLocale().toString(-0.3, 'f', 1));
    QCOMPARE(tickLabel(0.25, 2), QLocale().toString(0.25, 'f', 2));
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German));
    QCOMPARE(tickLabel(-0.25, 2), QStringLiteral("-0,25"));
    QLocale::setDefault(saved);
    // A niceAxis() across zero: round ticks, "0" in the middle, relabelled when the range changes.
    std::unique_ptr<QValueAxis> axis(niceAxis());
    axis->setRange(-0.3, 0.3);
    setNiceTicks(axis.get(), 6);
    auto* c = qobject_cast<QCategoryAxis*>(axis.get());
    QCOMPARE(c->categoriesLabels(), (QStringList{tickLabel(-0.3, 1), tickLabel(-0.2, 1), tickLabel(-0.1, 1), QStringLiteral("0"),
                                                 tickLabel(0.1, 1), tickLabel(0.2, 1), tickLabel(0.3, 1)}));
    axis->setRange(-1.0, 1.0);
    QCOMPARE(c->categoriesLabels(), (QStringList{tickLabel(-1.0, 1), tickLabel(-0.5, 1), QStringLiteral("0"),
                                                 tickLabel(0.5, 1), tickLabel(1.0, 1)}));   // steps of 0.5
    QVERIFY(c->categoriesLabels().contains(QStringLiteral("0")));
    for (const QString& label : c->categoriesLabels())
        QVERIFY2(label != QStringLiteral("-0.0") && label != QStringLiteral("-0"), qPrintable(label));
}

QX_TEST_MAIN(TstDistributionView)
#include "tst_distribution_view.moc"
