#include "learn/lesson.h"

#include "learn/lesson_calib.h"
#include "learn/lesson_chart.h"
#include "stats/histogram.h"

#include <QChart>
#include <QLineSeries>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QLocale>
#include <QPalette>

namespace qx::ui {

void Lesson::setData(std::shared_ptr<const LessonData> data)
{
    m_data = std::move(data);
    if (m_data && !m_data->values.empty())
        recompute();
}

void Lesson::setActivations(std::shared_ptr<const learn::ActivationSet> set, const QString& note)
{
    m_activations = std::move(set);
    m_activationNote = note;
    if (usesActivations() && m_data && !m_data->values.empty())
        recompute();
}

QLabel* Lesson::makeText(const QString& html, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QVBoxLayout* Lesson::column()
{
    if (!m_column) {
        m_column = new QVBoxLayout(this);
        m_column->addStretch(1);
    }
    return m_column;
}

void Lesson::addWidget(QWidget* widget)
{
    column()->insertWidget(column()->count() - 1, widget);
}

QLabel* Lesson::addIntro(const QString& html)
{
    QLabel* label = makeText(html, this);
    addWidget(label);
    return label;
}

QLabel* Lesson::addParagraph()
{
    QLabel* label = makeText(QString(), this);
    addWidget(label);
    return label;
}

QSpinBox* Lesson::addSpinBox(const QString& label, int minimum, int maximum, int value, bool recomputes)
{
    auto* row = new QWidget(this);
    auto* box = new QSpinBox(row);
    box->setRange(minimum, maximum);
    box->setValue(value);
    auto* text = new QLabel(label, row);
    text->setBuddy(box);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text);
    layout->addWidget(box);
    layout->addStretch(1);
    addWidget(row);
    if (recomputes)
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (m_data && !m_data->values.empty())
                recompute();
        });
    return box;
}

LessonChart* Lesson::addChart(int minimumHeight)
{
    auto* chart = new LessonChart(this);
    chart->view()->setMinimumHeight(minimumHeight);
    addWidget(chart);
    return chart;
}

QString Lesson::sourceLine() const
{
    if (!m_data || m_data->isSample)
        return tr("No model loaded: using a built-in deterministic heavy-tailed sample (%1 values).")
            .arg(m_data ? static_cast<qulonglong>(m_data->values.size()) : 0ULL);
    const int64_t rows = m_data->rowLength > 0 ? static_cast<int64_t>(m_data->values.size()) / m_data->rowLength : 0;
    QString line = tr("Tensor <b>%1</b>: %2 rows × %3 values.")
                       .arg(m_data->tensorName.toHtmlEscaped())
                       .arg(rows)
                       .arg(m_data->rowLength);
    if (rows < m_data->totalRows)
        line += QLatin1Char(' ') + tr("(first %1 of %2 rows)").arg(rows).arg(m_data->totalRows);
    return line;
}

QLineSeries* histogramSeries(const std::vector<float>& values, double lo, double hi, int bins, const QString& name,
                             double& peak)
{
    Histogram h = Histogram::make(lo, hi, bins);
    for (float x : values)
        h.add(x);
    auto* series = new QLineSeries;
    series->setName(name);
    peak = 1.0;
    for (int i = 0; i < bins; ++i) {
        const auto c = static_cast<double>(h.counts[static_cast<size_t>(i)]);
        series->append(h.binLo(i) + h.binWidth() / 2, c);
        peak = std::max(peak, c);
    }
    return series;
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);   // the chart releases ownership: delete it ourselves
        delete a;
    }
}

QString num(double v, int digits)
{
    return QLocale().toString(v, 'g', digits);
}

} // namespace qx::ui
