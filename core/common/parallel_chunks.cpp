#include "common/parallel_chunks.h"

#include "common/error.h"
#include "common/thread_count.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace qx {

int resolveWorkerCount(int requested, int64_t chunks)
{
    const int n = resolveThreadCount(requested);
    return static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(n, chunks)));
}

namespace {

struct SharedState {
    std::atomic<int64_t> next{0};
    std::atomic<int64_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex errorMutex;
    std::exception_ptr error;
};

void workerLoop(SharedState& s, int64_t chunks, int worker, const std::function<void(int64_t, int)>& fn,
                const std::function<bool()>& report)
{
    try {
        while (!s.stop.load(std::memory_order_relaxed)) {
            const int64_t chunk = s.next.fetch_add(1);
            if (chunk >= chunks)
                break;
            fn(chunk, worker);
            s.done.fetch_add(1);
            if (report && !report())
                s.stop = true;
        }
    } catch (...) {
        std::lock_guard lock(s.errorMutex);
        if (!s.error)
            s.error = std::current_exception();
        s.stop = true;
    }
}

} // namespace

void runChunks(int64_t chunks, int workers, const ProgressFn& progress, double progressLo, double progressHi,
               const std::function<void(int64_t chunk, int worker)>& fn)
{
    if (chunks <= 0)
        return;
    SharedState s;
    bool cancelled = false;
    const std::function<bool()> report = [&]() {
        if (!progress)
            return true;
        const double f = static_cast<double>(s.done.load()) / static_cast<double>(chunks);
        if (progress(progressLo + (progressHi - progressLo) * f))
            return true;
        cancelled = true;
        return false;
    };
    // OpenMP's pool (the engine's one pool): the calling thread is worker 0 and the only one reporting. A
    // call from inside a parallel region runs on that thread alone.
    const int n = omp_in_parallel() ? 1 : resolveWorkerCount(workers, chunks);
    if (n == 1) {
        workerLoop(s, chunks, 0, fn, report);
    } else {
#pragma omp parallel num_threads(n)
        {
            const int w = omp_get_thread_num();
            workerLoop(s, chunks, w, fn, w == 0 ? report : std::function<bool()>());
        }
    }
    if (s.error)
        std::rethrow_exception(s.error);
    if (!cancelled && progress && !progress(progressHi))
        cancelled = true;
    if (cancelled)
        throw Error(ErrorCode::Cancelled, "cancelled");
}

} // namespace qx
