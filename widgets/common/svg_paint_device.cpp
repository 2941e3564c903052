#include "common/svg_paint_device.h"

#include "common/table_export.h"

#include <QBuffer>
#include <QFontInfo>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPixmap>
#include <QTextItem>

#include <cmath>
#include <cstdio>

namespace qx::ui {

namespace {

/// A coordinate or length: at most 3 decimals, no trailing zeros, C locale.
QByteArray num(qreal v)
{
    if (!std::isfinite(v))
        v = 0.0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", double(v));
    QByteArray s(buffer);
    while (s.endsWith('0'))
        s.chop(1);
    if (s.endsWith('.'))
        s.chop(1);
    return s == "-0" ? QByteArray("0") : s;
}

QByteArray escaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('&'))
            out += QStringLiteral("&amp;");
        else if (c == QLatin1Char('<'))
            out += QStringLiteral("&lt;");
        else if (c == QLatin1Char('>'))
            out += QStringLiteral("&gt;");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("&quot;");
        else if (c.unicode() >= 0x20 || c == QLatin1Char('\t'))
            out += c;  // other control characters are not allowed in XML 1.0
    }
    return out.toUtf8();
}

QByteArray colour(const QColor& c) { return c.name(QColor::HexRgb).toLatin1(); }

QByteArray matrix(const QTransform& t)
{
    return "matrix(" + num(t.m11()) + ' ' + num(t.m12()) + ' ' + num(t.m21()) + ' ' + num(t.m22()) + ' '
           + num(t.dx()) + ' ' + num(t.dy()) + ')';
}

QByteArray pathData(const QPainterPath& path)
{
    QByteArray d;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.type == QPainterPath::MoveToElement)
            d += 'M' + num(e.x) + ' ' + num(e.y);
        else if (e.type == QPainterPath::LineToElement)
            d += 'L' + num(e.x) + ' ' + num(e.y);
        else if (e.type == QPainterPath::CurveToElement)
            d += 'C' + num(e.x) + ' ' + num(e.y);
        else
            d += ' ' + num(e.x) + ' ' + num(e.y);  // CurveToDataElement: the curve's further points
    }
    return d;
}

/// The family the font resolves to, then a generic family for viewers without it: "'DejaVu Sans', sans-serif".
QByteArray fontFamilies(const QFont& font)
{
    const QFontInfo info(font);
    const bool mono = info.fixedPitch() || font.styleHint() == QFont::Monospace || font.styleHint() == QFont::TypeWriter;
    const bool serif = font.styleHint() == QFont::Serif;
    QString family = info.family();
    family.remove(QLatin1Char('\'')).remove(QLatin1Char('"'));
    return "'" + escaped(family) + "', " + (mono ? "monospace" : serif ? "serif" : "sans-serif");
}

QByteArray pngBase64(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toBase64();
}

} // namespace

class SvgPaintEngine : public QPaintEngine {
public:
    SvgPaintEngine() : QPaintEngine(QPaintEngine::AllFeatures) {}

    bool begin(QPaintDevice*) override;
    bool end() override;
    void updateState(const QPaintEngineState& state) override;
    void drawPath(const QPainterPath& path) override;
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override;
    void drawLines(const QLineF* lines, int count) override;
    void drawRects(const QRectF* rects, int count) override;
    void drawEllipse(const QRectF& rect) override;
    void drawPoints(const QPointF* points, int count) override;
    void drawTextItem(const QPointF& p, const QTextItem& item) override;
    void drawPixmap(const QRectF& r, const QPixmap& pixmap, const QRectF& sr) override;
    void drawImage(const QRectF& r, const QImage& image, const QRectF& sr, Qt::ImageConversionFlags flags) override;
    Type type() const override { return QPaintEngine::User; }

