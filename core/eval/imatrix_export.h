#pragma once
// Turning collected importance statistics into llama-imatrix's .dat content (quant/imatrix_file.h):
// one entry per collected weight (sorted by name; llama-imatrix's own order is its hash map's), the
// stored values unchanged, and the trailer with the chunk count and the dataset name as given.

#include "eval/imatrix_collector.h"
#include "quant/imatrix_file.h"

#include <string>

namespace qx {

/// The .dat content of `collector`'s statistics; `dataset` is written verbatim (llama-imatrix writes -f's path).
ImatrixFile toImatrixFile(const ImatrixCollector& collector, const std::string& dataset);

} // namespace qx
