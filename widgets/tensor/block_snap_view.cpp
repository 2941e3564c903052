#include "tensor/block_snap_view.h"

#include "common/chart_util.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace qx::ui {
namespace {

const QColor kOriginal(0, 114, 178);
const QColor kDecoded(230, 159, 0);
constexpr int kMinLane = 18;

} // namespace

BlockSnapView::BlockSnapView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Each value of the block (dot above) and the level it comes back as (dot on the comb)"));
}

QSize BlockSnapView::minimumSizeHint() const
{
    const int lanes = m_block ? static_cast<int>(m_block->grid.groups.size()) : 1;
    return {260, 5 * fontMetrics().height() + lanes * kMinLane};
}

QSize BlockSnapView::sizeHint() const
{
    return {480, std::max(320, minimumSizeHint().height())};
}

void BlockSnapView::setBlock(std::optional<Block> block, const QString& hint)
{
    m_block = std::move(block);
    m_hint = hint;
    if (m_block) {
        double lo = INFINITY, hi = -INFINITY;
        for (const std::vector<float>* v : {&m_block->original, &m_block->grid.decoded})
            for (float x : *v)
                if (std::isfinite(x))
                    lo = std::min(lo, double(x)), hi = std::max(hi, double(x));
        if (!(hi > lo))
            lo -= 1.0, hi += 1.0;
        const double pad = 0.04 * (hi - lo);
        std::tie(m_lo, m_hi) = niceRange(lo - pad, hi + pad, 6);
    }
    updateGeometry();
    update();
}

std::pair<double, double> BlockSnapView::axisRange() const { return {m_lo, m_hi}; }

QString BlockSnapView::laneLabel(size_t g) const
{
    const GridGroup& group = m_block->grid.groups[g];
    if (m_block->grid.groups.size() == 1)
        return {};
    const QString number = tr("#%1").arg(g + 1);
    if (group.scaleCode >= 0 && group.minCode >= 0)
        return tr("%1  sc %2 · m %3").arg(number).arg(group.scaleCode).arg(group.minCode);
    if (group.scaleCode != -1 || m_block->grid.kind == GridKind::SuperBlock || m_block->grid.kind == GridKind::Codebook)
        return tr("%1  sc %2").arg(number).arg(group.scaleCode);
    return number;
}

double BlockSnapView::xOf(double v, const QRectF& plot) const
{
    return plot.left() + (v - m_lo) / (m_hi - m_lo) * plot.width();
}

