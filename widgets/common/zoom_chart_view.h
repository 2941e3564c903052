#pragma once
// A chart view with the usual navigation: drag a rectangle to zoom in, wheel to zoom around the centre,
// middle-button drag (or Shift + left drag) to pan, right click or resetZoom() to go back to the full view.
// Export: see exportChartImage in table_export.h (the right click belongs to zooming out here).

#include <QChartView>

namespace qx::ui {

class ZoomChartView : public QChartView {
    Q_OBJECT
public:
    explicit ZoomChartView(QWidget* parent = nullptr);
    /// Replaces the chart by an empty one in the palette's light/dark theme; deletes the old chart.
    QChart* freshChart();

public slots:
    void resetZoom();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    bool m_panning = false;
    QPointF m_lastPan;
};

} // namespace qx::ui
