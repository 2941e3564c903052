#include "model/parallel_for.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qx {

void parallelFor(int64_t count, int threads, const std::function<void(int64_t begin, int64_t end)>& fn)
{
    if (count <= 0)
        return;
    const int64_t parts = std::clamp<int64_t>(threads, 1, count);
    if (parts == 1) {
        fn(0, count);
        return;
    }
    std::exception_ptr failure;
    std::mutex mutex;
    auto run = [&](int64_t part) {
        try {
            fn(count * part / parts, count * (part + 1) / parts);
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure)
                failure = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(static_cast<size_t>(parts - 1));
    for (int64_t p = 1; p < parts; ++p)
        workers.emplace_back(run, p);
    run(0);
    for (auto& w : workers)
        w.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace qx
