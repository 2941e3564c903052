#include "common/openmp_policy.h"

#include <cstdlib>
#include <unistd.h>

namespace qx {

void restartWithPassiveOpenMpWait(char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT") || !argv || !argv[0])
        return;
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    ::unsetenv("OMP_WAIT_POLICY"); // execv failed: carry on as we are
}

} // namespace qx
