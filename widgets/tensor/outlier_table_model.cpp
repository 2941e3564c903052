#include "tensor/outlier_table_model.h"

#include <cmath>

namespace qx::ui {

OutlierTableModel::OutlierTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void OutlierTableModel::setOutliers(std::vector<Outlier> outliers, double stddev)
{
    beginResetModel();
    m_outliers = std::move(outliers);
    m_stddev = stddev;
    endResetModel();
}

void OutlierTableModel::clear() { setOutliers({}, 0.0); }

int OutlierTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_outliers.size());
}

int OutlierTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OutlierTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Outlier& o = m_outliers[static_cast<size_t>(index.row())];
    const double sigmas = m_stddev > 0.0 ? std::fabs(o.value) / m_stddev : 0.0;
    if (role == SortRole) {
        switch (index.column()) {
        case Rank: return index.row() + 1;
        case Value: return double(o.value);
        case Row: return qlonglong(o.row);
        case ColumnIndex: return qlonglong(o.column);
        case Sigmas: return sigmas;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rank: return QString::number(index.row() + 1);
    case Value: return QString::number(o.value, 'g', 6);
    case Row: return QString::number(o.row);
    case ColumnIndex: return QString::number(o.column);
    case Sigmas: return m_stddev > 0.0 ? QString::number(sigmas, 'f', 2) : QString();
    default: return {};
    }
}

QVariant OutlierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Row: return tr("Tensor row (output channel, ne[1] index)");
        case ColumnIndex: return tr("Position within the row (input channel, ne[0] index)");
        case Sigmas: return tr("|w| divided by the tensor's standard deviation σ");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("#");
    case Value: return tr("Value");
    case Row: return tr("Row");
    case ColumnIndex: return tr("Column");
    case Sigmas: return tr("|w|/σ");
    default: return {};
    }
}

} // namespace qx::ui
