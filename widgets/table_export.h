#pragma once
// Export of any item model as CSV (RFC 4180: comma separated, fields with commas, quotes or line breaks
// quoted, quotes doubled; header row from the horizontal header; DisplayRole text) and of any chart view
// as a PNG picture. install...() adds the action to the view's context menu. PNG only: Qt SVG is not
// installed, so no vector export.

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QChartView;
class QWidget;

namespace qx::ui {

/// The model's top-level rows as CSV text (header line first, one line per row, "\n" line ends).
QString tableToCsv(const QAbstractItemModel& model);
/// Writes tableToCsv(model) to `path` as UTF-8; false when the file cannot be written.
bool exportTableCsv(const QAbstractItemModel& model, const QString& path);
/// Adds "Export as CSV…" to the view's context menu (asks for a file name, then exportTableCsv).
void installTableExport(QAbstractItemView* view);

/// Renders the chart view (at its current size, device pixel ratio 2) to a PNG file; false on failure.
bool exportChartPng(QChartView* view, const QString& path);
/// Adds "Save chart as PNG…" to the chart view's context menu.
void installChartExport(QChartView* view);
/// Asks for a .png file name (parent for the dialog); empty when cancelled.
QString askPngPath(QWidget* parent);

} // namespace qx::ui
