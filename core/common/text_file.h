#pragma once
// Whole text files (evaluation and calibration texts, plans, tokenizer.json): read as raw bytes, no newline
// translation, so the tokenizer sees exactly what llama-perplexity would read from the same file. A size
// limit is checked first (from the file size for regular files, while reading for pipes and devices), so
// `-f /dev/zero` fails with the limit instead of reading forever.

#include <cstdint>
#include <string>

namespace qx {

/// Texts larger than this are refused (1 GiB: ~250 M tokens, far beyond any evaluation or calibration text).
constexpr uint64_t kMaxTextFileBytes = uint64_t(1) << 30;

/// The bytes of the file at `path`. Throws Error(Io) naming the file when it cannot be opened or read, and
/// Error(Invalid) "larger than the limit of N bytes" when it holds more than `maxBytes`.
std::string readTextFile(const std::string& path, uint64_t maxBytes = kMaxTextFileBytes);

} // namespace qx
