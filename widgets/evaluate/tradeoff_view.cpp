#include "evaluate/tradeoff_view.h"

#include "common/chart_util.h"
#include "common/flow_layout.h"
#include "common/format_text.h"
#include "common/table_export.h"
#include "common/zoom_chart_view.h"
#include "evaluate/runs_model.h"

#include <QChart>
#include <QComboBox>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QScatterSeries>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {
namespace {

const QColor kPreset(0, 114, 178), kOther(0, 158, 115), kFront(213, 94, 0);
constexpr double kMarker = 9.0, kFrontMarker = 13.0;

using Points = std::vector<std::pair<double, double>>;

QScatterSeries* scatter(const QString& name, const QColor& color, double size)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(color.darker(130));
    s->setMarkerSize(size);
    return s;
}

// Pads the value axes' ranges so markers and numbers at the edges stay inside, on round ticks; sizes and
// KLD never go below 0.
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
        const double pad = hi > lo ? 0.1 * (hi - lo) : std::max(1e-6, std::fabs(hi) * 0.05);
        const auto [l, h] = niceRange(lo >= 0.0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad, 6);
        v->setRange(l, h);
        setNiceTicks(v, 6);
    }
}

} // namespace

TradeoffView::TradeoffView(QWidget* parent)
    : QWidget(parent), m_view(new ZoomChartView(this)), m_legend(new ChartLegend(this)), m_table(new QTableWidget(this)),
      m_x(new QComboBox(this)), m_y(new QComboBox(this))
{
    m_x->addItems({tr("File size (MiB)"), tr("Bits per weight")});
    m_y->addItems({tr("Perplexity"), tr("Mean KLD")});
    m_y->setCurrentIndex(MeanKld);  // KLD separates plans that perplexity's noise on short texts cannot
    m_x->setToolTip(tr("What the plan costs"));
    m_y->setToolTip(tr("What the plan loses: perplexity on the text, or mean KL divergence from the F32 model"));
    m_view->setObjectName(QStringLiteral("tradeoffChart"));
    m_view->setToolTip(QString());   // the points show their own details
    m_view->viewport()->installEventFilter(this);
    m_view->viewport()->setMouseTracking(true);
    m_table->setObjectName(QStringLiteral("tradeoffTable"));
    m_table->setColumnCount(4);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setToolTip(tr("The numbers beside the points; click a row to load its plan"));
    auto* exportButton = new QPushButton(tr("Export PNG/SVG…"), this);
    exportButton->setToolTip(tr("Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)"));
    QWidget* barWidget = nullptr;
    FlowLayout* bar = flowBar(this, &barWidget);
    bar->addWidget(labelled(tr("x:"), m_x, barWidget));
    bar->addWidget(labelled(tr("y:"), m_y, barWidget));
    bar->addWidget(new QLabel(tr("Click a point or a row to load its plan."), barWidget));
    bar->addStretch();
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(barWidget);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_legend);
    layout->addWidget(m_table, 1);
    connect(m_x, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_y, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row) { requestRun(row); });
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

QString TradeoffView::details(int row) const
{
    const EvalRun& r = m_model->runs()[size_t(row)];
    const PlanEvaluation& e = r.eval;
    const QLocale l;
    return tr("%1. %2\n%3 file, %4 bits/weight\nPPL %5 ± %6 (F32 %7)\nmean KLD %8, same top token %9 %\nClick to load "
              "this plan")
        .arg(row + 1).arg(r.label, formatBytes(e.fileBytes), l.toString(e.bitsPerWeight, 'f', 2), l.toString(e.ppl, 'f', 3),
             l.toString(e.pplUnc, 'f', 3), l.toString(e.pplBase, 'f', 3), l.toString(e.kldMean, 'g', 3))
        .arg(l.toString(100.0 * e.sameTop, 'f', 1));
}

