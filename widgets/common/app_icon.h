#pragma once
// The application icon: resources/qexplore.svg rendered to PNG at 16 … 512 px at build time
// (cmake/QxIcons.cmake) and embedded under :/icons, so Qt's built-in PNG reader loads it — the Qt SVG module
// is not among our packages.

#include <QIcon>

namespace qx::ui {

/// The icon at every rendered size (16 … 512 px), sharp on high-DPI screens.
QIcon appIcon();

} // namespace qx::ui
