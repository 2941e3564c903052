#include "learn/bit_layout_view.h"

#include "learn/lesson.h"

#include <QPaintEvent>
#include <QPainter>

namespace qx::ui {

namespace {

constexpr int kCell = 16;
constexpr int kNameWidth = 90;
constexpr int kRowHeight = 30;
constexpr int kValueWidth = 130;

QColor fieldColor(int field, bool dark)
{
    static const QColor light[3] = {QColor(0xF4, 0xA6, 0xA6), QColor(0x9F, 0xD3, 0x9F), QColor(0xA9, 0xC8, 0xF0)};
    static const QColor deep[3] = {QColor(0x8E, 0x2F, 0x2F), QColor(0x2E, 0x6E, 0x2E), QColor(0x2C, 0x4F, 0x8A)};
    return dark ? deep[field] : light[field];
}

} // namespace

void BitLayoutView::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    updateGeometry();
    update();
}

QSize BitLayoutView::sizeHint() const
{
    return {kNameWidth + 32 * kCell + 12 + 2 * kValueWidth, kRowHeight * static_cast<int>(m_rows.size() + 1) + 8};
}

void BitLayoutView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor text = palette().color(QPalette::WindowText);
    const int valueX = kNameWidth + 32 * kCell + 12;
    p.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(0, 0, kNameWidth, kRowHeight), Qt::AlignVCenter, tr("Format"));
    p.drawText(QRect(kNameWidth, 0, 32 * kCell, kRowHeight), Qt::AlignVCenter, tr("Stored bits (sign | exponent | mantissa)"));
    p.drawText(QRect(valueX, 0, kValueWidth, kRowHeight), Qt::AlignVCenter, tr("Decoded value"));
    p.drawText(QRect(valueX + kValueWidth, 0, kValueWidth, kRowHeight), Qt::AlignVCenter, tr("Rounding error"));
    p.setFont(font());
    for (size_t r = 0; r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        const int y = kRowHeight * static_cast<int>(r + 1);
        p.setPen(text);
        p.drawText(QRect(0, y, kNameWidth, kRowHeight), Qt::AlignVCenter, row.name);
        const int total = row.layout.signBits + row.layout.exponentBits + row.layout.mantissaBits;
        for (int b = 0; b < total; ++b) {
            const int field = b < row.layout.signBits ? 0 : b < row.layout.signBits + row.layout.exponentBits ? 1 : 2;
            const QRect cell(kNameWidth + b * kCell, y + 4, kCell - 1, kRowHeight - 8);
            p.fillRect(cell, fieldColor(field, dark));
            p.setPen(text);
            p.drawRect(cell);
            const bool bit = (row.value.code >> (total - 1 - b)) & 1u;
            p.drawText(cell, Qt::AlignCenter, bit ? QStringLiteral("1") : QStringLiteral("0"));
        }
        p.drawText(QRect(valueX, y, kValueWidth, kRowHeight), Qt::AlignVCenter, num(row.value.decoded, 9));
        p.drawText(QRect(valueX + kValueWidth, y, kValueWidth, kRowHeight), Qt::AlignVCenter, num(row.value.absError, 3));
    }
}

} // namespace qx::ui
