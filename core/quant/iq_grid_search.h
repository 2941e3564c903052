#pragma once
// Nearest-codebook-row search for the i-quant quantizers (internal to core/quant): the same map and
// neighbour lists that llama.cpp b4748 builds in iq2xs_init_impl / iq3xs_init_impl.
//
// A point is a row of per-element levels (0..kMaxQ-1) packed as in the codebook (iq_codebooks.h). When
// the point is a codebook row, map gives its index. Otherwise its neighbours are the codebook rows at the
// `nwant` smallest squared distances in odd-integer space (2l+1), ordered by distance and then by index —
// the order in which ggml's best-neighbour searches visit them, which decides ties.
// Built once per codebook on first use (thread-safe); the largest (IQ1) takes about 2 MB.

#include "quant/iq_codebooks.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qx::quant::iq {

class GridSearch {
public:
    /// The shared instance of a codebook (built on first call).
    static const GridSearch& of(Codebook codebook);

    int dims() const { return m_dims; }
    int levelBits() const { return m_levelBits; }
    /// Codebook row `index` in odd-integer space: element i is 2l+1.
    const int8_t* point(int index) const { return &m_points[static_cast<size_t>(index) * 8]; }
    /// The row whose levels are `code`, or -1 when `code` is not a codebook row.
    int rowOf(uint32_t code) const { return m_map[code] >= 0 ? m_map[code] : -1; }
    /// Neighbour rows of an off-codebook `code` (see top); empty for codebook rows.
    std::span<const uint16_t> neighbours(uint32_t code) const;

private:
    GridSearch(Codebook codebook, int nwant);
    void addNeighbours(uint32_t code, int nwant);

    int m_dims = 8, m_levelBits = 2, m_rows = 0;
    std::vector<int8_t> m_points;       ///< rows × 8 (4-wide rows use the first 4)
    std::vector<int32_t> m_map;         ///< code -> row, or -(1 + start in m_neighbours)
    std::vector<uint16_t> m_neighbours; ///< per off-codebook code: count, then the rows
};

/// Packs `dims` levels (each < 2^levelBits) into a code.
inline uint32_t packLevels(const int8_t* L, int dims, int levelBits)
{
    uint32_t code = 0;
    for (int i = 0; i < dims; ++i)
        code |= static_cast<uint32_t>(L[i]) << (levelBits * i);
    return code;
}

} // namespace qx::quant::iq
