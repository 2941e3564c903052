#pragma once
// A matrix drawn as coloured cells (a QImage scaled without smoothing) under a bold title, with a colour
// legend on the right. Three colour scales: Magnitude (viridis, 0 dark … max bright: |w| maps of a tensor),
// Sequential (white 0 … dark red max: |x| of activations) and Diverging (blue −max, white 0, red +max:
// weights and their errors). With setAxes() the cells are a down-sampled picture of a larger tensor whose
// first, middle and last row and column indices label the axes. Columns can carry a tick above them
// (outlier channels) and one column can be framed (the column GPTQ quantizes next).
// Used by the Outliers tab and the Learn lessons alike.

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <span>

class QPainter;

namespace qx::ui {

class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Magnitude, Sequential, Diverging };

    explicit HeatmapWidget(QWidget* parent = nullptr);

    /// Shows `values` (rows × cols, row-major); the scale ends at `range`, or at max |v| when range <= 0.
    void setMatrix(const QString& title, std::span<const float> values, int rows, int cols,
                   Scale scale = Scale::Diverging, double range = 0);
    /// Labels the axes with the indices of the `rows` × `columns` tensor the cells stand for, and the
    /// axis titles; `legendTitle` heads the colour legend ("|w|").
    void setAxes(int64_t rows, int64_t columns, const QString& rowTitle, const QString& columnTitle,
                 const QString& legendTitle = QString());
    /// Forgets the matrix (the widget says there is nothing to show).
    void clear();
    /// Ticks above these columns, in `color`.
    void setColumnMarks(const QList<int>& columns, const QColor& color);
    /// Frames column `col` (-1: none).
    void setCurrentColumn(int col);

    /// The colour legend's end value (max |v| unless set).
    double range() const { return m_range; }
    const QImage& image() const { return m_image; }
    const QString& title() const { return m_title; }
    /// Where the cells are drawn for the widget's current size (widget coordinates).
    QRect cellsRect() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// The colour of `v` on `scale` whose ends are 0…range (Magnitude, Sequential) or ±range (Diverging).
    static QColor colorFor(double v, double range, Scale scale);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Margins {
        int left, top, right, bottom;
    };
    Margins margins() const;
    void drawAxes(QPainter& p, const QRect& cells) const;
    void drawLegend(QPainter& p, const QRect& bar) const;
    QString legendLabel(int which) const;

    QString m_title;
    QImage m_image;
    double m_range = 0;
    Scale m_scale = Scale::Diverging;
    int m_cols = 0, m_current = -1;
    int64_t m_axisRows = 0, m_axisColumns = 0;   ///< 0: no axes
    QString m_rowTitle, m_columnTitle, m_legendTitle;
    QList<int> m_marks;
    QColor m_markColor;
};

} // namespace qx::ui
