// SvgPaintDevice and exportChartSvg: a chart with a 3-point line series and axis titles exported as SVG is
// well-formed XML (QXmlStreamReader), has width/height/viewBox of the view, the chart and axis titles as
// <text>, and a path through the series' points at their scene coordinates; painter primitives, state,
// clipping, rotated text and embedded PNG images are written as expected.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/svg_paint_device.h"
#include "common/table_export.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QLineSeries>
#include <QPainter>
#include <QRegularExpression>
#include <QValueAxis>
#include <QXmlStreamReader>
#include <QtTest/QtTest>

#include <map>

using namespace qx::ui;

namespace {

struct SvgElement {
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
};

/// Every element of `svg` in document order; `error` receives the reader's error (empty when well-formed).
std::vector<SvgElement> parseSvg(const QByteArray& svg, QString& error)
{
    std::vector<SvgElement> out;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        out.push_back({reader.name().toString(), reader.attributes(), {}});
        if (out.back().name == QStringLiteral("text"))
            out.back().text = reader.readElementText();
    }
    error = reader.hasError() ? reader.errorString() : QString();
    return out;
}

/// The numbers of a path's d or a polyline's points, as (x, y) pairs.
std::vector<QPointF> pointsOf(const SvgElement& e)
{
    const QString data = e.attributes.value(e.name == QStringLiteral("path") ? QStringLiteral("d") : QStringLiteral("points")).toString();
    static const QRegularExpression number(QStringLiteral("-?[0-9]+(\\.[0-9]+)?"));
    std::vector<double> values;
    for (auto it = number.globalMatch(data); it.hasNext();)
        values.push_back(it.next().captured().toDouble());
    std::vector<QPointF> out;
    for (size_t i = 0; i + 1 < values.size(); i += 2)
        out.emplace_back(values[i], values[i + 1]);
    return out;
}

bool containsPoint(const std::vector<QPointF>& points, QPointF p)
{
    return std::any_of(points.begin(), points.end(), [p](QPointF q) { return std::abs(q.x() - p.x()) < 0.01 && std::abs(q.y() - p.y()) < 0.01; });
}

QString scratch(const QString& name)
{
    return QString::fromStdString(qx::test::scratchDir("svg-export")) + QLatin1Char('/') + name;
}

} // namespace

class TstSvgExport : public QObject {
    Q_OBJECT
private slots:
    void chartAsSvg();
    void primitivesAndState();
    void widgetAsSvg();
};

