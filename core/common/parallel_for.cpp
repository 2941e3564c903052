#include "common/parallel_for.h"

#include <omp.h>

#include <algorithm>
#include <exception>

namespace qx {

void parallelFor(int64_t count, int threads, const std::function<void(int64_t begin, int64_t end)>& fn)
{
    if (count <= 0)
        return;
    const int64_t parts = std::clamp<int64_t>(resolveThreadCount(threads), 1, count);
    if (parts == 1 || omp_in_parallel()) {
        fn(0, count);
        return;
    }
    std::exception_ptr failure;
#pragma omp parallel num_threads(static_cast<int>(parts))
    {
        // OpenMP may hand out fewer threads than asked: each one takes every n-th part.
        const int64_t n = omp_get_num_threads();
        for (int64_t part = omp_get_thread_num(); part < parts; part += n) {
            try {
                fn(count * part / parts, count * (part + 1) / parts);
            } catch (...) {
#pragma omp critical(qx_parallel_for_failure)
                if (!failure)
                    failure = std::current_exception();
            }
        }
    }
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace qx
