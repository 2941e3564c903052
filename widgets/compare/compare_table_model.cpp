#include "compare/compare_table_model.h"

#include "common/chart_util.h"
#include "common/format_text.h"

#include <QLocale>

#include <cmath>

namespace qx::ui {
namespace {

bool hasA(const TensorDiff& t) { return t.status != TensorDiffStatus::OnlyInB; }
bool hasB(const TensorDiff& t) { return t.status != TensorDiffStatus::OnlyInA; }
bool compared(const TensorDiff& t) { return t.status == TensorDiffStatus::Compared; }

QString typeText(TensorType type, bool present, bool tied)
{
    if (!present)
        return QStringLiteral("–");
    const QString name = QString::fromLatin1(tensorTypeName(type).data(), qsizetype(tensorTypeName(type).size()));
    return tied ? CompareTableModel::tr("%1 (tied)").arg(name) : name;
}

} // namespace

CompareTableModel::CompareTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareTableModel::setDiff(std::shared_ptr<const ModelDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    endResetModel();
}

const TensorDiff* CompareTableModel::tensorAt(int row) const
{
    if (!m_diff || row < 0 || row >= int(m_diff->tensors.size()))
        return nullptr;
    return &m_diff->tensors[size_t(row)];
}

int CompareTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_diff ? 0 : int(m_diff->tensors.size());
}

int CompareTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor CompareTableModel::sqnrColor(double sqnrDb)
{
    if (std::isinf(sqnrDb) && sqnrDb > 0)
        return QColor(0xdc, 0xe8, 0xdc);
    if (sqnrDb >= 30.0)
        return QColor(0xc8, 0xe6, 0xc9);
    if (sqnrDb >= 20.0)
        return QColor(0xff, 0xf5, 0x9d);
    if (sqnrDb >= 10.0)
        return QColor(0xff, 0xcc, 0x80);
    return QColor(0xef, 0x9a, 0x9a);
}

QString CompareTableModel::sqnrText(const TensorDiff& t)
{
    switch (t.status) {
    case TensorDiffStatus::Identical: return tr("identical");
    case TensorDiffStatus::Compared: return dbText(t.sqnrDb);
    case TensorDiffStatus::ShapeMismatch: return tr("shapes differ");
    case TensorDiffStatus::OnlyInA: return tr("only in A");
    case TensorDiffStatus::OnlyInB: return tr("only in B");
    case TensorDiffStatus::Undecodable: return tr("not decodable");
    }
    return {};
}

QVariant CompareTableModel::display(const TensorDiff& t, int column) const
{
    switch (column) {
    case Name: return QString::fromStdString(t.name);
    case TypeA: return typeText(t.typeA, hasA(t), t.aliasA);
    case TypeB: return typeText(t.typeB, hasB(t), t.aliasB);
    case BytesA: return hasA(t) ? formatBytes(t.bytesA) : QStringLiteral("–");
    case BytesB: return hasB(t) ? formatBytes(t.bytesB) : QStringLiteral("–");
    case BitsA: return hasA(t) ? QLocale().toString(t.bitsPerWeightA, 'f', 2) : QStringLiteral("–");
    case BitsB: return hasB(t) ? QLocale().toString(t.bitsPerWeightB, 'f', 2) : QStringLiteral("–");
    case Sqnr: return sqnrText(t);
    case RelativeError: return compared(t) ? QLocale().toString(t.relativeError, 'g', 4) : QString();
    case MaxAbs: return compared(t) ? QLocale().toString(t.maxAbsDiff, 'g', 4) : QString();
    case Cosine: return compared(t) ? QLocale().toString(t.cosine, 'f', 6) : QString();
    }
    return {};
}

QVariant CompareTableModel::sortValue(const TensorDiff& t, int column) const
{
    switch (column) {
    case Name: return QString::fromStdString(t.name);
    case TypeA: return display(t, column);
    case TypeB: return display(t, column);
    case BytesA: return qulonglong(t.bytesA);
    case BytesB: return qulonglong(t.bytesB);
    case BitsA: return t.bitsPerWeightA;
    case BitsB: return t.bitsPerWeightB;
    case Sqnr: return t.status == TensorDiffStatus::Compared || t.status == TensorDiffStatus::Identical ? t.sqnrDb : -1e300;
    case RelativeError: return t.relativeError;
    case MaxAbs: return t.maxAbsDiff;
    case Cosine: return t.cosine;
    }
    return {};
}

QVariant CompareTableModel::toolTip(const TensorDiff& t, int column) const
{
    // The view elides long names in the middle: the whole name is one hover away.
    const QString problem = QString::fromStdString(t.problem);
    if (column != Name)
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    const QString name = QString::fromStdString(t.name);
    return problem.isEmpty() ? name : name + QLatin1Char('\n') + problem;
}

QVariant CompareTableModel::data(const QModelIndex& index, int role) const
{
    const TensorDiff* t = index.isValid() ? tensorAt(index.row()) : nullptr;
    if (!t)
        return {};
    if (role == Qt::DisplayRole)
        return display(*t, index.column());
    if (role == SortRole)
        return sortValue(*t, index.column());
    const bool measured = t->status == TensorDiffStatus::Compared || t->status == TensorDiffStatus::Identical;
    if (role == Qt::BackgroundRole && index.column() == Sqnr && measured)
        return sqnrColor(t->sqnrDb);
    if (role == Qt::ForegroundRole && index.column() == Sqnr && measured)
        return QColor(Qt::black);   // the cell colours are light in every theme
    if (role == Qt::TextAlignmentRole && index.column() >= BytesA)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return toolTip(*t, index.column());
    return {};
}

QVariant CompareTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Tensor");
    case TypeA: return tr("Type A");
    case TypeB: return tr("Type B");
    case BytesA: return tr("Bytes A");
    case BytesB: return tr("Bytes B");
    case BitsA: return tr("Bits/weight A");
    case BitsB: return tr("Bits/weight B");
    case Sqnr: return tr("SQNR (dB)");
    case RelativeError: return tr("Relative error");
    case MaxAbs: return tr("Max |B − A|");
    case Cosine: return tr("Cosine");
    }
    return {};
}

} // namespace qx::ui