void TstSvgExport::chartAsSvg()
{
    auto* series = new QLineSeries;
    series->setName(QStringLiteral("series"));
    const QList<QPointF> data{{0, 10}, {1, 30}, {2, 20}};
    series->append(data);
    auto* chart = new QChart;
    chart->setTitle(QStringLiteral("Three points & more"));
    chart->addSeries(series);
    auto* x = new QValueAxis;
    x->setTitleText(QStringLiteral("layer index"));
    x->setRange(0, 2);
    auto* y = new QValueAxis;
    y->setTitleText(QStringLiteral("error (dB)"));
    y->setRange(0, 40);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QChartView view(chart);
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();

    const QString path = scratch(QStringLiteral("three-points.svg"));
    QVERIFY(exportChartImage(&view, path));
    QVERIFY(exportChartImage(&view, scratch(QStringLiteral("three-points.png"))));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QString error;
    const std::vector<SvgElement> elements = parseSvg(svg, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!elements.empty());
    const SvgElement& root = elements.front();
    QCOMPARE(root.name, QStringLiteral("svg"));
    QCOMPARE(root.attributes.value(QStringLiteral("width")).toString(), QStringLiteral("640"));
    QCOMPARE(root.attributes.value(QStringLiteral("height")).toString(), QStringLiteral("480"));
    QCOMPARE(root.attributes.value(QStringLiteral("viewBox")).toString(), QStringLiteral("0 0 640 480"));
    QCOMPARE(root.attributes.value(QStringLiteral("version")).toString(), QStringLiteral("1.1"));

    QStringList texts;
    for (const SvgElement& e : elements)
        if (e.name == QStringLiteral("text"))
            texts << e.text;
    QVERIFY2(texts.contains(QStringLiteral("layer index")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("error (dB)")));
    QVERIFY(texts.join(QLatin1Char(' ')).contains(QStringLiteral("Three points & more")));

    // The series' points where the scene puts them (chart item → scene → view = SVG user units).
    std::vector<QPointF> expected;
    for (const QPointF& p : data)
        expected.push_back(view.viewportTransform().map(chart->mapToScene(chart->mapToPosition(p, series))));
    // Qt Charts strokes the line segment by segment: the stroked paths of one colour must join the points.
    std::map<QString, std::vector<QPointF>> strokes;
    for (const SvgElement& e : elements) {
        const bool line = e.name == QStringLiteral("path") || e.name == QStringLiteral("polyline");
        if (line && e.attributes.value(QStringLiteral("fill")) == QStringLiteral("none")) {
            const std::vector<QPointF> pts = pointsOf(e);
            auto& all = strokes[e.attributes.value(QStringLiteral("stroke")).toString()];
            all.insert(all.end(), pts.begin(), pts.end());
        }
    }
    const auto through = std::find_if(strokes.begin(), strokes.end(), [&](const auto& s) {
        return std::all_of(expected.begin(), expected.end(), [&](QPointF p) { return containsPoint(s.second, p); });
    });
    QVERIFY2(through != strokes.end(), qPrintable(QStringLiteral("no stroke through (%1, %2) (%3, %4) (%5, %6)")
                                                       .arg(expected[0].x()).arg(expected[0].y()).arg(expected[1].x())
                                                       .arg(expected[1].y()).arg(expected[2].x()).arg(expected[2].y())));
    QCOMPARE(QColor(through->first), series->pen().color());
    // The PNG (device pixel ratio 2) shows the same chart, not a magnified corner of it.
    const QImage png(scratch(QStringLiteral("three-points.png")));
    QCOMPARE(png.size(), QSize(1280, 960));
    const QColor peak = png.pixelColor((expected[1] * 2.0).toPoint() + QPoint(0, 1));
    QVERIFY2(std::abs(peak.hue() - series->pen().color().hue()) < 10 && peak.saturation() > 100,
             qPrintable(peak.name()));
    qInfo("%s: %lld bytes, %lld texts", qPrintable(path), qlonglong(svg.size()), qlonglong(texts.size()));
}

