#include "evaluate/runs_view.h"

#include "common/table_export.h"
#include "evaluate/runs_model.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::ui {

RunsView::RunsView(QWidget* parent) : QWidget(parent), m_table(new QTableView(this))
{
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // evaluation order until a click
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setWordWrap(false);   // one line per run; the columns take their contents' width
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    // Context and chunks are the same for most runs: in the label's tooltip, and a right click on the header
    // shows their columns.
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setToolTip(tr("Double-click a run to load its plan; right click to export as CSV"));
    installTableExport(m_table);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setToolTip(tr("Save the table as comma-separated values"));
    auto* bar = new QHBoxLayout;
    auto* note = new QLabel(tr("Every evaluation of this session; hover the headers for what each column means."), this);
    note->setWordWrap(true);
    bar->addWidget(note, 1);
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QString(), tr("CSV files (*.csv)"));
        if (!path.isEmpty() && m_table->model())
            exportTableCsv(*m_table->model(), path);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(m_table->model());
        if (!m_model || !proxy)
            return;
        const int row = proxy->mapToSource(index).row();
        const EvalRun& run = m_model->runs()[size_t(row)];
        emit planRequested(run.plan, run.label);
        emit runRequested(row);
    });
}

void RunsView::setRunsModel(RunsModel* model)
{
    m_model = model;
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(RunsModel::SortRole);
    QAbstractItemModel* old = m_table->model();
    m_table->setModel(proxy);
    delete old;
    QHeaderView* header = m_table->horizontalHeader();
    for (QAction* a : header->actions())
        header->removeAction(a), delete a;
    for (int c = 0; c < RunsModel::ColumnCount; ++c) {
        auto* a = new QAction(model->headerData(c, Qt::Horizontal).toString(), header);
        a->setCheckable(true);
        a->setChecked(c != RunsModel::Ctx && c != RunsModel::Chunks);
        a->setEnabled(c != RunsModel::Label);
        header->setSectionHidden(c, !a->isChecked());
        connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        header->addAction(a);
    }
}

} // namespace qx::ui
