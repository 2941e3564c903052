#include "start/metadata_table_model.h"

#include <QLocale>
#include <QStringList>

namespace qx::ui {
namespace {

constexpr int kMaxStringChars = 120;

// Reads the variant directly (never throws, whatever a hostile file put in the type field).
QString scalarText(const GgufValue& v)
{
    if (const auto* s = std::get_if<std::string>(&v.value)) {
        QString text = QString::fromStdString(*s);
        text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        if (text.size() > kMaxStringChars)
            text = text.left(kMaxStringChars) + QChar(0x2026);
        return QStringLiteral("“%1”").arg(text);
    }
    if (const auto* b = std::get_if<bool>(&v.value))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto* d = std::get_if<double>(&v.value))
        return QString::number(*d, 'g', 7);
    if (const auto* u = std::get_if<uint64_t>(&v.value))
        return QString::number(static_cast<qulonglong>(*u));
    if (const auto* i = std::get_if<int64_t>(&v.value))
        return QString::number(static_cast<qlonglong>(*i));
    return {};
}

} // namespace

MetadataTableModel::MetadataTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void MetadataTableModel::setModelFile(std::shared_ptr<const ModelFile> model)
{
    beginResetModel();
    m_model = std::move(model);
    endResetModel();
}

int MetadataTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_model ? 0 : static_cast<int>(m_model->metadata.size());
}

int MetadataTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MetadataTableModel::typeText(const GgufValue& value)
{
    if (value.isArray())
        return QStringLiteral("array[%1]").arg(QLatin1String(ggufTypeName(value.arrayType)));
    return QLatin1String(ggufTypeName(value.type));
}

QString MetadataTableModel::valueText(const GgufValue& value, int maxElements)
{
    const auto* list = std::get_if<std::vector<GgufValue>>(&value.value);
    if (!list)
        return scalarText(value);
    const auto& elements = *list;
    QStringList shown;
    for (size_t i = 0; i < elements.size() && static_cast<int>(i) < maxElements; ++i)
        shown << (elements[i].isArray() ? QStringLiteral("[…]") : valueText(elements[i], maxElements));
    if (elements.size() > static_cast<size_t>(maxElements))
        shown << QString(QChar(0x2026));
    return tr("%1 × %2: %3")
        .arg(QLocale().toString(static_cast<qulonglong>(elements.size())),
             QLatin1String(ggufTypeName(value.arrayType)), shown.join(QStringLiteral(", ")));
}

QVariant MetadataTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_model)
        return {};
    const KeyValue& kv = m_model->metadata[static_cast<size_t>(index.row())];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn: return QString::fromStdString(kv.key);
    case TypeColumn: return typeText(kv.value);
    case ValueColumn: return valueText(kv.value, role == Qt::ToolTipRole ? 24 : 6);
    default: return {};
    }
}

QVariant MetadataTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case TypeColumn: return tr("Type");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

} // namespace qx::ui
