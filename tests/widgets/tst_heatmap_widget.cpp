// HeatmapWidget: the three colour scales end on their stated colours, every cell of the matrix is painted in
// its value's colour where cellsRect() says, column marks and the current-column frame land on their column,
// and the axes take room from the cells (index labels and titles) without losing any cell.

#include "common/heatmap_widget.h"
#include "common/test_main.h"

#include <QImage>
#include <QtTest/QtTest>

#include <vector>

using namespace qx::ui;
using Scale = HeatmapWidget::Scale;

class TstHeatmapWidget : public QObject {
    Q_OBJECT
private slots:
    void scaleEnds_data();
    void scaleEnds();
    void rangeIsMaxAbsUnlessGiven();
    void cellsPaintedInTheirColour();
    void marksAndCurrentColumn();
    void axesTakeRoomButKeepEveryCell();
    void clearShowsNothing();

private:
    static QImage render(HeatmapWidget& w);
    /// The pixel at the centre of cell (row, col) of a rows × cols matrix.
    static QColor cellPixel(const HeatmapWidget& w, const QImage& shot, int rows, int cols, int row, int col);
};

QImage TstHeatmapWidget::render(HeatmapWidget& w)
{
    w.resize(480, 320);
    QImage shot(w.size(), QImage::Format_RGB32);
    shot.fill(Qt::white);
    w.render(&shot);
    return shot;
}

QColor TstHeatmapWidget::cellPixel(const HeatmapWidget& w, const QImage& shot, int rows, int cols, int row, int col)
{
    const QRect cells = w.cellsRect();
    const double cw = double(cells.width()) / cols, ch = double(cells.height()) / rows;
    return shot.pixelColor(int(cells.left() + (col + 0.5) * cw), int(cells.top() + (row + 0.5) * ch));
}

void TstHeatmapWidget::scaleEnds_data()
{
    QTest::addColumn<int>("scale");
    QTest::addColumn<double>("value");
    QTest::addColumn<QColor>("expected");
    // Diverging: blue −range, white 0, red +range (ColorBrewer RdBu ends).
    QTest::newRow("diverging -max") << int(Scale::Diverging) << -3.0 << QColor(33, 102, 172);
    QTest::newRow("diverging 0") << int(Scale::Diverging) << 0.0 << QColor(255, 255, 255);
    QTest::newRow("diverging +max") << int(Scale::Diverging) << 3.0 << QColor(178, 24, 43);
    QTest::newRow("diverging beyond") << int(Scale::Diverging) << 30.0 << QColor(178, 24, 43);
    // Sequential: white 0, orange half way, red at the top.
    QTest::newRow("sequential 0") << int(Scale::Sequential) << 0.0 << QColor(255, 255, 255);
    QTest::newRow("sequential half") << int(Scale::Sequential) << 1.5 << QColor(244, 165, 130);
    QTest::newRow("sequential max") << int(Scale::Sequential) << 3.0 << QColor(178, 24, 43);
    // Magnitude: viridis, dark purple 0, teal half way, yellow at the top; the sign does not matter.
    QTest::newRow("magnitude 0") << int(Scale::Magnitude) << 0.0 << QColor(68, 1, 84);
    QTest::newRow("magnitude half") << int(Scale::Magnitude) << 1.5 << QColor(33, 145, 140);
    QTest::newRow("magnitude -half") << int(Scale::Magnitude) << -1.5 << QColor(33, 145, 140);
    QTest::newRow("magnitude max") << int(Scale::Magnitude) << 3.0 << QColor(253, 231, 37);
}

void TstHeatmapWidget::scaleEnds()
{
    QFETCH(int, scale);
    QFETCH(double, value);
    QFETCH(QColor, expected);
    const QColor c = HeatmapWidget::colorFor(value, 3.0, Scale(scale));
    QVERIFY2(std::abs(c.red() - expected.red()) <= 1 && std::abs(c.green() - expected.green()) <= 1
                 && std::abs(c.blue() - expected.blue()) <= 1,
             qPrintable(c.name() + QStringLiteral(" != ") + expected.name()));
}

void TstHeatmapWidget::rangeIsMaxAbsUnlessGiven()
{
    HeatmapWidget w;
    const std::vector<float> v{-2.5f, 0.5f, 1.0f, 0.0f, 2.0f, -1.0f};
    w.setMatrix(QStringLiteral("W"), v, 2, 3);
    QCOMPARE(w.range(), 2.5);
    QCOMPARE(w.image().size(), QSize(3, 2));
    QCOMPARE(w.image().pixel(0, 0), HeatmapWidget::colorFor(-2.5, 2.5, Scale::Diverging).rgb());
    QCOMPARE(w.image().pixelColor(0, 0), QColor(33, 102, 172));   // the most negative cell is the blue end
    QCOMPARE(w.image().pixelColor(0, 1), QColor(255, 255, 255));  // row 1, column 0 holds 0
    // A given range clips: 2.0 on a ±1 scale is the red end, as is 1.0.
    w.setMatrix(QStringLiteral("W"), v, 2, 3, Scale::Diverging, 1.0);
    QCOMPARE(w.range(), 1.0);
    QCOMPARE(w.image().pixelColor(1, 1), w.image().pixelColor(2, 0));
    QCOMPARE(w.image().pixelColor(1, 1), QColor(178, 24, 43));
}

