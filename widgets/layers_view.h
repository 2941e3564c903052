#pragma once
// The model-wide Layers view: round-trip error of every blk.N.<class>.weight tensor along the depth for one
// candidate format, grouped by tensor class (attn_q … ffn_down): a chart with one line per class (or only
// the chosen class) and a table with one column per class, as SQNR (dB) or relative error; PNG and CSV export. Computed by analyzeLayers on a
// private JobRunner with progress and cancel; a newer request drops the older result.

#include "io/model_file.h"
#include "tensor_analysis.h"

#include <QWidget>

#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace qx::ui {

class JobRunner;
class LayerTableModel;

class LayersView : public QWidget {
    Q_OBJECT
public:
    explicit LayersView(QWidget* parent = nullptr);

    void setModel(std::shared_ptr<const ModelFile> model);
    /// Selects the candidate format by display name (does not start a computation).
    void setCandidate(const QString& name);
    /// 0 = SQNR (dB), 1 = relative error.
    void setMetric(int metric);
    /// Shows only this tensor class in the chart (empty: every class).
    void setClassFilter(const QString& tensorClass);
    /// Shows the chart (0) or the table (1).
    void showPage(int page);
    LayerTableModel* tableModel() const { return m_table; }
    QChartView* chartView() const { return m_chart; }
    /// Starts the computation for the current model and candidate.
    void compute();
    /// The values on screen, if computed.
    const std::optional<std::vector<LayerTensorError>>& values() const { return m_values; }
    JobRunner* runner() const { return m_runner; }

signals:
    void valuesReady();

private:
    void fillChart();
    void setupPages();

    JobRunner* m_runner;
    std::shared_ptr<const ModelFile> m_model;
    quint64 m_generation = 0;
    std::optional<std::vector<LayerTensorError>> m_values;
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
