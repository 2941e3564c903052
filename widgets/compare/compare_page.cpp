#include "compare/compare_page.h"

#include "common/app_settings.h"
#include "common/error_text.h"
#include "common/job_runner.h"
#include "common/table_export.h"
#include "common/thread_count.h"
#include "common/zoom_chart_view.h"
#include "compare/compare_output_panel.h"
#include "compare/compare_table_model.h"
#include "compare/diff_plan.h"
#include "io/model_file.h"
#include "plan/plan_document.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace qx::ui {

struct ComparePage::Opened {
    std::shared_ptr<const ModelFile> other;
    std::shared_ptr<const ModelDiff> diff;
};

ComparePage::ComparePage(QWidget* parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_distributionRunner(new JobRunner(this)),
      m_opener(&qx::openModel), m_table(new CompareTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_metadata(new QStandardItemModel(0, 4, this))
{
    m_proxy->setSourceModel(m_table);
    m_proxy->setSortRole(CompareTableModel::SortRole);
    m_proxy->setFilterKeyColumn(CompareTableModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    new QVBoxLayout(this);
    setupBar();
    setupTabs();
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * 1000.0)); });
    showSummary();
}

void ComparePage::setupBar()
{
    m_open = new QPushButton(tr("Compare with…"), this);
    m_open->setToolTip(tr("Open a second model (B) and compare it with the open one (A), tensor by tensor"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_useTypes = new QPushButton(tr("Use B's types as my plan"), this);
    m_useTypes->setObjectName(QStringLiteral("compareUseTypes"));
    m_useTypes->setToolTip(tr("Give every tensor of the plan the type it has in B (one undo step; pinned tensors stay)"));
    m_useTypes->setEnabled(false);
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setToolTip(tr("Save the table as CSV, or the chart on screen as PNG or SVG"));
    m_export->setEnabled(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_open);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    bar->addStretch();
    bar->addWidget(m_useTypes);
    bar->addWidget(m_export);
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    connect(m_open, &QPushButton::clicked, this, &ComparePage::chooseFile);
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);
    connect(m_useTypes, &QPushButton::clicked, this, &ComparePage::useOtherTypes);
    connect(m_export, &QPushButton::clicked, this, &ComparePage::exportCurrent);
}

void ComparePage::setupTabs()
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter tensors (regular expression)"));
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("compareTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);   // file order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->setVisible(false);
    // Every figure column as wide as its content; the name takes the rest and is elided in the middle (its
    // tooltip has it whole), so the table never needs a horizontal scroll bar.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CompareTableModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(40);
    installTableExport(m_view);
    auto* table = new QWidget(this);
    auto* tl = new QVBoxLayout(table);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_filter);
    tl->addWidget(m_view, 1);
    // The output-level comparison has a tab of its own, so the tensor table keeps the page's whole width.
    m_output = new CompareOutputPanel(this);
    m_output->setMaximumWidth(fontMetrics().averageCharWidth() * 110);
    auto* output = new QWidget(this);
    auto* ol = new QHBoxLayout(output);
    ol->addWidget(m_output, 1);
    ol->addStretch(0);
    m_layersChart = new ZoomChartView(this);
    m_layersChart->setObjectName(QStringLiteral("compareLayersChart"));
    installChartExport(m_layersChart);
    m_distributionChart = new ZoomChartView(this);
    m_distributionChart->setObjectName(QStringLiteral("compareDistributionChart"));
    installChartExport(m_distributionChart);
    m_distributionLabel = new QLabel(tr("Select a tensor in the table to see its values in A and in B."), this);
    auto* distribution = new QWidget(this);
    auto* dl = new QVBoxLayout(distribution);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(m_distributionLabel);
    dl->addWidget(m_distributionChart, 1);
    setupMetadataView();
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(table, tr("Tensors"));
    m_tabs->addTab(m_layersChart, tr("Layers"));
    m_tabs->addTab(distribution, tr("Distribution"));
    m_tabs->addTab(m_metadataView, tr("Metadata"));
    m_tabs->addTab(output, tr("Output"));
    m_tabs->setTabToolTip(OutputTab, tr("Run both models on a text: KL divergence, top-token agreement, perplexity"));
    qobject_cast<QVBoxLayout*>(layout())->addWidget(m_tabs, 1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            [this](const QString& text) { m_proxy->setFilterRegularExpression(text); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showDistribution(m_proxy->mapToSource(current).row());
            });
}

