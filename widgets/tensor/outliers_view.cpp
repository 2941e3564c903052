#include "tensor/outliers_view.h"

#include "common/chart_util.h"
#include "common/heatmap_widget.h"
#include "common/table_export.h"
#include "common/zoom_chart_view.h"
#include "tensor/outlier_table_model.h"

#include <QChart>
#include <QGridLayout>
#include <QHeaderView>
#include <QLegend>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QValueAxis>

#include <algorithm>

namespace qx::ui {

namespace {

/// `v` reduced to at most maxPoints by taking the max of consecutive groups; `group` receives their size.
QList<QPointF> downsampledMax(const std::vector<float>& v, int maxPoints, int64_t& group)
{
    group = std::max<int64_t>(1, (static_cast<int64_t>(v.size()) + maxPoints - 1) / maxPoints);
    QList<QPointF> points;
    for (int64_t first = 0; first < static_cast<int64_t>(v.size()); first += group) {
        const int64_t last = std::min<int64_t>(first + group, static_cast<int64_t>(v.size()));
        points.append({double(first), double(*std::max_element(v.begin() + first, v.begin() + last))});
    }
    return points;
}

} // namespace

OutliersView::OutliersView(QWidget* parent)
    : QWidget(parent), m_rowChart(new ZoomChartView(this)), m_columnChart(new ZoomChartView(this)),
      m_heatmap(new HeatmapWidget(this)), m_model(new OutlierTableModel(this)), m_table(new QTableView(this)),
      m_caption(new QLabel(this))
{
    m_caption->setWordWrap(true);
    m_heatmap->setObjectName(QStringLiteral("outlierHeatmap"));
    m_rowChart->setObjectName(QStringLiteral("outlierRowChart"));
    m_columnChart->setObjectName(QStringLiteral("outlierColumnChart"));
    m_heatmap->setToolTip(tr("Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(OutlierTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("outliersTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OutlierTableModel::Rank, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setToolTip(tr("The largest |w| of the tensor; right click to export as CSV"));
    installTableExport(m_table);

    // Three pages of the full width each: the |w| map, the channel profiles and the list — readable in a
    // narrow pane as on a wide screen.
    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_rowChart);
    charts->addWidget(m_columnChart);
    auto* tablePage = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_caption);
    tableLayout->addWidget(m_table, 1);
    auto* pages = new QTabWidget(this);
    pages->setObjectName(QStringLiteral("outlierPages"));
    pages->setDocumentMode(true);
    pages->addTab(m_heatmap, tr("|w| map"));
    pages->addTab(charts, tr("Rows and columns"));
    pages->addTab(tablePage, tr("Largest |w|"));
    pages->setTabToolTip(0, tr("The largest |w| of each cell of the tensor: outlier rows and columns stand out"));
    pages->setTabToolTip(1, tr("max |w| and RMS of every row (output channel) and column (input channel)"));
    pages->setTabToolTip(2, tr("The tensor's largest values and how many σ they lie from 0"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages, 0, 0);
    setStats(nullptr, {});
}

void OutliersView::fillChannels(ZoomChartView* view, const std::vector<float>& absMax, const std::vector<float>& rms,
                                const QString& title, const QString& axis)
{
    QChart* chart = view->freshChart();
    if (absMax.empty())
        return;
    int64_t group = 1;
    auto* a = new QLineSeries;
    a->setName(tr("max |w|"));
    a->replace(downsampledMax(absMax, kMaxPoints, group));
    auto* r = new QLineSeries;
    r->setName(tr("RMS"));
    r->replace(downsampledMax(rms, kMaxPoints, group));
    chart->addSeries(a);
    chart->addSeries(r);
    chart->setTitle(group > 1 ? tr("%1 (max over groups of %2)").arg(title).arg(group) : title);
    setAxes(chart, axis, tr("|w|"), false);
    if (auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0)))
        y->setLabelFormat(QStringLiteral("%.3g"));
    if (auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0)))
        x->setRange(0.0, double(absMax.size() - 1)), x->setLabelFormat(QStringLiteral("%.0f"));
}

void OutliersView::setStats(const TensorStats* stats, const QString& name)
{
    setTable(stats);
    if (!stats) {
        fillChannels(m_rowChart, {}, {}, {}, {});
        fillChannels(m_columnChart, {}, {}, {}, {});
        m_heatmap->clear();
        return;
    }
    Q_UNUSED(name);   // the views' summary line names the tensor
    fillChannels(m_rowChart, stats->rowAbsMax, stats->rowRms, tr("Per row"), tr("row (output channel)"));
    fillChannels(m_columnChart, stats->columnAbsMax, stats->columnRms, tr("Per column"), tr("column (input channel)"));
}

void OutliersView::setTable(const TensorStats* stats)
{
    if (!stats) {
        m_model->clear();
        m_caption->clear();
        return;
    }
    m_model->setOutliers(stats->topOutliers, stats->stddev);
    m_caption->setText(stats->outlierCount == 0
                           ? tr("No value lies beyond 6σ (|w| > %1): no outliers.").arg(stats->outlierThreshold, 0, 'g', 4)
                           : tr("%n value(s) beyond 6σ (|w| > %1); the largest %2 are listed.", nullptr,
                                static_cast<int>(std::min<uint64_t>(stats->outlierCount, INT32_MAX)))
                                 .arg(stats->outlierThreshold, 0, 'g', 4)
                                 .arg(stats->topOutliers.size()));
}

void OutliersView::setHeatmap(const AbsHeatmap& map, int64_t rows, int64_t rowLength)
{
    if (map.rows == 0 || map.columns == 0) {
        m_heatmap->clear();
        return;
    }
    m_heatmap->setMatrix(tr("max |w| per cell of %1 × %2 values").arg(map.rowsPerCell).arg(map.columnsPerCell),
                         map.maxAbs, map.rows, map.columns, HeatmapWidget::Scale::Magnitude, map.maxValue);
    m_heatmap->setAxes(rows, rowLength, tr("row (output channel)"), tr("column (input channel)"), tr("|w|"));
}

} // namespace qx::ui
