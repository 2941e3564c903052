// TradeoffView's run numbers: each beside its point, where it overprints neither another number nor any
// point; when every spot next to the point is taken, further out with a leader line back to it.
#include "evaluate/tradeoff_view.h"

#include "common/zoom_chart_view.h"

#include <QChart>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QScatterSeries>

#include <array>
#include <cmath>

namespace qx::ui {
namespace {

constexpr double kPointRadius = 7.0;

/// The spots tried around a point, nearest first: 8 directions at 3 distances (pixels).
std::vector<QPointF> candidateOffsets()
{
    std::vector<QPointF> out;
    const std::array<double, 3> distances{12.0, 24.0, 38.0};
    const double pi = std::acos(-1.0);
    for (double d : distances)
        for (int k = 0; k < 8; ++k) {
            const double a = pi / 4.0 * k;   // east first, counter-clockwise
            out.emplace_back(d * std::cos(a), -d * std::sin(a));
        }
    return out;
}

bool freeSpot(const QRectF& rect, const QRectF& area, const std::vector<QRectF>& taken, const std::vector<QPointF>& points)
{
    if (!area.contains(rect))
        return false;
    for (const QRectF& t : taken)
        if (t.intersects(rect))
            return false;
    for (const QPointF& p : points)
        if (rect.intersects(QRectF(p.x() - kPointRadius, p.y() - kPointRadius, 2 * kPointRadius, 2 * kPointRadius)))
            return false;
    return true;
}

} // namespace

void TradeoffView::placeLabels()
{
    QChart* chart = m_view->chart();
    for (QGraphicsItem* item : m_labels)
        delete item;
    for (QGraphicsItem* item : m_leaders)
        delete item;
    m_labels.assign(m_seriesOf.size(), nullptr);
    m_leaders.clear();
    const QRectF area = chart->plotArea();
    std::vector<QPointF> points;
    for (int r = 0; r < static_cast<int>(m_seriesOf.size()); ++r) {
        const auto [x, y] = pointOf(r);
        points.push_back(chart->mapToPosition(QPointF(x, y), m_seriesOf[size_t(r)]));
    }
    std::vector<QRectF> taken;
    QFont font = chart->font();
    font.setBold(true);
    const std::vector<QPointF> offsets = candidateOffsets();
    for (size_t r = 0; r < points.size(); ++r) {
        if (!area.contains(points[r]))
            continue;   // zoomed out of sight
        auto* text = new QGraphicsSimpleTextItem(QString::number(r + 1), chart);
        text->setFont(font);
        text->setBrush(chart->titleBrush());
        text->setZValue(10);
        const QSizeF size = text->boundingRect().size();
        QPointF centre = points[r] + offsets.back();
        bool near = false;
        for (size_t k = 0; k < offsets.size(); ++k) {
            const QPointF c = points[r] + offsets[k];
            if (freeSpot(QRectF(c - QPointF(size.width() / 2, size.height() / 2), size), area, taken, points)) {
                centre = c;
                near = k < 8;
                break;
            }
        }
        const QRectF rect(centre - QPointF(size.width() / 2, size.height() / 2), size);
        text->setPos(rect.topLeft());
        taken.push_back(rect);
        m_labels[r] = text;
        if (!near) {
            auto* leader = new QGraphicsLineItem(QLineF(points[r], centre), chart);
            leader->setPen(QPen(chart->titleBrush().color(), 0.8));
            leader->setZValue(9);
            m_leaders.push_back(leader);
        }
    }
}

std::vector<QRectF> TradeoffView::labelRects() const
{
    std::vector<QRectF> out;
    for (QGraphicsItem* item : m_labels)
        out.push_back(item ? item->sceneBoundingRect() : QRectF());
    return out;
}

} // namespace qx::ui
