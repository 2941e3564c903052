#pragma once
// Candidate table for automatic precision allocation: for every tensor of a model, the storage types it
// may take, each with its exact byte count and a predicted loss.
//
// Predicted loss = sum over the tensor's elements of importance[column] * (w - q(w))^2, where q is the
// bit-exact quantize->dequantize round trip (quantizeRows, with the imatrix importance when given) and
// importance is 1 without an imatrix. Losses are totals (not means), so they add across tensors.
// Tensors that are not quantizable 2-D weights (norms, vectors, aliases) get one fixed F32/as-is option.

#include "common/progress.h"
#include "io/model_file.h"
#include "io/tensor_type.h"
#include "quant/imatrix_file.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct CandidateOption {
    TensorType type = TensorType::F32;
    uint64_t bytes = 0;    ///< exact tensor data bytes in this type
    double loss = 0.0;     ///< predicted loss, see top of file
};

struct TensorCandidates {
    std::string name;
    uint64_t elements = 0;
    bool fixed = false;                     ///< not quantizable: exactly one option, kept as stored
    std::vector<CandidateOption> options;   ///< sorted by bytes ascending
};

struct CandidateTable {
    std::string key;                        ///< cache key (model path, size, mtime, imatrix)
    std::vector<TensorCandidates> tensors;  ///< model tensors in file order (aliases left out)

    uint64_t totalElements() const;         ///< over all tensors
    const TensorCandidates* find(std::string_view name) const;
};

/// Q2_K Q3_K Q4_K Q5_K Q6_K Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 IQ4_NL IQ4_XS IQ3_S IQ3_XXS TQ2_0 TQ1_0 F16 (F32 is
/// always added); with importance data also IQ2_S IQ2_XS IQ2_XXS IQ1_M IQ1_S, which llama-quantize refuses
/// to make without it.
std::vector<TensorType> defaultCandidateTypes(bool withImportance = false);

/// True for a tensor the solver may re-type: a 2-D (or higher) decodable weight that is not an alias, not a
/// norm, with a row width of at least 32 (the explorer's rule; presets.h has llama-quantize's).
bool isCandidateTensor(const TensorInfo& tensor);

/// Builds the table (see top of file). Types whose block does not divide the row width are left out for
/// that tensor (llama.cpp would fall back to another type; the solver just never picks them), and so are
/// types llama-quantize refuses for a tensor without an imatrix entry (presets.h llamaQuantizeRefusal).
/// `imatrix` may be null. Throws Error(Cancelled) when `progress` returns false.
CandidateTable buildCandidateTable(const ModelFile& model, const ImatrixFile* imatrix,
                                   std::span<const TensorType> types, const ProgressFn& progress = {});

/// The cache key: model path, size and mtime, plus the imatrix path, size and mtime ("" for none).
std::string candidateCacheKey(const std::string& modelPath, const std::string& imatrixPath);

/// JSON text of a table, and back (Error(Invalid) on malformed text).
std::string candidateTableToJson(const CandidateTable& table);
CandidateTable candidateTableFromJson(const std::string& text, const std::string& fileName);

/// Loads the table from `cacheDir` when a file there has the same key and types, else builds and stores
/// it (cacheDir empty: no cache). The model must have been opened from `modelPath`.
CandidateTable loadOrBuildCandidateTable(const ModelFile& model, const std::string& modelPath,
                                         const std::string& imatrixPath, std::span<const TensorType> types,
                                         const std::string& cacheDir, const ProgressFn& progress = {});

} // namespace qx
