#pragma once
// The views of the selected tensor for one candidate format: Distribution (histogram of the original weights
// with the round-tripped histogram overlaid, linear or log y, rubber-band zoom, wheel zoom) and Error (error
// histogram and per-row SQNR). Everything is computed by analyzeTensor through a private JobRunner; a newer
// request supersedes the running one, whose result is dropped (generation counter).

#include "io/model_file.h"
#include "tensor_analysis.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QTabWidget;

class QChartView;

namespace qx::ui {

class JobRunner;

class TensorViews : public QWidget {
    Q_OBJECT
public:
    explicit TensorViews(QWidget* parent = nullptr);
    ~TensorViews() override;

    /// The model whose tensors are shown (nullptr clears the views).
    void setModel(std::shared_ptr<const ModelFile> model);
    /// Analyses the tensor `name` (empty clears).
    void setTensor(const QString& name);
    /// Selects the candidate format by display name and recomputes.
    void setCandidate(const QString& name);
    QString candidate() const;
    /// Shows the tab with this index (0 Distribution, 1 Error).
    void showTab(int index);
    void setLogScale(bool on);
    /// The analysis on screen, if any.
    const std::optional<TensorAnalysis>& analysis() const { return m_analysis; }
    JobRunner* runner() const { return m_runner; }
    /// Saves the chart of the current tab as PNG; false on failure.
    bool exportChart(const QString& path) const;

signals:
    void analysisReady();

private:
    void recompute();
    void showAnalysis();
    void fillDistribution();
    void fillError();

    JobRunner* m_runner;
    std::shared_ptr<const ModelFile> m_model;
    QString m_tensor;
    quint64 m_generation = 0;
    std::optional<TensorAnalysis> m_analysis;
    QComboBox* m_candidate = nullptr;
    QCheckBox* m_logScale = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QChartView* m_distribution = nullptr;
    QChartView* m_errorHistogram = nullptr;
    QChartView* m_rowError = nullptr;
};

} // namespace qx::ui
