#pragma once
// A ModelDiff as text (the `diff` command's table) and as JSON (its --json; schema in docs/compare.md).
// JSON numbers are unrounded; ±Inf and NaN are the strings "inf", "-inf" and "nan".

#include "compare/model_diff.h"

#include <string>

namespace qx {

/// Metadata changes, the tensor table, totals per layer and per class, and the model totals.
std::string modelDiffText(const ModelDiff& diff);
/// The whole diff as JSON (docs/compare.md).
std::string modelDiffJson(const ModelDiff& diff);
/// "architecture" / "hyper_parameters" / "" for DiffRefusal.
const char* diffRefusalName(DiffRefusal refusal);

} // namespace qx
