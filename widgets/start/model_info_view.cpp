#include "start/model_info_view.h"

#include "common/table_export.h"
#include "eval/held_out_figure.h"

#include "start/metadata_table_model.h"
#include "start/model_description.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::ui {

ModelInfoView::ModelInfoView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_form(new QFormLayout),
      m_metadata(new MetadataTableModel(this)), m_table(new QTableView(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* modelBox = new QGroupBox(tr("Model"), this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    modelBox->setLayout(m_form);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_metadata);
    m_table->setObjectName(QStringLiteral("metadataTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    installTableExport(m_table);  // right click: Export as CSV…
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + fontMetrics().descent() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* metaBox = new QGroupBox(tr("Metadata"), this);
    auto* metaLayout = new QVBoxLayout(metaBox);
    metaLayout->addWidget(m_table);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(modelBox);
    splitter->addWidget(metaBox);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
}

void ModelInfoView::setModelFile(std::shared_ptr<const ModelFile> model)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_metadata->setModelFile(model);
    if (!model) {
        m_title->clear();
        return;
    }
    const QString file = QFileInfo(QString::fromStdString(model->path)).fileName();
    const QString name = ModelDescription::displayName(*model);
    m_title->setText(name == file ? name : tr("%1 (%2)").arg(name, file));
    fillSpec(*model);
    m_table->resizeColumnsToContents();
}

void ModelInfoView::fillSpec(const ModelFile& model)
{
    const QLocale locale;
    const ModelSpec& s = model.spec;
    auto count = [&](int64_t n) { return n > 0 ? locale.toString(static_cast<qlonglong>(n)) : tr("not stated"); };
    addRow(tr("File"), QDir::toNativeSeparators(QString::fromStdString(model.path)));
    addRow(tr("Format"), ModelDescription::formatText(model));
    addRow(tr("Architecture"), s.architecture.empty() ? tr("not stated") : QString::fromStdString(s.architecture));
    addRow(tr("Totals"), ModelDescription::totalsLine(model));
    addRow(tr("Layers"), count(s.blockCount));
    addRow(tr("Embedding length"), count(s.embeddingLength));
    addRow(tr("Feed-forward length"), count(s.feedForwardLength));
    addRow(tr("Attention heads"), tr("%1 (key/value: %2)").arg(count(s.headCount), count(s.headCountKv)));
    addRow(tr("Context length"), count(s.contextLength));
    addRow(tr("Vocabulary"), count(s.vocabSize));
    addRow(tr("Tokenizer"), ModelDescription::tokenizerText(model.tokenizer));
    if (const auto figure = heldOutFigure(model))
        addRow(tr("Held-out perplexity"),
               tr("%1 ± %2 on its own held-out text (%3 tokens, context %4), as measured when it was trained")
                   .arg(locale.toString(figure->ppl, 'f', 4), locale.toString(figure->uncertainty, 'f', 4),
                        locale.toString(static_cast<qlonglong>(figure->tokens)),
                        locale.toString(static_cast<qlonglong>(figure->nCtx))));
}

void ModelInfoView::addRow(const QString& label, const QString& value)
{
    auto* field = new QLabel(value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_form->addRow(label, field);
}

} // namespace qx::ui
