#include "common/heatmap_widget.h"

#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace qx::ui {

namespace {

constexpr int kMarks = 8, kLegendBar = 14, kGap = 4;

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

/// Five stops of the viridis scale, linearly interpolated; t in [0, 1].
QColor viridis(double t)
{
    static constexpr std::array<std::array<int, 3>, 5> kStops{{
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
    t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
    const size_t i = std::min(static_cast<size_t>(t), kStops.size() - 2);
    const double f = t - static_cast<double>(i);
    auto channel = [&](int c) { return static_cast<int>(std::lround(kStops[i][c] * (1 - f) + kStops[i + 1][c] * f)); };
    return QColor(channel(0), channel(1), channel(2));
}

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

} // namespace

HeatmapWidget::HeatmapWidget(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QColor HeatmapWidget::colorFor(double v, double range, Scale scale)
{
    static const QColor white(255, 255, 255), red(178, 24, 43), blue(33, 102, 172), orange(244, 165, 130);
    const double t = range > 0 ? std::clamp(v / range, -1.0, 1.0) : 0.0;
    switch (scale) {
    case Scale::Magnitude: return viridis(std::fabs(t));
    case Scale::Diverging: return t >= 0 ? mix(white, red, t) : mix(white, blue, -t);
    case Scale::Sequential: break;
    }
    const double a = std::fabs(t);
    return a < 0.5 ? mix(white, orange, a * 2) : mix(orange, red, (a - 0.5) * 2);
}

void HeatmapWidget::setMatrix(const QString& title, std::span<const float> values, int rows, int cols, Scale scale,
                              double range)
{
    m_title = title;
    m_cols = cols;
    m_scale = scale;
    m_range = range;
    if (range <= 0)
        for (float v : values)
            m_range = std::max(m_range, static_cast<double>(std::fabs(v)));
    m_image = rows > 0 && cols > 0 ? QImage(cols, rows, QImage::Format_RGB32) : QImage();
    for (int r = 0; r < rows && cols > 0; ++r) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(r));
        for (int c = 0; c < cols; ++c)
            line[c] = colorFor(values[static_cast<size_t>(r) * cols + c], m_range, scale).rgb();
    }
    update();
}

void HeatmapWidget::setAxes(int64_t rows, int64_t columns, const QString& rowTitle, const QString& columnTitle,
                            const QString& legendTitle)
{
    m_axisRows = rows, m_axisColumns = columns;
    m_rowTitle = rowTitle, m_columnTitle = columnTitle, m_legendTitle = legendTitle;
    update();
}

void HeatmapWidget::clear()
{
    m_image = QImage();
    m_title.clear();
    m_range = 0;
    update();
}

void HeatmapWidget::setColumnMarks(const QList<int>& columns, const QColor& color)
{
    m_marks = columns;
    m_markColor = color;
    update();
}

void HeatmapWidget::setCurrentColumn(int col)
{
    m_current = col;
    update();
}

QSize HeatmapWidget::sizeHint() const { return {420, 260}; }
QSize HeatmapWidget::minimumSizeHint() const { return {240, 160}; }

QString HeatmapWidget::legendLabel(int which) const
{
    const QLocale l;
    const QString max = l.toString(m_range, 'g', 3);
    if (m_scale == Scale::Diverging)
        return which == 0 ? QStringLiteral("+") + max : (which == 1 ? l.toString(0) : QStringLiteral("−") + max);
    return which == 0 ? max : (which == 1 ? l.toString(m_range / 2, 'g', 3) : l.toString(0));
}

HeatmapWidget::Margins HeatmapWidget::margins() const
{
    const QFontMetrics fm(font()), bold(boldOf(font()));
    int legendText = fm.horizontalAdvance(m_legendTitle);
    for (int k = 0; k < 3; ++k)
        legendText = std::max(legendText, fm.horizontalAdvance(legendLabel(k)));
    Margins m{0, bold.height() + 4 + kMarks, 2 * kGap + kLegendBar + legendText + kGap, fm.height() / 2};
    if (m_axisRows > 0) {
        const QLocale l;
        m.left = fm.height() + kGap + fm.horizontalAdvance(l.toString(qlonglong(m_axisRows - 1))) + kGap;
        m.bottom = 2 * fm.height() + 2 * kGap;
    }
    return m;
}

QRect HeatmapWidget::cellsRect() const
{
    const Margins m = margins();
    return QRect(m.left, m.top, std::max(10, width() - m.left - m.right), std::max(10, height() - m.top - m.bottom));
}

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::WindowText));
    if (m_image.isNull()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No heatmap yet"));
        return;
    }
    const QRect cells = cellsRect();
    p.setFont(boldOf(font()));
    const int titleRight = m_legendTitle.isEmpty() ? width() : cells.right() + kGap;   // the legend's title beside it
    p.drawText(QRect(cells.left(), 0, titleRight - cells.left(), cells.top() - kMarks), Qt::AlignLeft | Qt::AlignVCenter,
               m_title);
    p.setFont(font());
    p.drawImage(cells, m_image);
    p.setPen(QColor(120, 120, 120));
    p.drawRect(cells.adjusted(0, 0, -1, -1));
    const double cw = static_cast<double>(cells.width()) / std::max(1, m_cols);
    p.setPen(Qt::NoPen);
    p.setBrush(m_markColor);
    for (int c : m_marks)
        p.drawRect(QRectF(cells.left() + c * cw, cells.top() - kMarks, std::max(2.0, cw), kMarks - 2));
    if (m_current >= 0 && m_current < m_cols) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0), 2));
        p.drawRect(QRectF(cells.left() + m_current * cw, cells.top(), cw, cells.height()));
    }
    if (m_axisRows > 0)
        drawAxes(p, cells);
    drawLegend(p, QRect(cells.right() + 2 * kGap, cells.top(), kLegendBar, cells.height()));
}

