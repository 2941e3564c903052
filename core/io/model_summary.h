#pragma once
// Human- and machine-readable summaries of an opened model: metadata (arrays shortened to their element
// type, length and first elements), the tensor table (name, shape, type, bytes, bits per weight) and
// totals. `qexplore-cli info` prints these; the GUI shows the same facts from ModelFile directly.

#include "io/model_file.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace qx {

/// A metadata value on one line: numbers as is, strings quoted and escaped (cut after `maxChars`),
/// arrays as `arr[str,512] ["<unk>", "<s>", ...]` showing at most `maxElements` elements.
std::string formatGgufValue(const GgufValue& value, size_t maxElements = 4, size_t maxChars = 60);

/// "64 x 512" for ne {64, 512}.
std::string formatShape(const std::vector<int64_t>& ne);

/// Bytes with a binary unit: "1.12 MiB", "256 B".
std::string formatBytes(uint64_t bytes);

/// The plain-text report of `qexplore-cli info`.
std::string modelInfoText(const ModelFile& model);

/// The same report as a JSON document (UTF-8; invalid UTF-8 in strings is replaced by U+FFFD).
std::string modelInfoJson(const ModelFile& model);

} // namespace qx
