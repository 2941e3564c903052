#pragma once
// A QPaintDevice that records what a QPainter draws as an SVG 1.1 document (Qt SVG is not among the
// product's packages), used to export charts as vector drawings.
//
// Geometry (paths, polygons, polylines, lines, rects, ellipses, points) is written in device coordinates:
// the painter's transform is applied to the coordinates, and stroke widths are scaled by the transform's
// mean scale (cosmetic pens stay 1 px or their width). Text items and bitmaps keep the transform as an SVG
// matrix, so rotated labels stay selectable text; bitmaps are embedded as base64 PNG. Recorded state: pen
// (colour, width, cap, join, dashes), brush (solid colour, linear gradients; other brushes as their colour),
// painter opacity, font (family, size in px, weight, italic) and clipping (rect, region or path, replaced or
// intersected; one <g clip-path> per clip). 1 user unit = 1 device pixel at 96 dpi; the root element carries
// width, height and viewBox "0 0 width height".

#include <QByteArray>
#include <QPaintDevice>
#include <QSize>
#include <QString>

#include <memory>

namespace qx::ui {

class SvgPaintEngine;

class SvgPaintDevice : public QPaintDevice {
public:
    static constexpr int kDpi = 96;

    explicit SvgPaintDevice(QSize size);
    ~SvgPaintDevice() override;

    QPaintEngine* paintEngine() const override;
    /// The document's <title>.
    void setTitle(const QString& title);
    /// The SVG document of everything painted so far (complete once the painter has ended).
    QByteArray svg() const;
    /// Writes svg() to `path`; false when the file cannot be written.
    bool save(const QString& path) const;
    QSize size() const { return m_size; }

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSize m_size;
    QString m_title;
    std::unique_ptr<SvgPaintEngine> m_engine;
};

} // namespace qx::ui
