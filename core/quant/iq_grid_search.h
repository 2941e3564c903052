#pragma once
// Nearest-codebook-row search for the i-quant quantizers (internal to core/quant): the same map and
// neighbour lists that llama.cpp b4748 builds in iq2xs_init_impl / iq3xs_init_impl.
//
// A point is a row of per-element levels (0..kMaxQ-1) packed as in the codebook (iq_codebooks.h). When
// the point is a codebook row, map gives its index. Otherwise its neighbours are the codebook rows at the
// `nwant` smallest squared distances in odd-integer space (2l+1), ordered by distance and then by index —
// the order in which ggml's best-neighbour searches visit them, which decides ties.
// Built once per codebook on first use (thread-safe): 7-114 ms and 0.2-3.9 MB (the largest, IQ1) each,
// most of it the neighbour points laid out for the SIMD searches.

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
    /// The same row's levels l (0..kMaxQ-1).
    const int8_t* levels(int index) const { return &m_levels[static_cast<size_t>(index) * 8]; }
    /// All rows' points (rows × 8 bytes) and the code map (>= 0: the row of a code; < 0: not a row), for
    /// the SIMD searches.
    const int8_t* points() const { return m_points.data(); }
    const int32_t* codeMap() const { return m_map.data(); }
    /// The row whose levels are `code`, or -1 when `code` is not a codebook row.
    int rowOf(uint32_t code) const { return m_map[code] >= 0 ? m_map[code] : -1; }
    /// Neighbour rows of an off-codebook `code` (see top); empty for codebook rows.
    std::span<const uint16_t> neighbours(uint32_t code) const;
    /// The same neighbours' points laid out for 8-lane SIMD: for each 8 neighbours in order, dims() rows of
    /// 8 bytes (element i of the 8 points); the last group is padded with copies of the first neighbour.
    const int8_t* neighbourLanes(uint32_t code) const { return m_lanes.data() + m_laneAt[code]; }

private:
    GridSearch(Codebook codebook, int nwant);
    void addNeighbours(uint32_t code, int nwant);
    void addLanes(uint32_t code);

    int m_dims = 8, m_levelBits = 2, m_rows = 0;
    std::vector<int8_t> m_points;       ///< rows × 8 (4-wide rows use the first 4)
    std::vector<int8_t> m_levels;       ///< rows × 8: (point − 1) / 2
    std::vector<int32_t> m_map;         ///< code -> row, or -(1 + start in m_neighbours)
    std::vector<uint16_t> m_neighbours; ///< per off-codebook code: count, then the rows
    std::vector<int8_t> m_lanes;        ///< neighbourLanes' data
    std::vector<uint32_t> m_laneAt;     ///< code -> start in m_lanes (off-codebook codes)
};

inline std::span<const uint16_t> GridSearch::neighbours(uint32_t code) const
{
    const int32_t m = m_map[code];
    if (m >= 0 || m == INT32_MIN)   // a codebook row, or a code no rounding produces
        return {};
    const size_t at = static_cast<size_t>(-1 - m);
    return {m_neighbours.data() + at + 1, m_neighbours[at]};
}

/// Packs `dims` levels (each < 2^levelBits) into a code.
inline uint32_t packLevels(const int8_t* L, int dims, int levelBits)
{
    uint32_t code = 0;
    for (int i = 0; i < dims; ++i)
        code |= static_cast<uint32_t>(L[i]) << (levelBits * i);
    return code;
}

} // namespace qx::quant::iq
