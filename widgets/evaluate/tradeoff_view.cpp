#include "evaluate/tradeoff_view.h"

#include "common/chart_util.h"
#include "common/flow_layout.h"
#include "common/table_export.h"
#include "common/zoom_chart_view.h"
#include "evaluate/runs_model.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

TradeoffView::TradeoffView(QWidget* parent)
    : QWidget(parent), m_view(new ZoomChartView(this)), m_x(new QComboBox(this)), m_y(new QComboBox(this))
{
    m_x->addItems({tr("File size (MiB)"), tr("Bits per weight")});
    m_y->addItems({tr("Perplexity"), tr("Mean KLD")});
    m_y->setCurrentIndex(MeanKld);  // KLD separates plans that perplexity's noise on short texts cannot
    m_x->setToolTip(tr("What the plan costs"));
    m_y->setToolTip(tr("What the plan loses: perplexity on the text, or mean KL divergence from the F32 model"));
    auto* exportButton = new QPushButton(tr("Export PNG/SVG…"), this);
    exportButton->setToolTip(tr("Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)"));
    QWidget* barWidget = nullptr;
    FlowLayout* bar = flowBar(this, &barWidget);
    bar->addWidget(labelled(tr("x:"), m_x, barWidget));
    bar->addWidget(labelled(tr("y:"), m_y, barWidget));
    bar->addWidget(new QLabel(tr("Click a point to load its plan."), barWidget));
    bar->addStretch();
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(barWidget);
    layout->addWidget(m_view, 1);
    connect(m_x, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_y, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = askChartImagePath(this);
        if (!path.isEmpty())
            exportChartImage(m_view, path);
    });
    redraw();
}

void TradeoffView::setRunsModel(RunsModel* model)
{
    m_model = model;
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { redraw(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { redraw(); });
    redraw();
}

void TradeoffView::setAxes(int x, int y)
{
    m_x->setCurrentIndex(x);
    m_y->setCurrentIndex(y);
}

std::pair<double, double> TradeoffView::pointOf(int row) const
{
    const PlanEvaluation& e = m_model->runs()[size_t(row)].eval;
    const double x = m_x->currentIndex() == SizeMiB ? double(e.fileBytes) / (1024.0 * 1024.0) : e.bitsPerWeight;
    const double y = m_y->currentIndex() == Perplexity ? e.ppl : e.kldMean;
    return {x, y};
}

void TradeoffView::requestRun(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const EvalRun& run = m_model->runs()[size_t(row)];
    emit planRequested(run.plan, run.label);
    emit runRequested(row);
}

namespace {

using Points = std::vector<std::pair<double, double>>;

QLineSeries* frontSeries(const Points& points, const std::vector<int>& front)
{
    auto* series = new QLineSeries;
    series->setName(TradeoffView::tr("Pareto front"));
    for (int i : front)
        series->append(points[size_t(i)].first, points[size_t(i)].second);
    QPen pen(QColor(213, 94, 0));
    pen.setWidthF(2.0);
    pen.setStyle(Qt::DashLine);
    series->setPen(pen);
    return series;
}

// Runs whose labels would overprint — within 8 % of the x span (a label's width) and 4 % of the y span (its
// height) — share one label ("Q3_K_S, Q2_K") on the
// first of them, so the labels do not overprint; the others get none.
std::vector<QString> sharedLabels(const Points& points, const std::vector<EvalRun>& runs)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (const auto& p : points)
        x0 = std::min(x0, p.first), x1 = std::max(x1, p.first), y0 = std::min(y0, p.second), y1 = std::max(y1, p.second);
    const double nearX = 0.08 * (x1 - x0), nearY = 0.04 * (y1 - y0);
    std::vector<QString> labels(points.size());
    for (size_t r = 0; r < points.size(); ++r) {
        size_t first = r;
        for (size_t q = 0; q < r; ++q)
            if (!labels[q].isEmpty() && std::fabs(points[q].first - points[r].first) <= nearX
                && std::fabs(points[q].second - points[r].second) <= nearY) {
                first = q;
                break;
            }
        const QString& name = runs[r].label;
        if (!labels[first].split(QStringLiteral(", ")).contains(name))
            labels[first] = labels[first].isEmpty() ? name : labels[first] + QStringLiteral(", ") + name;
    }
    return labels;
}

// Pads the value axes' ranges so labels and markers at the edges stay inside; sizes and KLD never go below 0.
void padAxes(QChart* chart, const Points& points)
{
    for (QAbstractAxis* a : chart->axes()) {
        auto* v = qobject_cast<QValueAxis*>(a);
        if (!v)
            continue;
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& p : points) {
            const double c = a->orientation() == Qt::Horizontal ? p.first : p.second;
            lo = std::min(lo, c), hi = std::max(hi, c);
        }
        const double pad = hi > lo ? 0.08 * (hi - lo) : std::max(1e-6, std::fabs(hi) * 0.05);
        v->setRange(lo >= 0.0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad);
        v->applyNiceNumbers();
        v->setLabelFormat(QStringLiteral("%.4g"));
    }
}

} // namespace

QScatterSeries* TradeoffView::runSeries(int row, QPointF point, const QString& label)
{
    const EvalRun& run = m_model->runs()[size_t(row)];
    auto* s = new QScatterSeries;
    s->setName(run.label);
    s->append(point);
    s->setMarkerSize(std::find(m_front.begin(), m_front.end(), row) != m_front.end() ? 13.0 : 9.0);
    s->setColor(run.isPreset ? QColor(0, 114, 178) : QColor(0, 158, 115));
    s->setPointLabelsFormat(label);
    s->setPointLabelsVisible(!label.isEmpty());
    s->setPointLabelsClipping(false);
    connect(s, &QScatterSeries::clicked, this, [this, row] { requestRun(row); });
    connect(s, &QScatterSeries::hovered, this, [this, row](const QPointF&, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), m_model->data(m_model->index(row, RunsModel::Label)).toString()
                                                   + QStringLiteral("\n")
                                                   + m_model->data(m_model->index(row, RunsModel::Ppl)).toString());
    });
    return s;
}

void TradeoffView::redraw()
{
    QChart* chart = m_view->freshChart();
    m_front.clear();
    chart->setTitle(tr("Size against quality of every evaluated plan"));
    if (!m_model || m_model->rowCount() == 0) {
        chart->setTitle(tr("No evaluations yet: use Evaluate or Evaluate presets"));
        return;
    }
    Points points;
    for (int r = 0; r < m_model->rowCount(); ++r)
        points.push_back(pointOf(r));
    m_front = paretoFront(points);
    QLineSeries* front = frontSeries(points, m_front);
    chart->addSeries(front);
    const std::vector<QString> labels = sharedLabels(points, m_model->runs());
    for (int r = 0; r < m_model->rowCount(); ++r)
        chart->addSeries(runSeries(r, QPointF(points[size_t(r)].first, points[size_t(r)].second), labels[size_t(r)]));
    qx::ui::setAxes(chart, m_x->currentText(), m_y->currentText(), false);
    for (QLegendMarker* marker : chart->legend()->markers())
        marker->setVisible(marker->series() == front);
    padAxes(chart, points);
}

} // namespace qx::ui
