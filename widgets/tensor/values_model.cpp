#include "tensor/values_model.h"

#include "quant/dequantize.h"

#include <algorithm>

namespace qx::ui {

namespace {
constexpr size_t kCachedRows = 8;
}

ValuesModel::ValuesModel(QObject* parent) : QAbstractTableModel(parent) {}

void ValuesModel::reset()
{
    m_cache.clear();
}

void ValuesModel::setTensor(std::shared_ptr<const ModelFile> model, const TensorInfo* tensor,
                            const CandidateFormat& format)
{
    beginResetModel();
    m_model = tensor ? std::move(model) : nullptr;
    m_tensor = tensor;
    m_format = format;
    m_whole.reset();
    m_first = 0;
    m_count = 0;
    reset();
    endResetModel();
}

void ValuesModel::setWholeRoundTrip(std::shared_ptr<const std::vector<float>> values)
{
    beginResetModel();
    m_whole = std::move(values);
    reset();
    endResetModel();
}

void ValuesModel::setWindow(int64_t row, int64_t offset, int count)
{
    beginResetModel();
    if (!m_tensor) {
        m_first = 0, m_count = 0;
    } else {
        const int64_t total = static_cast<int64_t>(m_tensor->elementCount());
        m_first = std::clamp<int64_t>(row * m_tensor->rowLength() + offset, 0, total);
        m_count = static_cast<int>(std::clamp<int64_t>(count, 0, std::min<int64_t>(kMaxCount, total - m_first)));
    }
    endResetModel();
}

const ValuesModel::CachedRow& ValuesModel::rowValues(int64_t row) const
{
    auto it = m_cache.find(row);
    if (it != m_cache.end())
        return it->second;
    if (m_cache.size() >= kCachedRows)
        m_cache.erase(m_cache.begin());
    CachedRow& c = m_cache[row];
    const int64_t rowLength = m_tensor->rowLength();
    c.original.assign(static_cast<size_t>(rowLength), 0.0f);
    dequantizeRows(*m_tensor, row, 1, c.original);
    if (m_whole && m_whole->size() == m_tensor->elementCount())
        c.rebuilt.assign(m_whole->begin() + row * rowLength, m_whole->begin() + (row + 1) * rowLength);
    else if (!isTensorWide(m_format))
        c.rebuilt = roundTrip(m_format, c.original, rowLength, {}, importanceFor(m_format, *m_tensor));
    ++m_rowsComputed;
    return c;
}

int ValuesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_count; }

int ValuesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ValuesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_count || (role != Qt::DisplayRole && role != SortRole
                                                        && role != Qt::TextAlignmentRole))
        return {};
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    const int64_t flat = m_first + index.row();
    const int64_t rowLength = m_tensor->rowLength();
    const int64_t row = flat / rowLength, column = flat % rowLength;
    if (index.column() == Row)
        return role == SortRole ? QVariant(qlonglong(row)) : QVariant(QString::number(row));
    if (index.column() == ColumnIndex)
        return role == SortRole ? QVariant(qlonglong(column)) : QVariant(QString::number(column));
    QVariant v;
    try {
        const CachedRow& c = rowValues(row);
        const float original = c.original[static_cast<size_t>(column)];
        if (index.column() == Original)
            v = double(original);
        else if (!c.rebuilt.empty())
            v = index.column() == Quantized ? double(c.rebuilt[size_t(column)])
                                            : double(c.rebuilt[size_t(column)]) - double(original);
    } catch (const std::exception&) {
        return {};  // e.g. a row length the format cannot hold: nothing to show
    }
    if (role == SortRole || !v.isValid())
        return v;
    return QString::number(v.toDouble(), 'g', index.column() == Difference ? 4 : 7);
}

QVariant ValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole)   // the format is named in the tooltip and the views' summary line
        return section == Quantized ? tr("Quantized to %1 and dequantized again").arg(QString::fromStdString(m_format.name()))
                                    : QVariant();
    switch (section) {
    case Row: return tr("Row");
    case ColumnIndex: return tr("Column");
    case Original: return tr("Original");
    case Quantized: return tr("Quantized");
    case Difference: return tr("Difference");
    default: return {};
    }
}

} // namespace qx::ui
