#include "common/zoom_chart_view.h"

#include <QChart>
#include <QLegend>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace qx::ui {

ZoomChartView::ZoomChartView(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMinimumHeight(200);
    setToolTip(tr("Drag to zoom in, wheel to zoom, middle button or Shift+drag to pan, right click to zoom out"));
    freshChart();
}

QChart* ZoomChartView::freshChart()
{
    QChart* old = chart();
    auto* c = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setLocalizeNumbers(true);   // axis labels as the language writes numbers ("0,25" in German)
    setChart(c);
    delete old;
    return c;
}

void ZoomChartView::resetZoom() { chart()->zoomReset(); }

void ZoomChartView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0)
        chart()->zoom(std::pow(1.25, steps));
    event->accept();
}

void ZoomChartView::mousePressEvent(QMouseEvent* event)
{
    const bool pan = event->button() == Qt::MiddleButton
                     || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_panning = true;
        m_lastPan = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ZoomChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPointF d = event->position() - m_lastPan;
        m_lastPan = event->position();
        chart()->scroll(-d.x(), d.y());
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void ZoomChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace qx::ui
