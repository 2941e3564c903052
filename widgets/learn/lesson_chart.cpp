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

LessonChart::LessonChart(QWidget* parent) : QWidget(parent), m_view(new QChartView(this)), m_legend(new ChartLegend(this))
{
    auto* chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true);   // axis labels as the language writes numbers
    m_view->setChart(chart);
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
