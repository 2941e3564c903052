#pragma once
// One tensor's round trip through a candidate format, kept compact for the Distribution view: the blocks a
// GGUF type writes (its bytes: a 4.5-bit Q4_K round trip of 45M values costs 25 MB, not 180), or for a
// scheme the reconstructed values (with, for uniform integer schemes, each group's Δ and zero point).
// From it the view re-bins the dequantized values at every zoom (rows()) and draws the grid of any block
// (grid()). Immutable once made; shared between the UI thread and jobs as shared_ptr<const>.

#include "tensor/tensor_analysis.h"

#include "quant/block_grid.h"
#include "stats/tensor_stats.h"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace qx::ui {

class RoundTripStore {
public:
    /// Values per block of the views for formats whose blocks are whole rows or the tensor (per-channel,
    /// per-tensor and float schemes, F16): the row is shown in windows of this many values.
    static constexpr int64_t kMaxBlockLength = 256;

    /// Quantizes `original` (rows of rowLength) to `format` (GGUF types with per-column `importance`, may be
    /// empty) and keeps the result. Throws InvalidArgument when the rows do not fit the format or a type that
    /// needs importance gets none, Cancelled when `progress` returns false.
    static std::shared_ptr<const RoundTripStore> make(const CandidateFormat& format, std::span<const float> original,
                                                      int64_t rowLength, const ProgressFn& progress = {},
                                                      std::span<const float> importance = {});

    const CandidateFormat& format() const { return m_format; }
    int64_t rows() const { return m_rows; }
    int64_t rowLength() const { return m_rowLength; }
    /// Values of one block as the views show it: the GGUF block, the scheme's group (NF4: 64), or a window
    /// of at most kMaxBlockLength values of the row.
    int64_t blockLength() const { return m_blockLength; }
    int64_t blocksPerRow() const { return m_rowLength / m_blockLength; }
    /// Dequantized rows [first, first + count) into dst (count · rowLength values).
    void readRows(int64_t first, int64_t count, std::span<float> dst) const;
    /// The dequantized values as a row source (this store must outlive it).
    RowSource source() const;
    /// The grid of block `block` of row `row` (see quant/block_grid.h).
    BlockGrid grid(int64_t row, int64_t block) const;
    /// Bytes held.
    size_t memoryBytes() const;
    /// The reconstructed values when they are kept as floats (schemes), else null.
    std::shared_ptr<const std::vector<float>> values() const { return m_values; }

private:
    RoundTripStore() = default;

    CandidateFormat m_format;
    int64_t m_rows = 0, m_rowLength = 0, m_blockLength = 1;
    std::vector<std::byte> m_packed;                 ///< GGUF types: rows of m_rowBytes
    uint64_t m_rowBytes = 0;
    std::shared_ptr<const std::vector<float>> m_values;   ///< schemes: the reconstruction
    std::vector<float> m_steps;                      ///< uniform schemes: Δ per group
    std::vector<int32_t> m_zeroPoints;               ///< uniform asymmetric: z per group
    int64_t m_groupLength = 0;                       ///< uniform schemes: values per group
};

} // namespace qx::ui
