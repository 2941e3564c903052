#pragma once
// Layout checks for widget tests: every visible text has the room it needs and no widget covers another.
// layoutProblems(root) walks the visible widgets under `root` and reports, one line each:
//  - a label (not word-wrapped) narrower than its text, or a word-wrapped one shorter than its lines;
//  - a button, check box or tool button narrower than its size hint (its text would be cut);
//  - a tab bar whose tabs are narrower than their text or scrolled out of sight;
//  - a header section narrower than its title (plus margins and the sort arrow), a list item or a visible
//    table/tree cell narrower than its text;
//  - a group box narrower than its title, a combo box narrower than its current text;
//  - a chart text (title, axis, legend entry) cut to "..." by Qt Charts;
//  - two widgets of one layout that overlap, or a widget reaching outside its parent.
// Widgets inside scroll areas are checked against their own geometry (the area scrolls), Qt's internal
// widgets (object names "qt_…") are skipped.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QAbstractSpinBox>
#include <QLineEdit>
#include <QListView>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QStyleOptionComboBox>
#include <QStyleOptionHeader>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>

#include <functional>

namespace qx::test {

namespace layout_detail {

inline QString describe(const QWidget* w)
{
    QString name = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        name += QLatin1Char('#') + w->objectName();
    QString path;
    for (const QWidget* p = w->parentWidget(); p && path.size() < 120; p = p->parentWidget())
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QStringLiteral("qt_"))) {
            path = QLatin1Char('#') + p->objectName();
            break;
        }
    return name + (path.isEmpty() ? QString() : QStringLiteral(" in ") + path);
}

/// Parts of Qt's own widgets (a tab bar's scroll arrows, a dock's title buttons, a spin box's line edit):
/// their parents draw and size them. Containers Qt names (a tab widget's page stack, a scroll area's
/// viewport) hold our widgets and are not parts.
inline bool isInternal(const QWidget* w)
{
    const QWidget* parent = w->parentWidget();
    if (parent && (qobject_cast<const QTabBar*>(parent) || qobject_cast<const QAbstractSpinBox*>(parent)
                   || qobject_cast<const QComboBox*>(parent) || qobject_cast<const QLineEdit*>(parent)
                   || qobject_cast<const QHeaderView*>(parent)))
        return true;
    const QString name = w->objectName();
    return name.startsWith(QStringLiteral("qt_")) && !qobject_cast<const QTabBar*>(w)
           && name != QStringLiteral("qt_tabwidget_stackedwidget") && name != QStringLiteral("qt_scrollarea_viewport");
}

/// Ideal width of a label's text (rich text through a QTextDocument).
inline int textWidth(const QLabel* label)
{
    const QString text = label->text();
    if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(text);
        return static_cast<int>(std::ceil(doc.idealWidth()));
    }
    QString shown = text;
    if (label->buddy()) {   // "&Language:" shows as "Language:" (the & marks the shortcut)
        shown.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
        shown.remove(QLatin1Char('&'));
        shown.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    }
    int widest = 0;
    for (const QString& line : shown.split(QLatin1Char('\n')))
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
    return widest;
}

inline void checkLabel(const QLabel* l, QStringList& out)
{
    if (l->text().isEmpty() || !l->pixmap().isNull())
        return;
    const QRect r = l->contentsRect();
    const int indent = l->indent() > 0 ? l->indent() : 0;
    if (!l->wordWrap()) {
        const int need = textWidth(l) + 2 * l->margin() + indent;
        if (need > r.width() + 1)
            out << QStringLiteral("label cut: \"%1\" needs %2 px, has %3 (%4)").arg(l->text().left(60)).arg(need)
                       .arg(r.width()).arg(describe(l));
    } else if (l->heightForWidth(l->width()) > l->height() + 2) {
        out << QStringLiteral("wrapped label cut: \"%1\" needs %2 px high, has %3 (%4)").arg(l->text().left(60))
                   .arg(l->heightForWidth(l->width())).arg(l->height()).arg(describe(l));
    }
}

