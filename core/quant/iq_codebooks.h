#pragma once
// The codebooks of ggml's i-quants IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, IQ1_S and IQ1_M: data of the
// GGUF formats (llama.cpp b4748), internal to core/quant.
//
// A codebook row holds 8 (IQ2, IQ1) or 4 (IQ3) small levels l, packed 2 bits each (IQ2, IQ1: element i in
// bits 2i..2i+1) or 3 bits each (IQ3: bits 3i..3i+2). Decoding maps a level to a magnitude fixed per
// codebook, one byte per element with element 0 in the lowest byte — the layout of ggml's decode grids:
//   IQ2_XXS, IQ2_XS, IQ2_S   l 0, 1, 2   -> 8, 25, 43
//   IQ3_XXS                  l 0 .. 7    -> 4, 12, 20, 28, 36, 44, 52, 62
//   IQ3_S                    l 0 .. 7    -> 1, 3, 5, ..., 15
//   IQ1_S, IQ1_M             l 0, 1, 2   -> -1, 0, +1 (int8)
// The quantizers search in level space, where level l stands for the odd integer 2l + 1.

#include <array>
#include <cstdint>

namespace qx::quant::iq {

enum class Codebook { IQ2XXS, IQ2XS, IQ2S, IQ3XXS, IQ3S, IQ1S };

struct CodebookInfo {
    int rows;                ///< 256, 512, 1024, 256, 512 or 2048
    int dims;                ///< elements per row: 8 or 4
    int levelBits;           ///< 2 or 3
    const uint16_t* levels;  ///< packed level rows (see top)
};

/// Size, shape and level rows of a codebook.
const CodebookInfo& codebookInfo(Codebook codebook);

/// Decoded rows (see top): ggml's iq2xxs_grid, iq2xs_grid, iq2s_grid, iq3xxs_grid, iq3s_grid, iq1s_grid.
extern const std::array<uint64_t, 256> kIQ2XXSGrid;
extern const std::array<uint64_t, 512> kIQ2XSGrid;
extern const std::array<uint64_t, 1024> kIQ2SGrid;
extern const std::array<uint32_t, 256> kIQ3XXSGrid;
extern const std::array<uint32_t, 512> kIQ3SGrid;
extern const std::array<uint64_t, 2048> kIQ1SGrid;

/// IQ1_S / IQ1_M shift of every decoded level (+ or - by a per-group sign bit).
constexpr float kIQ1Delta = 0.125f;

/// ggml's ksigns_iq2xs: seven stored sign bits plus the eighth that makes the number of minus signs even.
constexpr uint8_t evenSigns(uint32_t seven)
{
    uint32_t parity = 0;
    for (uint32_t v = seven & 127; v; v >>= 1)
        parity ^= v & 1;
    return static_cast<uint8_t>((seven & 127) | (parity << 7));
}

/// Byte `i` (0-based) of a decoded row.
constexpr uint8_t rowByte(uint64_t row, int i) { return static_cast<uint8_t>(row >> (8 * i)); }

} // namespace qx::quant::iq
