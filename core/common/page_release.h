#pragma once
// Giving back the resident pages of data read from a read-only file mapping, so that a pass over a model
// larger than memory keeps only what it is working on resident (the pages fault back in from the page
// cache if read again). Memory that does not belong to one of the given mappings is left alone.

#include "common/mapped_file.h"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace qx {

/// Drops `data`'s pages from this process when `data` lies inside one of `mappings`.
void releaseMappedPages(const std::vector<std::shared_ptr<const MappedFile>>& mappings,
                        std::span<const std::byte> data);

} // namespace qx