    const QByteArray& body() const { return m_body; }

private:
    void updateClip(const QPaintEngineState& state);
    void enterClip();
    QByteArray stroke() const;
    QByteArray fill(const QBrush& brush);
    QByteArray gradient(const QBrush& brush);
    QByteArray common() const;
    QByteArray points(const QPointF* points, int count) const;
    void element(const QByteArray& text);

    QByteArray m_body;
    QPen m_pen;
    QBrush m_brush;
    QFont m_font;
    QTransform m_transform;
    qreal m_opacity = 1.0;
    QPainterPath m_clip;           ///< device coordinates
    bool m_hasClip = false;        ///< m_clip applies (else no clipping)
    bool m_clipEnabled = true;
    bool m_clipChanged = false;
    int m_openClip = 0;            ///< id of the open <g clip-path>, 0 = none
    int m_nextId = 1;
};

bool SvgPaintEngine::begin(QPaintDevice*)
{
    m_body.clear();
    m_pen = QPen();
    m_brush = QBrush();
    m_transform = QTransform();
    m_opacity = 1.0;
    m_hasClip = false;
    m_clipEnabled = true;
    m_openClip = 0;
    setActive(true);
    return true;
}

bool SvgPaintEngine::end()
{
    if (m_openClip)
        m_body += "</g>\n";
    m_openClip = 0;
    setActive(false);
    return true;
}

void SvgPaintEngine::updateState(const QPaintEngineState& state)
{
    const DirtyFlags flags = state.state();
    if (flags & DirtyTransform)
        m_transform = state.transform();
    if (flags & DirtyPen)
        m_pen = state.pen();
    if (flags & DirtyBrush)
        m_brush = state.brush();
    if (flags & DirtyFont)
        m_font = state.font();
    if (flags & DirtyOpacity)
        m_opacity = state.opacity();
    if (flags & (DirtyClipPath | DirtyClipRegion))
        updateClip(state);
    if (flags & DirtyClipEnabled) {
        m_clipEnabled = state.isClipEnabled();
        m_clipChanged = true;
    }
}

void SvgPaintEngine::updateClip(const QPaintEngineState& state)
{
    QPainterPath path;
    if (state.state() & DirtyClipPath) {
        path = state.clipPath();
    } else {
        path.addRegion(state.clipRegion());
    }
    path = state.transform().map(path);  // the transform in effect when the clip was set
    switch (state.clipOperation()) {
    case Qt::NoClip:
        m_hasClip = false;
        break;
    case Qt::ReplaceClip:
        m_clip = path;
        m_hasClip = true;
        break;
    case Qt::IntersectClip:
        m_clip = m_hasClip ? m_clip.intersected(path) : path;
        m_hasClip = true;
        break;
    }
    m_clipChanged = true;
}

void SvgPaintEngine::enterClip()
{
    if (!m_clipChanged)
        return;
    m_clipChanged = false;
    if (m_openClip)
        m_body += "</g>\n";
    m_openClip = 0;
    if (!m_hasClip || !m_clipEnabled)
        return;
    m_openClip = m_nextId++;
    const QByteArray id = "clip" + QByteArray::number(m_openClip);
    m_body += "<defs><clipPath id=\"" + id + "\"><path d=\"" + pathData(m_clip) + "\"";
    if (m_clip.fillRule() == Qt::OddEvenFill)
        m_body += " clip-rule=\"evenodd\"";
    m_body += "/></clipPath></defs>\n<g clip-path=\"url(#" + id + ")\">\n";
}

