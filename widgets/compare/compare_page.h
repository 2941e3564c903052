#pragma once
// The Compare page: the open model (A) against a second model (B) chosen here — a published quantization
// of the same model, an export against its F16 original, an HF folder against its GGUF.
//  - Tensors: the tensor table (CompareTableModel: both types, bytes, the error of B against A coloured
//    by SQNR), sortable and filterable by name; CSV export from its context menu and the Export button.
//  - Layers: the per-layer SQNR of B against A, one line per tensor class plus the layer totals.
//  - Distribution: the selected tensor's value histograms in A and in B over each other.
//  - Metadata: the keys removed, changed and added.
//  - Output: CompareOutputPanel runs both models on a text — KLD of B against A, same top token, PPL of
//    each — with its own progress bar and Cancel (a tab of its own, so the table has the page's width).
// Opening B and comparing run as one job on the page's own JobRunner (progress bar, Cancel); the
// distribution is a job on a second runner and the output comparison on a third, so that selecting a
// tensor never cancels a comparison. "Use B's types as my plan" loads A's plan with B's types
// (qx::planFromOtherTypes) as one undo step of the PlanDocument. Charts export as PNG/SVG.
// Models that cannot be compared tensor by tensor show why, with their metadata differences.

#include "compare/model_diff.h"

#include <QWidget>

#include <functional>
#include <memory>

class QChartView;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace qx {
struct ModelFile;
}

namespace qx::ui {

class CompareOutputPanel;
class CompareTableModel;
class JobRunner;
class PlanDocument;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(QWidget* parent = nullptr);

    /// The open model A (null: none); drops any comparison.
    void setModel(std::shared_ptr<const ModelFile> model);
    /// The plan "Use B's types as my plan" edits (may be null).
    void setPlanDocument(PlanDocument* document) { m_plan = document; }
    /// How B is opened (default qx::openModel); tests may substitute.
    void setOpener(std::function<std::shared_ptr<const ModelFile>(const std::string&)> opener);
    /// Opens `path` as B and compares it with A in the background.
    void compareWith(const QString& path);
    /// Loads B's types into the plan (one undo step); returns the number of tensors changed.
    int useOtherTypes();
    /// Shows the distributions of the tensor on `row` of the table model.
    void showDistribution(int row);
    enum Tab { TensorsTab, LayersTab, DistributionTab, MetadataTab, OutputTab };
    /// Shows one of the page's tabs (a Tab).
    void showTab(int tab);

    const std::shared_ptr<const ModelDiff>& diff() const;
    CompareTableModel* tableModel() const { return m_table; }
    QStandardItemModel* metadataModel() const { return m_metadata; }
    JobRunner* runner() const { return m_runner; }
    JobRunner* distributionRunner() const { return m_distributionRunner; }
    CompareOutputPanel* outputPanel() const { return m_output; }

signals:
    /// A comparison (or its refusal) is on screen.
    void compared();
    /// The selected tensor's histograms are drawn.
    void distributionShown();

private:
    /// The table the current tab shows (Export… writes it as CSV): tensors, metadata or output figures.
    const QAbstractItemModel* currentTable() const;
    struct Opened;
    void setupBar();
    void setupTabs();
    void setupMetadataView();
    void chooseFile();
    void showResult(std::shared_ptr<const ModelFile> other, std::shared_ptr<const ModelDiff> diff);
    void showSummary();
    void fillMetadata();
    void fillLayersChart();
    void exportCurrent();
    void setBusy(bool busy);

    JobRunner* m_runner;
    JobRunner* m_distributionRunner;
    CompareOutputPanel* m_output = nullptr;
    PlanDocument* m_plan = nullptr;
    std::function<std::shared_ptr<const ModelFile>(const std::string&)> m_opener;
    std::shared_ptr<const ModelFile> m_model, m_other;
    QString m_otherPath;
    CompareTableModel* m_table;
    QSortFilterProxyModel* m_proxy;
    QStandardItemModel* m_metadata;
    QLabel* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_useTypes = nullptr;
    QPushButton* m_export = nullptr;
    QLineEdit* m_filter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_view = nullptr;
    QTableView* m_metadataView = nullptr;
    QChartView* m_layersChart = nullptr;
    QChartView* m_distributionChart = nullptr;
    QLabel* m_distributionLabel = nullptr;
    quint64 m_generation = 0;
};

} // namespace qx::ui
