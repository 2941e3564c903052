#include "common/chart_util.h"

#include <QChart>
#include <QLineSeries>
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
    auto* x = new QValueAxis;
    x->setTitleText(xTitle);
    x->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    QAbstractAxis* y = nullptr;
    if (logY) {
        auto* logAxis = new QLogValueAxis;
        logAxis->setLabelFormat(QStringLiteral("%g"));
        y = logAxis;
    } else {
        auto* lin = new QValueAxis;
        lin->setLabelFormat(QStringLiteral("%.0f"));
        y = lin;
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
        x->setRange(x0, x1);
        x->applyNiceNumbers();  // round tick labels (-0.6, -0.4, …) rather than the data's own ends
    }
    if (auto* lin = qobject_cast<QValueAxis*>(y)) {
        lin->setRange(0.0, y1 > 0.0 ? y1 * 1.05 : 1.0);
        lin->applyNiceNumbers();
    } else if (y1 > 0.0) {
        y->setRange(0.5, y1 * 2.0);
    }
}

QString dbText(double db)
{
    if (std::isinf(db))
        return db > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(db, 'f', 2);
}

} // namespace qx::ui
