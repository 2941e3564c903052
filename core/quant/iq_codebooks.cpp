#include "quant/iq_codebooks.h"

#include "quant/iq_codebook_levels.h"

#include <cstddef>

namespace qx::quant::iq {
namespace {

/// Decodes `levels` into rows of bytes: element i of row k becomes magnitude[level].
template <typename Row, size_t N>
constexpr std::array<Row, N> decodeRows(const uint16_t (&levels)[N], int levelBits, const std::array<uint8_t, 8>& magnitude)
{
    std::array<Row, N> rows{};
    const int dims = static_cast<int>(sizeof(Row));
    for (size_t k = 0; k < N; ++k) {
        Row row = 0;
        for (int i = 0; i < dims; ++i) {
            const int level = (levels[k] >> (levelBits * i)) & ((1 << levelBits) - 1);
            row |= static_cast<Row>(magnitude[static_cast<size_t>(level)]) << (8 * i);
        }
        rows[k] = row;
    }
    return rows;
}

constexpr std::array<uint8_t, 8> kIQ2Magnitudes = {8, 25, 43, 0, 0, 0, 0, 0};
constexpr std::array<uint8_t, 8> kIQ3XXSMagnitudes = {4, 12, 20, 28, 36, 44, 52, 62};
constexpr std::array<uint8_t, 8> kIQ3SMagnitudes = {1, 3, 5, 7, 9, 11, 13, 15};
constexpr std::array<uint8_t, 8> kIQ1Values = {0xff, 0, 1, 0, 0, 0, 0, 0};   // int8 -1, 0, +1

constexpr CodebookInfo kInfos[] = {
    {256, 8, 2, data::kIQ2XXSLevels}, {512, 8, 2, data::kIQ2XSLevels},  {1024, 8, 2, data::kIQ2SLevels},
    {256, 4, 3, data::kIQ3XXSLevels}, {512, 4, 3, data::kIQ3SLevels}, {2048, 8, 2, data::kIQ1SLevels},
};

} // namespace

constexpr std::array<uint64_t, 256> kIQ2XXSGrid = decodeRows<uint64_t>(data::kIQ2XXSLevels, 2, kIQ2Magnitudes);
constexpr std::array<uint64_t, 512> kIQ2XSGrid = decodeRows<uint64_t>(data::kIQ2XSLevels, 2, kIQ2Magnitudes);
constexpr std::array<uint64_t, 1024> kIQ2SGrid = decodeRows<uint64_t>(data::kIQ2SLevels, 2, kIQ2Magnitudes);
constexpr std::array<uint32_t, 256> kIQ3XXSGrid = decodeRows<uint32_t>(data::kIQ3XXSLevels, 3, kIQ3XXSMagnitudes);
constexpr std::array<uint32_t, 512> kIQ3SGrid = decodeRows<uint32_t>(data::kIQ3SLevels, 3, kIQ3SMagnitudes);
constexpr std::array<uint64_t, 2048> kIQ1SGrid = decodeRows<uint64_t>(data::kIQ1SLevels, 2, kIQ1Values);

// Spot checks against rows of ggml's decode tables.
static_assert(kIQ2XXSGrid[1] == 0x080808080808082bull && kIQ2XXSGrid[255] == 0x2b2b2b1908081908ull);
static_assert(kIQ3XXSGrid[5] == 0x04040c3eu && kIQ3SGrid[3] == 0x0101010bu);
static_assert(kIQ1SGrid[0] == 0xffffffffffffffffull && kIQ1SGrid[1] == 0xffffffffffffff01ull
              && kIQ1SGrid[2047] == 0x0101010101010101ull);
static_assert(evenSigns(1) == 129 && evenSigns(3) == 3 && evenSigns(127) == 255);

const CodebookInfo& codebookInfo(Codebook codebook) { return kInfos[static_cast<size_t>(codebook)]; }

} // namespace qx::quant::iq
