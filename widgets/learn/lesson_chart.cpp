#include "learn/lesson_chart.h"

#include "common/chart_util.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QPalette>
#include <QValueAxis>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

namespace {

/// A chart in the light or dark theme of the palette, writing numbers as the interface language does.
QChart* newLessonChart(const QPalette& palette)
{
    auto* chart = new QChart;
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true);   // axis labels as the language writes numbers
    return chart;
}

} // namespace

// The view is built around its chart: a QChartView built empty makes a chart of its own, which
// setChart() would leave to the caller to delete.
LessonChart::LessonChart(QWidget* parent)
    : QWidget(parent), m_view(new QChartView(newLessonChart(palette()), this)), m_legend(new ChartLegend(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
}

QChart* LessonChart::chart() const { return m_view->chart(); }

void LessonChart::refresh()
{
    m_legend->setChart(chart());
    for (QAbstractAxis* axis : chart()->axes())
        if (auto* value = qobject_cast<QValueAxis*>(axis); value && !value->property("qx_fixedTicks").toBool())
            setNiceTicks(value, axis->orientation() == Qt::Horizontal ? 8 : 5);
}

void appendRoundCounts(QCategoryAxis* axis, double peak)
{
    if (!(peak > 0.0))
        return;
    const double step = std::max(1.0, niceStep(peak, 4));
    for (double v = 0.0; v <= peak * (1.0 + 1e-9); v += step)
        axis->append(QLocale().toString(static_cast<qlonglong>(std::llround(v))), v);
}

} // namespace qx::ui
