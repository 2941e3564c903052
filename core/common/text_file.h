#pragma once
// Whole text files (evaluation and calibration texts): read as raw bytes, no newline translation, so the
// tokenizer sees exactly what llama-perplexity would read from the same file.

#include <string>

namespace qx {

/// The bytes of the file at `path`. Throws Error(Io) naming the file when it cannot be opened or read.
std::string readTextFile(const std::string& path);

} // namespace qx
