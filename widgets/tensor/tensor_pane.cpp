#include "tensor/tensor_pane.h"

#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_tree_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace qx::ui {

TensorPane::TensorPane(QWidget* parent)
    : QWidget(parent), m_model(new TensorTreeModel(this)), m_proxy(new TensorFilterProxy(this)),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter tensors by name (regular expression, e.g. attn_(q|k))"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the tensors whose name matches, with their layer (Ctrl+F)"));

    m_view->setObjectName(QStringLiteral("tensorTree"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // file order until the user clicks a header
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);   // Reason takes what is left
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);  // full names; scroll sideways when narrow
    m_view->header()->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 4);
    // Plan columns first, the reason last (visual order only; the model's column numbers stay as they are).
    // The stored tensor's shape, parameters, size and bits are hidden at first (the header's context menu
    // shows them), so the plan's columns up to Reason fit a 1920-pixel screen without scrolling.
    const int order[] = {TensorTreeModel::NameColumn, TensorTreeModel::PinColumn, TensorTreeModel::TypeColumn,
                         TensorTreeModel::PlannedColumn, TensorTreeModel::SqnrColumn, TensorTreeModel::RelErrorColumn,
                         TensorTreeModel::PlannedBitsColumn, TensorTreeModel::PlannedSizeColumn,
                         TensorTreeModel::SensitivityColumn, TensorTreeModel::ReasonColumn};
    for (int visual = 0; visual < static_cast<int>(std::size(order)); ++visual)
        m_view->header()->moveSection(m_view->header()->visualIndex(order[visual]), visual);
    for (int c : {TensorTreeModel::ShapeColumn, TensorTreeModel::ParametersColumn, TensorTreeModel::SizeColumn,
                  TensorTreeModel::BitsColumn, TensorTreeModel::RelErrorColumn})
        m_view->header()->hideSection(c);   // SQNR says what the relative error says: 10^(−SQNR/20)
    // Plan edits change what the columns hold: they widen to it (never narrow, so a width the user chose
    // stays) at most 150 ms after a change, however long a stream of changes (background errors) lasts.
    auto* fit = new QTimer(this);
    fit->setSingleShot(true);
    fit->setInterval(150);
    connect(fit, &QTimer::timeout, this, &TensorPane::fitColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, fit, [fit] {
        if (!fit->isActive())
            fit->start();
    });
    m_view->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->header(), &QWidget::customContextMenuRequested, this, &TensorPane::showColumnMenu);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TensorPane::showContextMenu);
    connect(m_filter, &QLineEdit::textChanged, this, &TensorPane::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectionChanged(selectedTensorNames()); });
    updateCount();
}

void TensorPane::setModelFile(std::shared_ptr<const ModelFile> model)
{
    m_model->setModelFile(std::move(model));
    m_view->expandAll();
    for (int c = 0; c < TensorTreeModel::ColumnCount; ++c)
        if (c != TensorTreeModel::ReasonColumn)
            m_view->resizeColumnToContents(c);
    // Reason, the last column, stretches into the room left; its own width is only what it keeps when there
    // is none (its cells show the whole reason as a tooltip).
    m_view->setColumnWidth(TensorTreeModel::ReasonColumn, m_view->header()->sectionSizeHint(TensorTreeModel::ReasonColumn));
    updateCount();
}

void TensorPane::fitColumns()
{
    for (int c = 0; c < TensorTreeModel::ColumnCount; ++c)
        if (c != TensorTreeModel::ReasonColumn && !m_view->header()->isSectionHidden(c))
            m_view->setColumnWidth(c, std::max({m_view->columnWidth(c), m_view->header()->sectionSizeHint(c),
                                                static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(c)}));
}

int TensorPane::columnsWidth() const
{
    int width = 0;
    for (int c = 0; c < TensorTreeModel::ColumnCount; ++c)
        if (c != TensorTreeModel::ReasonColumn && !m_view->header()->isSectionHidden(c))
            width += m_view->columnWidth(c);
    return width + m_view->fontMetrics().averageCharWidth() * 16;   // and a glimpse of the reason
}

void TensorPane::showColumnMenu(const QPoint& pos)
{
    QMenu menu(this);
    QHeaderView* header = m_view->header();
    for (int c = 1; c < TensorTreeModel::ColumnCount; ++c) {   // the name always stays
        QAction* a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            if (on)
                m_view->resizeColumnToContents(c);
        });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

void TensorPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TensorPane::setFilterText(const QString& pattern)
{
    m_filter->setText(pattern);
}

QStringList TensorPane::selectedTensorNames(bool expandGroups) const
{
    QStringList names;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(TensorTreeModel::NameColumn)) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (const TensorInfo* t = m_model->tensorAt(source)) {
            names << QString::fromStdString(t->name);
        } else if (expandGroups) {
            for (int r = 0; r < m_model->rowCount(source); ++r)
                if (const TensorInfo* child = m_model->tensorAt(m_model->index(r, 0, source)))
                    names << QString::fromStdString(child->name);
        }
    }
    names.removeDuplicates();
    return names;
}

void TensorPane::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const TensorInfo* t = index.isValid() ? m_model->tensorAt(m_proxy->mapToSource(index)) : nullptr;
    if (!t)
        return;
    const QString name = QString::fromStdString(t->name);
    QMenu menu(this);
    QAction* learn = menu.addAction(tr("Open in Learn lab"));
    learn->setEnabled(t->ne.size() == 2);
    connect(learn, &QAction::triggered, this, [this, name] { emit openInLearnLab(name); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TensorPane::applyFilter(const QString& pattern)
{
    const bool valid = m_proxy->setPattern(pattern);
    if (valid)
        m_view->expandAll();
    updateCount(valid);
}

void TensorPane::updateCount(bool patternValid)
{
    if (!patternValid) {
        m_count->setText(tr("Invalid regular expression"));
        return;
    }
    m_count->setText(tr("%1 of %2 tensors").arg(m_proxy->visibleTensorCount()).arg(m_model->tensorCount()));
}

} // namespace qx::ui
