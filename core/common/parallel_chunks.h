#pragma once
// A minimal work-sharing loop (statistics sweeps, group-wise quantization) on OpenMP's threads (the one pool
// of common/parallel_for.h): chunks are handed out through an atomic counter to
// `workers` threads. The calling thread is worker 0 and is the only one that calls the progress callback,
// so callers never see progress from a foreign thread. Results must be written per chunk (or per worker)
// and merged by the caller in chunk order, which keeps results independent of the thread count.

#include "common/progress.h"

#include <cstdint>
#include <functional>

namespace qx {

/// Number of workers to use: resolveThreadCount(requested), never more than `chunks`.
int resolveWorkerCount(int requested, int64_t chunks);

/// Runs fn(chunk, worker) for every chunk in [0, chunks) on `workers` threads (see resolveWorkerCount).
/// Progress is mapped into [progressLo, progressHi]. A false return from `progress` stops all workers and
/// throws Error(Cancelled); the first exception thrown by `fn` is rethrown after every worker has stopped.
void runChunks(int64_t chunks, int workers, const ProgressFn& progress, double progressLo, double progressHi,
               const std::function<void(int64_t chunk, int worker)>& fn);

} // namespace qx