inline void checkButton(const QAbstractButton* b, QStringList& out)
{
    if (b->text().isEmpty())
        return;
    if (b->sizeHint().width() > b->width() + 1)
        out << QStringLiteral("button cut: \"%1\" needs %2 px, has %3 (%4)").arg(b->text()).arg(b->sizeHint().width())
                   .arg(b->width()).arg(describe(b));
}

/// QTabBar's ideal tab size is protected; a pointer to the member, named through a derived class that makes
/// it public, calls it on any tab bar (virtually, and without pretending the bar is of another type).
struct TabBarSizes : QTabBar {
    using QTabBar::tabSizeHint;
};

inline QSize idealTabSize(const QTabBar* bar, int index)
{
    constexpr QSize (QTabBar::*tabSizeHint)(int) const = &TabBarSizes::tabSizeHint;
    return (bar->*tabSizeHint)(index);
}

inline void checkTabs(const QTabBar* bar, QStringList& out)
{
    for (int i = 0; i < bar->count(); ++i) {
        if (!bar->isTabVisible(i))
            continue;
        const QRect r = bar->tabRect(i);
        if (r.width() + 1 < idealTabSize(bar, i).width() || r.right() > bar->width() || r.left() < 0)
            out << QStringLiteral("tab cut or scrolled away: \"%1\" needs %2 px, has %3 (%4)").arg(bar->tabText(i))
                       .arg(idealTabSize(bar, i).width()).arg(r.width()).arg(describe(bar));
    }
}

inline void checkHeader(const QHeaderView* h, QStringList& out)
{
    if (h->orientation() != Qt::Horizontal || !h->model())
        return;
    const int margin = h->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, h);
    const int arrow = h->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, h);
    for (int s = 0; s < h->count(); ++s) {
        if (h->isSectionHidden(s))
            continue;
        const QString text = h->model()->headerData(s, Qt::Horizontal).toString();
        const int need = h->fontMetrics().horizontalAdvance(text) + 2 * margin
                         + (h->isSortIndicatorShown() && h->sortIndicatorSection() == s ? arrow + margin : 0);
        if (!text.isEmpty() && h->sectionSize(s) + 1 < need)
            out << QStringLiteral("column header cut: \"%1\" needs %2 px, has %3 (%4)").arg(text).arg(need)
                       .arg(h->sectionSize(s)).arg(describe(h->parentWidget() ? h->parentWidget() : h));
    }
}

/// Item texts cut by their cell: every row of a list, the visible cells of tables and trees.
inline void checkItems(const QAbstractItemView* v, QStringList& out)
{
    const QAbstractItemModel* m = v->model();
    const auto* list = qobject_cast<const QListView*>(v);
    if (!m || qobject_cast<const QHeaderView*>(v) || (list && list->wordWrap()))
        return;   // word-wrapped lists wrap their texts
    const int pad = 2 * (v->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, v) + 1);
    const QRect viewport = v->viewport()->rect();
    const auto checkIndex = [&](const QModelIndex& index) {
        const QString text = index.data(Qt::DisplayRole).toString();
        const QRect r = v->visualRect(index);
        // A cell whose tooltip holds its whole text cuts it on purpose (a long reason): one hover shows it.
        if (text.isEmpty() || !r.intersects(viewport) || index.data(Qt::DecorationRole).isValid()
            || index.data(Qt::CheckStateRole).isValid() || index.data(Qt::ToolTipRole).toString() == text)
            return;
        QFont font = v->font();
        if (const QVariant f = index.data(Qt::FontRole); f.isValid())
            font = f.value<QFont>();
        const int need = QFontMetrics(font).horizontalAdvance(text) + pad;
        if (r.left() < 0 || r.right() > viewport.right())
            return;   // scrolled partly out of sight: the scrolling check reports that
        if (need > r.width() + 2)
            out << QStringLiteral("item text cut: \"%1\" needs %2 px, has %3 (%4)").arg(text.left(60)).arg(need)
                       .arg(r.width()).arg(describe(v));
    };
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < m->rowCount(parent); ++row)
            for (int col = 0; col < m->columnCount(parent); ++col) {
                const QModelIndex index = m->index(row, col, parent);
                checkIndex(index);
                if (col == 0 && m->hasChildren(index))
                    walk(index);
            }
    };
    walk({});
}

