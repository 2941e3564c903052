#pragma once
// The top-N outliers of a tensor (TensorStats::topOutliers, largest |w| first) as a table: rank, value,
// row, column and |w|/σ (σ the population standard deviation of the tensor). DisplayRole is text, SortRole
// (Qt::UserRole) the raw number.

#include "stats/tensor_stats.h"

#include <QAbstractTableModel>

namespace qx::ui {

class OutlierTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Value, Row, ColumnIndex, Sigmas, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit OutlierTableModel(QObject* parent = nullptr);
    /// Shows `outliers` with |w|/σ against `stddev` (0 leaves that column empty).
    void setOutliers(std::vector<Outlier> outliers, double stddev);
    void clear();
    const std::vector<Outlier>& outliers() const { return m_outliers; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Outlier> m_outliers;
    double m_stddev = 0.0;
};

} // namespace qx::ui
