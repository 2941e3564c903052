#pragma once
// The Layers view's numbers as a table grouped by tensor class: one row per layer, one column per class
// (attn_q, attn_k, attn_v, attn_output, ffn_gate, ffn_up, ffn_down), cells SQNR (dB) or relative error.
// DisplayRole is text, SortRole (Qt::UserRole) the raw number.

#include "tensor_analysis.h"

#include <QAbstractTableModel>

#include <vector>

namespace qx::ui {

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;

    explicit LayerTableModel(QObject* parent = nullptr);
    /// Shows `values`; metric 0 = SQNR (dB), 1 = relative error.
    void setValues(const std::vector<LayerTensorError>& values, int metric);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<int> m_layers;                 ///< row → layer index
    std::vector<std::vector<double>> m_cells;  ///< [row][class], NaN when absent
    int m_metric = 0;
};

} // namespace qx::ui