QByteArray SvgPaintEngine::stroke() const
{
    if (m_pen.style() == Qt::NoPen || m_pen.brush().style() == Qt::NoBrush)
        return " stroke=\"none\"";
    const QColor c = m_pen.color();
    const qreal scale = std::sqrt(std::abs(m_transform.determinant()));
    const qreal width = m_pen.widthF() <= 0.0 ? 1.0 : (m_pen.isCosmetic() ? m_pen.widthF() : m_pen.widthF() * scale);
    QByteArray s = " stroke=\"" + colour(c) + "\" stroke-width=\"" + num(width) + '"';
    if (c.alpha() < 255)
        s += " stroke-opacity=\"" + num(c.alphaF()) + '"';
    static const char* const caps[] = {"butt", "square", "round"};
    s += QByteArray(" stroke-linecap=\"") + caps[m_pen.capStyle() == Qt::SquareCap ? 1 : m_pen.capStyle() == Qt::RoundCap ? 2 : 0] + '"';
    if (m_pen.joinStyle() == Qt::RoundJoin)
        s += " stroke-linejoin=\"round\"";
    else if (m_pen.joinStyle() == Qt::BevelJoin)
        s += " stroke-linejoin=\"bevel\"";
    else
        s += " stroke-linejoin=\"miter\" stroke-miterlimit=\"" + num(std::max<qreal>(1.0, m_pen.miterLimit())) + '"';
    if (m_pen.style() != Qt::SolidLine) {
        QByteArray dashes;
        for (qreal d : m_pen.dashPattern())
            dashes += (dashes.isEmpty() ? "" : ",") + num(d * width);
        if (!dashes.isEmpty())
            s += " stroke-dasharray=\"" + dashes + '"';
    }
    return s;
}

QByteArray SvgPaintEngine::gradient(const QBrush& brush)
{
    const auto* g = static_cast<const QLinearGradient*>(brush.gradient());
    const QByteArray id = "grad" + QByteArray::number(m_nextId++);
    QByteArray d = "<defs><linearGradient id=\"" + id + "\" x1=\"" + num(g->start().x()) + "\" y1=\""
                   + num(g->start().y()) + "\" x2=\"" + num(g->finalStop().x()) + "\" y2=\"" + num(g->finalStop().y()) + '"';
    if (g->coordinateMode() == QGradient::LogicalMode)
        d += " gradientUnits=\"userSpaceOnUse\" gradientTransform=\"" + matrix(brush.transform() * m_transform) + '"';
    if (g->spread() == QGradient::ReflectSpread)
        d += " spreadMethod=\"reflect\"";
    else if (g->spread() == QGradient::RepeatSpread)
        d += " spreadMethod=\"repeat\"";
    d += '>';
    for (const QGradientStop& stop : g->stops()) {
        d += "<stop offset=\"" + num(stop.first) + "\" stop-color=\"" + colour(stop.second) + '"';
        if (stop.second.alpha() < 255)
            d += " stop-opacity=\"" + num(stop.second.alphaF()) + '"';
        d += "/>";
    }
    m_body += d + "</linearGradient></defs>\n";
    return " fill=\"url(#" + id + ")\"";
}

QByteArray SvgPaintEngine::fill(const QBrush& brush)
{
    if (brush.style() == Qt::NoBrush)
        return " fill=\"none\"";
    const bool linear = brush.style() == Qt::LinearGradientPattern && brush.gradient()
                        && brush.gradient()->coordinateMode() != QGradient::StretchToDeviceMode;
    if (linear)
        return gradient(brush);
    QColor c = brush.color();
    if (const QGradient* g = brush.gradient(); g && !g->stops().isEmpty())
        c = g->stops().front().second;  // radial, conical: their first colour
    QByteArray s = " fill=\"" + colour(c) + '"';
    if (c.alpha() < 255)
        s += " fill-opacity=\"" + num(c.alphaF()) + '"';
    return s;
}

QByteArray SvgPaintEngine::common() const
{
    return m_opacity < 1.0 ? " opacity=\"" + num(std::max<qreal>(0.0, m_opacity)) + '"' : QByteArray();
}

QByteArray SvgPaintEngine::points(const QPointF* pts, int count) const
{
    QByteArray s;
    for (int i = 0; i < count; ++i) {
        const QPointF p = m_transform.map(pts[i]);
        s += (i ? " " : "") + num(p.x()) + ',' + num(p.y());
    }
    return s;
}

