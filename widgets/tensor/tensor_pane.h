#pragma once
// The model pane: a regex filter line and the tensor tree (sortable, multi-selection).

#include "io/model_file.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTreeView;

namespace qx::ui {

class TensorFilterProxy;
class TensorTreeModel;

class TensorPane : public QWidget {
    Q_OBJECT
public:
    explicit TensorPane(QWidget* parent = nullptr);

    void setModelFile(std::shared_ptr<const ModelFile> model);
    /// Moves the keyboard focus into the filter line and selects its text.
    void focusFilter();
    void setFilterText(const QString& pattern);
    /// Names of the selected tensors; with `expandGroups` a selected layer row stands for all its tensors.
    QStringList selectedTensorNames(bool expandGroups = false) const;

    /// Widens the columns to what they hold (never narrows them).
    void fitColumns();
    /// The width the tree needs to show every visible column but Reason, and a little of that.
    int columnsWidth() const;
    TensorTreeModel* treeModel() const { return m_model; }
    TensorFilterProxy* proxy() const { return m_proxy; }

signals:
    void selectionChanged(const QStringList& tensorNames);
    /// "Open in Learn lab" from the tensor tree's context menu.
    void openInLearnLab(const QString& tensorName);

private:
    void applyFilter(const QString& pattern);
    void showContextMenu(const QPoint& pos);
    /// The header's menu: which columns are shown.
    void showColumnMenu(const QPoint& pos);
    void updateCount(bool patternValid = true);

    TensorTreeModel* m_model;
    TensorFilterProxy* m_proxy;
    QLineEdit* m_filter;
    QLabel* m_count;
    QTreeView* m_view;
};

} // namespace qx::ui
