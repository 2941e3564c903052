#include "tensor/tensor_tree_model.h"

#include "common/format_text.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <charconv>
#include <map>

namespace qx::ui {
namespace {

// Group rows have internal id 0; a tensor row's internal id is its group's row + 1.
constexpr quintptr kGroupId = 0;

struct ColumnSpec {
    const char* header;   ///< translated in headerData()
    const char* toolTip;
    bool numeric;         ///< right-aligned
};

constexpr ColumnSpec kColumns[TensorTreeModel::ColumnCount] = {
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Name"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Tensor name (GGUF spelling)"), false},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Shape"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Dimensions, row length first (ggml order)"), false},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Stored"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Element type stored in the file"), false},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Parameters"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Number of weights"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Size"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Bytes the tensor occupies in the file"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Bits/weight"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Storage bits per weight, block scales included"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Pin"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Pinned tensors keep their planned format when a preset or the budget solver re-plans"), false},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Plan"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Format the plan gives the tensor (grey: kept as stored)"), false},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Plan bits"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Bits per weight of the planned format, block scales included"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Plan size"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Exact bytes of the tensor in the planned format"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "SQNR dB"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Signal-to-quantization-noise ratio of the planned format in dB "
                                                  "(higher is better; ∞ = kept as stored), computed in the background"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Rel. error"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Relative error ‖w − q(w)‖ / ‖w‖ of the planned format"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "KLD"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Sensitivity: the measured KL divergence (nats) when only this tensor "
                                                  "is quantized; empty until measured (Plan › Measure Sensitivity)"), true},
    {QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Reason"),
     QT_TRANSLATE_NOOP("qx::ui::TensorTreeModel", "Why the plan chose this format (preset rule, layer, fallback, solver, by hand)"), false},
};

QString typeName(TensorType type)
{
    const std::string_view name = tensorTypeName(type);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

double bitsOf(uint64_t bytes, uint64_t parameters)
{
    return parameters ? 8.0 * static_cast<double>(bytes) / static_cast<double>(parameters) : 0.0;
}

} // namespace

int layerOfTensor(std::string_view name)
{
    constexpr std::string_view kPrefix = "blk.";
    if (name.substr(0, kPrefix.size()) != kPrefix)
        return -1;
    const char* first = name.data() + kPrefix.size();
    const char* last = name.data() + name.size();
    int layer = -1;
    const auto [end, ec] = std::from_chars(first, last, layer);
    if (ec != std::errc() || end == first || layer < 0 || (end != last && *end != '.'))
        return -1;
    return layer;
}

TensorTreeModel::TensorTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void TensorTreeModel::setModelFile(std::shared_ptr<const ModelFile> model)
{
    beginResetModel();
    m_model = std::move(model);
    buildGroups();
    endResetModel();
}

void TensorTreeModel::buildGroups()
{
    m_groups.clear();
    m_position.clear();
    if (!m_model)
        return;
    std::map<int, Group> byLayer;  // -1 (global) sorts first, then layers in numeric order
    for (size_t i = 0; i < m_model->tensors.size(); ++i) {
        const TensorInfo& t = m_model->tensors[i];
        const int layer = layerOfTensor(t.name);
        Group& g = byLayer[layer];
        g.layer = layer;
        g.tensors.push_back(static_cast<int>(i));
        g.parameters += t.elementCount();
        g.bytes += t.nbytes;
        const QString type = typeName(t.type);
        if (g.typeName.isEmpty())
            g.typeName = type;
        else if (g.typeName != type)
            g.typeName = tr("mixed");
    }
    for (auto& [layer, group] : byLayer)
        m_groups.push_back(std::move(group));
    m_position.assign(m_model->tensors.size(), {-1, -1});
    for (size_t g = 0; g < m_groups.size(); ++g)
        for (size_t r = 0; r < m_groups[g].tensors.size(); ++r)
            m_position[static_cast<size_t>(m_groups[g].tensors[r])] = {static_cast<int>(g), static_cast<int>(r)};
}

int TensorTreeModel::tensorCount() const
{
    return m_model ? static_cast<int>(m_model->tensors.size()) : 0;
}

const TensorInfo* TensorTreeModel::tensorAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kGroupId)
        return nullptr;
    const Group& g = m_groups[index.internalId() - 1];
    return &m_model->tensors[static_cast<size_t>(g.tensors[static_cast<size_t>(index.row())])];
}

