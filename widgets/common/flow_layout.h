#pragma once
// A layout for control bars that wrap instead of demanding width: items are placed left to right at their
// size hints and continue on a new line when the next one would not fit (heightForWidth tells the parent
// how tall that makes the bar). So a bar of labels, boxes and buttons never widens the window beyond the
// screen, in any language; an item marked with addStretch() pushes what follows to the line's right end.

#include <QLayout>
#include <QList>

namespace qx::ui {

class FlowLayout : public QLayout {
    Q_OBJECT
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    /// Items after this point are aligned to the right end of their line (one per layout).
    void addStretch();

    void addItem(QLayoutItem* item) override;
    int count() const override { return static_cast<int>(m_items.size()); }
    QLayoutItem* itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    /// Lays the items out in `rect` (moving them when `apply`); returns the height used.
    int arrange(const QRect& rect, bool apply) const;
    int spacingX() const;
    int spacingY() const;

    QList<QLayoutItem*> m_items;
    int m_stretchAt = -1;   ///< index of the first right-aligned item, or -1
};

/// `field` with its label "text" in front of it, as one item of a bar (a line never separates them).
/// `parent` owns the new widget; the label becomes field's buddy.
QWidget* labelled(const QString& text, QWidget* field, QWidget* parent);
/// A bar widget whose layout is a FlowLayout without margins.
FlowLayout* flowBar(QWidget* parent, QWidget** bar = nullptr);

} // namespace qx::ui