void ComparePage::setupMetadataView()
{
    m_metadata->setHorizontalHeaderLabels({tr("Key"), tr("Change"), tr("Value in A"), tr("Value in B")});
    m_metadataView = new QTableView(this);
    m_metadataView->setModel(m_metadata);
    m_metadataView->verticalHeader()->setVisible(false);
    m_metadataView->horizontalHeader()->setStretchLastSection(true);
    m_metadataView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    installTableExport(m_metadataView);
}

void ComparePage::setModel(std::shared_ptr<const ModelFile> model)
{
    ++m_generation;
    m_runner->cancel();
    m_model = std::move(model);
    m_other.reset();
    m_otherPath.clear();
    m_distributionRunner->cancel();
    m_output->setModels(nullptr, nullptr);
    m_table->setDiff(nullptr);
    m_metadata->removeRows(0, m_metadata->rowCount());
    fillLayersChart();
    static_cast<ZoomChartView*>(m_distributionChart)->freshChart();
    m_open->setEnabled(static_cast<bool>(m_model));
    showSummary();
}

void ComparePage::setOpener(std::function<std::shared_ptr<const ModelFile>(const std::string&)> opener)
{
    m_opener = std::move(opener);
}

const std::shared_ptr<const ModelDiff>& ComparePage::diff() const
{
    return m_table->diff();
}

void ComparePage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with"), QString(),
                                                      tr("Models (*.gguf *.safetensors *.bin);;All files (*)"));
    if (!path.isEmpty())
        compareWith(path);
}

void ComparePage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    m_cancel->setEnabled(busy);
    m_open->setEnabled(!busy && m_model);
}

void ComparePage::compareWith(const QString& path)
{
    if (!m_model)
        return;
    const quint64 generation = ++m_generation;
    m_otherPath = path;
    m_distributionRunner->cancel();
    m_output->setModels(nullptr, nullptr);
    setBusy(true);
    m_summary->setText(tr("Comparing %1 with the open model…").arg(QFileInfo(path).fileName()));
    auto model = m_model;
    auto opener = m_opener;
    DiffOptions options;
    options.threads = resolveInteractiveThreadCount(AppSettings::threads());
    JobRunner::Work<Opened> work = [model, opener, path, options](const ProgressFn& progress) {
        Opened o;
        o.other = opener(path.toStdString());
        o.diff = std::make_shared<const ModelDiff>(diffModels(*model, *o.other, options, progress));
        return o;
    };
    m_runner->start<Opened>(tr("Comparing models"), std::move(work), [this, generation, path](JobResult<Opened> r) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (r.outcome == JobOutcome::Completed)
            return showResult(std::move(r.value->other), std::move(r.value->diff));
        m_summary->setText(r.outcome == JobOutcome::Cancelled ? tr("Comparison cancelled.")
                                                              : ErrorText::openFailed(path, r.error));
        emit compared();
    });
}

void ComparePage::showResult(std::shared_ptr<const ModelFile> other, std::shared_ptr<const ModelDiff> diff)
{
    m_other = std::move(other);
    m_output->setModels(diff->refusal == DiffRefusal::None ? m_model : nullptr,
                        diff->refusal == DiffRefusal::None ? m_other : nullptr);
    m_table->setDiff(diff);
    fillMetadata();
    fillLayersChart();
    showSummary();
    emit compared();
}

