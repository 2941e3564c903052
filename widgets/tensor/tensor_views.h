#pragma once
// The views of the selected tensor for one candidate format:
//  Distribution — DistributionView: the weights' histogram opening on their central 99.9 %, re-binned at
//                 every zoom, with the round trip overlaid and the selected block's levels as a comb; or one
//                 block's values snapping to their levels;
//  Outliers     — per-channel absmax/RMS, |w| heatmap, top outliers (OutliersView);
//  Error        — error histogram and per-row SQNR;
//  Values       — original vs round-tripped values of a window (ValuesView, lazy).
// Work runs on a private JobRunner in stages: for tensors above kPreviewValues a preview histogram of every
// k-th row first (histogramShown, labelled as a preview), then the exact statistics and the central 99.9 %
// range (outliers: statsReady, histogramShown), then the round trip for the format (analysisReady). A newer request supersedes the running one, whose
// result is dropped (generation counter); a format change reuses the statistics.

#include "io/model_file.h"
#include "tensor/tensor_analysis.h"

#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QComboBox;
class QLabel;
class QTabWidget;

namespace qx::ui {

class DistributionView;
class JobRunner;
class OutliersView;
class ValuesView;
class ZoomChartView;

class TensorViews : public QWidget {
    Q_OBJECT
public:
    enum Tab { DistributionTab, OutliersTab, ErrorTab, ValuesTab };

    explicit TensorViews(QWidget* parent = nullptr);
    ~TensorViews() override;

    /// The model whose tensors are shown (nullptr clears the views).
    void setModel(std::shared_ptr<const ModelFile> model);
    /// Analyses the tensor `name` (empty clears).
    void setTensor(const QString& name);
    /// Selects the candidate format by display name and recomputes.
    void setCandidate(const QString& name);
    /// Selects any candidate, also one not in the list (a custom uniform scheme: added as the last entry).
    void setCandidateFormat(const CandidateFormat& format);
    QString candidate() const;
    /// The candidate the views use (GGUF types with the importance matrix of setImatrix).
    CandidateFormat currentFormat() const;
    /// The importance matrix GGUF round trips take column weights from (llama-quantize --imatrix); null: none.
    /// Recomputes the round trip.
    void setImatrix(std::shared_ptr<const ImatrixFile> imatrix);
    /// Shows the tab with this index (see Tab).
    void showTab(int index);
    void setLogScale(bool on);
    /// The central 99.9 % of the values (with the exact statistics).
    std::pair<double, double> bulkRange() const { return m_bulk; }
    /// The statistics on screen (first stage), if any.
    const std::optional<TensorStats>& stats() const { return m_stats; }
    /// The analysis on screen, if any.
    const std::optional<TensorAnalysis>& analysis() const { return m_analysis; }
    JobRunner* runner() const { return m_runner; }
    /// Saves the current tab (its charts as shown) as PNG, or as SVG when `path` ends in .svg; false on failure.
    bool exportChart(const QString& path) const;

    /// Tensors with more values get a row-sampled preview histogram first.
    static constexpr int64_t kPreviewValues = 1 << 20;
    /// Rows skipped between sampled rows of the histogram on screen (1 = exact statistics, 0 = none).
    int64_t histogramStride() const { return m_stride; }

public slots:
    /// The format to show (a GGUF type name such as "Q4_K" or a scheme name); the plan side drives this.
    void setFormat(const QString& name) { setCandidate(name); }

signals:
    /// A histogram (preview or exact) has been drawn.
    void histogramShown();
    void statsReady();
    void analysisReady();

private:
    void setupBar(QWidget* bar);
    void recompute();
    void startStats(quint64 generation);
    void startRoundTrip();
    void showAnalysis();
    /// Redraws the charts of tab `tab` (only the visible tab is drawn; others when they are shown).
    void refreshTab(int tab);
    void fillError();
    void updateValues();
    const TensorInfo* currentTensor() const;

    JobRunner* m_runner;
    std::shared_ptr<const ModelFile> m_model;
    QString m_tensor;
    quint64 m_generation = 0;
    std::optional<TensorStats> m_stats;
    std::optional<TensorStats> m_preview;
    std::pair<double, double> m_bulk{0.0, 0.0};   ///< the central 99.9 % of the values
    int64_t m_stride = 0;
    unsigned m_dirtyTabs = 0;  ///< bit i: tab i shows stale charts
    std::optional<TensorAnalysis> m_analysis;
    QComboBox* m_candidate = nullptr;
    std::optional<CandidateFormat> m_custom;  ///< the custom scheme listed last, if any
    std::shared_ptr<const ImatrixFile> m_imatrix;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    DistributionView* m_distribution = nullptr;
    OutliersView* m_outliers = nullptr;
    ZoomChartView* m_errorHistogram = nullptr;
    ZoomChartView* m_rowError = nullptr;
    ValuesView* m_values = nullptr;
};

} // namespace qx::ui
