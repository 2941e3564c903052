#include "common/thread_count.h"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace qx {

int hardwareThreads()
{
    static const int count = [] {   // the CPUs this process may run on (taskset, containers), else all
        cpu_set_t set;
        if (sched_getaffinity(0, sizeof(set), &set) == 0)
            return std::max(1, CPU_COUNT(&set));
        return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }();
    return count;
}

int resolveThreadCount(int requested)
{
    return requested > 0 ? std::min(requested, hardwareThreads()) : hardwareThreads();
}

int resolveInteractiveThreadCount(int requested)
{
    return requested > 0 ? resolveThreadCount(requested) : std::max(1, hardwareThreads() - 1);
}

} // namespace qx
