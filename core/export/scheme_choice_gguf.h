#pragma once
// The GGUF type a file holds for a SchemeChoice (quant/scheme_choice.h). Catalog schemes keep gguf_compat's
// answers; a custom uniform scheme maps by structure (same bits per value, symmetric vs. with a zero point,
// groups of 32 vs. larger groups), as gguf_compat does for the catalog — e.g. INT4 g32 sym → Q4_0,
// INT4 g32 asym → Q4_1, INT4 g128 asym → Q4_K, INT5 sym → Q5_0, INT3 → Q3_K, INT2 → Q2_K, INT6 → Q6_K,
// INT7/INT8 → Q8_0. Where a tensor's rows cannot hold that type, llama-quantize's fallback (F16 last) is used.

#include "export/gguf_compat.h"
#include "quant/scheme_choice.h"

#include <cstdint>

namespace qx {

/// The nearest GGUF type of a uniform scheme by structure (see top of file) and why.
GgufExportability ggufExportability(const UniformScheme& scheme);
/// The same for any choice (catalog ids: gguf_compat's answer).
GgufExportability ggufExportability(const SchemeChoice& choice);
/// The GGUF type a file holds for `choice` on rows of `rowLength`: the nearest type when the rows fit it,
/// else llama-quantize's fallback for it, else F16.
TensorType schemeChoiceFileType(const SchemeChoice& choice, int64_t rowLength);

} // namespace qx
