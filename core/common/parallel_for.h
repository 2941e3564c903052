#pragma once
// The one thread pool of the engine: OpenMP's (libgomp), which oneDNN runs on as well, so the matmuls,
// the attention and element-wise kernels, dequantization and the work-sharing loops of common/
// parallel_chunks.h share the same threads instead of starting new ones per call. A parallelFor nested
// inside another runs on the calling thread only.

#include "common/thread_count.h"

#include <cstdint>
#include <functional>

namespace qx {

/// Runs fn(begin, end) over [0, count) split into at most `threads` contiguous ranges (threads <= 1: inline;
/// more than the machine has: capped as common/thread_count.h says). The calling thread takes part; the
/// first exception thrown by a range is rethrown on it.
void parallelFor(int64_t count, int threads, const std::function<void(int64_t begin, int64_t end)>& fn);

} // namespace qx
