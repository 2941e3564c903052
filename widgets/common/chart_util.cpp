#include "common/chart_util.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace qx::ui {

QLineSeries* histogramSeries(const Histogram& h, const QString& name, double floor)
{
    auto* s = new QLineSeries;
    s->setName(name);
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(2 * h.counts.size()));
    for (size_t i = 0; i < h.counts.size(); ++i) {
        const double y = std::max(static_cast<double>(h.counts[i]), floor);
        points.append({h.binLo(static_cast<int>(i)), y});
        points.append({h.binLo(static_cast<int>(i)) + h.binWidth(), y});
    }
    s->replace(points);
    return s;
}

QLineSeries* tickSeries(std::span<const double> xs, double y0, double y1, const QString& name, const QColor& color,
                        qreal width, Qt::PenStyle style)
{
    auto* s = new QLineSeries;
    s->setName(name);
    QList<QPointF> points;
    for (double x : xs) {
        points.append({x, y0});
        points.append({x, y1});
        points.append({x, y0});
    }
    s->replace(points);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    s->setPen(pen);
    return s;
}

void setAxes(QChart* chart, const QString& xTitle, const QString& yTitle, bool logY)
{
    QValueAxis* x = niceAxis();
    x->setTitleText(xTitle);
    chart->addAxis(x, Qt::AlignBottom);
    QAbstractAxis* y = nullptr;
    if (logY) {
        auto* logAxis = new QLogValueAxis;
        logAxis->setLabelFormat(QStringLiteral("%g"));
        y = logAxis;
    } else {
        y = niceAxis();
    }
    y->setTitleText(yTitle);
    chart->addAxis(y, Qt::AlignLeft);
    double x0 = INFINITY, x1 = -INFINITY, y1 = 0.0;
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
        if (auto* line = qobject_cast<QXYSeries*>(s))
            for (const QPointF& p : line->points()) {
                x0 = std::min(x0, p.x());
                x1 = std::max(x1, p.x());
                y1 = std::max(y1, p.y());
            }
    }
    if (x0 < x1) {
        const auto [lo, hi] = niceRange(x0, x1, 6);  // round tick labels (-0.6, -0.4, …) rather than the data's ends
        x->setRange(lo, hi);
        setNiceTicks(x);
    }
    if (auto* lin = qobject_cast<QValueAxis*>(y)) {
        lin->setRange(0.0, niceRange(0.0, y1 > 0.0 ? y1 * 1.02 : 1.0, 5).second);
        setNiceTicks(lin, 5);
    } else if (y1 > 0.0) {
        y->setRange(0.5, y1 * 2.0);
    }
}

QString dbText(double db)
{
    if (std::isinf(db))
        return db > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QLocale().toString(db, 'f', 2);
}

double niceStep(double span, int ticks)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    return (f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0) * magnitude;
}

namespace {

/// k · step as the double nearest to the decimal number (−3 · 0.05 gives −0.15, not −0.15000000000000002).
double multipleOf(double k, double step)
{
    const int e = static_cast<int>(std::floor(std::log10(step) + 1e-9));
    const double digits = std::round(step / std::pow(10.0, e));   // 1, 2 or 5 (10 at most)
    const double n = k * digits;
    return e >= 0 ? n * std::pow(10.0, e) : n / std::pow(10.0, -e);
}

} // namespace

std::pair<double, double> niceRange(double lo, double hi, int ticks)
{
    if (!(hi > lo))
        return {lo, hi};
    const double step = niceStep(hi - lo, ticks);
    // A hair of tolerance keeps an end that already sits on a multiple from moving a whole step.
    return {multipleOf(std::floor(lo / step + 1e-9), step), multipleOf(std::ceil(hi / step - 1e-9), step)};
}

int decimalsFor(double step)
{
    if (!(step > 0.0) || step >= 1.0)
        return 0;
    return std::min(12, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
}

QString tickLabel(double value, int decimals)
{
    if (!(std::fabs(value) >= 0.5 * std::pow(10.0, -decimals)))
        return QStringLiteral("0");
    return QLocale().toString(value, 'f', decimals);
}

namespace {

const char* const kNiceTicks = "qx_niceTicks";   ///< the tick count of a niceAxis() (absent on other axes)

/// Writes a niceAxis()'s labels for its current range: one category ending at each round multiple.
void relabel(QCategoryAxis* axis)
{
    const double lo = axis->min(), hi = axis->max();
    const QStringList old = axis->categoriesLabels();
    for (const QString& label : old)
        axis->remove(label);
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi))
        return;
    const double step = niceStep(hi - lo, axis->property(kNiceTicks).toInt());
    const int decimals = decimalsFor(step);
    const double first = std::ceil(lo / step - 1e-9), last = std::floor(hi / step + 1e-9);
    if (last - first > 200)
        return;
    axis->setStartValue(multipleOf(first, step));
    for (double k = first; k <= last; ++k)
        axis->append(tickLabel(multipleOf(k, step), decimals), multipleOf(k, step));
}

} // namespace

QValueAxis* niceAxis()
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setProperty(kNiceTicks, 6);
    QObject::connect(axis, &QValueAxis::rangeChanged, axis, [axis] { relabel(axis); });
    return axis;
}

void setNiceTicks(QValueAxis* axis, int ticks)
{
    if (auto* nice = qobject_cast<QCategoryAxis*>(axis); nice && nice->property(kNiceTicks).isValid()) {
        nice->setProperty(kNiceTicks, ticks);
        relabel(nice);
        return;
    }
    const double span = axis->max() - axis->min();
    if (!(span > 0.0))
        return;
    const double step = niceStep(span, ticks);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(step)));
}

ChartLegend::ChartLegend(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

namespace {

QString legendEntry(const QColor& color, const QString& symbol, const QString& name)
{
    // The symbol stays with the entry's first word; long entries may wrap inside, none is cut.
    const QString text = name.toHtmlEscaped();
    return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3").arg(color.name(), symbol, text);
}

} // namespace

void ChartLegend::setChart(QChart* chart)
{
    chart->legend()->hide();
    m_entries.clear();
    QStringList html;
    for (QAbstractSeries* s : chart->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) {
            for (QBarSet* set : bars->barSets()) {
                m_entries << set->label();
                html << legendEntry(set->color(), QStringLiteral("■"), set->label());
            }
            continue;
        }
        if (s->name().isEmpty())
            continue;
        m_entries << s->name();
        if (auto* scatter = qobject_cast<QScatterSeries*>(s))
            html << legendEntry(scatter->color(), QStringLiteral("●"), s->name());
        else if (auto* line = qobject_cast<QXYSeries*>(s))
            html << legendEntry(line->pen().color(), line->pen().style() == Qt::SolidLine ? QStringLiteral("━")
                                                                                          : QStringLiteral("╍"),
                                s->name());
    }
    setText(html.join(QStringLiteral(" &nbsp; ")));
    setVisible(!html.isEmpty());
}

} // namespace qx::ui
