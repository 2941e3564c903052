#include "quant/iq_grid_search.h"

#include <algorithm>

namespace qx::quant::iq {
namespace {

/// How many distinct distances ggml keeps per off-codebook point (nwant in iq2xs/iq3xs_init_impl).
int wantedDistances(Codebook codebook)
{
    switch (codebook) {
    case Codebook::IQ2S: return 1;
    case Codebook::IQ3S:
    case Codebook::IQ1S: return 3;
    default: return 2;
    }
}

/// Levels a quantizer can produce: 0, 1, 2 for the 2-bit codebooks, 0..7 for the 3-bit ones.
int levelCount(int levelBits) { return levelBits == 2 ? 3 : 8; }

constexpr int32_t kUnreachable = INT32_MIN;

} // namespace

const GridSearch& GridSearch::of(Codebook codebook)
{
    // One instance per codebook; C++ guarantees thread-safe initialisation of these statics.
    switch (codebook) {
    case Codebook::IQ2XXS: { static const GridSearch s(codebook, wantedDistances(codebook)); return s; }
    case Codebook::IQ2XS: { static const GridSearch s(codebook, wantedDistances(codebook)); return s; }
    case Codebook::IQ2S: { static const GridSearch s(codebook, wantedDistances(codebook)); return s; }
    case Codebook::IQ3XXS: { static const GridSearch s(codebook, wantedDistances(codebook)); return s; }
    case Codebook::IQ3S: { static const GridSearch s(codebook, wantedDistances(codebook)); return s; }
    case Codebook::IQ1S: break;
    }
    static const GridSearch s(Codebook::IQ1S, wantedDistances(Codebook::IQ1S));
    return s;
}

GridSearch::GridSearch(Codebook codebook, int nwant)
{
    const CodebookInfo& info = codebookInfo(codebook);
    m_dims = info.dims;
    m_levelBits = info.levelBits;
    m_rows = info.rows;
    m_points.assign(static_cast<size_t>(m_rows) * 8, 0);
    m_levels.assign(m_points.size(), 0);
    m_map.assign(size_t(1) << (m_levelBits * m_dims), kUnreachable);
    const uint32_t mask = (1u << m_levelBits) - 1;
    for (int k = 0; k < m_rows; ++k) {
        for (int i = 0; i < m_dims; ++i) {
            const auto level = static_cast<int8_t>((info.levels[k] >> (m_levelBits * i)) & mask);
            m_levels[size_t(k) * 8 + size_t(i)] = level;
            m_points[size_t(k) * 8 + size_t(i)] = static_cast<int8_t>(2 * level + 1);
        }
        m_map[info.levels[k]] = k;
    }
    const uint32_t levels = static_cast<uint32_t>(levelCount(m_levelBits));
    m_laneAt.assign(m_map.size(), 0);
    for (uint32_t code = 0; code < m_map.size(); ++code) {
        bool reachable = true;
        for (int i = 0; i < m_dims; ++i)
            reachable = reachable && ((code >> (m_levelBits * i)) & mask) < levels;
        if (reachable && m_map[code] == kUnreachable) {
            addNeighbours(code, nwant);
            addLanes(code);
        }
    }
}

void GridSearch::addLanes(uint32_t code)
{
    const std::span<const uint16_t> rows = neighbours(code);
    m_laneAt[code] = static_cast<uint32_t>(m_lanes.size());
    for (size_t first = 0; first < rows.size(); first += 8)
        for (int i = 0; i < m_dims; ++i)
            for (size_t j = first; j < first + 8; ++j)
                m_lanes.push_back(point(j < rows.size() ? rows[j] : rows[0])[i]);
}

void GridSearch::addNeighbours(uint32_t code, int nwant)
{
    const uint32_t mask = (1u << m_levelBits) - 1;
    int8_t pos[8] = {};
    for (int i = 0; i < m_dims; ++i)
        pos[i] = static_cast<int8_t>(2 * ((code >> (m_levelBits * i)) & mask) + 1);
    std::vector<int> dist(static_cast<size_t>(m_rows));   // squared distance of each row
    std::vector<int> nearest;                             // the nwant smallest distinct distances, ascending
    for (int k = 0; k < m_rows; ++k) {
        int d2 = 0;
        for (int i = 0; i < m_dims; ++i) {
            const int d = point(k)[i] - pos[i];
            d2 += d * d;
        }
        dist[size_t(k)] = d2;
        const auto at = std::lower_bound(nearest.begin(), nearest.end(), d2);
        if ((at == nearest.end() || *at != d2) && at - nearest.begin() < nwant) {
            nearest.insert(at, d2);
            if (static_cast<int>(nearest.size()) > nwant)
                nearest.pop_back();
        }
    }
    // The rows in (distance, row) order up to the nwant-th distinct distance: sorting all pairs and
    // cutting there gives the same list.
    m_map[code] = -1 - static_cast<int32_t>(m_neighbours.size());
    const size_t countAt = m_neighbours.size();
    m_neighbours.push_back(0);
    for (const int d2 : nearest)
        for (int k = 0; k < m_rows; ++k)
            if (dist[size_t(k)] == d2)
                m_neighbours.push_back(static_cast<uint16_t>(k));
    m_neighbours[countAt] = static_cast<uint16_t>(m_neighbours.size() - countAt - 1);
}


} // namespace qx::quant::iq