void SvgPaintEngine::element(const QByteArray& text)
{
    m_body += text;
    m_body += '\n';
}

void SvgPaintEngine::drawPath(const QPainterPath& path)
{
    enterClip();
    const QByteArray f = fill(m_brush);
    element("<path d=\"" + pathData(m_transform.map(path)) + '"' + f
            + (path.fillRule() == Qt::OddEvenFill ? " fill-rule=\"evenodd\"" : "") + stroke() + common() + "/>");
}

void SvgPaintEngine::drawPolygon(const QPointF* pts, int count, PolygonDrawMode mode)
{
    enterClip();
    if (mode == PolylineMode) {
        element("<polyline points=\"" + points(pts, count) + "\" fill=\"none\"" + stroke() + common() + "/>");
        return;
    }
    const QByteArray f = fill(m_brush);
    element("<polygon points=\"" + points(pts, count) + '"' + f
            + (mode == OddEvenMode ? " fill-rule=\"evenodd\"" : "") + stroke() + common() + "/>");
}

void SvgPaintEngine::drawLines(const QLineF* lines, int count)
{
    enterClip();
    QPainterPath path;
    for (int i = 0; i < count; ++i) {
        path.moveTo(lines[i].p1());
        path.lineTo(lines[i].p2());
    }
    element("<path d=\"" + pathData(m_transform.map(path)) + "\" fill=\"none\"" + stroke() + common() + "/>");
}

void SvgPaintEngine::drawRects(const QRectF* rects, int count)
{
    enterClip();
    if (m_transform.type() > QTransform::TxScale) {
        for (int i = 0; i < count; ++i) {
            const QPolygonF corners(rects[i]);
            drawPolygon(corners.constData(), int(corners.size()), OddEvenMode);
        }
        return;
    }
    const QByteArray f = fill(m_brush);
    for (int i = 0; i < count; ++i) {
        const QRectF r = m_transform.mapRect(rects[i].normalized());
        element("<rect x=\"" + num(r.x()) + "\" y=\"" + num(r.y()) + "\" width=\"" + num(r.width()) + "\" height=\""
                + num(r.height()) + '"' + f + stroke() + common() + "/>");
    }
}

void SvgPaintEngine::drawEllipse(const QRectF& rect)
{
    if (m_transform.type() > QTransform::TxScale) {
        QPainterPath path;
        path.addEllipse(rect);
        drawPath(path);
        return;
    }
    enterClip();
    const QRectF r = m_transform.mapRect(rect.normalized());
    const QByteArray f = fill(m_brush);
    element("<ellipse cx=\"" + num(r.center().x()) + "\" cy=\"" + num(r.center().y()) + "\" rx=\""
            + num(r.width() / 2) + "\" ry=\"" + num(r.height() / 2) + '"' + f + stroke() + common() + "/>");
}

void SvgPaintEngine::drawPoints(const QPointF* pts, int count)
{
    if (m_pen.style() == Qt::NoPen)
        return;
    enterClip();
    const qreal scale = std::sqrt(std::abs(m_transform.determinant()));
    const qreal w = m_pen.widthF() <= 0.0 ? 1.0 : (m_pen.isCosmetic() ? m_pen.widthF() : m_pen.widthF() * scale);
    const QByteArray paint = " fill=\"" + colour(m_pen.color()) + '"'
                             + (m_pen.color().alpha() < 255 ? " fill-opacity=\"" + num(m_pen.color().alphaF()) + '"' : "")
                             + common() + "/>";
    for (int i = 0; i < count; ++i) {
        const QPointF p = m_transform.map(pts[i]);
        if (m_pen.capStyle() == Qt::RoundCap)
            element("<circle cx=\"" + num(p.x()) + "\" cy=\"" + num(p.y()) + "\" r=\"" + num(w / 2) + '"' + paint);
        else
            element("<rect x=\"" + num(p.x() - w / 2) + "\" y=\"" + num(p.y() - w / 2) + "\" width=\"" + num(w)
                    + "\" height=\"" + num(w) + '"' + paint);
    }
}

