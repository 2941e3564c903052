#pragma once
// The Outliers tab of the tensor views: per-channel absmax and RMS along the rows (output channels) and the
// columns (input channels; outlier features show up as spikes), a down-sampled |w| heatmap and the table of
// the largest |w| with their coordinates. Everything comes from TensorStats (core/stats) and the analysis'
// AbsHeatmap; nothing is computed here.

#include "stats/tensor_stats.h"
#include "tensor/tensor_analysis.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace qx::ui {

class HeatmapWidget;
class OutlierTableModel;
class ZoomChartView;

class OutliersView : public QWidget {
    Q_OBJECT
public:
    explicit OutliersView(QWidget* parent = nullptr);
    /// Shows the channel maps and top outliers of `stats` (nullptr clears); `name` titles the charts.
    void setStats(const TensorStats* stats, const QString& name);
    /// Only the top-outlier table and its caption (cheap; the charts stay as they are).
    void setTable(const TensorStats* stats);
    /// Shows the heatmap (empty map clears).
    void setHeatmap(const AbsHeatmap& map, int64_t rows, int64_t rowLength);

    OutlierTableModel* tableModel() const { return m_model; }

    /// At most this many points per channel chart: longer maps show the max of groups of channels.
    static constexpr int kMaxPoints = 1024;

private:
    void fillChannels(ZoomChartView* view, const std::vector<float>& absMax, const std::vector<float>& rms,
                      const QString& title, const QString& axis);

    ZoomChartView* m_rowChart;
    ZoomChartView* m_columnChart;
    HeatmapWidget* m_heatmap;
    OutlierTableModel* m_model;
    QTableView* m_table;
    QLabel* m_caption;
};

} // namespace qx::ui
