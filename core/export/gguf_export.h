#pragma once
// Writing a model as GGUF v3 by a plan (plan/plan.h), the way llama-quantize does:
//
// Metadata: the source's key/values in order (for non-GGUF sources, the GGUF-named keys derived from it),
// split.* keys removed, then general.quantization_version (u32 2) and general.file_type (u32, the llama
// ftype of the plan) removed from where they were and appended, then the --override-kv keys, then, when an
// imatrix is used, quantize.imatrix.file (str), .dataset (str, when the file names one), .entries_count (i32)
// and .chunks_count (i32, when the file states it) — the order llama-quantize's gguf_set_* calls produce.
//
// Tensors: a tensor planned in its stored type is copied byte for byte (a type newer than ours too, with
// the bytes it spans); any other is decoded to F32 and written by qx::quantizeRows (with the imatrix entry as
// importance when there is one), which matches ggml_quantize_chunk bit for bit. Order: the source's, or
// llama-quantize's (ExportOptions). Refused before anything is written, as llama-quantize refuses them:
// converting a block-quantized tensor without allowRequantize, and a very-low-bit tensor without importance
// data (presets.h llamaQuantizeRefusal). Split output: export/export_parts.h.
//
// Safety: the output may never be the input (or one of its files); free space is checked first (statvfs,
// then the whole size reserved); the file is written to OUT.partial and renamed (export/export_writer.h),
// so failure or cancellation leaves no partial file and a crash never leaves one at OUT; the result is
// re-opened and every tensor's name, type, shape, size and data checksum checked.
//
// Speed and memory: F32 source rows are quantized straight from the mapping (no copy), with the
// quantizers' worker threads, while a writer thread writes the previous tensor; at most two output
// buffers exist; unchanged tensors are written from the mapping; each source tensor's pages are released
// (madvise) once done, so peak memory stays near the largest output tensor, not the model size.

#include "common/progress.h"
#include "io/gguf_value.h"
#include "io/gguf_writer.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "quant/imatrix_file.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qx {

struct ExportOptions {
    bool llamaQuantizeOrder = false; ///< write tensors in llama-quantize's order (outside blk.N, then by layer)
    std::string imatrixLabel;        ///< quantize.imatrix.file value; "" = the plan's imatrix path as given
    bool verify = true;              ///< re-open the written file and check every tensor
    bool allowRequantize = true;     ///< false: refuse to convert block-quantized tensors (llama-quantize's
                                     ///< default; its --allow-requantize is true)
    std::vector<std::string> includeWeights; ///< --include-weights: use only imatrix entries whose name contains one
    std::vector<std::string> excludeWeights; ///< --exclude-weights: drop imatrix entries whose name contains one
    std::vector<KeyValue> kvOverrides;       ///< --override-kv, in order (export/kv_override.h)
    uint64_t splitMaxBytes = 0;      ///< --split-max-size: split parts of at most this much tensor data (0: one file)
    bool keepSplit = false;          ///< --keep-split: the source's parts (tensors in file order)
};

struct ExportResult {
    uint64_t fileBytes = 0;          ///< all parts together
    int quantizedTensors = 0;        ///< converted to another type
    int copiedTensors = 0;           ///< written as stored
    std::vector<std::string> files;  ///< the files written (one, or the split parts in order)
    bool operator==(const ExportResult&) const = default;
};

/// The plan's imatrix as the export uses it: read, checked for non-finite values, and filtered by
/// includeWeights / excludeWeights (nullopt when the plan has none or the filters leave no entry).
std::optional<ImatrixFile> exportImatrix(const Plan& plan, const ExportOptions& options);

/// llama-quantize's refusal of `plan` for want of importance data (presets.h llamaQuantizeRefusal) at the
/// first tensor it would meet in its order, or nullopt. `imatrix` may be null; re-typed tensors only.
std::optional<std::string> missingImportanceRefusal(const ModelFile& model, const Plan& plan,
                                                    const ImatrixFile* imatrix);

/// The metadata and tensor list (without fill functions) an export writes. `imatrix` is the parsed
/// plan.imatrixPath, or nullptr when the plan has none.
struct ExportLayout {
    std::vector<KeyValue> metadata;
    std::vector<GgufTensorToWrite> tensors;
    std::vector<const TensorInfo*> sources;  ///< source tensor of each entry of `tensors`
    uint64_t alignment = 32;
};
ExportLayout exportLayout(const ModelFile& model, const Plan& plan, const ExportOptions& options,
                          const ImatrixFile* imatrix);

/// The exact size of the file exportGguf writes with these arguments (all parts together).
uint64_t predictExportSize(const ModelFile& model, const Plan& plan, const ExportOptions& options);

/// Writes `model` as GGUF by `plan` to `outPath` (see top of file). Throws Error(InvalidArgument) when
/// outPath is the input or llama-quantize would refuse, Error(Mismatch) for a plan that does not fit
/// (validatePlan), Error(Io) for too little free space or write failures, Error(Cancelled) when `progress`
/// returns false. A split export writes every part as .partial and renames them only when all are complete.
ExportResult exportGguf(const ModelFile& model, const Plan& plan, const std::string& outPath,
                        const ExportOptions& options = {}, const ProgressFn& progress = {});

} // namespace qx
