#pragma once
// A matrix drawn as coloured cells (a QImage scaled without smoothing) with a title and a colour legend.
// Diverging maps colour negatives blue, zero white and positives red, symmetric around 0 (±max|v|);
// sequential maps go from white (0) to dark red (max). Columns can be marked with a tick above them
// (outlier channels, the column GPTQ quantizes next).

#include <QList>
#include <QImage>
#include <QString>
#include <QWidget>

#include <span>

class QPainter;

namespace qx::ui {

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    /// Shows `values` (rows × cols, row-major); the colour scale ends at `range`, or at max |v| when range <= 0.
    void setMatrix(const QString& title, std::span<const float> values, int rows, int cols, bool diverging = true,
                   double range = 0);
    /// Ticks above these columns, in `color`.
    void setColumnMarks(const QList<int>& columns, const QColor& color);
    /// Frames column `col` (-1: none).
    void setCurrentColumn(int col);
    /// The colour legend's end value (max |v|).
    double range() const { return m_range; }
    const QImage& image() const { return m_image; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// The colour of `v` on a map whose ends are ±range (diverging) or 0…range (sequential).
    static QColor colorFor(double v, double range, bool diverging);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void drawLegend(QPainter& p, const QRect& bar);

    QString m_title;
    QImage m_image;
    double m_range = 0;
    bool m_diverging = true;
    int m_rows = 0, m_cols = 0, m_current = -1;
    QList<int> m_marks;
    QColor m_markColor;
};

} // namespace qx::ui