void SvgPaintEngine::drawTextItem(const QPointF& p, const QTextItem& item)
{
    const QString text = item.text();
    if (text.isEmpty())
        return;
    enterClip();
    const QFont font = item.font();
    const qreal px = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * SvgPaintDevice::kDpi / 72.0;
    QByteArray s = "<text xml:space=\"preserve\"";
    if (m_transform.type() <= QTransform::TxTranslate) {
        const QPointF at = m_transform.map(p);
        s += " x=\"" + num(at.x()) + "\" y=\"" + num(at.y()) + '"';
    } else {
        s += " x=\"" + num(p.x()) + "\" y=\"" + num(p.y()) + "\" transform=\"" + matrix(m_transform) + '"';
    }
    s += " font-family=\"" + fontFamilies(font) + "\" font-size=\"" + num(px) + "\" font-weight=\""
         + QByteArray::number(font.weight()) + '"';
    if (font.italic())
        s += " font-style=\"italic\"";
    if (font.underline())
        s += " text-decoration=\"underline\"";
    s += " fill=\"" + colour(m_pen.color()) + '"';
    if (m_pen.color().alpha() < 255)
        s += " fill-opacity=\"" + num(m_pen.color().alphaF()) + '"';
    element(s + common() + '>' + escaped(text) + "</text>");
}

void SvgPaintEngine::drawImage(const QRectF& r, const QImage& image, const QRectF& sr, Qt::ImageConversionFlags)
{
    const QImage part = sr == QRectF(image.rect()) ? image : image.copy(sr.toAlignedRect());
    if (part.isNull())
        return;
    enterClip();
    QByteArray s = "<image x=\"" + num(r.x()) + "\" y=\"" + num(r.y()) + "\" width=\"" + num(r.width())
                   + "\" height=\"" + num(r.height()) + "\" preserveAspectRatio=\"none\"";
    if (!m_transform.isIdentity())
        s += " transform=\"" + matrix(m_transform) + '"';
    element(s + common() + " xlink:href=\"data:image/png;base64," + pngBase64(part) + "\"/>");
}

void SvgPaintEngine::drawPixmap(const QRectF& r, const QPixmap& pixmap, const QRectF& sr)
{
    drawImage(r, pixmap.toImage(), sr, Qt::AutoColor);
}

SvgPaintDevice::SvgPaintDevice(QSize size) : m_size(size), m_engine(std::make_unique<SvgPaintEngine>()) {}

SvgPaintDevice::~SvgPaintDevice() = default;

QPaintEngine* SvgPaintDevice::paintEngine() const { return m_engine.get(); }

void SvgPaintDevice::setTitle(const QString& title) { m_title = title; }

QByteArray SvgPaintDevice::svg() const
{
    const QByteArray w = QByteArray::number(m_size.width()), h = QByteArray::number(m_size.height());
    QByteArray out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                     "version=\"1.1\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + ' ' + h + "\">\n";
    if (!m_title.isEmpty())
        out += "<title>" + escaped(m_title) + "</title>\n";
    out += m_engine->body();
    return out + "</svg>\n";
}

bool SvgPaintDevice::save(const QString& path) const
{
    return saveFileBytes(path, svg());
}

int SvgPaintDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth: return m_size.width();
    case PdmHeight: return m_size.height();
    case PdmWidthMM: return qRound(m_size.width() * 25.4 / kDpi);
    case PdmHeightMM: return qRound(m_size.height() * 25.4 / kDpi);
    case PdmNumColors: return 0x7fffffff;
    case PdmDepth: return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY: return kDpi;
    case PdmDevicePixelRatio: return 1;
    case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
    default: break;
    }
    return 0;
}

} // namespace qx::ui
