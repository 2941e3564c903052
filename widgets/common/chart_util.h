#pragma once
// Small helpers shared by the charts of the tensor views: histogram step lines, vertical markers and axes
// fitted to the series. Every axis and series is added to (and owned by) the chart passed in.

#include "stats/histogram.h"

#include <QColor>
#include <QString>

#include <span>

class QChart;
class QLineSeries;

namespace qx::ui {

/// A step line through the bins of `h` (counts floored at `floor` so a log axis can show empty bins).
QLineSeries* histogramSeries(const Histogram& h, const QString& name, double floor);
/// Adds x and y value axes (y logarithmic when logY) fitted to the chart's line series, attached to each.
void setAxes(QChart* chart, const QString& xTitle, const QString& yTitle, bool logY);
/// A line series of vertical segments at each x in `xs` from y0 to y1 (one series, NaN-free: zig-zag
/// through y0 so it draws as separate ticks).
QLineSeries* tickSeries(std::span<const double> xs, double y0, double y1, const QString& name, const QColor& color,
                        qreal width, Qt::PenStyle style = Qt::SolidLine);
/// "∞", "−∞" or the value with two decimals.
QString dbText(double db);

} // namespace qx::ui
