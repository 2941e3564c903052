#pragma once
// Allocations whose size comes from the input (a tensor's shape, a layer's width, a claimed count) are
// predicted and checked here before they are made: a job that would need more than the memory a job may
// take fails with Error(OverBudget) saying what needed how much, instead of std::bad_alloc (or the kernel's
// out-of-memory killer after the machine has swapped). The limit is the streaming engine's default budget,
// three quarters of physical memory, or the environment variable QX_MEMORY_LIMIT (bytes, e.g. "8G", "500M")
// when set — for a machine shared with other work, and for tests.

#include <cstdint>
#include <initializer_list>
#include <string>

namespace qx {

/// The memory one job may take (bytes): QX_MEMORY_LIMIT when set to a size, else three quarters of the
/// machine's physical memory.
uint64_t jobMemoryLimit();

/// The product of the factors, or UINT64_MAX when it does not fit 64 bits (a claimed count times a width).
uint64_t saturatingProduct(std::initializer_list<uint64_t> factors);
/// a + b, or UINT64_MAX when it does not fit.
uint64_t saturatingSum(uint64_t a, uint64_t b);

/// "3.42 GB", "12 MB", or "more than 18 EB" for UINT64_MAX.
std::string memoryText(uint64_t bytes);

/// Throws Error(OverBudget) naming `file` when `bytes` exceed `limit` (0: jobMemoryLimit()). The message:
/// "<what> needs <bytes>, more than the <limit> a job may take (<where the limit comes from>)".
void checkMemoryNeed(uint64_t bytes, const std::string& what, const std::string& file = {}, uint64_t limit = 0);

} // namespace qx
