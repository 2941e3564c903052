#pragma once
// A minimal fork-join helper for the element-wise and attention kernels of the forward pass: splits
// [0, count) into contiguous ranges, runs them on `threads` std::threads (the caller's thread takes the
// first range) and joins. Exceptions thrown by a range are rethrown on the caller's thread.

#include "common/thread_count.h"

#include <cstdint>
#include <functional>

namespace qx {

/// Runs fn(begin, end) over [0, count) split into at most `threads` ranges (threads <= 1: inline).
void parallelFor(int64_t count, int threads, const std::function<void(int64_t begin, int64_t end)>& fn);

} // namespace qx
