#include "learn/lesson.h"

#include "learn/lesson_calib.h"
#include "stats/histogram.h"

#include <QChart>
#include <QLineSeries>
#include <QChartView>
#include <QLabel>
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

QChartView* Lesson::makeChartView(QWidget* parent)
{
    auto* chart = new QChart;
    const bool dark = parent->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
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
