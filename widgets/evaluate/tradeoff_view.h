#pragma once
// The Trade-off chart: every evaluated run of a RunsModel as a point, size (MiB) or bits per weight against
// PPL or mean KLD; llama.cpp presets in one colour, other plans in another, runs on the Pareto front
// (smaller and better) larger and joined by a line. Each point carries its run's number, placed where it
// overprints neither another number nor a point (with a leader line when it has to move away), and the
// table under the chart lists the numbers with the runs' names and figures. The legend names every mark.
// Hovering a point shows its run's details; a single click on a point or a table row loads that run
// (runRequested / planRequested). Drag to zoom, wheel, Shift+drag to pan, right click to zoom out.

#include "plan/plan.h"

#include <QPointF>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QGraphicsItem;
class QScatterSeries;
class QTableWidget;

namespace qx::ui {

class ChartLegend;
class RunsModel;
class ZoomChartView;

class TradeoffView : public QWidget {
    Q_OBJECT
public:
    enum XAxis { SizeMiB, BitsPerWeight };
    enum YAxis { Perplexity, MeanKld };

    explicit TradeoffView(QWidget* parent = nullptr);
    /// The runs to draw (not owned); redraws whenever runs are added or reset.
    void setRunsModel(RunsModel* model);
    void setAxes(int x, int y);
    /// Run indices on the Pareto front for the current axes, ordered by x.
    const std::vector<int>& front() const { return m_front; }
    /// Emits planRequested and runRequested for run `row` (what a click on its point or row does).
    void requestRun(int row);
    /// The run whose point lies within `radius` pixels of `viewPos` (chart view coordinates), if any.
    std::optional<int> runAt(QPointF viewPos, double radius = 9.0) const;
    /// Where run `row`'s point is drawn (chart view coordinates).
    QPointF pointPosition(int row) const;
    /// The rectangles of the numbers placed beside the points (scene coordinates), by run; for tests.
    std::vector<QRectF> labelRects() const;
    /// The text hovering run `row` shows.
    QString details(int row) const;

signals:
    void planRequested(const qx::Plan& plan, const QString& label);
    /// The same click, as the run's row in the runs model.
    void runRequested(int row);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void redraw();
    void fillTable();
    /// Puts each run's number beside its point, away from other numbers and points.
    void placeLabels();
    std::pair<double, double> pointOf(int row) const;

    RunsModel* m_model = nullptr;
    ZoomChartView* m_view;
    ChartLegend* m_legend;
    QTableWidget* m_table;
    QComboBox* m_x;
    QComboBox* m_y;
    std::vector<int> m_front;
    std::vector<QScatterSeries*> m_seriesOf;   ///< per run: the series drawing its point
    std::vector<QGraphicsItem*> m_labels;      ///< per run: its number (owned by the chart)
    std::vector<QGraphicsItem*> m_leaders;     ///< leader lines (owned by the chart)
    std::optional<int> m_pressed;              ///< the run under a left press, until its release
};

} // namespace qx::ui