void BlockSnapView::paintLane(QPainter& p, size_t g, const QRectF& lane, const QRectF& plot) const
{
    const BlockGrid& grid = m_block->grid;
    const GridGroup& group = grid.groups[g];
    const double comb = lane.bottom() - 0.22 * lane.height();
    const double top = lane.top() + 0.25 * lane.height();
    std::vector<int> used(group.levels.size(), 0);
    for (int64_t i = group.first; i < group.first + group.length; ++i)
        if (const int at = grid.levelOf(i); at >= 0)
            ++used[static_cast<size_t>(at)];
    const double spacing = group.levels.size() > 1 ? plot.width() * (group.levels[1] - group.levels[0]) / (m_hi - m_lo) : 99.0;
    for (size_t k = 0; k < group.levels.size(); ++k) {
        const double v = group.levels[k];
        if (v < m_lo || v > m_hi || (spacing < 2.0 && !used[k]))
            continue;   // a grid finer than two pixels shows its used levels only
        const double x = xOf(v, plot);
        p.setPen(QPen(used[k] ? palette().color(QPalette::Text) : QColor(160, 160, 160), used[k] ? 1.6 : 0.8));
        p.drawLine(QPointF(x, comb - 0.4 * lane.height()), QPointF(x, comb + 3));
    }
    p.setRenderHint(QPainter::Antialiasing);
    for (int64_t i = group.first; i < group.first + group.length; ++i) {
        const float o = m_block->original[static_cast<size_t>(i)], d = grid.decoded[static_cast<size_t>(i)];
        if (!std::isfinite(o) || !std::isfinite(d))
            continue;
        const QPointF from(xOf(o, plot), top), to(xOf(d, plot), comb);
        p.setPen(QPen(QColor(128, 128, 128, 140), 0.8));
        p.drawLine(from, to);
        p.setPen(Qt::NoPen);
        p.setBrush(kOriginal);
        p.drawEllipse(from, 2.6, 2.6);
        p.setBrush(kDecoded);
        p.drawEllipse(to, 3.0, 3.0);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(QPointF(plot.left(), lane.bottom()), QPointF(plot.right(), lane.bottom()));
}

void BlockSnapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics fm(font());
    if (!m_block) {
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_hint);
        return;
    }
    const int margin = 8;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QRect titleRect = p.fontMetrics().boundingRect(QRect(margin, margin, width() - 2 * margin, height()),
                                                         Qt::TextWordWrap, m_block->title);
    p.drawText(titleRect, Qt::TextWordWrap, m_block->title);
    p.setFont(font());
    const QRect scalesRect = fm.boundingRect(QRect(margin, titleRect.bottom() + 2, width() - 2 * margin, height()),
                                             Qt::TextWordWrap, m_block->scales);
    p.drawText(scalesRect, Qt::TextWordWrap, m_block->scales);

    const int legendHeight = fm.height() + 4, axisHeight = 2 * fm.height() + 6;
    int labelWidth = 0;
    for (size_t g = 0; g < m_block->grid.groups.size(); ++g)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(laneLabel(g)));
    labelWidth = std::min(labelWidth + (labelWidth ? 10 : 0), width() / 3);
    const QRectF plot(margin + labelWidth, scalesRect.bottom() + 8, width() - 2 * margin - labelWidth - 6,
                      height() - scalesRect.bottom() - 8 - axisHeight - legendHeight);
    const size_t lanes = std::max<size_t>(1, m_block->grid.groups.size());
    const double laneHeight = plot.height() / static_cast<double>(lanes);
    for (size_t g = 0; g < m_block->grid.groups.size(); ++g) {
        const QRectF lane(plot.left(), plot.top() + laneHeight * static_cast<double>(g), plot.width(), laneHeight);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(margin, lane.top(), labelWidth - 6, lane.height()), Qt::AlignRight | Qt::AlignVCenter, laneLabel(g));
        paintLane(p, g, lane, plot);
    }
    // The value axis with round ticks.
    p.setPen(palette().color(QPalette::Text));
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    const double step = niceStep(m_hi - m_lo, std::max(2, static_cast<int>(plot.width() / (fm.horizontalAdvance(QStringLiteral("-0.0000")) * 1.6))));
    const int decimals = decimalsFor(step);
    for (double t = std::ceil(m_lo / step - 1e-9) * step; t <= m_hi + 1e-12; t += step) {
        const double x = xOf(t, plot);
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
        const QString label = QLocale().toString(std::fabs(t) < step * 1e-6 ? 0.0 : t, 'f', decimals);
        const double w = fm.horizontalAdvance(label) + 2.0;   // centred under its tick, but kept inside the widget
        p.drawText(QRectF(std::clamp(x - w / 2, 0.0, width() - w), plot.bottom() + 5, w, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + 5 + fm.height(), plot.width(), fm.height()), Qt::AlignHCenter,
               tr("weight value"));
    // Legend: the two dots in their colours, then the comb.
    const int y = height() - legendHeight + fm.ascent();
    int x = margin;
    const QString symbols[] = {QStringLiteral("●"), QStringLiteral("●"), QStringLiteral("|")};
    const QString texts[] = {tr("value"), tr("after the round trip"), tr("level (darker: in use)")};
    const QColor colours[] = {kOriginal, kDecoded, palette().color(QPalette::Text)};
    for (int i = 0; i < 3; ++i) {
        p.setPen(colours[i]);
        p.drawText(x, y, symbols[i]);
        x += fm.horizontalAdvance(symbols[i] + QLatin1Char(' '));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(x, y, texts[i]);
        x += fm.horizontalAdvance(texts[i]) + 2 * fm.horizontalAdvance(QLatin1Char('M'));
    }
}

} // namespace qx::ui
