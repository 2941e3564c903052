#pragma once
// The Distribution tab of the tensor views, in the spirit of the usual quantization figures.
//  Whole tensor — the histogram of the weights. It opens on their central 99.9 % (rounded out to round
//    ticks) with the values beyond it counted at the edges; every zoom (drag a range, wheel, Shift+drag)
//    re-bins exactly the values of the new range (core rangeHistogram) for the original weights and their
//    round trip, so a zoom shows detail rather than a stretched picture. With "Levels", the levels of the
//    selected block's group (the one holding the block's largest |w|) stand on it as a comb whose heights
//    count the group's values at each level (right axis), and the representable range as dashed lines.
//  One block — BlockSnapView: the selected block's values snapping to their levels, group by group.
// The selected block starts as a typical one (block 0 of the row whose largest |w| is the median); row and
// block spin boxes choose any other, "Largest |w|" the one with the widest grid. Re-binning runs on the view's own JobRunner (a newer range supersedes the
// running one); the round trip comes from TensorViews (TensorAnalysis::store).

#include "io/model_file.h"
#include "quant/block_grid.h"
#include "stats/histogram.h"
#include "stats/tensor_stats.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QChart;
class QCheckBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace qx::ui {

class BlockSnapView;
class ChartLegend;
class JobRunner;
class RoundTripStore;
class ZoomChartView;
struct TensorAnalysis;

class DistributionView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Tensor, Block };
    static constexpr double kBulkCoverage = 0.999;   ///< the share of values the view opens on

    explicit DistributionView(QWidget* parent = nullptr);
    ~DistributionView() override;

    /// The tensor binned (nullptr clears); `model` keeps its mapping alive while jobs run.
    void setTensor(std::shared_ptr<const ModelFile> model, const TensorInfo* tensor, const QString& name);
    /// A preview from every `stride`-th row: its own histogram, drawn as it is (no re-binning yet).
    void showPreview(const TensorStats& preview, int64_t stride);
    /// Exact statistics and the central range `bulk`: opens on it and bins.
    void showStats(const TensorStats& stats, std::pair<double, double> bulk);
    /// The round trip (nullptr: none, e.g. while it is computed): its histogram, comb and block picture.
    void showAnalysis(const TensorAnalysis* analysis);

    void setMode(Mode mode);
    Mode mode() const;
    void setLogScale(bool on);
    void setLevelsVisible(bool on);
    /// Selects block `block` of row `row` (clamped to the tensor).
    void selectBlock(int64_t row, int64_t block);
    std::pair<int64_t, int64_t> selectedBlock() const { return {m_row, m_block}; }
    /// Shows [lo, hi] and re-bins, as a zoom does.
    void setViewRange(double lo, double hi);
    /// Back to the central range.
    void resetZoom();
    /// The whole range [min, max] of the tensor.
    void showAllValues();

    /// The x range on screen, and the central range it opened on.
    std::pair<double, double> viewRange() const { return m_view; }
    std::pair<double, double> bulkRange() const { return m_bulk; }
    /// Counts over viewRange() of the original weights and of their round trip (once binned).
    const std::optional<Histogram>& originalHistogram() const { return m_original; }
    const std::optional<Histogram>& rebuiltHistogram() const { return m_rebuilt; }
    /// The selected block's grid and the index of the group drawn as the comb.
    const std::optional<BlockGrid>& blockGrid() const { return m_grid; }
    size_t combGroup() const { return m_combGroup; }
    /// The picture the Export button saves (chart with its legend, or the block picture).
    QWidget* exportWidget() const;

signals:
    /// A histogram binned for viewRange() is on screen (after every re-bin).
    void binned();

private:
    QWidget* setupControls();
    void requestBins();
    void redraw();
    void drawTensorChart(QChart* chart);
    void addComb(QChart* chart, bool logY);
    void addOutlierMarks(QChart* chart, double yTop);
    void updateBlock();
    void updateBlockView();
    void updateControls();
    QString blockTitle() const;
    QString scalesText() const;

    std::shared_ptr<const ModelFile> m_model;
    const TensorInfo* m_tensor = nullptr;
    QString m_name;
    std::optional<Histogram> m_preview;
    int64_t m_stride = 0;
    double m_min = 0.0, m_max = 0.0;
    std::pair<double, double> m_bulk{0.0, 0.0}, m_view{0.0, 0.0};
    std::shared_ptr<const RoundTripStore> m_store;
    double m_clipLo = 0.0, m_clipHi = 0.0;
    std::optional<Histogram> m_original, m_rebuilt;
    int64_t m_row = 0, m_block = 0;
    int64_t m_maxRow = 0, m_maxColumn = 0;   ///< where the largest |w| sits
    int64_t m_selectedColumn = 0;            ///< first column of the selected block
    int64_t m_typicalRow = 0;                ///< the row of median |w| maximum: its block 0 is shown first
    bool m_hasSelection = false;             ///< a block was chosen for this tensor (kept across formats)
    std::optional<BlockGrid> m_grid;
    std::vector<float> m_blockOriginal;
    size_t m_combGroup = 0;
    quint64 m_binGeneration = 0;
    bool m_settingRange = false;

    JobRunner* m_binner;
    QToolButton* m_tensorMode = nullptr;
    QToolButton* m_blockMode = nullptr;
    QCheckBox* m_logScale = nullptr;
    QCheckBox* m_levels = nullptr;
    QSpinBox* m_rowBox = nullptr;
    QSpinBox* m_blockBox = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_chartPage = nullptr;
    ZoomChartView* m_chart = nullptr;
    ChartLegend* m_legend = nullptr;
    BlockSnapView* m_blockView = nullptr;
};

} // namespace qx::ui
