#pragma once
// The value distributions of one tensor in two models, on one set of bins so they can be drawn over each
// other: both tensors are streamed in row chunks twice (the range first: the smallest and largest finite
// value of either, then the counts). Non-finite values are not counted.

#include "common/progress.h"
#include "stats/histogram.h"

namespace qx {

struct TensorInfo;

struct PairHistograms {
    Histogram a, b;               ///< same lo, hi and bins
    bool operator==(const PairHistograms&) const = default;
};

/// Histograms of `a` and `b` (any shapes, any decodable types) over their common range in `bins` bins.
/// Throws Error(Cancelled) when `progress` returns false, Unsupported for a type that cannot be decoded.
PairHistograms pairHistograms(const TensorInfo& a, const TensorInfo& b, int bins = 128, const ProgressFn& progress = {});

} // namespace qx
