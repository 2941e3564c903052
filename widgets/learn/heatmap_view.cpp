#include "learn/heatmap_view.h"

#include "learn/lesson.h"

#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace qx::ui {

namespace {

constexpr int kTitle = 22, kMarks = 8, kLegendWidth = 14, kLegendText = 64, kBottom = 10;

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QColor HeatmapView::colorFor(double v, double range, bool diverging)
{
    static const QColor white(255, 255, 255), red(178, 24, 43), blue(33, 102, 172), orange(244, 165, 130);
    const double t = range > 0 ? std::clamp(v / range, -1.0, 1.0) : 0.0;
    if (diverging)
        return t >= 0 ? mix(white, red, t) : mix(white, blue, -t);
    const double a = std::fabs(t);
    return a < 0.5 ? mix(white, orange, a * 2) : mix(orange, red, (a - 0.5) * 2);
}

void HeatmapView::setMatrix(const QString& title, std::span<const float> values, int rows, int cols, bool diverging,
                            double range)
{
    m_title = title;
    m_rows = rows;
    m_cols = cols;
    m_diverging = diverging;
    m_range = range;
    if (range <= 0)
        for (float v : values)
            m_range = std::max(m_range, static_cast<double>(std::fabs(v)));
    m_image = QImage(cols, rows, QImage::Format_RGB32);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m_image.setPixelColor(c, r, colorFor(values[static_cast<size_t>(r * cols + c)], m_range, diverging));
    update();
}

void HeatmapView::setColumnMarks(const QList<int>& columns, const QColor& color)
{
    m_marks = columns;
    m_markColor = color;
    update();
}

void HeatmapView::setCurrentColumn(int col)
{
    m_current = col;
    update();
}

QSize HeatmapView::sizeHint() const { return {420, 260}; }
QSize HeatmapView::minimumSizeHint() const { return {200, 140}; }

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(0, 0, width(), kTitle), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(font());
    if (m_image.isNull())
        return;
    const QRect cells(0, kTitle + kMarks, width() - kLegendWidth - kLegendText - 8, height() - kTitle - kMarks - kBottom);
    p.drawImage(cells, m_image);
    p.setPen(QColor(120, 120, 120));
    p.drawRect(cells.adjusted(0, 0, -1, -1));
    const double cw = static_cast<double>(cells.width()) / std::max(1, m_cols);
    p.setPen(Qt::NoPen);
    p.setBrush(m_markColor);
    for (int c : m_marks)
        p.drawRect(QRectF(cells.left() + c * cw, kTitle, std::max(2.0, cw), kMarks - 2));
    if (m_current >= 0 && m_current < m_cols) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0), 2));
        p.drawRect(QRectF(cells.left() + m_current * cw, cells.top(), cw, cells.height()));
    }
    drawLegend(p, QRect(cells.right() + 8, cells.top(), kLegendWidth, cells.height()));
}

void HeatmapView::drawLegend(QPainter& p, const QRect& bar)
{
    QLinearGradient g(bar.topLeft(), bar.bottomLeft());
    for (int k = 0; k <= 10; ++k) {
        const double t = k / 10.0;
        g.setColorAt(t, colorFor(m_diverging ? m_range * (1 - 2 * t) : m_range * (1 - t), m_range, m_diverging));
    }
    p.setPen(QColor(120, 120, 120));
    p.setBrush(g);
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::WindowText));
    const int lineHeight = p.fontMetrics().height();
    auto label = [&](int y, const QString& text) {
        p.drawText(QRect(bar.right() + 4, y - lineHeight / 2, kLegendText, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    const bool zero = m_range <= 0;
    if (!zero)
        label(bar.top(), m_diverging ? QStringLiteral("+") + num(m_range, 3) : num(m_range, 3));
    label(bar.center().y(), m_diverging || zero ? num(0) : num(m_range / 2, 3));
    if (!zero)
        label(bar.bottom(), m_diverging ? QStringLiteral("−") + num(m_range, 3) : num(0));
}

} // namespace qx::ui
