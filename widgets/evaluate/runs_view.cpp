#include "evaluate/runs_view.h"

#include "common/table_export.h"
#include "evaluate/runs_model.h"

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
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Double-click a run to load its plan; right click to export as CSV"));
    installTableExport(m_table);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setToolTip(tr("Save the table as comma-separated values"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Every evaluation of this session; hover the headers for what each column means."),
                              this));
    bar->addStretch(1);
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
}

} // namespace qx::ui
