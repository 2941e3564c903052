#include "common/memory_need.h"

#include "common/error.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace qx {

namespace {

/// QX_MEMORY_LIMIT as bytes: digits with an optional K, M, G or T (decimal); nothing when unset or malformed.
std::optional<uint64_t> limitFromEnvironment()
{
    const char* text = std::getenv("QX_MEMORY_LIMIT");
    if (!text || !*text)
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    uint64_t unit = 1;
    switch (*end) {
    case 'K': case 'k': unit = 1000; ++end; break;
    case 'M': case 'm': unit = 1000000; ++end; break;
    case 'G': case 'g': unit = 1000000000; ++end; break;
    case 'T': case 't': unit = 1000000000000; ++end; break;
    default: break;
    }
    if (end == text || !(value > 0) || value * double(unit) >= 1.8e19 || (*end && std::strcmp(end, "B") != 0))
        return std::nullopt;
    return uint64_t(value * double(unit));
}

} // namespace

uint64_t jobMemoryLimit()
{
    if (const auto limit = limitFromEnvironment())
        return *limit;
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    const uint64_t physical = pages > 0 && page > 0 ? uint64_t(pages) * uint64_t(page) : 0;
    return physical / 4 * 3;
}

uint64_t saturatingProduct(std::initializer_list<uint64_t> factors)
{
    uint64_t p = 1;
    for (uint64_t f : factors)
        if (__builtin_mul_overflow(p, f, &p))
            return UINT64_MAX;
    return p;
}

uint64_t saturatingSum(uint64_t a, uint64_t b)
{
    uint64_t s = 0;
    return __builtin_add_overflow(a, b, &s) ? UINT64_MAX : s;
}

std::string memoryText(uint64_t bytes)
{
    if (bytes == UINT64_MAX)
        return "more than 18 EB";
    char text[40];
    if (bytes >= 1000000000ull)
        std::snprintf(text, sizeof text, "%.2f GB", double(bytes) / 1e9);
    else if (bytes >= 1000000ull)
        std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / 1e6);
    else
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    return text;
}

void checkMemoryNeed(uint64_t bytes, const std::string& what, const std::string& file, uint64_t limit)
{
    const bool jobLimit = limit == 0;
    if (jobLimit)
        limit = jobMemoryLimit();
    if (bytes <= limit)
        return;
    const char* source = !jobLimit ? "" : limitFromEnvironment() ? " (QX_MEMORY_LIMIT)"
                                                                : " (three quarters of this machine's memory)";
    throw Error(ErrorCode::OverBudget, file, kNoOffset,
                what + " needs " + memoryText(bytes) + ", more than the " + memoryText(limit) + " a job may take" +
                    source);
}

} // namespace qx
