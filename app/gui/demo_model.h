#pragma once
// The built-in demo model and its texts (core/demo/demo_data.h: compiled into the executable) as files in
// the user's cache folder, because the GUI opens models and texts by path. Written once, in a folder named
// after a digest of their bytes (so a newer build never reads an older demo) under plain names, which the
// window title and the text fields show.

#include <QString>

namespace qx::app {

struct DemoFiles {
    QString model;            ///< demo-<digest>/demo-model.gguf
    QString text;             ///< its held-out text: the default evaluation text for the demo
    QString calibrationText;  ///< stories of its training split: the default calibration text
    bool operator==(const DemoFiles&) const = default;
};

/// Where writeDemoFiles() puts the files (nothing is written).
DemoFiles demoFileLocations();

/// Writes whichever demo file is missing and returns the paths. Throws qx::Error when one cannot be written.
DemoFiles writeDemoFiles();

} // namespace qx::app
