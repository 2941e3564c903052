#pragma once
// Turning collected importance statistics into llama-imatrix's .dat content (quant/imatrix_file.h):
// one entry per collected weight (sorted by name; llama-imatrix's own order is its hash map's), the
// stored values unchanged, and the trailer with the chunk count and the dataset name as given.

#include "common/progress.h"
#include "eval/imatrix_collector.h"
#include "io/model_file.h"
#include "quant/imatrix_file.h"

#include <memory>
#include <string>

namespace qx {

/// The .dat content of `collector`'s statistics; `dataset` is written verbatim (llama-imatrix writes -f's path).
ImatrixFile toImatrixFile(const ImatrixCollector& collector, const std::string& dataset);

/// llama-imatrix on `textPath` (`qexplore-cli imatrix`'s run): the model's own tokenizer, chunks of nCtx
/// tokens starting with BOS, at most maxChunks (< 0: all), streamed block by block. The dataset name is
/// `textPath`; chunkSize is nCtx. Throws the tokenizer's and computeImatrix's errors (Cancelled included).
ImatrixFile computeModelImatrix(std::shared_ptr<const ModelFile> model, const std::string& textPath, int64_t nCtx,
                                int64_t maxChunks, int threads = 0, const ProgressFn& progress = {});

} // namespace qx
