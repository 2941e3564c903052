#include "tradeoff_view.h"

#include "chart_util.h"
#include "runs_model.h"
#include "table_export.h"
#include "zoom_chart_view.h"

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
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("x:"), this));
    bar->addWidget(m_x);
    bar->addWidget(new QLabel(tr("y:"), this));
    bar->addWidget(m_y);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Click a point to load its plan."), this));
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
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
    std::vector<std::pair<double, double>> points;
    for (int r = 0; r < m_model->rowCount(); ++r)
        points.push_back(pointOf(r));
    m_front = paretoFront(points);
    auto* front = new QLineSeries;
    front->setName(tr("Pareto front"));
    for (int i : m_front)
        front->append(points[size_t(i)].first, points[size_t(i)].second);
    QPen pen(QColor(213, 94, 0));
    pen.setWidthF(2.0);
    pen.setStyle(Qt::DashLine);
    front->setPen(pen);
    chart->addSeries(front);
    // Runs at (nearly) the same point — within 1.5 % of the axis spans — share one label ("Q3_K_S, Q2_K") so
    // the labels do not overprint.
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (const auto& p : points)
        x0 = std::min(x0, p.first), x1 = std::max(x1, p.first), y0 = std::min(y0, p.second), y1 = std::max(y1, p.second);
    const double nearX = 0.015 * (x1 - x0), nearY = 0.015 * (y1 - y0);
    std::vector<QString> labels(points.size());
    for (size_t r = 0; r < points.size(); ++r) {
        size_t first = r;
        for (size_t q = 0; q < r; ++q)
            if (!labels[q].isEmpty() && std::fabs(points[q].first - points[r].first) <= nearX
                && std::fabs(points[q].second - points[r].second) <= nearY) {
                first = q;
                break;
            }
        const QString& name = m_model->runs()[r].label;
        if (!labels[first].split(QStringLiteral(", ")).contains(name))
            labels[first] = labels[first].isEmpty() ? name : labels[first] + QStringLiteral(", ") + name;
    }
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const EvalRun& run = m_model->runs()[size_t(r)];
        auto* s = new QScatterSeries;
        s->setName(run.label);
        s->append(points[size_t(r)].first, points[size_t(r)].second);
        s->setMarkerSize(std::find(m_front.begin(), m_front.end(), r) != m_front.end() ? 13.0 : 9.0);
        s->setColor(run.isPreset ? QColor(0, 114, 178) : QColor(0, 158, 115));
        s->setPointLabelsFormat(labels[size_t(r)]);
        s->setPointLabelsVisible(!labels[size_t(r)].isEmpty());
        s->setPointLabelsClipping(false);
        chart->addSeries(s);
        connect(s, &QScatterSeries::clicked, this, [this, r] { requestRun(r); });
        connect(s, &QScatterSeries::hovered, this, [this, r](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), m_model->data(m_model->index(r, RunsModel::Label)).toString()
                                                       + QStringLiteral("\n")
                                                       + m_model->data(m_model->index(r, RunsModel::Ppl)).toString());
        });
    }
    const QString xTitle = m_x->currentText(), yTitle = m_y->currentText();
    qx::ui::setAxes(chart, xTitle, yTitle, false);
    for (QLegendMarker* marker : chart->legend()->markers())
        marker->setVisible(marker->series() == front);
    // Pad the ranges so labels and markers at the edges stay inside.
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
        v->setRange(lo >= 0.0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad);  // sizes and KLD never go below 0
        v->applyNiceNumbers();
        v->setLabelFormat(QStringLiteral("%.4g"));
    }
}

} // namespace qx::ui
