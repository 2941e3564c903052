#pragma once
// Dividing an export into GGUF split parts (io/gguf_split.h), internal to core/export:
//  --split-max-size N: gguf-split's rule — tensors in order, a new part whenever the next tensor's data
//    (padded to 32 bytes) would take the part's data past N bytes (a tensor larger than N gets a part alone);
//  --keep-split: one part per part of a split source, each tensor in the part it came from (llama-quantize).
// Parts are PREFIX-0000i-of-0000n.gguf, PREFIX being the output path without ".gguf". The first part holds
// the metadata followed by the split keys; the others only those three keys (and the default alignment).
// The keys come in the order each tool writes them: split.no, split.tensors.count, split.count for
// --split-max-size (so that our parts are byte-identical to `llama-gguf-split --split` of our single file);
// split.no, split.count, split.tensors.count for --keep-split. --keep-split of a single-file source writes PREFIX-00001-of-00001.gguf
// without split keys, as llama-quantize does.

#include "export/gguf_export.h"

#include <string>
#include <vector>

namespace qx {

struct ExportPart {
    std::string path;
    ExportLayout layout;   ///< this part's metadata, tensors and their sources
};

/// The files an export of `layout` writes: one part at `outPath` unless options ask for a split.
std::vector<ExportPart> exportParts(const ModelFile& model, const ExportLayout& layout, const ExportOptions& options,
                                    const std::string& outPath);

} // namespace qx
