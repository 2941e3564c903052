#include "common/page_release.h"

#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

namespace qx {

void releaseMappedPages(const std::vector<std::shared_ptr<const MappedFile>>& mappings,
                        std::span<const std::byte> data)
{
    const auto page = uintptr_t(::sysconf(_SC_PAGESIZE));
    for (const auto& m : mappings) {
        if (!m || data.empty() || data.data() < m->data() || data.data() + data.size() > m->data() + m->size())
            continue;
        const uintptr_t start = uintptr_t(data.data()) & ~(page - 1);   // mappings start on a page
        const uintptr_t end = (uintptr_t(data.data() + data.size()) + page - 1) & ~(page - 1);
        ::madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED);
        return;
    }
}

} // namespace qx
