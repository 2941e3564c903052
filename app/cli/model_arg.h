#pragma once
// The MODEL argument every command takes: a path (a GGUF, safetensors or llama2.c file, a Hugging Face
// folder) or ":demo", the built-in demo model (core/demo/demo_data.h), opened from memory. For ":demo" a
// command that needs a text and was given none uses the demo's own: its held-out stories for evaluations,
// stories of its training split for calibrations.
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace qx::cli {

/// Whether `arg` names the built-in demo model.
bool isDemoArg(const std::string& arg);

/// The model `arg` names. Throws what openModel/parseGguf throw.
std::shared_ptr<const ModelFile> openModelArg(const std::string& arg);

/// The tokenizer of the model `arg` names (openTokenizer for paths).
Tokenizer openTokenizerArg(const std::string& arg);

enum class TextRole { Evaluation, Calibration };

/// The text at `path`; when `path` is empty and `modelArg` is ":demo", the demo's own text for `role`.
/// Throws Error(InvalidArgument) naming `option` when there is neither, and what readTextFile throws.
std::string readTextArg(const std::string& path, const std::string& modelArg, TextRole role,
                        const std::string& option = "-f TEXT");

/// How a text is named in reports: `path`, or "the demo's held-out text" / "... training stories".
std::string textArgName(const std::string& path, const std::string& modelArg, TextRole role);

/// The n_ctx the demo's held-out perplexity was measured with (its file records it); else `fallback`,
/// at most the model's context length.
int64_t demoContext(int64_t fallback);

} // namespace qx::cli