void ComparePage::showSummary()
{
    const auto& d = diff();
    m_useTypes->setEnabled(d && d->refusal == DiffRefusal::None && m_plan);
    m_export->setEnabled(static_cast<bool>(d));
    if (!m_model) {
        m_summary->setText(tr("Open a model first; then compare it here with a second one."));
        return;
    }
    if (!d) {
        m_summary->setText(tr("Choose a second model (B) to compare with the open one (A): a published quantization "
                              "of the same model, your export against its original, a folder against its GGUF."));
        return;
    }
    const QString b = QFileInfo(m_otherPath).fileName();
    if (d->refusal == DiffRefusal::Architecture) {
        m_summary->setText(tr("%1 is a %2 model, the open one a %3 model: only their metadata are compared.")
                               .arg(b, QString::fromStdString(d->architectureB), QString::fromStdString(d->architectureA)));
        return;
    }
    if (d->refusal == DiffRefusal::HyperParameters) {
        m_summary->setText(tr("%1 has other dimensions (%2): only the metadata are compared.")
                               .arg(b, QString::fromStdString(d->refusalDetail)));
        return;
    }
    const DiffTotals& t = d->total;
    m_summary->setText(tr("B = %1: %2 tensors, %3 identical, %4 compared, %5 unmatched · %6 bits/weight in A, %7 in B · "
                          "SQNR of B against A %8 dB over the tensors that differ")
                           .arg(b).arg(t.tensors).arg(t.identical).arg(t.compared).arg(t.unmatched)
                           .arg(QLocale().toString(t.bitsPerWeightA, 'f', 2), QLocale().toString(t.bitsPerWeightB, 'f', 2),
                                std::isinf(t.sqnrDb) ? QStringLiteral("∞") : QLocale().toString(t.sqnrDb, 'f', 2)));
}

void ComparePage::fillMetadata()
{
    m_metadata->removeRows(0, m_metadata->rowCount());
    const auto& d = diff();
    if (!d)
        return;
    for (const MetadataChange& c : d->metadata) {
        const QString kind = c.kind == MetadataChangeKind::Added     ? tr("added")
                             : c.kind == MetadataChangeKind::Removed ? tr("removed")
                                                                     : tr("changed");
        QList<QStandardItem*> row = {new QStandardItem(QString::fromStdString(c.key)), new QStandardItem(kind),
                                     new QStandardItem(QString::fromStdString(c.valueA)),
                                     new QStandardItem(QString::fromStdString(c.valueB))};
        m_metadata->appendRow(row);
    }
    m_metadataView->resizeColumnsToContents();
}

int ComparePage::useOtherTypes()
{
    const auto& d = diff();
    if (!m_plan || !d || d->refusal != DiffRefusal::None)
        return 0;
    int changed = 0;
    const QString label = QFileInfo(m_otherPath).fileName();
    Plan plan = planFromOtherTypes(m_plan->plan(), *d, label.toStdString(), &changed);
    if (changed == 0)
        return 0;
    SchemeOverrides schemes = m_plan->schemes();   // a tensor that takes B's type drops its scheme
    for (const PlanEntry& e : plan.entries)
        if (const PlanEntry* before = m_plan->plan().find(e.tensor); before && before->type != e.type)
            schemes.erase(e.tensor);
    m_plan->loadPlan(std::move(plan), tr("Types of %1").arg(label), std::move(schemes), m_plan->calibration());
    return changed;
}

const QAbstractItemModel* ComparePage::currentTable() const
{
    switch (m_tabs->currentIndex()) {
    case MetadataTab: return m_metadata;
    case OutputTab: return m_output->figuresModel();
    default: return m_table;
    }
}

void ComparePage::showTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void ComparePage::exportCurrent()
{
    if (m_tabs->currentIndex() == LayersTab || m_tabs->currentIndex() == DistributionTab) {
        auto* view = m_tabs->currentIndex() == LayersTab ? m_layersChart : m_distributionChart;
        const QString path = askChartImagePath(this);
        if (!path.isEmpty())
            exportChartImage(view, path);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as CSV"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTableCsv(*currentTable(), path);
}

} // namespace qx::ui
