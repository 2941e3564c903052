#pragma once
// The built-in demo model (resources/demo-model.gguf, trained by `qexplore-cli train`; see
// resources/demo-model.md) is compiled into the executable. Readers memory-map files, so the first use
// writes it once into the user's cache folder.

#include <string>

namespace qx::app {

/// Path of the demo model on disk, extracting it first when needed. Throws qx::Error when it cannot be written.
std::string demoModelPath();

} // namespace qx::app
