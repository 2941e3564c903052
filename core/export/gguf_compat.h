#pragma once
// Which of the explorer's formats (quant/formats.h) a GGUF file can hold, and for those it cannot (NF4,
// FP8, MXFP4, per-channel or g128 integer schemes, ...) the nearest GGUF type llama.cpp b4748 knows,
// chosen by structure first (same bits per value, symmetric vs. with a minimum, uniform vs. codebook),
// then by bits/weight. The reason is plain English for the CLI; the GUI shows its own translated text
// from the same fields.

#include "io/tensor_type.h"
#include "quant/formats.h"
#include "quant/scheme_catalog.h"

#include <optional>
#include <string>

namespace qx {

struct GgufExportability {
    bool exportable = false;           ///< the format is a GGUF type; `type` is it
    std::optional<TensorType> type;    ///< the GGUF type, or the nearest one when not exportable
    std::string reason;                ///< why not, and why that type; empty when exportable
    bool operator==(const GgufExportability&) const = default;
};

/// For a scheme of the catalog (FP16/BF16 are exportable as F16/BF16).
GgufExportability ggufExportability(SchemeId scheme);
/// For an entry of the format table.
GgufExportability ggufExportability(const FormatInfo& format);
/// The nearest GGUF type of a scheme (the type itself for FP16/BF16).
std::optional<TensorType> nearestGgufType(SchemeId scheme);

} // namespace qx
