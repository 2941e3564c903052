#pragma once
// The Trade-off chart: every evaluated run of a RunsModel as a labelled point, size (MiB) or bits per
// weight against PPL or mean KLD; llama.cpp presets in one colour, other plans in another, and the Pareto
// front (smaller and better) drawn as a line. Clicking a point emits planRequested with that run's plan.

#include "plan/plan.h"

#include <QPointF>
#include <QWidget>

class QComboBox;
class QScatterSeries;

namespace qx::ui {

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
    ZoomChartView* chartView() const { return m_view; }
    /// Run indices on the Pareto front for the current axes, ordered by x.
    const std::vector<int>& front() const { return m_front; }
    /// Emits planRequested for run `row` (what a click on its point does).
    void requestRun(int row);

signals:
    void planRequested(const qx::Plan& plan, const QString& label);
    /// The same click, as the run's row in the runs model.
    void runRequested(int row);

private:
    void redraw();
    std::pair<double, double> pointOf(int row) const;
    /// The marker of run `row` at `point` (larger on the Pareto front; clicking it loads the run's plan).
    QScatterSeries* runSeries(int row, QPointF point, const QString& label);

    RunsModel* m_model = nullptr;
    ZoomChartView* m_view;
    QComboBox* m_x;
    QComboBox* m_y;
    std::vector<int> m_front;
};

} // namespace qx::ui
