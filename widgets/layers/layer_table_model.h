#pragma once
// The Layers view's numbers as a table grouped by tensor class: one row per layer, one column per class
// (attn_q, attn_k, attn_v, attn_output, ffn_gate, ffn_up, ffn_down), cells SQNR (dB) or relative error.
// DisplayRole is text, SortRole (Qt::UserRole) the raw number. With formats shown (the Layers view's
// "Current plan") each cell reads "Q4_K · 31.2 dB"; the tooltip names the tensor, its format and both metrics.

#include "tensor/tensor_analysis.h"

#include <QAbstractTableModel>

#include <vector>

namespace qx::ui {

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;

    explicit LayerTableModel(QObject* parent = nullptr);
    /// Shows `values`; metric 0 = SQNR (dB), 1 = relative error; `showFormats` prefixes each cell with
    /// the value's format.
    void setValues(const std::vector<LayerTensorError>& values, int metric, bool showFormats = false);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "blk.3.ffn_down.weight in Q4_K: SQNR 31.20 dB, relative error 0.0275" (chart and cell tooltips).
    static QString toolTipFor(const LayerTensorError& e);

private:
    QString cellText(const LayerTensorError& e) const;

    std::vector<int> m_layers;                 ///< row → layer index
    std::vector<std::vector<double>> m_cells;  ///< [row][class], NaN when absent
    std::vector<std::vector<const LayerTensorError*>> m_sources;  ///< [row][class] into m_values, or null
    std::vector<LayerTensorError> m_values;
    int m_metric = 0;
    bool m_showFormats = false;
};

} // namespace qx::ui
