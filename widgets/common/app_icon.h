#pragma once
// The application icon, painted with QPainter from the same geometry as resources/qexplore.svg (so the
// app needs no SVG image plugin at run time).

#include <QIcon>

namespace qx::ui {

/// The icon at the usual sizes (16 … 256 px), sharp on high-DPI screens.
QIcon appIcon();
/// Paints the icon into the square `side` × `side` starting at (0, 0).
void paintAppIcon(class QPainter& painter, qreal side);

} // namespace qx::ui
