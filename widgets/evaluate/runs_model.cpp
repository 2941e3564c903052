#include "evaluate/runs_model.h"

#include "common/format_text.h"
#include "evaluate/text_fit_text.h"

#include <QLocale>

#include <algorithm>
#include <numeric>
#include <cmath>

namespace qx::ui {

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsModel::addRun(EvalRun run)
{
    const int row = static_cast<int>(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs.push_back(std::move(run));
    endInsertRows();
    emit runAdded(row);
}

void RunsModel::clear()
{
    beginResetModel();
    m_runs.clear();
    endResetModel();
}

int RunsModel::findKey(const QByteArray& key) const
{
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (!key.isEmpty() && m_runs[i].key == key)
            return static_cast<int>(i);
    return -1;
}

int RunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunsModel::raw(const EvalRun& r, int column) const
{
    const PlanEvaluation& e = r.eval;
    switch (column) {
    case Label: return r.label;
    case Time: return r.time;
    case Size: return qulonglong(e.fileBytes);
    case BitsPerWeight: return e.bitsPerWeight;
    case Ppl: return e.ppl;
    case PplBase: return e.pplBase;
    case Kld: return e.kldMean;
    case Kld99: return double(e.kld99);
    case SameTop: return 100.0 * e.sameTop;
    case Ctx: return qlonglong(e.nCtx);
    case Chunks: return qlonglong(e.nChunk);
    default: return {};
    }
}

QVariant RunsModel::display(const EvalRun& r, int column) const
{
    // Numbers in the interface language (0,25 in German); "±" joined by no-break spaces so a cell never wraps.
    const PlanEvaluation& e = r.eval;
    const QLocale l;
    const QString pm = QStringLiteral("\u00a0±\u00a0");
    switch (column) {
    case Label: return r.label;
    case Time: return l.toString(r.time.time(), QLocale::ShortFormat);   // runs are of this session; the day in the tooltip
    case Size: return formatBytes(e.fileBytes);
    case BitsPerWeight: return l.toString(e.bitsPerWeight, 'f', 3);
    case Ppl: return l.toString(e.ppl, 'f', 4) + pm + l.toString(e.pplUnc, 'f', 4);
    case PplBase:
        return r.textFit.fits() ? l.toString(e.pplBase, 'f', 4)
                                : QStringLiteral("%1 ⚠ %2").arg(l.toString(e.pplBase, 'f', 4), textFitShort(r.textFit));
    case Kld: return l.toString(e.kldMean, 'g', 4) + pm + l.toString(e.kldUnc, 'g', 2);
    case Kld99: return l.toString(e.kld99, 'g', 4);
    case SameTop: return l.toString(100.0 * e.sameTop, 'f', 2) + QStringLiteral("\u00a0%");
    case Ctx: return QString::number(e.nCtx);
    case Chunks: return QString::number(e.nChunk);
    default: return {};
    }
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const EvalRun& r = m_runs[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole)
        return display(r, index.column());
    if (role == SortRole)
        return raw(r, index.column());
    if (role == Qt::TextAlignmentRole && index.column() != Label)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Time)
        return QLocale().toString(r.time, QLocale::LongFormat);
    if (role == Qt::ToolTipRole && index.column() == Label)
        return tr("%1\non %2, context %3, %4 chunks").arg(r.label, r.textFile).arg(r.eval.nCtx).arg(r.eval.nChunk);
    if (role == Qt::ToolTipRole && (index.column() == Ppl || index.column() == PplBase) && !r.textFit.fits())
        return textFitWarning(r.textFit);
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Size: return tr("Size of the GGUF file the plan exports, to the byte");
        case BitsPerWeight: return tr("Bits per weight of the planned tensors (8 · bytes / parameters)");
        case Ppl: return tr("Perplexity of the plan on the text ± llama.cpp's uncertainty (lower is better)");
        case PplBase: return tr("Perplexity of the unquantized (F32) model on the same chunks");
        case Kld: return tr("Mean KL divergence of the plan's token distribution from the F32 model's, nats per token");
        case Kld99: return tr("99th percentile of the per-token KL divergence");
        case SameTop: return tr("Share of tokens whose most likely next token is unchanged");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label: return tr("Run");
    case Time: return tr("Time");
    case Size: return tr("Size");
    case BitsPerWeight: return tr("Bits/weight");
    case Ppl: return tr("PPL");
    case PplBase: return tr("PPL (F32)");
    case Kld: return tr("Mean KLD");
    case Kld99: return tr("KLD 99%");
    case SameTop: return tr("Same top");
    case Ctx: return tr("Ctx");
    case Chunks: return tr("Chunks");
    default: return {};
    }
}

std::vector<int> paretoFront(std::span<const std::pair<double, double>> points)
{
    std::vector<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return points[size_t(a)].first < points[size_t(b)].first
               || (points[size_t(a)].first == points[size_t(b)].first && points[size_t(a)].second < points[size_t(b)].second);
    });
    std::vector<int> front;
    double best = INFINITY;
    for (int i : order)
        if (points[size_t(i)].second < best) {
            best = points[size_t(i)].second;
            front.push_back(i);
        }
    return front;
}

} // namespace qx::ui
