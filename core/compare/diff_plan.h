#pragma once
// Taking over another file's mix: a plan for model A in which every tensor gets the type it has in model B
// (a published quantization of the same model), so that studying — or re-exporting — someone else's mix is
// one step. Only tensors B holds in the same shape and in a type a GGUF file can hold change; every other
// entry, and every pinned one, stays as it was.

#include "compare/model_diff.h"
#include "plan/plan.h"

#include <string>

namespace qx {

struct ModelFile;

/// `current` (a plan for `a`) with the types of `diff`'s B side (diff = diffModels(a, B)). Entries that change
/// get the reason "as in <label>". `changed` (optional) receives the number of entries changed.
Plan planFromOtherTypes(const Plan& current, const ModelDiff& diff, const std::string& label, int* changed = nullptr);

} // namespace qx
