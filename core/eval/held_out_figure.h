#pragma once
// A model's perplexity on its own held-out text, as the trainer measured it and stored it in the file
// (keys qexplore.heldout.*): the llama-perplexity figure (n_ctx-token chunks, second half scored) of the
// weights as stored, on the text the key `qexplore.heldout.text` names. Info shows it so a user knows what
// the model scores on text that fits it before measuring anything.
#include "io/gguf_value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;

struct HeldOutFigure {
    double ppl = 0.0;
    double uncertainty = 0.0;   ///< llama-perplexity's "+/-"
    int64_t nCtx = 0;           ///< tokens per chunk
    int64_t tokens = 0;         ///< tokens of the whole text (BOS included)
    std::string text;           ///< how to get the text, e.g. "qexplore-cli corpus --split valid --seed 1 ..."
    bool operator==(const HeldOutFigure&) const = default;
};

/// The qexplore.heldout.* keys recording `figure` (ppl and uncertainty as F64).
std::vector<KeyValue> heldOutKeys(const HeldOutFigure& figure);

/// The figure a file records, or nothing when a key is missing or of the wrong type.
std::optional<HeldOutFigure> heldOutFigure(const ModelFile& model);

} // namespace qx
