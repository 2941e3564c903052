// TensorTreeModel's plan columns (see tensor_tree_model.h): planned format, bits/weight, size, error,
// sensitivity, reason and pin, read from a PlanDocument and a PlanErrorService.
#include "tensor/tensor_tree_model.h"

#include "common/format_text.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace qx::ui {
namespace {

QString typeText(TensorType type)
{
    const std::string_view name = tensorTypeName(type);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

double bitsOf(uint64_t bytes, uint64_t parameters)
{
    return parameters ? 8.0 * static_cast<double>(bytes) / static_cast<double>(parameters) : 0.0;
}

QVariant number(bool display, double value, int decimals)
{
    return display ? QVariant(QLocale().toString(value, 'f', decimals)) : QVariant(value);
}

} // namespace

void TensorTreeModel::setPlan(PlanDocument* document, PlanErrorService* errors)
{
    if (m_plan)
        disconnect(m_plan, nullptr, this, nullptr);
    if (m_errors)
        disconnect(m_errors, nullptr, this, nullptr);
    m_plan = document;
    m_errors = errors;
    if (m_plan)
        connect(m_plan, &PlanDocument::planChanged, this, &TensorTreeModel::planColumnsChanged);
    if (m_errors)
        connect(m_errors, &PlanErrorService::errorsChanged, this, &TensorTreeModel::errorColumnsChanged);
    planColumnsChanged();
}

void TensorTreeModel::setSensitivity(std::unordered_map<std::string, double> values)
{
    m_sensitivity = std::move(values);
    planColumnsChanged();
}

QModelIndex TensorTreeModel::indexOfTensor(int tensorIndex, int column) const
{
    if (tensorIndex < 0 || static_cast<size_t>(tensorIndex) >= m_position.size())
        return {};
    const auto [group, row] = m_position[static_cast<size_t>(tensorIndex)];
    return index(row, column, index(group, 0));
}

void TensorTreeModel::planColumnsChanged()
{
    if (m_groups.empty())
        return;
    const int last = static_cast<int>(m_groups.size()) - 1;
    emit dataChanged(index(0, PinColumn), index(last, ReasonColumn));
    for (int g = 0; g <= last; ++g) {
        const QModelIndex parent = index(g, 0);
        const int rows = rowCount(parent);
        if (rows > 0)
            emit dataChanged(index(0, PinColumn, parent), index(rows - 1, ReasonColumn, parent));
    }
}

void TensorTreeModel::errorColumnsChanged(const QList<int>& tensorIndexes)
{
    for (int t : tensorIndexes) {
        const QModelIndex first = indexOfTensor(t, SqnrColumn);
        if (first.isValid())
            emit dataChanged(first, first.siblingAtColumn(RelErrorColumn));
    }
}

bool TensorTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!m_plan || role != Qt::CheckStateRole || index.column() != PinColumn)
        return false;
    const TensorInfo* t = tensorAt(index);
    if (!t || !data(index, Qt::CheckStateRole).isValid())
        return false;
    const bool pinned = value.toInt() == Qt::Checked;
    m_plan->setPinned({QString::fromStdString(t->name)}, pinned);
    return true;
}

QVariant TensorTreeModel::planGroupData(const Group& g, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    if (!m_plan || m_plan->model() != m_model || (!display && role != SortRole && role != Qt::ToolTipRole))
        return {};
    uint64_t planned = 0;
    int pinned = 0;
    QString type;
    for (int i : g.tensors) {
        const PlanEntry* e = m_plan->entryForTensor(i);
        if (!e)
            continue;
        planned += m_plan->plannedBytesOf(i);
        pinned += e->pinned ? 1 : 0;
        const auto scheme = m_plan->schemeOf(e->tensor);
        const QString name = scheme ? QString::fromStdString(schemeChoiceName(*scheme)) : typeText(e->type);
        type = type.isEmpty() || type == name ? name : tr("mixed");
    }
    switch (column) {
    case PinColumn:
        if (role == Qt::ToolTipRole)
            return tr("%1 pinned tensors").arg(pinned);
        return display ? (pinned ? QVariant(QString::number(pinned)) : QVariant()) : QVariant(pinned);
    case PlannedColumn: return role == Qt::ToolTipRole ? QVariant() : QVariant(type);
    case PlannedBitsColumn: return role == Qt::ToolTipRole ? QVariant() : number(display, bitsOf(planned, g.parameters), 2);
    case PlannedSizeColumn:
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes").arg(QLocale().toString(static_cast<qulonglong>(planned)));
        return display ? QVariant(formatBytes(planned)) : QVariant(static_cast<qulonglong>(planned));
    default: return {};
    }
}