inline void checkCombo(const QComboBox* c, QStringList& out)
{
    if (c->currentText().isEmpty() || c->isEditable())
        return;
    QStyleOptionComboBox opt;
    opt.initFrom(c);
    const QSize text(c->fontMetrics().horizontalAdvance(c->currentText()), c->fontMetrics().height());
    const int need = c->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, text, c).width();
    if (need > c->width() + 3)   // sizeFromContents counts the frame Qt's own hint shares with the text
        out << QStringLiteral("combo box text cut: \"%1\" needs %2 px, has %3 (%4)").arg(c->currentText()).arg(need)
                   .arg(c->width()).arg(describe(c));
}

inline void checkChart(const QChartView* v, QStringList& out)
{
    if (!v->chart() || !v->scene())
        return;
    for (QGraphicsItem* item : v->scene()->items()) {
        QString text;
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item))
            text = t->toPlainText();
        else if (auto* s = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            text = s->text();
        if (item->isVisible() && (text.endsWith(QStringLiteral("...")) || text.endsWith(QChar(0x2026))))
            out << QStringLiteral("chart text cut: \"%1\" (%2)").arg(text).arg(describe(v));
    }
}

/// The widgets `layout` manages, nested layouts included.
inline void managedWidgets(const QLayout* layout, QList<QWidget*>& out)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem* item = layout->itemAt(i);
        if (QWidget* w = item->widget())
            out << w;
        else if (const QLayout* inner = item->layout())
            managedWidgets(inner, out);
    }
}

inline void checkOverlap(const QWidget* w, QStringList& out)
{
    const QLayout* layout = w->layout();
    if (!layout || qobject_cast<const QStackedLayout*>(layout))
        return;
    QList<QWidget*> children;
    managedWidgets(layout, children);
    children.erase(std::remove_if(children.begin(), children.end(), [](QWidget* c) { return !c->isVisible(); }),
                   children.end());
    for (int i = 0; i < children.size(); ++i) {
        const QRect a = children[i]->geometry();
        if (!w->rect().adjusted(-1, -1, 1, 1).contains(a) && a.width() > 0 && a.height() > 0)
            out << QStringLiteral("reaches outside its parent: %1 at %2,%3 %4×%5 in %6×%7 (%8)")
                       .arg(describe(children[i])).arg(a.x()).arg(a.y()).arg(a.width()).arg(a.height())
                       .arg(w->width()).arg(w->height()).arg(describe(w));
        for (int j = i + 1; j < children.size(); ++j) {
            const QRect overlap = a.intersected(children[j]->geometry());
            if (overlap.width() > 1 && overlap.height() > 1)
                out << QStringLiteral("overlap: %1 and %2 (%3)").arg(describe(children[i]), describe(children[j]),
                                                                      describe(w));
        }
    }
}

} // namespace layout_detail

/// Every problem found under `root` (see the top of the file); empty when everything fits.
inline QStringList layoutProblems(QWidget* root)
{
    using namespace layout_detail;
    QStringList out;
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    for (QWidget* w : all) {
        if (!w->isVisible() || w->isWindow() != (w == root) || isInternal(w))
            continue;
        if (auto* l = qobject_cast<QLabel*>(w))
            checkLabel(l, out);
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            checkButton(b, out);
        else if (auto* t = qobject_cast<QTabBar*>(w))
            checkTabs(t, out);
        else if (auto* h = qobject_cast<QHeaderView*>(w))
            checkHeader(h, out);
        else if (auto* c = qobject_cast<QComboBox*>(w))
            checkCombo(c, out);
        else if (auto* v = qobject_cast<QChartView*>(w))
            checkChart(v, out);
        else if (auto* items = qobject_cast<QAbstractItemView*>(w))
            checkItems(items, out);
        if (auto* g = qobject_cast<QGroupBox*>(w); g && !g->title().isEmpty()
            && g->fontMetrics().horizontalAdvance(g->title()) + 16 > g->width())
            out << QStringLiteral("group title cut: \"%1\" (%2)").arg(g->title(), describe(g));
        checkOverlap(w, out);
    }
    out.removeDuplicates();
    return out;
}

} // namespace qx::test