void HeatmapWidget::drawAxes(QPainter& p, const QRect& cells) const
{
    // First, middle and last index of each axis, then the axis titles (the row title turned upright).
    p.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics fm(font());
    const QLocale l;
    for (int i = 0; i < 3; ++i) {
        const int64_t col = i == 0 ? 0 : (i == 1 ? m_axisColumns / 2 : m_axisColumns - 1);
        const int x = cells.left() + static_cast<int>(cells.width() * (i / 2.0));
        const int align = i == 0 ? Qt::AlignLeft : (i == 1 ? Qt::AlignHCenter : Qt::AlignRight);
        const int w = fm.horizontalAdvance(l.toString(qlonglong(col))) + 2;
        const int left = i == 0 ? x : (i == 1 ? x - w / 2 : x - w);
        p.drawText(QRect(left, cells.bottom() + kGap, w, fm.height()), align, l.toString(qlonglong(col)));
        const int64_t row = i == 0 ? 0 : (i == 1 ? m_axisRows / 2 : m_axisRows - 1);
        const int y = cells.top() + static_cast<int>(cells.height() * (i / 2.0));
        const int top = i == 0 ? y : (i == 1 ? y - fm.height() / 2 : y - fm.height());
        p.drawText(QRect(fm.height() + kGap, top, cells.left() - fm.height() - 2 * kGap, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, l.toString(qlonglong(row)));
    }
    p.drawText(QRect(cells.left(), cells.bottom() + fm.height() + kGap, cells.width(), fm.height()), Qt::AlignCenter,
               m_columnTitle);
    p.save();
    p.translate(0, cells.center().y());
    p.rotate(-90);
    p.drawText(QRect(-cells.height() / 2, 0, cells.height(), fm.height()), Qt::AlignCenter, m_rowTitle);
    p.restore();
}

void HeatmapWidget::drawLegend(QPainter& p, const QRect& bar) const
{
    QLinearGradient g(bar.topLeft(), bar.bottomLeft());
    for (int k = 0; k <= 10; ++k) {
        const double t = k / 10.0;
        const double v = m_scale == Scale::Diverging ? m_range * (1 - 2 * t) : m_range * (1 - t);
        g.setColorAt(t, colorFor(v, m_range, m_scale));
    }
    p.setPen(QColor(120, 120, 120));
    p.setBrush(g);
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics fm(font());
    const int textLeft = bar.right() + kGap, textWidth = width() - textLeft;
    if (!m_legendTitle.isEmpty())
        p.drawText(QRect(bar.left(), 0, width() - bar.left(), bar.top() - kMarks), Qt::AlignLeft | Qt::AlignVCenter,
                   m_legendTitle);
    if (m_range <= 0) {
        p.drawText(QRect(textLeft, bar.center().y() - fm.height() / 2, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   QLocale().toString(0));
        return;
    }
    const int ys[3] = {bar.top(), bar.center().y() - fm.height() / 2, bar.bottom() - fm.height()};
    for (int k = 0; k < 3; ++k)
        p.drawText(QRect(textLeft, ys[k], textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, legendLabel(k));
}

} // namespace qx::ui
