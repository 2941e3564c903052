#pragma once
// Paints a down-sampled |w| map (AbsHeatmap) as an image: rows top to bottom, columns left to right, a
// perceptual colour scale from 0 (dark) to the largest |w| (bright) with its legend on the right and
// labelled axes (first, middle and last tensor index of each axis).

#include "tensor/tensor_analysis.h"

#include <QImage>
#include <QWidget>

namespace qx::ui {

class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapWidget(QWidget* parent = nullptr);
    /// Shows `map` for a tensor of `rows` × `rowLength` (empty map clears).
    void setHeatmap(const AbsHeatmap& map, int64_t rows, int64_t rowLength);
    const QImage& image() const { return m_image; }
    QSize minimumSizeHint() const override { return {320, 240}; }

    /// The colour of t in [0, 1] on the scale (viridis-like).
    static QColor scaleColor(double t);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    float m_max = 0.0f;
    int64_t m_rows = 0, m_rowLength = 0;
    int64_t m_rowsPerCell = 1, m_columnsPerCell = 1;
};

} // namespace qx::ui
