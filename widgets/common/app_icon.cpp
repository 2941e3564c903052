#include "common/app_icon.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace qx::ui {
namespace {

// In the 64-unit coordinates of qexplore.svg: x, y, width, height of each step.
constexpr QRectF kBars[] = {{9, 46, 6, 8},  {16, 38, 6, 16}, {23, 24, 6, 30}, {30, 14, 6, 40},
                            {37, 24, 6, 30}, {44, 38, 6, 16}, {51, 46, 4, 8}};

QPainterPath curvePath()
{
    // The SVG's "C … S …" path with the reflected control points written out.
    QPainterPath path(QPointF(7, 53));
    path.cubicTo(QPointF(17, 52), QPointF(22, 36), QPointF(27, 24));
    path.cubicTo(QPointF(32, 12), QPointF(31, 12), QPointF(33, 12));
    path.cubicTo(QPointF(35, 12), QPointF(38, 16), QPointF(40, 24));
    path.cubicTo(QPointF(42, 32), QPointF(48, 52), QPointF(57, 53));
    return path;
}

} // namespace

void paintAppIcon(QPainter& painter, qreal side)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(side / 64.0, side / 64.0);
    QLinearGradient bg(0, 0, 0, 64);
    bg.setColorAt(0, QColor(0x3a, 0x6f, 0xb0));
    bg.setColorAt(1, QColor(0x1f, 0x3f, 0x73));
    painter.setPen(Qt::NoPen);
    painter.setBrush(bg);
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
    painter.setBrush(QColor(255, 255, 255, 230));
    for (const QRectF& bar : kBars)
        painter.drawRect(bar);
    painter.setPen(QPen(QColor(255, 255, 255, 153), 1));
    painter.drawLine(QPointF(7, 54.5), QPointF(57, 54.5));
    painter.setPen(QPen(QColor(0xf5, 0xa6, 0x23), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(curvePath());
    painter.restore();
}

QIcon appIcon()
{
    QIcon icon;
    for (int side : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paintAppIcon(painter, side);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace qx::ui
