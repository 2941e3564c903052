#include "tensor/values_view.h"

#include "common/table_export.h"
#include "tensor/values_model.h"

#include "common/flow_layout.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace qx::ui {

ValuesView::ValuesView(QWidget* parent)
    : QWidget(parent), m_model(new ValuesModel(this)), m_row(new QSpinBox(this)), m_offset(new QSpinBox(this)),
      m_count(new QSpinBox(this)), m_table(new QTableView(this)), m_note(new QLabel(this))
{
    m_row->setToolTip(tr("Tensor row (output channel) the window starts in"));
    m_offset->setToolTip(tr("Position within the row (input channel) of the first value"));
    m_count->setRange(1, ValuesModel::kMaxCount);
    m_count->setValue(256);
    m_count->setToolTip(tr("Number of values listed (the window may run on into the next rows)"));
    m_table->setObjectName(QStringLiteral("valuesTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ValuesModel::Row, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValuesModel::ColumnIndex, QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Difference = quantized − original; right click to export as CSV"));
    installTableExport(m_table);
    m_note->setText(tr("Only the rows on screen are decoded and quantized."));

    QWidget* barWidget = nullptr;
    FlowLayout* bar = flowBar(this, &barWidget);
    bar->addWidget(labelled(tr("Row:"), m_row, barWidget));
    bar->addWidget(labelled(tr("Offset:"), m_offset, barWidget));
    bar->addWidget(labelled(tr("Count:"), m_count, barWidget));
    bar->addWidget(m_note);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(barWidget);
    layout->addWidget(m_table, 1);
    for (QSpinBox* box : {m_row, m_offset, m_count})
        connect(box, &QSpinBox::valueChanged, this, [this] { apply(); });
    setShape(0, 0);
}

void ValuesView::setShape(int64_t rows, int64_t rowLength)
{
    const int maxInt = std::numeric_limits<int>::max();
    const QSignalBlocker b1(m_row), b2(m_offset);
    m_row->setRange(0, static_cast<int>(std::clamp<int64_t>(rows - 1, 0, maxInt)));
    m_offset->setRange(0, static_cast<int>(std::clamp<int64_t>(rowLength - 1, 0, maxInt)));
    m_row->setValue(0);
    m_offset->setValue(0);
    apply();
}

void ValuesView::setWindow(int64_t row, int64_t offset, int count)
{
    const QSignalBlocker b1(m_row), b2(m_offset), b3(m_count);
    m_row->setValue(static_cast<int>(row));
    m_offset->setValue(static_cast<int>(offset));
    m_count->setValue(count);
    apply();
}

void ValuesView::apply() { m_model->setWindow(m_row->value(), m_offset->value(), m_count->value()); }

} // namespace qx::ui
