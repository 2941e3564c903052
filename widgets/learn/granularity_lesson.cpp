#include "learn/granularity_lesson.h"

#include "learn/lesson_chart.h"

#include "common/format_text.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

GranularityLesson::GranularityLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Granularity</h2><p>Each group of weights that shares one scale pays for "
        "its scale (here an FP16 number, 16 bits). One scale for the whole <b>tensor</b> is nearly free but lets the "
        "largest weight anywhere set the step for all. One scale per <b>channel</b> (row) adapts to each row; one "
        "per <b>group</b> of 32–128 consecutive weights adapts further, at 16/G extra bits per weight.</p>"));
    m_source = addParagraph();
    m_bits = addSpinBox(tr("Bits per code (symmetric):"), 2, 8, 4);
    m_chart = addChart();
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("granularityTable"));
    m_table->setHorizontalHeaderLabels({tr("Scales"), tr("SQNR (dB)"), tr("Bits per weight"),
                                        tr("of which scales"), tr("Size")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(190);
    addWidget(m_table);
}

void GranularityLesson::setBits(int bits) { m_bits->setValue(bits); }
int GranularityLesson::bits() const { return m_bits->value(); }

QString GranularityLesson::shortName(const learn::GranularityRow& r) const
{
    switch (r.granularity) {
    case Granularity::PerTensor: return tr("tensor");
    case Granularity::PerChannel: return tr("channel");
    case Granularity::PerGroup: return tr("g%1").arg(r.groupSize);
    }
    return {};
}

QString GranularityLesson::rowName(const learn::GranularityRow& r) const
{
    switch (r.granularity) {
    case Granularity::PerTensor: return tr("per tensor");
    case Granularity::PerChannel: return tr("per channel");
    case Granularity::PerGroup: return tr("per group of %1").arg(r.groupSize);
    }
    return {};
}

void GranularityLesson::recompute()
{
    m_source->setText(sourceLine());
    m_rows = learn::granularityTable(data()->values, data()->rowLength, bits());
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    auto* set = new QBarSet(tr("SQNR (dB), higher is better"));
    QStringList categories;
    double top = 1.0;
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const auto& r = m_rows[static_cast<size_t>(i)];
        const QString na = tr("n/a (row of %1)").arg(data()->rowLength);
        m_table->setItem(i, 0, new QTableWidgetItem(rowName(r)));
        m_table->setItem(i, 1, new QTableWidgetItem(r.valid ? num(r.sqnrDb, 4) : na));
        m_table->setItem(i, 2, new QTableWidgetItem(r.valid ? num(r.bitsPerWeight, 5) : QString()));
        m_table->setItem(i, 3, new QTableWidgetItem(r.valid ? num(r.scaleBitsPerWeight, 4) : QString()));
        m_table->setItem(i, 4, new QTableWidgetItem(r.valid ? formatBytes(r.bytes) : QString()));
        categories << shortName(r);
        set->append(r.valid ? r.sqnrDb : 0.0);
        top = std::max(top, r.sqnrDb);
    }
    QChart* chart = m_chart->chart();
    clearChart(chart);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(4);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("one scale per tensor, per channel (row) or per group of G values (gG)"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("SQNR (dB)"));
    y->setRange(0.0, top * 1.15);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_chart->refresh();
}

} // namespace qx::ui
