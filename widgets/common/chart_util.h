#pragma once
// Small helpers shared by the charts: histogram step lines, vertical markers, axes fitted to the series
// with ticks at round values (1, 2 or 5 × 10^k), and a legend drawn as a word-wrapped label under the
// chart (QtCharts' own legend cuts long entries to "…" when a row is full). Every axis and series is added
// to (and owned by) the chart passed in.

#include "stats/histogram.h"

#include <QColor>
#include <QLabel>
#include <QString>

#include <span>
#include <utility>

class QChart;
class QLineSeries;
class QValueAxis;

namespace qx::ui {

/// A step line through the bins of `h` (counts floored at `floor` so a log axis can show empty bins).
QLineSeries* histogramSeries(const Histogram& h, const QString& name, double floor);
/// Adds x and y value axes (y logarithmic when logY) fitted to the chart's line series, attached to each.
void setAxes(QChart* chart, const QString& xTitle, const QString& yTitle, bool logY);
/// A line series of vertical segments at each x in `xs` from y0 to y1 (one series, NaN-free: zig-zag
/// through y0 so it draws as separate ticks).
QLineSeries* tickSeries(std::span<const double> xs, double y0, double y1, const QString& name, const QColor& color,
                        qreal width, Qt::PenStyle style = Qt::SolidLine);
/// "∞", "−∞" or the value with two decimals, written as the interface language writes numbers.
QString dbText(double db);

/// A round step (1, 2 or 5 × 10^k) giving about `ticks` intervals over `span` (> 0).
double niceStep(double span, int ticks);
/// [lo, hi] widened to the nearest multiples of niceStep(hi − lo, ticks) (unchanged when hi <= lo).
std::pair<double, double> niceRange(double lo, double hi, int ticks);
/// Decimals that show multiples of `step` exactly (0 for steps >= 1).
int decimalsFor(double step);
/// Ticks of `axis` at the multiples of a round step within its current range (about `ticks` of them),
/// labelled with just the decimals that step needs (by tickLabel() on a niceAxis()).
void setNiceTicks(QValueAxis* axis, int ticks = 6);
/// A tick's text: `value` with `decimals` decimals as the interface language writes numbers, and "0" for
/// any value that rounds to zero (never "-0.0", which Qt's own labels print for −1e-17).
QString tickLabel(double value, int decimals);
/// A value axis whose tick labels we write (a QCategoryAxis labelled on its values): round multiples within
/// its range, by tickLabel(), written again whenever the range changes (zoom, pan). For axes that span zero.
QValueAxis* niceAxis();

/// A chart's legend as rich text under the chart: every named series with its colour, wrapping between
/// entries so none is cut. setChart() hides the chart's own legend.
class ChartLegend : public QLabel {
    Q_OBJECT
public:
    explicit ChartLegend(QWidget* parent = nullptr);
    /// Rebuilds the entries from `chart`'s named series (and bar sets); hides its own legend.
    void setChart(QChart* chart);
    /// The entries' texts in order (tests).
    QStringList entries() const { return m_entries; }

private:
    QStringList m_entries;
};

} // namespace qx::ui