void TstSvgExport::primitivesAndState()
{
    SvgPaintDevice device(QSize(200, 100));
    device.setTitle(QStringLiteral("a < b"));
    QImage image(4, 2, QImage::Format_ARGB32);
    image.fill(QColor(10, 20, 30));
    const QFont font(QStringLiteral("DejaVu Sans"), 12, QFont::Bold);
    {
        QPainter p(&device);
        p.setPen(QPen(QColor(255, 0, 0), 2.0, Qt::DashLine));
        p.setBrush(QColor(0, 0, 255, 128));
        p.translate(10, 5);
        p.drawRect(QRectF(0, 0, 20, 10));  // → x 10, y 5
        p.setClipRect(QRectF(0, 0, 50, 50));
        p.drawEllipse(QPointF(20, 20), 5, 3);
        p.setClipping(false);
        p.rotate(90);
        p.setFont(font);
        p.drawText(QPointF(1, 2), QStringLiteral("up"));
        p.resetTransform();
        p.setOpacity(0.5);
        p.drawImage(QRectF(100, 50, 8, 4), image);
        p.drawLines(std::vector<QLineF>{{0, 0, 10, 10}, {10, 0, 0, 10}}.data(), 2);
    }
    QString error;
    const std::vector<SvgElement> elements = parseSvg(device.svg(), error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto find = [&](const QString& name) {
        return std::find_if(elements.begin(), elements.end(), [&](const SvgElement& e) { return e.name == name; });
    };
    const auto rect = find(QStringLiteral("rect"));
    QVERIFY(rect != elements.end());
    QCOMPARE(rect->attributes.value(QStringLiteral("x")).toString(), QStringLiteral("10"));
    QCOMPARE(rect->attributes.value(QStringLiteral("y")).toString(), QStringLiteral("5"));
    QCOMPARE(rect->attributes.value(QStringLiteral("fill")).toString(), QStringLiteral("#0000ff"));
    QCOMPARE(rect->attributes.value(QStringLiteral("fill-opacity")).toDouble(), 0.502);
    QCOMPARE(rect->attributes.value(QStringLiteral("stroke")).toString(), QStringLiteral("#ff0000"));
    QCOMPARE(rect->attributes.value(QStringLiteral("stroke-dasharray")).toString(), QStringLiteral("8,4"));
    const auto clip = find(QStringLiteral("clipPath"));
    QVERIFY(clip != elements.end());
    QCOMPARE(pointsOf(*(clip + 1)).front(), QPointF(10, 5));  // the clip rect in device coordinates
    const auto ellipse = find(QStringLiteral("ellipse"));
    QVERIFY(ellipse != elements.end());
    QCOMPARE(ellipse->attributes.value(QStringLiteral("cx")).toString(), QStringLiteral("30"));
    const auto group = std::find_if(elements.begin(), ellipse, [](const SvgElement& e) { return e.name == QStringLiteral("g"); });
    QVERIFY(group != ellipse);  // the ellipse is drawn inside a clipped group
    QCOMPARE(group->attributes.value(QStringLiteral("clip-path")).toString(),
             QStringLiteral("url(#%1)").arg(clip->attributes.value(QStringLiteral("id"))));
    const auto text = find(QStringLiteral("text"));
    QVERIFY(text != elements.end());
    QCOMPARE(text->text, QStringLiteral("up"));
    QCOMPARE(text->attributes.value(QStringLiteral("transform")).toString(), QStringLiteral("matrix(0 1 -1 0 10 5)"));
    const QString family = text->attributes.value(QStringLiteral("font-family")).toString();
    QVERIFY2(family.startsWith(QStringLiteral("'%1'").arg(QFontInfo(font).family())), qPrintable(family));
    QVERIFY(family.endsWith(QStringLiteral(", sans-serif")));
    QCOMPARE(text->attributes.value(QStringLiteral("font-size")).toString(), QStringLiteral("16"));
    QCOMPARE(text->attributes.value(QStringLiteral("font-weight")).toString(), QStringLiteral("700"));
    const auto img = find(QStringLiteral("image"));
    QVERIFY(img != elements.end());
    QCOMPARE(img->attributes.value(QStringLiteral("opacity")).toString(), QStringLiteral("0.5"));
    const QString href = img->attributes.value(QStringLiteral("xlink:href")).toString();
    QVERIFY(href.startsWith(QStringLiteral("data:image/png;base64,")));
    const QImage back = QImage::fromData(QByteArray::fromBase64(href.mid(22).toLatin1()), "PNG");
    QCOMPARE(back.size(), QSize(4, 2));
    QCOMPARE(back.pixelColor(3, 1), QColor(10, 20, 30));
    const auto title = find(QStringLiteral("title"));
    QVERIFY(title != elements.end());
}

void TstSvgExport::widgetAsSvg()
{
    // Non-chart tabs (tables, heatmaps) are exported by rendering the widget itself.
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    layout->addWidget(new QLabel(QStringLiteral("per-channel absmax"), &page));
    layout->addWidget(new QPushButton(QStringLiteral("Reset zoom"), &page));
    page.resize(300, 120);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString path = scratch(QStringLiteral("widget.svg"));
    QVERIFY(exportWidgetSvg(&page, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const std::vector<SvgElement> elements = parseSvg(file.readAll(), error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList texts;
    for (const SvgElement& e : elements)
        if (e.name == QStringLiteral("text"))
            texts << e.text;
    QVERIFY2(texts.contains(QStringLiteral("per-channel absmax")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Reset zoom")));
    QCOMPARE(elements.front().attributes.value(QStringLiteral("viewBox")).toString(), QStringLiteral("0 0 300 120"));
}

QX_TEST_MAIN(TstSvgExport)
#include "tst_svg_export.moc"
