#pragma once
// The Compare page's output comparison: both models read a text (qx::compareOutputs: B's KLD against A,
// the same top token, Δp, the PPL of each, as `qexplore-cli diff -f` computes them) on the panel's own
// JobRunner — progress bar and Cancel — so that selecting tensors or drawing distributions never stops it.
// Text, context and chunks start from AppSettings::evaluationDefaults(). The figures are a two-column
// table (exportable as CSV) beside the tensor table; a new pair of models drops them.

#include "compare/output_diff.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace qx {
struct ModelFile;
}

namespace qx::ui {

class JobRunner;

class CompareOutputPanel : public QWidget {
    Q_OBJECT
public:
    explicit CompareOutputPanel(QWidget* parent = nullptr);

    /// The pair to evaluate (b null: none); cancels a running evaluation and drops the figures.
    void setModels(std::shared_ptr<const ModelFile> a, std::shared_ptr<const ModelFile> b);
    void setTextFile(const QString& path);
    void setContext(int nCtx, int chunks);
    QString textFile() const;

    const std::optional<OutputDiff>& result() const { return m_result; }
    QStandardItemModel* figuresModel() const { return m_figures; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* evaluateButton() const { return m_evaluate; }
    QPushButton* cancelButton() const { return m_cancel; }
    JobRunner* runner() const { return m_runner; }

public slots:
    /// Runs the comparison of the outputs on the text in the background.
    void evaluate();
    void cancel();

signals:
    /// The evaluation ended (its figures, a cancellation or an error are on screen).
    void evaluated();

private:
    void setupControls();
    void chooseText();
    void setBusy(bool busy);
    void updateEnabled();
    void showFigures();

    JobRunner* m_runner;
    std::shared_ptr<const ModelFile> m_a, m_b;
    std::optional<OutputDiff> m_result;
    QStandardItemModel* m_figures;
    QLineEdit* m_text = nullptr;
    QSpinBox* m_ctx = nullptr;
    QSpinBox* m_chunks = nullptr;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    quint64 m_generation = 0;
};

} // namespace qx::ui
