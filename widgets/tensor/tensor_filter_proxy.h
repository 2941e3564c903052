#pragma once
// Sorting and regex filtering over a TensorTreeModel: sorts by TensorTreeModel::SortRole (raw numbers),
// matches the pattern case-insensitively against tensor names, keeps the groups of matching tensors
// (recursive filtering) and all tensors of a matching group.

#include <QSortFilterProxyModel>

namespace qx::ui {

class TensorFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TensorFilterProxy(QObject* parent = nullptr);

    /// Sets the filter; returns false (and keeps the previous filter) when `pattern` is not a valid regex.
    bool setPattern(const QString& pattern);
    /// Tensors (not groups) that pass the filter.
    int visibleTensorCount() const;
};

} // namespace qx::ui
