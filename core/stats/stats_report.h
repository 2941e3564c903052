#pragma once
// Statistics of many tensors of a model, and their text / JSON renderings (for `qexplore-cli stats` and
// for saving). Tensors whose values cannot be decoded yet are listed with a reason instead of statistics.

#include "common/progress.h"
#include "io/tensor_type.h"
#include "stats/tensor_stats.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;

struct TensorStatsEntry {
    std::string name;
    std::vector<int64_t> ne;
    TensorType type = TensorType::F32;
    bool decoded = false;          ///< false: `skipReason` says why there are no statistics
    std::string skipReason;
    TensorStats stats;
    bool operator==(const TensorStatsEntry&) const = default;
};

/// Statistics of every tensor of `model` whose name matches `nameRegex` (ECMAScript, searched anywhere in
/// the name; empty = all), in file order. Progress spans all selected tensors. Throws InvalidArgument for
/// a malformed regex and Cancelled when `progress` returns false.
std::vector<TensorStatsEntry> computeModelStats(const ModelFile& model, const std::string& nameRegex,
                                                const StatsOptions& options = {}, const ProgressFn& progress = {});

/// One line per tensor: name, shape, type, mean, std, absmax, excess kurtosis, outlier count; with a header.
std::string modelStatsText(const std::vector<TensorStatsEntry>& entries);
/// Everything, as a JSON document {"model": path, "tensors": [...]} (non-finite numbers become null).
std::string modelStatsJson(const std::vector<TensorStatsEntry>& entries, const std::string& modelPath);
/// One tensor's statistics as a JSON object.
std::string tensorStatsJson(const TensorStats& stats);

} // namespace qx
