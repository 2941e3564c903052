#pragma once
// The numbers behind the Learn lesson "i-quants and ternary weights", computed with the engine's own
// quantizers (quantizeRows, bit-exact with llama.cpp) on the first whole 256-value blocks of a tensor's
// values, read as rows of 256 whatever the tensor's row width:
//  - IQ2_XXS stores 8 weights' magnitudes as one 8-bit index into a 256-row codebook of E8-lattice points
//    (each element 8, 25 or 43 in units of the sub-block scale), 7 sign bits (the 8th makes the count of
//    minus signs even) and a 4-bit scale per 32 weights: 2.0625 bits per weight. decodeIq2xxsGroup takes
//    one group apart byte by byte.
//  - TQ1_0 stores 5 ternary digits per byte (3^5 = 243 <= 256) plus one F16 scale per 256 weights:
//    1.6875 bits per weight. decodeTq1Byte shows one byte's five digits.
// Every type quantizes with uniform importance (1 per column): the lesson needs no imatrix.

#include "io/tensor_type.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace qx::learn {

/// One type's round trip of the lesson's blocks.
struct IquantFigure {
    TensorType type = TensorType::IQ2_XXS;
    double bitsPerWeight = 0.0;
    double sqnrDb = 0.0;
    int codebookRows = 0;       ///< rows of its codebook (0: not a codebook type)
    int codebookRowsUsed = 0;   ///< distinct rows the blocks use (IQ2_XXS only, else 0)
};

/// Group `group` (0..31) of IQ2_XXS block 0, taken apart.
struct CodebookGroup {
    std::array<float, 8> original{};
    int gridIndex = 0;                 ///< the stored 8-bit codebook row
    std::array<int, 8> magnitudes{};   ///< that row: 8, 25 or 43 each
    uint8_t signs = 0;                 ///< bit j set: element j is negative (7 stored bits + parity)
    int scaleCode = 0;                 ///< the sub-block's 4-bit scale s
    float scale = 0.0f;                ///< d · (0.5 + s) / 4: the unit of the magnitudes
    std::array<float, 8> decoded{};    ///< scale · magnitude · sign, equal to the engine's dequantization
};

/// Byte 0 of TQ1_0 block 0: weights 0, 32, 64, 96, 128 of the block as five base-3 digits.
struct TernaryByte {
    std::array<float, 5> original{};
    std::array<int, 5> trits{};        ///< −1, 0 or +1 each, as the engine's dequantization gives them
    uint8_t stored = 0;                ///< the byte in the block
    int base3 = 0;                     ///< Σ (trit + 1) · 3^(4−i), 0 .. 242
    float scale = 0.0f;                ///< the block's d
};

struct IquantLessonResult {
    int64_t blocks = 0;                ///< 256-value blocks used
    std::vector<IquantFigure> figures; ///< IQ1_S IQ2_XXS IQ2_XS IQ2_S IQ3_XXS IQ3_S TQ1_0 TQ2_0 Q2_K Q3_K
    CodebookGroup group;
    TernaryByte ternary;
};

/// The lesson on the first min(maxBlocks, values.size() / 256) blocks; `group` selects the IQ2_XXS group.
/// Throws Error(InvalidArgument) for fewer than 256 values.
IquantLessonResult iquantLesson(std::span<const float> values, int64_t maxBlocks = 64, int group = 0);

} // namespace qx::learn
