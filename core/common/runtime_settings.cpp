#include "common/runtime_settings.h"

#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace qx {

std::optional<std::string> tunablesWithHugePages(const char* current)
{
    constexpr std::string_view kHugePages = "glibc.malloc.hugetlb=1";
    if (!current || !*current)
        return std::string(kHugePages);
    if (std::string_view(current).find("glibc.malloc.hugetlb=") != std::string_view::npos)
        return std::nullopt;
    return std::string(current) + ":" + std::string(kHugePages);
}

void restartWithRuntimeSettings(char** argv)
{
    if (!argv || !argv[0])
        return;
    const bool waitPolicyChosen = std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT");
    const std::optional<std::string> tunables = tunablesWithHugePages(std::getenv("GLIBC_TUNABLES"));
    if (waitPolicyChosen && !tunables)
        return;
    const char* oldTunables = std::getenv("GLIBC_TUNABLES");
    const std::string savedTunables = oldTunables ? oldTunables : "";
    if (!waitPolicyChosen && ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    if (tunables && ::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // execv failed: carry on as we are
    if (!waitPolicyChosen)
        ::unsetenv("OMP_WAIT_POLICY");
    if (oldTunables)
        ::setenv("GLIBC_TUNABLES", savedTunables.c_str(), 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
}

} // namespace qx
