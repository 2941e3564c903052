#include "tensor/tensor_filter_proxy.h"

#include "tensor/tensor_tree_model.h"

#include <QRegularExpression>

namespace qx::ui {

TensorFilterProxy::TensorFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TensorTreeModel::SortRole);
    setFilterKeyColumn(TensorTreeModel::NameColumn);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool TensorFilterProxy::setPattern(const QString& pattern)
{
    QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid())
        return false;
    setFilterRegularExpression(re);
    return true;
}

int TensorFilterProxy::visibleTensorCount() const
{
    int count = 0;
    for (int g = 0; g < rowCount(); ++g)
        count += rowCount(index(g, 0));
    return count;
}

} // namespace qx::ui
