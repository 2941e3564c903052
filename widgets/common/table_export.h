#pragma once
// Export of any item model as CSV (RFC 4180: comma separated, fields with commas, quotes or line breaks
// quoted, quotes doubled; header row from the horizontal header; DisplayRole text) and of any chart view
// as a PNG picture or an SVG drawing (SvgPaintDevice: vector paths and text). install...() adds the action
// to the view's context menu.

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QChartView;
class QWidget;

class QImage;

namespace qx::ui {

/// Writes `bytes` to `path` through the core's atomic writer (the old file stays whole on failure); false
/// (and the reason in the log) when it cannot be written.
bool saveFileBytes(const QString& path, const QByteArray& bytes);
/// Encodes `image` as PNG and writes it with saveFileBytes.
bool saveImagePng(const QImage& image, const QString& path);

/// The model's top-level rows as CSV text (header line first, one line per row, "\n" line ends).
QString tableToCsv(const QAbstractItemModel& model);
/// Writes tableToCsv(model) to `path` as UTF-8; false when the file cannot be written.
bool exportTableCsv(const QAbstractItemModel& model, const QString& path);
/// Adds "Export as CSV…" to the view's context menu (asks for a file name, then exportTableCsv).
void installTableExport(QAbstractItemView* view);

/// Renders the chart view (at its current size, device pixel ratio 2) to a PNG file; false on failure.
bool exportChartPng(QChartView* view, const QString& path);
/// Renders the chart view's scene (at its current size) into an SVG 1.1 file; false on failure.
bool exportChartSvg(QChartView* view, const QString& path);
/// Renders any widget (QWidget::render) into an SVG 1.1 file; false on failure.
bool exportWidgetSvg(QWidget* widget, const QString& path);
/// SVG when `path` ends in .svg (any case), else PNG.
bool exportChartImage(QChartView* view, const QString& path);
/// True when `path` names an SVG file (.svg, any case).
bool isSvgPath(const QString& path);
/// Adds "Save chart as PNG or SVG…" to the chart view's context menu.
void installChartExport(QChartView* view);
/// Asks for a .png file name (parent for the dialog); empty when cancelled.
QString askPngPath(QWidget* parent);
/// Asks for a .png or .svg file name; the chosen filter's extension is added when the name has neither.
QString askChartImagePath(QWidget* parent);

} // namespace qx::ui