void TradeoffView::redraw()
{
    QChart* chart = m_view->freshChart();   // deletes the old chart with its numbers and leader lines
    m_labels.clear();
    m_leaders.clear();
    m_seriesOf.clear();
    m_front.clear();
    const int n = m_model ? m_model->rowCount() : 0;
    if (n == 0) {
        chart->setTitle(tr("No evaluations yet: use Evaluate or Evaluate presets"));
        m_legend->setChart(chart);
        fillTable();
        return;
    }
    chart->setTitle(tr("Size against quality of every evaluated plan"));
    Points points;
    for (int r = 0; r < n; ++r)
        points.push_back(pointOf(r));
    m_front = paretoFront(points);
    QScatterSeries* kinds[4] = {scatter(tr("llama.cpp preset"), kPreset, kMarker), scatter(tr("other plan"), kOther, kMarker),
                                scatter(tr("preset on the Pareto front"), kPreset, kFrontMarker),
                                scatter(tr("other plan on the Pareto front"), kOther, kFrontMarker)};
    for (int r = 0; r < n; ++r) {
        const bool onFront = std::find(m_front.begin(), m_front.end(), r) != m_front.end();
        QScatterSeries* s = kinds[(onFront ? 2 : 0) + (m_model->runs()[size_t(r)].isPreset ? 0 : 1)];
        s->append(points[size_t(r)].first, points[size_t(r)].second);
        m_seriesOf.push_back(s);
    }
    auto* front = new QLineSeries;
    front->setName(tr("Pareto front: nothing is both smaller and better"));
    for (int i : m_front)
        front->append(points[size_t(i)].first, points[size_t(i)].second);
    front->setPen(QPen(kFront, 2.0, Qt::DashLine));
    chart->addSeries(front);
    for (QScatterSeries* s : kinds) {
        if (s->count() > 0)
            chart->addSeries(s);
        else
            delete s;
    }
    qx::ui::setAxes(chart, m_x->currentText(), m_y->currentText(), false);
    padAxes(chart, points);
    m_legend->setChart(chart);
    connect(chart, &QChart::plotAreaChanged, this, &TradeoffView::placeLabels, Qt::QueuedConnection);
    for (QAbstractAxis* axis : chart->axes())
        connect(axis, &QAbstractAxis::visibleChanged, this, &TradeoffView::placeLabels, Qt::QueuedConnection);
    if (auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0)))
        connect(x, &QValueAxis::rangeChanged, this, &TradeoffView::placeLabels, Qt::QueuedConnection);
    if (auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0)))
        connect(y, &QValueAxis::rangeChanged, this, &TradeoffView::placeLabels, Qt::QueuedConnection);
    fillTable();
    placeLabels();
}

void TradeoffView::fillTable()
{
    const int n = m_model ? m_model->rowCount() : 0;
    m_table->clearContents();
    m_table->setRowCount(n);
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Run"), m_x->currentText(), m_y->currentText()});
    const QLocale l;
    for (int r = 0; r < n; ++r) {
        const EvalRun& run = m_model->runs()[size_t(r)];
        const auto [x, y] = pointOf(r);
        auto* number = new QTableWidgetItem(QString::number(r + 1));
        number->setForeground(run.isPreset ? kPreset : kOther);
        number->setTextAlignment(Qt::AlignCenter);
        auto* label = new QTableWidgetItem(run.label);
        label->setToolTip(details(r));
        auto* xi = new QTableWidgetItem(l.toString(x, 'f', m_x->currentIndex() == SizeMiB ? 3 : 2));
        auto* yi = new QTableWidgetItem(l.toString(y, m_y->currentIndex() == Perplexity ? 'f' : 'g', 4));
        for (QTableWidgetItem* it : {xi, yi})
            it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 0, number);
        m_table->setItem(r, 1, label);
        m_table->setItem(r, 2, xi);
        m_table->setItem(r, 3, yi);
    }
}

QPointF TradeoffView::pointPosition(int row) const
{
    QChart* chart = m_view->chart();
    const auto [x, y] = pointOf(row);
    return m_view->mapFromScene(chart->mapToScene(chart->mapToPosition(QPointF(x, y), m_seriesOf[size_t(row)])));
}

std::optional<int> TradeoffView::runAt(QPointF viewPos, double radius) const
{
    std::optional<int> best;
    double bestDistance = radius;
    for (int r = 0; r < static_cast<int>(m_seriesOf.size()); ++r) {
        const QPointF d = pointPosition(r) - viewPos;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance)
            best = r, bestDistance = distance;
    }
    return best;
}

bool TradeoffView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    // A press on a point is a click on it (not the start of a zoom rectangle): it loads on release.
    const auto* mouse = dynamic_cast<QMouseEvent*>(event);
    if (event->type() == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton && !mouse->modifiers()) {
        m_pressed = runAt(mouse->position());
        return m_pressed.has_value();
    }
    if (event->type() == QEvent::MouseButtonRelease && m_pressed) {
        const std::optional<int> at = runAt(mouse->position());
        if (at == m_pressed)
            requestRun(*at);
        m_pressed.reset();
        return true;
    }
    if (event->type() == QEvent::MouseMove && !(mouse->buttons() & Qt::LeftButton)) {
        if (const std::optional<int> at = runAt(mouse->position()))
            QToolTip::showText(mouse->globalPosition().toPoint(), details(*at), m_view);
        else
            QToolTip::hideText();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace qx::ui
