#pragma once
// The built-in demo model (resources/demo-model.gguf, trained by `qexplore-cli train`, see
// resources/demo-model.md) and its held-out text (resources/demo-text.txt, the corpus's valid split), built
// into qx_core as read-only data. Only executables that call these functions carry the bytes.
//
// The CLI opens the model straight from memory under the name ":demo"; the GUI writes both to its cache
// folder once (it passes paths around).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace qx {

struct ModelFile;

/// The model name the CLI accepts for the demo model.
inline constexpr std::string_view kDemoModelName = ":demo";

/// The GGUF bytes of the demo model.
std::span<const std::byte> demoModelBytes();

/// The demo model's held-out text (one story per line).
std::string_view demoText();

/// A calibration text for the demo model that does not overlap demoText(): the first `stories` stories
/// of its training split (regenerated from the corpus seed the model records).
std::string demoCalibrationText(int64_t stories = 200);

/// The demo model parsed from memory; ModelFile::path is ":demo". Throws what parseGguf throws.
std::shared_ptr<const ModelFile> openDemoModel();

} // namespace qx
