#include "common/heatmap_widget.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace qx::ui {

HeatmapWidget::HeatmapWidget(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers"));
}

QColor HeatmapWidget::scaleColor(double t)
{
    // Five stops of the viridis scale, linearly interpolated.
    static constexpr std::array<std::array<int, 3>, 5> kStops{{
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
    t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
    const size_t i = std::min(static_cast<size_t>(t), kStops.size() - 2);
    const double f = t - static_cast<double>(i);
    auto mix = [&](int c) { return static_cast<int>(std::lround(kStops[i][c] * (1 - f) + kStops[i + 1][c] * f)); };
    return QColor(mix(0), mix(1), mix(2));
}

void HeatmapWidget::setHeatmap(const AbsHeatmap& map, int64_t rows, int64_t rowLength)
{
    m_rows = rows, m_rowLength = rowLength, m_max = map.maxValue;
    m_rowsPerCell = map.rowsPerCell, m_columnsPerCell = map.columnsPerCell;
    if (map.rows == 0 || map.columns == 0) {
        m_image = QImage();
    } else {
        m_image = QImage(map.columns, map.rows, QImage::Format_RGB32);
        for (int r = 0; r < map.rows; ++r) {
            auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(r));
            for (int c = 0; c < map.columns; ++c) {
                const float v = map.maxAbs[static_cast<size_t>(r) * map.columns + c];
                line[c] = scaleColor(m_max > 0.0f ? v / m_max : 0.0).rgb();
            }
        }
    }
    update();
}

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics fm(font());
    if (m_image.isNull()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No heatmap yet"));
        return;
    }
    const int left = fm.horizontalAdvance(QString::number(m_rows)) + fm.height() + 10;
    const int bottom = 2 * fm.height() + 8, top = fm.height() + 6, legendWidth = 70;
    const QRect plot(left, top, std::max(10, width() - left - legendWidth - 10), std::max(10, height() - top - bottom));
    p.drawText(QRect(0, 0, width(), top), Qt::AlignCenter,
               tr("max |w| per cell of %1 × %2 values").arg(m_rowsPerCell).arg(m_columnsPerCell));
    p.drawImage(plot, m_image);
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    // Axis labels: first, middle and last index.
    for (int i = 0; i < 3; ++i) {
        const int64_t col = i == 0 ? 0 : (i == 1 ? m_rowLength / 2 : m_rowLength - 1);
        const int x = plot.left() + static_cast<int>(plot.width() * (i / 2.0));
        p.drawText(QRect(x - 40, plot.bottom() + 2, 80, fm.height()), Qt::AlignCenter, QString::number(col));
        const int64_t row = i == 0 ? 0 : (i == 1 ? m_rows / 2 : m_rows - 1);
        const int y = plot.top() + static_cast<int>(plot.height() * (i / 2.0));
        p.drawText(QRect(fm.height(), y - fm.height() / 2, left - fm.height() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(row));
    }
    p.drawText(QRect(plot.left(), plot.bottom() + fm.height() + 4, plot.width(), fm.height()), Qt::AlignCenter,
               tr("column (input channel)"));
    p.save();
    p.translate(fm.height() - 2, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, -fm.height(), plot.height(), fm.height()), Qt::AlignCenter,
               tr("row (output channel)"));
    p.restore();
    // Legend: the colour scale with 0 and max |w|.
    const QRect bar(plot.right() + 12, plot.top(), 14, plot.height());
    for (int y = 0; y < bar.height(); ++y)
        p.fillRect(bar.left(), bar.bottom() - y, bar.width(), 1, scaleColor(double(y) / std::max(1, bar.height() - 1)));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.drawText(bar.right() + 4, bar.top() + fm.ascent(), QString::number(m_max, 'g', 3));
    p.drawText(bar.right() + 4, bar.bottom(), QStringLiteral("0"));
    p.drawText(QRect(bar.left() - 4, 0, legendWidth, top), Qt::AlignLeft | Qt::AlignVCenter, tr("|w|"));
}

} // namespace qx::ui