void TstHeatmapWidget::cellsPaintedInTheirColour()
{
    HeatmapWidget w;
    const int rows = 4, cols = 5;
    std::vector<float> v(rows * cols);
    for (int i = 0; i < rows * cols; ++i)
        v[size_t(i)] = float(i % 7) - 3.0f;   // −3 … 3
    w.setMatrix(QStringLiteral("weights"), v, rows, cols);
    const QImage shot = render(w);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            QCOMPARE(cellPixel(w, shot, rows, cols, r, c).rgb(),
                     HeatmapWidget::colorFor(v[size_t(r * cols + c)], 3.0, Scale::Diverging).rgb());
    // The legend's bar to the right of the cells runs from +3 (red, top) to −3 (blue, bottom).
    const QRect cells = w.cellsRect();
    QVERIFY(cells.right() < w.width() - 20);
    const int barX = cells.right() + 8 + 7;
    const QColor top = shot.pixelColor(barX, cells.top() + 2), bottom = shot.pixelColor(barX, cells.bottom() - 2);
    QVERIFY2(top.red() > 150 && top.blue() < 80, qPrintable(top.name()));
    QVERIFY2(bottom.blue() > 150 && bottom.red() < 80, qPrintable(bottom.name()));
}

void TstHeatmapWidget::marksAndCurrentColumn()
{
    HeatmapWidget w;
    const int rows = 3, cols = 8;
    const std::vector<float> v(rows * cols, 0.0f);   // all white cells
    w.setMatrix(QStringLiteral("|x|"), v, rows, cols, Scale::Sequential, 1.0);
    const QColor mark(20, 200, 20);
    w.setColumnMarks({2, 6}, mark);
    w.setCurrentColumn(4);
    const QImage shot = render(w);
    const QRect cells = w.cellsRect();
    const double cw = double(cells.width()) / cols;
    const int markY = cells.top() - 5;   // in the tick strip above the cells
    for (int c = 0; c < cols; ++c) {
        const bool marked = c == 2 || c == 6;
        QCOMPARE(shot.pixelColor(int(cells.left() + (c + 0.5) * cw), markY) == mark, marked);
    }
    // The frame of column 4: black at its left edge, white inside.
    const int y = cells.center().y();
    QCOMPARE(shot.pixelColor(int(cells.left() + 4 * cw), y), QColor(0, 0, 0));
    QCOMPARE(shot.pixelColor(int(cells.left() + 4.5 * cw), y), QColor(255, 255, 255));
    QCOMPARE(shot.pixelColor(int(cells.left() + 2.5 * cw), y), QColor(255, 255, 255));
}

void TstHeatmapWidget::axesTakeRoomButKeepEveryCell()
{
    HeatmapWidget w;
    const std::vector<float> v{0.0f, 1.0f, 2.0f, 4.0f};
    w.setMatrix(QStringLiteral("max |w|"), v, 2, 2, Scale::Magnitude);
    w.resize(480, 320);
    const QRect bare = w.cellsRect();
    w.setAxes(4096, 11008, QStringLiteral("row"), QStringLiteral("column"), QStringLiteral("|w|"));
    const QRect withAxes = w.cellsRect();
    // Row indices up to 4095 and the turned row title on the left, column indices and title below.
    const QFontMetrics fm(w.font());
    QVERIFY(withAxes.left() >= bare.left() + fm.horizontalAdvance(QStringLiteral("4095")) + fm.height());
    QVERIFY(withAxes.bottom() <= bare.bottom() - 2 * fm.height());
    const QImage shot = render(w);
    QCOMPARE(cellPixel(w, shot, 2, 2, 0, 0), QColor(68, 1, 84));      // 0: the dark end
    QCOMPARE(cellPixel(w, shot, 2, 2, 1, 1), QColor(253, 231, 37));   // 4 = max: the bright end
    QCOMPARE(cellPixel(w, shot, 2, 2, 1, 0).rgb(), HeatmapWidget::colorFor(2.0, 4.0, Scale::Magnitude).rgb());
}

void TstHeatmapWidget::clearShowsNothing()
{
    HeatmapWidget w;
    const std::vector<float> v{1.0f};
    w.setMatrix(QStringLiteral("one"), v, 1, 1);
    QVERIFY(!w.image().isNull());
    w.clear();
    QVERIFY(w.image().isNull());
    QCOMPARE(w.range(), 0.0);
    QVERIFY(w.title().isEmpty());
}

QX_TEST_MAIN(TstHeatmapWidget)
#include "tst_heatmap_widget.moc"
