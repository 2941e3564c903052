#pragma once
// Comparing two models of one architecture, A (the reference) and B, at the weight level.
//
// Metadata: see compare/metadata_diff.h; always computed, even when the tensors cannot be compared.
// Tensors are matched by canonical (GGUF) name — an HF folder's names are mapped when it is opened
// (io/hf_names.h) — and an HF llama folder's attn_q / attn_k rows are read in GGUF's row order when the
// other side is not such a folder (export/hf_convert.h: hfRowPermutation), so a folder and its converted
// GGUF agree. Tied weights: a second name (TensorInfo::aliasOf), and "output.weight" of a model that has
// token_embd but no output head (llama.cpp then uses token_embd), match like any name and compare the
// data they stand for; their bytes count under the tensor that holds the data (aliasA / aliasB). A name
// that is a second name on every side that has it is not listed.
// Per pair: equal type, shape and bytes -> Identical (not decoded); equal shapes -> Compared, with the
// error of B against A (stats/error_metrics.h: e = B − A, SQNR = Σa²/Σe² in dB, relative error ||e||/||a||,
// max |e|, cosine), bit-identical to compareTensors on the decoded data; different shapes -> ShapeMismatch;
// a type that cannot be decoded -> Undecodable (with the reason).
// Totals (per layer "blk.N.", per tensor class = the name without "blk.N." and ".weight"/".bias", and over
// the model): bytes and values of every tensor, and the error pooled over the Compared pairs only
// (Σ noise / Σ signal): identical tensors add nothing to either side.
// Refusal: models of different architectures, or of different hyper-parameters (dim, layers, FFN, heads,
// KV heads, where both state them), get the metadata diff and the refusal, no tensor table.
//
// Streaming: pairs are measured on worker threads, largest first, each read once in row chunks of ~64 Ki
// values (compareRows without a histogram); the mapped pages of a finished pair are released, so memory
// stays near `threads` × the largest pair plus the chunk buffers. Progress counts values; cancellation is
// checked after every chunk of every worker. Results do not depend on the thread count.

#include "common/progress.h"
#include "compare/metadata_diff.h"
#include "io/tensor_type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;

enum class TensorDiffStatus { Compared, Identical, ShapeMismatch, OnlyInA, OnlyInB, Undecodable };

struct TensorDiff {
    std::string name;              ///< canonical name
    int layer = -1;                ///< N of "blk.N.", -1 outside the blocks
    std::string tensorClass;       ///< e.g. "attn_q", "ffn_norm", "token_embd"
    TensorDiffStatus status = TensorDiffStatus::Compared;
    TensorType typeA = TensorType::F32, typeB = TensorType::F32;  ///< meaningful on the side(s) present
    std::vector<int64_t> neA, neB;
    uint64_t bytesA = 0, bytesB = 0;
    double bitsPerWeightA = 0.0, bitsPerWeightB = 0.0;
    uint64_t values = 0;           ///< elements compared (Compared / Identical)
    double sqnrDb = 0.0;           ///< +Inf for Identical
    double relativeError = 0.0;    ///< ||B − A|| / ||A||
    double maxAbsDiff = 0.0;
    double cosine = 1.0;
    double mse = 0.0;
    double signalEnergy = 0.0;     ///< Σa² (Compared only)
    double noiseEnergy = 0.0;      ///< Σ(b − a)² (Compared only)
    uint64_t nonFinite = 0;        ///< pairs skipped because either side is NaN/Inf
    std::string problem;           ///< Undecodable: why
    bool aliasA = false, aliasB = false;  ///< that side is a second name of tied data (bytes not counted)
    bool operator==(const TensorDiff&) const = default;
};

/// Totals over a group of tensors (a layer, a class, or the whole model).
struct DiffTotals {
    std::string key;               ///< layer number as text, class name, or "model"
    int tensors = 0;
    int identical = 0;
    int compared = 0;
    int unmatched = 0;             ///< only in A, only in B, shape mismatch or undecodable
    uint64_t bytesA = 0, bytesB = 0;
    uint64_t valuesA = 0, valuesB = 0;
    double bitsPerWeightA = 0.0, bitsPerWeightB = 0.0;
    double signalEnergy = 0.0, noiseEnergy = 0.0;
    double sqnrDb = 0.0;           ///< pooled over Compared pairs; +Inf when none differs
    double relativeError = 0.0;
    bool operator==(const DiffTotals&) const = default;
};

enum class DiffRefusal { None, Architecture, HyperParameters };

struct ModelDiff {
    std::string pathA, pathB;
    std::string architectureA, architectureB;
    DiffRefusal refusal = DiffRefusal::None;
    std::string refusalDetail;     ///< e.g. "embedding_length 256 vs 512" (plain English, for the CLI)
    std::vector<MetadataChange> metadata;
    std::vector<TensorDiff> tensors;   ///< A's file order, then tensors only in B in B's order
    std::vector<DiffTotals> layers;    ///< by layer number
    std::vector<DiffTotals> classes;   ///< by first appearance
    DiffTotals total;
    bool operator==(const ModelDiff&) const = default;
};

struct DiffOptions {
    int threads = 0;               ///< 0 = every hardware thread
    bool releasePages = true;      ///< give back each pair's mapped pages once measured
};

/// Why `a` and `b` cannot be compared tensor by tensor (None when they can); `detail` says what differs.
DiffRefusal checkComparable(const ModelFile& a, const ModelFile& b, std::string& detail);

/// The metadata diff, and unless refused, the tensor table and totals. Throws Error(Cancelled) when
/// `progress` returns false.
ModelDiff diffModels(const ModelFile& a, const ModelFile& b, const DiffOptions& options = {},
                     const ProgressFn& progress = {});

/// Totals per layer (ascending; tensors outside the blocks are not in any), per class (first appearance),
/// and over all of `tensors`.
std::vector<DiffTotals> totalsByLayer(const std::vector<TensorDiff>& tensors);
std::vector<DiffTotals> totalsByClass(const std::vector<TensorDiff>& tensors);
DiffTotals totalsOf(const std::vector<TensorDiff>& tensors, std::string key = "model");

/// "blk.3.attn_q.weight" -> layer 3, class "attn_q"; "output_norm.weight" -> -1, "output_norm".
void splitTensorName(const std::string& name, int& layer, std::string& tensorClass);

const char* tensorDiffStatusName(TensorDiffStatus status);

} // namespace qx