QModelIndex TensorTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex TensorTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int TensorTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return groupCount();
    if (parent.column() != 0 || parent.internalId() != kGroupId)
        return 0;
    return static_cast<int>(m_groups[static_cast<size_t>(parent.row())].tensors.size());
}

int TensorTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags TensorTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kGroupId) {
        f |= Qt::ItemNeverHasChildren;
        if (index.column() == PinColumn && m_plan && data(index, Qt::CheckStateRole).isValid())
            f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant TensorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const ColumnSpec& spec = kColumns[section];
    switch (role) {
    case Qt::DisplayRole: return tr(spec.header);
    case Qt::ToolTipRole: return tr(spec.toolTip);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(spec.numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant TensorTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(kColumns[index.column()].numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                                    : Qt::AlignLeft | Qt::AlignVCenter);
    if (index.internalId() == kGroupId) {
        const Group& g = m_groups[static_cast<size_t>(index.row())];
        if (role == TensorIndexRole)
            return -1;
        if (role == IsGroupRole)
            return true;
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (index.column() >= PinColumn)
            return planGroupData(g, index.column(), role);
        return groupData(g, index.column(), role);
    }
    const Group& g = m_groups[index.internalId() - 1];
    const int tensorIndex = g.tensors[static_cast<size_t>(index.row())];
    if (role == TensorIndexRole)
        return tensorIndex;
    if (role == IsGroupRole)
        return false;
    if (index.column() >= PinColumn)
        return planTensorData(tensorIndex, index.column(), role);
    return tensorData(m_model->tensors[static_cast<size_t>(tensorIndex)], index.column(), role);
}

QVariant TensorTreeModel::groupData(const Group& g, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    if (!display && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn:
        if (role == SortRole)
            return g.layer;
        if (role == Qt::ToolTipRole)
            return g.layer < 0 ? tr("Tensors outside the layers: embeddings, output head, final norm")
                               : tr("Transformer layer %1").arg(g.layer);
        return g.layer < 0 ? tr("global") : QStringLiteral("blk.%1").arg(g.layer);
    case ShapeColumn:
        return role == SortRole ? QVariant(static_cast<qulonglong>(g.tensors.size())) : QVariant();
    case TypeColumn: return g.typeName;
    case ParametersColumn:
        return display ? QLocale().toString(static_cast<qulonglong>(g.parameters))
                       : QVariant(static_cast<qulonglong>(g.parameters));
    case SizeColumn:
        return display ? formatBytes(g.bytes) : QVariant(static_cast<qulonglong>(g.bytes));
    case BitsColumn: {
        const double bits = bitsOf(g.bytes, g.parameters);
        return display ? QLocale().toString(bits, 'f', 2) : QVariant(bits);
    }
    default: return {};
    }
}

QVariant TensorTreeModel::tensorData(const TensorInfo& t, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && column == NameColumn) {
        QString tip = tr("%1\nOffset %2 in %3")
                          .arg(QString::fromStdString(t.name), QLocale().toString(static_cast<qulonglong>(t.fileOffset)),
                               QString::fromStdString(t.sourceFile));
        if (t.originalName != t.name && !t.originalName.empty())
            tip += QLatin1Char('\n') + tr("Stored as %1").arg(QString::fromStdString(t.originalName));
        return tip;
    }
    if (!display && role != SortRole)
        return {};
    switch (column) {
    case NameColumn: return QString::fromStdString(t.name);
    case ShapeColumn:
        return display ? formatShape(t.ne) : QVariant(static_cast<qulonglong>(t.elementCount()));
    case TypeColumn: return typeName(t.type);
    case ParametersColumn:
        return display ? QLocale().toString(static_cast<qulonglong>(t.elementCount()))
                       : QVariant(static_cast<qulonglong>(t.elementCount()));
    case SizeColumn: return display ? formatBytes(t.nbytes) : QVariant(static_cast<qulonglong>(t.nbytes));
    case BitsColumn: {
        const double bits = t.bitsPerWeight();
        return display ? QLocale().toString(bits, 'f', 2) : QVariant(bits);
    }
    default: return {};
    }
}

} // namespace qx::ui
