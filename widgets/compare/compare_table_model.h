#pragma once
// The Compare page's tensor table: one row per tensor of a qx::ModelDiff (B against A) with both types,
// bytes and bits per weight, and where the tensors were compared SQNR (dB), relative error, max |B − A|
// and cosine similarity — "identical" for equal bytes. The SQNR cell is coloured by sqnrColor(). DisplayRole
// is text, SortRole (Qt::UserRole) the raw number, so a QSortFilterProxyModel sorts numerically.

#include "compare/model_diff.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>

namespace qx::ui {

class CompareTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    enum Column { Name, TypeA, TypeB, BytesA, BytesB, BitsA, BitsB, Sqnr, RelativeError, MaxAbs, Cosine, ColumnCount };

    explicit CompareTableModel(QObject* parent = nullptr);
    /// Shows `diff` (null: empty).
    void setDiff(std::shared_ptr<const ModelDiff> diff);
    const std::shared_ptr<const ModelDiff>& diff() const { return m_diff; }
    /// The tensor on `row`, or nullptr.
    const TensorDiff* tensorAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Background of an SQNR cell: identical (+∞) grey-green, ≥ 30 dB green, ≥ 20 yellow, ≥ 10 orange, else red.
    static QColor sqnrColor(double sqnrDb);
    /// "identical", "only in A", … or the SQNR in dB with two decimals (in the interface language's locale).
    static QString sqnrText(const TensorDiff& t);

private:
    QVariant display(const TensorDiff& t, int column) const;
    QVariant sortValue(const TensorDiff& t, int column) const;
    /// The whole tensor name on the Name column (the view elides it), and any problem with the pair.
    QVariant toolTip(const TensorDiff& t, int column) const;

    std::shared_ptr<const ModelDiff> m_diff;
};

} // namespace qx::ui
