#pragma once
// A lesson's chart: the chart view with its legend under it as wrapped text (ChartLegend), so long series
// names never end in "…". refresh() — called after a lesson fills its chart — rebuilds the legend and puts
// the value axes' ticks on round values.

#include <QWidget>

class QCategoryAxis;
class QChart;
class QChartView;

namespace qx::ui {

class ChartLegend;

class LessonChart : public QWidget {
    Q_OBJECT
public:
    explicit LessonChart(QWidget* parent = nullptr);
    QChart* chart() const;
    QChartView* view() const { return m_view; }
    ChartLegend* legend() const { return m_legend; }
    /// The legend from the chart's series; round ticks on every value axis whose ticks were not set on
    /// purpose (axes with the property "qx_fixedTicks").
    void refresh();

private:
    QChartView* m_view;
    ChartLegend* m_legend;
};

/// Labels a count axis that also carries category rows below 0 (grids, levels) at round counts from 0 up
/// to `peak` (steps of 1, 2 or 5 × 10^k, about four of them).
void appendRoundCounts(QCategoryAxis* axis, double peak);

} // namespace qx::ui
