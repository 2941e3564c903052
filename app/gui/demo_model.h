#pragma once
// The built-in demo model and its texts (core/demo/demo_data.h: compiled into the executable) as files in
// the user's cache folder, because the GUI opens models and texts by path. Written once, under names
// carrying a digest of their bytes, so a newer build never reads an older demo.

#include <QString>

namespace qx::app {

struct DemoFiles {
    QString model;            ///< demo-model-<digest>.gguf
    QString text;             ///< its held-out text: the default evaluation text for the demo
    QString calibrationText;  ///< stories of its training split: the default calibration text
    bool operator==(const DemoFiles&) const = default;
};

/// Where writeDemoFiles() puts the files (nothing is written).
DemoFiles demoFileLocations();

/// Writes whichever demo file is missing and returns the paths. Throws qx::Error when one cannot be written.
DemoFiles writeDemoFiles();

} // namespace qx::app
