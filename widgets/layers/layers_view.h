#pragma once
// The model-wide Layers view: round-trip error of every blk.N.<class>.weight tensor along the depth, grouped
// by tensor class (attn_q … ffn_down): a chart with one line per class (or only the chosen class) and a table
// with one column per class, as SQNR (dB) or relative error; PNG/SVG and CSV export.
//
// The format box offers "Current plan" first, then every candidate format. "Current plan" shows each tensor
// in the format the PlanDocument plans for it (type or scheme override; the chart's tooltips and the table
// cells name it), taking values the PlanErrorService has measured and computing the rest on the view's own
// JobRunner; it follows plan edits (debounced by kPlanDebounceMs; a newer plan drops older results) and is
// chosen by default whenever the plan differs from the stored model, until the user picks a format. A
// candidate format is computed by analyzeLayers when Compute is pressed. Every result is tagged with a
// generation number: a newer request drops the older result.

#include "io/model_file.h"
#include "tensor/tensor_analysis.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace qx::ui {

class JobRunner;
class LayerTableModel;
class PlanDocument;
class PlanErrorService;

class LayersView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPlanDebounceMs = 150;

    explicit LayersView(QWidget* parent = nullptr);

    void setModel(std::shared_ptr<const ModelFile> model);
    /// Follows `document`'s plan for "Current plan"; `errors` (may be null) supplies measured values. Both
    /// must outlive the view or be replaced first.
    void setPlan(PlanDocument* document, PlanErrorService* errors);
    /// Selects the candidate format by display name (does not start a computation).
    void setCandidate(const QString& name);
    /// Selects "Current plan" (its values follow at once when a plan is set).
    void selectCurrentPlan();
    bool isCurrentPlanSelected() const;
    /// 0 = SQNR (dB), 1 = relative error.
    void setMetric(int metric);
    /// Shows only this tensor class in the chart (empty: every class).
    void setClassFilter(const QString& tensorClass);
    /// Shows the chart (0) or the table (1).
    void showPage(int page);
    LayerTableModel* tableModel() const { return m_table; }
    /// Starts the computation for the current model and format choice.
    void compute();
    /// The values on screen, if computed.
    const std::optional<std::vector<LayerTensorError>>& values() const { return m_values; }
    JobRunner* runner() const { return m_runner; }

signals:
    void valuesReady();

private:
    void fillChart();
    void setupBar();
    void setupPages();
    void formatChanged();
    void planEdited();
    void applyDefaultFormat();
    void refreshPlan();
    void computeCandidate();
    void runJob(const QString& label, bool fromPlan, std::function<std::vector<LayerTensorError>(const ProgressFn&)> work);
    void showValues(std::vector<LayerTensorError> values, const QString& label, bool fromPlan);
    void addPointToolTips(QLineSeries* series, std::vector<QString> texts);

    JobRunner* m_runner;
    std::shared_ptr<const ModelFile> m_model;
    PlanDocument* m_plan = nullptr;
    PlanErrorService* m_errors = nullptr;
    QTimer* m_planTimer = nullptr;
    quint64 m_generation = 0;
    bool m_formatChosen = false;      ///< the user picked a format: no more default switching
    bool m_waitingForErrors = false;  ///< "Current plan" waits for the error service to finish
    std::optional<std::vector<LayerTensorError>> m_values;
    QString m_valuesLabel;            ///< what m_values show, for the chart title
    bool m_valuesFromPlan = false;    ///< m_values are the current plan's (mixed formats)
    QComboBox* m_candidate = nullptr;
    QComboBox* m_metric = nullptr;
    QComboBox* m_class = nullptr;
    QTabWidget* m_pages = nullptr;
    LayerTableModel* m_table = nullptr;
    QTableView* m_tableView = nullptr;
    QPushButton* m_compute = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QChartView* m_chart = nullptr;
};

} // namespace qx::ui
