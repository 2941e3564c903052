#include "layers/layer_table_model.h"

#include <algorithm>
#include <cmath>

namespace qx::ui {

LayerTableModel::LayerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LayerTableModel::setValues(const std::vector<LayerTensorError>& values, int metric, bool showFormats)
{
    beginResetModel();
    m_metric = metric;
    m_showFormats = showFormats;
    m_values = values;
    m_layers.clear();
    m_cells.clear();
    for (const LayerTensorError& e : m_values)
        if (std::find(m_layers.begin(), m_layers.end(), e.layer) == m_layers.end())
            m_layers.push_back(e.layer);
    std::sort(m_layers.begin(), m_layers.end());
    const auto& classes = layerTensorClasses();
    m_cells.assign(m_layers.size(), std::vector<double>(classes.size(), NAN));
    m_sources.assign(m_layers.size(), std::vector<const LayerTensorError*>(classes.size(), nullptr));
    for (const LayerTensorError& e : m_values) {
        const auto row = std::lower_bound(m_layers.begin(), m_layers.end(), e.layer) - m_layers.begin();
        const auto col = std::find(classes.begin(), classes.end(), e.tensorClass) - classes.begin();
        if (col < static_cast<long>(classes.size())) {
            m_cells[size_t(row)][size_t(col)] = metric == 0 ? e.sqnrDb : e.relativeError;
            m_sources[size_t(row)][size_t(col)] = &e;
        }
    }
    endResetModel();
}

int LayerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_layers.size());
}

int LayerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(layerTensorClasses().size());
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (index.column() == 0) {
        const int layer = m_layers[size_t(index.row())];
        return role == SortRole ? QVariant(layer) : role == Qt::DisplayRole ? QVariant(QString::number(layer)) : QVariant();
    }
    const double v = m_cells[size_t(index.row())][size_t(index.column() - 1)];
    const LayerTensorError* source = m_sources[size_t(index.row())][size_t(index.column() - 1)];
    if (role == SortRole)
        return std::isnan(v) ? QVariant() : QVariant(v);
    if (!source || std::isnan(v))
        return {};
    if (role == Qt::ToolTipRole)
        return toolTipFor(*source);
    return role == Qt::DisplayRole ? QVariant(cellText(*source)) : QVariant();
}

namespace {

QString numberText(double v, bool sqnr, int decimals)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return sqnr ? QString::number(v, 'f', decimals) : QString::number(v, 'g', 4);
}

} // namespace

QString LayerTableModel::cellText(const LayerTensorError& e) const
{
    const bool sqnr = m_metric == 0;
    const double v = sqnr ? e.sqnrDb : e.relativeError;
    if (!m_showFormats || e.format.empty())
        return numberText(v, sqnr, 2);
    const QString format = QString::fromStdString(e.format);
    return sqnr ? tr("%1 · %2 dB").arg(format, numberText(v, true, 1)) : tr("%1 · %2").arg(format, numberText(v, false, 4));
}

QString LayerTableModel::toolTipFor(const LayerTensorError& e)
{
    const QString format = e.format.empty() ? tr("unknown format") : QString::fromStdString(e.format);
    return tr("%1 in %2: SQNR %3 dB, relative error %4")
        .arg(QString::fromStdString(e.name), format, numberText(e.sqnrDb, true, 2), numberText(e.relativeError, false, 4));
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Layer");
    const auto& classes = layerTensorClasses();
    if (section - 1 < static_cast<int>(classes.size()))
        return QString::fromStdString(classes[size_t(section - 1)]);
    return {};
}

} // namespace qx::ui
