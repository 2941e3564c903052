#pragma once
// Steps the main-window tests share: find a page, open a model and wait until it is shown, select a tensor in
// the tree.

#include "gui/main_window.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTreeView>

#include <string>

namespace qx::test {

/// The child of `window` of type T named `name`: the main window's pages ("startPage", "tensorPane",
/// "tensorViews", "layersView", "evaluationPage", "tradeoffView", "comparePage", "learnLab"), its "jobRunner"
/// and "planExport".
template <class T>
T* child(const QObject& window, const char* name)
{
    return window.findChild<T*>(QString::fromLatin1(name));
}

/// Opens `path` in `window`; true once the model is shown (20 s at most).
inline bool openAndWait(app::MainWindow& window, const std::string& path)
{
    QSignalSpy shown(&window, &app::MainWindow::modelShown);
    window.openPath(QString::fromStdString(path));
    return shown.wait(20000);
}

/// Index of the open model's tensor `name` in ModelFile::tensors.
inline int tensorIndex(const app::MainWindow& window, const std::string& name)
{
    return static_cast<int>(window.model()->findTensor(name) - window.model()->tensors.data());
}

/// Makes tensor `name` the tree's only selected row (what a click does).
inline void selectTensor(app::MainWindow& window, const std::string& name)
{
    ui::TensorPane* pane = test::child<ui::TensorPane>(window, "tensorPane");
    const QModelIndex source = pane->treeModel()->indexOfTensor(tensorIndex(window, name));
    pane->findChild<QTreeView*>(QStringLiteral("tensorTree"))->selectionModel()->select(pane->proxy()->mapFromSource(source),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace qx::test