QVariant TensorTreeModel::planTensorData(int tensorIndex, int column, int role) const
{
    if (!m_plan || m_plan->model() != m_model)
        return {};
    const PlanEntry* e = m_plan->entryForTensor(tensorIndex);
    if (!e)
        return {};
    const TensorInfo& t = m_model->tensors[static_cast<size_t>(tensorIndex)];
    const auto scheme = m_plan->schemeOf(e->tensor);
    const uint64_t bytes = m_plan->plannedBytesOf(tensorIndex);
    const bool display = role == Qt::DisplayRole;
    const QString reason = QString::fromStdString(e->reason);
    if (column == SqnrColumn || column == RelErrorColumn)
        return errorData(tensorIndex, column, role);
    if (column == PinColumn) {
        if (role == Qt::CheckStateRole)
            return e->pinned ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return e->pinned ? tr("Pinned: presets and the solver keep this format") : tr("Not pinned");
        return role == SortRole ? QVariant(e->pinned ? 1 : 0) : QVariant();
    }
    if (role == Qt::ToolTipRole && (column == PlannedColumn || column == ReasonColumn))
        return reason;
    if (role == Qt::ForegroundRole && column == PlannedColumn && !scheme && e->type == t.type)
        return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    if (!display && role != SortRole)
        return {};
    switch (column) {
    case PlannedColumn:
        if (role == SortRole)
            return bitsOf(bytes, t.elementCount());
        if (scheme)
            return tr("%1 → %2").arg(QString::fromStdString(schemeChoiceName(*scheme)), typeText(e->type));
        if (const QString method = m_plan->calibrationMethodOf(e->tensor); !method.isEmpty())
            return tr("%1 · %2").arg(typeText(e->type), method);   // calibrated weights, e.g. "Q4_K · GPTQ"
        return typeText(e->type);
    case PlannedBitsColumn: return number(display, bitsOf(bytes, t.elementCount()), 2);
    case PlannedSizeColumn: return display ? QVariant(formatBytes(bytes)) : QVariant(static_cast<qulonglong>(bytes));
    case SensitivityColumn: {
        const auto it = m_sensitivity.find(t.name);
        if (it == m_sensitivity.end())
            return {};
        return display ? QVariant(QLocale().toString(it->second, 'g', 4)) : QVariant(it->second);
    }
    case ReasonColumn: return reason;
    default: return {};
    }
}

QVariant TensorTreeModel::errorData(int tensorIndex, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    const auto err = m_errors ? m_errors->errorOf(tensorIndex) : std::nullopt;
    if (role == Qt::ToolTipRole) {
        if (!err)
            return m_errors ? tr("Being computed in the background") : QVariant();
        if (err->failed)
            return tr("The planned format cannot hold this tensor");
        if (err->calibrated)
            return tr("Error of the calibrated %1 weights (AWQ: against its scaled weights; SmoothQuant: with the "
                      "folded scales taken out)").arg(m_plan->calibrationMethodOf(m_model->tensors[static_cast<size_t>(tensorIndex)].name));
        return err->exact ? tr("Kept as stored: no error") : QVariant();
    }
    if (!display && role != SortRole)
        return {};
    if (!err)
        return display ? QVariant(m_errors ? QStringLiteral("…") : QString()) : QVariant();
    if (err->failed)
        return display ? QVariant(tr("n/a")) : QVariant();
    if (column == SqnrColumn) {
        if (err->exact || std::isinf(err->sqnrDb))
            return display ? QVariant(QStringLiteral("∞")) : QVariant(1e300);
        return number(display, err->sqnrDb, 1);
    }
    if (display)
        return err->exact ? QStringLiteral("0") : QLocale().toString(100.0 * err->relativeError, 'f', 2) + QStringLiteral(" %");
    return err->relativeError;
}

} // namespace qx::ui
