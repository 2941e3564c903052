#include "common/flow_layout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace qx::ui {

FlowLayout::FlowLayout(QWidget* parent) : QLayout(parent) {}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addStretch() { m_stretchAt = static_cast<int>(m_items.size()); }

void FlowLayout::addItem(QLayoutItem* item) { m_items.append(item); }

QLayoutItem* FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    if (index < m_stretchAt)
        --m_stretchAt;
    return m_items.takeAt(index);
}

int FlowLayout::spacingX() const
{
    const QWidget* w = parentWidget();
    return spacing() >= 0 ? spacing() : w ? w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w) : 6;
}

int FlowLayout::spacingY() const
{
    const QWidget* w = parentWidget();
    return spacing() >= 0 ? spacing() : w ? w->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, w) : 6;
}

int FlowLayout::heightForWidth(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // One line when there is room: the widths side by side, the tallest item.
    int width = 0, height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (width ? spacingX() : 0);
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QMargins m = contentsMargins();
    const QRect area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom());
    int x = area.x(), y = area.y(), lineHeight = 0;
    QList<QPair<QLayoutItem*, QRect>> line;
    const auto flush = [&] {
        // Items past the stretch point move to the line's right end; every item is centred vertically.
        int shift = 0;
        for (int i = 0; i < line.size(); ++i)
            if (m_items.indexOf(line[i].first) >= m_stretchAt && m_stretchAt >= 0) {
                shift = area.right() + 1 - line.back().second.right() - 1;
                break;
            }
        for (auto& [item, r] : line) {
            QRect placed = r.translated(m_items.indexOf(item) >= m_stretchAt && m_stretchAt >= 0 ? shift : 0,
                                        (lineHeight - r.height()) / 2);
            if (apply)
                item->setGeometry(placed);
        }
        line.clear();
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (x > area.x() && x + hint.width() > area.right() + 1) {
            flush();
            x = area.x();
            y += lineHeight + spacingY();
            lineHeight = 0;
        }
        line.append({item, QRect(QPoint(x, y), hint)});
        x += hint.width() + spacingX();
        lineHeight = std::max(lineHeight, hint.height());
    }
    flush();
    return y + lineHeight - rect.y() + m.bottom();
}

QWidget* labelled(const QString& text, QWidget* field, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* label = new QLabel(text, box);
    label->setBuddy(field);
    field->setParent(box);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(field);
    return box;
}

FlowLayout* flowBar(QWidget* parent, QWidget** bar)
{
    auto* widget = new QWidget(parent);
    auto* layout = new FlowLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    if (bar)
        *bar = widget;
    return layout;
}

} // namespace qx::ui
