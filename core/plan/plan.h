#pragma once
// A quantization plan: for every stored tensor of one model, the type it is to be written in, why, and
// whether the user pinned that choice (a pinned entry survives re-planning by presets or solvers).
//
// Plans are saved as JSON (schema "qexplore-plan", version 1):
//   { "schema": "qexplore-plan", "version": 1, "source": "<model path>", "imatrix": "<path>" | null,
//     "preset": "Q4_K_M" | "", "ftype": 15 | null,
//     "tensors": [ { "name": "blk.0.attn_q.weight", "ne": [256, 256], "type": "Q4_K",
//                    "reason": "...", "pinned": false }, ... ] }
// Entries follow the model's tensor order. Aliased tensors (TensorInfo::aliasOf: a second name for stored
// data, e.g. HF tied embeddings) are not planned and not exported; the stored tensor stands for both
// (see plannedTensors for the one case where the alias name is the one kept).

#include "io/model_file.h"
#include "io/tensor_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

/// Plan files larger than this are refused before parsing (a plan of 10 000 tensors is about 2 MB).
constexpr uint64_t kMaxPlanBytes = uint64_t(256) << 20;

struct PlanEntry {
    std::string tensor;             ///< canonical tensor name
    std::vector<int64_t> ne;        ///< the shape the plan was made for (ggml order); empty = not checked
    TensorType type = TensorType::F32;
    std::string reason;             ///< why this type (rule, layer index, fallback), plain English
    bool pinned = false;
    bool operator==(const PlanEntry&) const = default;
};

struct Plan {
    std::string sourcePath;         ///< model the plan was made for
    std::string imatrixPath;        ///< importance matrix (.dat) to quantize with; empty = none
    std::string preset;             ///< preset the plan came from ("Q4_K_M", "pure Q4_K"), "" when custom
    std::optional<uint32_t> ftype;  ///< llama ftype written as general.file_type; nullopt = derive
    std::vector<PlanEntry> entries; ///< model tensor order, aliases excluded
    bool operator==(const Plan&) const = default;

    const PlanEntry* find(std::string_view tensor) const;
    PlanEntry* find(std::string_view tensor);
};

/// `fresh` (e.g. a new preset plan) with every entry pinned in `previous` carried over unchanged.
Plan keepPinned(Plan fresh, const Plan& previous);

/// Serializes a plan to JSON text (schema above, 2-space indentation).
std::string planToJson(const Plan& plan);
/// Parses plan JSON; `fileName` labels errors. Throws Error(Invalid) for a wrong schema, an unknown
/// version, unknown type names or malformed members, naming the member concerned.
Plan planFromJson(std::string_view text, const std::string& fileName = {});
/// Writes planToJson to `path`; Error(Io) on failure.
void savePlan(const std::string& path, const Plan& plan);
/// Reads and parses a plan file.
Plan loadPlan(const std::string& path);

/// Checks that `plan` fits `model`: every entry names a stored (non-alias) tensor of the same shape, every
/// stored tensor has exactly one entry, each type can be written for that tensor (kept as stored, or
/// producible by the quantizer with a row width that is a multiple of its block size). Throws
/// Error(Mismatch) naming the first offending tensor.
void validatePlan(const ModelFile& model, const Plan& plan);

/// The tensors a plan covers: the model's tensors without aliases, in file order. For non-GGUF sources
/// whose token_embd.weight is an alias of output.weight (tied HF lm_head), token_embd.weight takes the
/// stored tensor's place and output.weight is left out, as llama.cpp expects of tied models.
std::vector<const TensorInfo*> plannedTensors(const ModelFile& model);

/// Size in bytes of the GGUF file exportGguf writes for this plan (with default export options), to the
/// byte. Reads the plan's imatrix file (its dataset name goes into the metadata) when one is set.
uint64_t predictedFileSize(const ModelFile& model, const Plan& plan);

} // namespace qx
