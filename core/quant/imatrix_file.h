#pragma once
// llama.cpp importance matrices (`llama-imatrix` output), legacy .dat format, all little-endian:
//
//   int32 n_entries                         (>= 1)
//   n_entries x { int32 len; char name[len]; int32 ncall; int32 nval; float values[nval]; }
//   optional trailer: int32 last_chunk; int32 len; char dataset[len]
//
// `values` are sums of squared activations per input column, scaled so that values / ncall is the mean
// (llama-imatrix stores mean * ncall). llama-quantize divides by ncall when ncall > 0 and hands the
// result, unchanged, to the quantizer as the per-column importance of every row of the tensor.
// A repeated name overrides the earlier entry (llama-quantize loads the file into a map).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

struct ImatrixEntry {
    std::string name;            ///< tensor name, e.g. "blk.0.attn_q.weight"
    int ncall = 0;               ///< number of chunks (calls) accumulated
    std::vector<float> values;   ///< as stored: mean squared activation x ncall, one per column
    bool operator==(const ImatrixEntry&) const = default;
};

struct ImatrixFile {
    std::vector<ImatrixEntry> entries;   ///< in file order
    bool hasTrailer = false;             ///< newer files end with chunk count and dataset name
    int lastChunk = 0;                   ///< chunks processed (trailer; 0 without one)
    std::string dataset;                 ///< text file the matrix was computed on (trailer)
    bool operator==(const ImatrixFile&) const = default;

    /// The entry llama-quantize would use for `tensorName` (the last one of that name), or nullptr.
    const ImatrixEntry* find(std::string_view tensorName) const;
};

/// Parses .dat bytes; `fileName` only labels errors. Throws qx::Error (Truncated / Invalid) with the
/// byte offset of the offending field.
ImatrixFile parseImatrixDat(std::span<const std::byte> bytes, const std::string& fileName = {});
/// Reads and parses a .dat file (Error(Io) when it cannot be read).
ImatrixFile readImatrixDat(const std::string& path);

/// Serializes to .dat bytes (the trailer only when hasTrailer).
std::vector<std::byte> serializeImatrixDat(const ImatrixFile& file);
/// Writes a .dat file; throws Error(Io) on failure.
void writeImatrixDat(const std::string& path, const ImatrixFile& file);

/// values / ncall in float, exactly as llama-quantize's load_imatrix (unchanged when ncall <= 0).
std::vector<float> imatrixImportance(const ImatrixEntry& entry);

/// The importance llama-quantize passes when quantizing `tensorName` with rows of `rowLength`: the
/// entry's imatrixImportance() when it exists and has rowLength values; nullopt when absent. Throws
/// Error(Mismatch) for an entry of another size (llama-quantize aborts there too).
std::optional<std::vector<float>> imatrixImportanceFor(const ImatrixFile& file, std::string_view tensorName,
                                                       int64_t rowLength);

} // namespace qx
