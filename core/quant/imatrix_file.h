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
//
// GGUF format (llama-imatrix's default output since it moved to GGUF, after b4748): a GGUF v3 file with
//   general.type = "imatrix" (string), imatrix.datasets (array of string: every text accumulated),
//   imatrix.chunk_count (u32: chunks evaluated), imatrix.chunk_size (u32: tokens per chunk),
//   and per weight, in name order: `<name>.in_sum2` F32 ne {ncols, nmat}: raw sums of x² over all
//   activation rows, and `<name>.counts` F32 ne {1, nmat}: activation rows summed into each matrix
//   (nmat > 1 for merged MoE experts). Newer files may add `<name>.in_sum` (sums of x): ignored, as are
//   tensors with other suffixes. Counts are rounded to integers on load, as llama.cpp does.
// Importance = in_sum2 / count, per matrix, in float; a matrix with count 0 gets importance 1
// (llama-quantize's rule). llama-quantize refuses a GGUF imatrix without the three imatrix.* keys; so do we.
//
// In memory both formats share ImatrixFile: a .dat entry has `counts` empty and .dat-style values; a GGUF
// entry keeps in_sum2 in `values` and its counts in `counts`, and `ncall` = ceil(max count / chunk_size)
// (what llama-imatrix writes when it converts to .dat). Either writer accepts either kind:
//   .dat -> GGUF (llama-imatrix's own conversion): in_sum2 = values · chunkSize, counts = {ncall · chunkSize}
//     (chunkSize 0 -> 512, llama-imatrix's default context). With a power-of-two chunk size the importance
//     read back is bit-identical; an entry with ncall <= 0 is written with count chunkSize, so it keeps
//     importance = values as llama-quantize reads it from the .dat.
//   GGUF -> .dat: values = in_sum2 / count · ncall (1 · ncall for a count of 0), as llama-imatrix writes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

struct ImatrixEntry {
    std::string name;            ///< tensor name, e.g. "blk.0.attn_q.weight"
    int ncall = 0;               ///< number of chunks (calls) accumulated
    std::vector<float> values;   ///< .dat: mean squared activation x ncall, one per column;
                                 ///< GGUF: in_sum2, nmat x ncols (row-major, one row per matrix)
    std::vector<int64_t> counts; ///< GGUF only: activation rows per matrix (empty for a .dat entry)
    bool operator==(const ImatrixEntry&) const = default;
};

struct ImatrixFile {
    std::vector<ImatrixEntry> entries;   ///< in file order
    bool hasTrailer = false;             ///< newer files end with chunk count and dataset name
    int lastChunk = 0;                   ///< chunks processed (trailer; 0 without one)
    std::string dataset;                 ///< text file the matrix was computed on (trailer; GGUF: last dataset)
    std::vector<std::string> datasets;   ///< GGUF imatrix.datasets (empty for a .dat file)
    uint32_t chunkSize = 0;              ///< GGUF imatrix.chunk_size, tokens per chunk (0: unknown, .dat)
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

/// Parses GGUF imatrix bytes (`bytes` may be released afterwards). Throws qx::Error: the GGUF reader's
/// errors (Truncated / Invalid with offsets), Invalid when general.type is not "imatrix", a key has the
/// wrong type or a count is not a finite non-negative number, Mismatch for a sum without counts (or the
/// reverse), non-F32 data or sums that do not split into the counts' matrices.
ImatrixFile parseImatrixGguf(std::span<const std::byte> bytes, const std::string& fileName = {});
/// Reads a GGUF imatrix file (Error(Io) when it cannot be opened).
ImatrixFile readImatrixGguf(const std::string& path);
/// Writes `file` as a GGUF imatrix (see the top of this header for .dat entries). Throws Error(Io) on
/// failure, Error(InvalidArgument) for an entry whose values do not split into its counts.
void writeImatrixGguf(const std::string& path, const ImatrixFile& file);

/// Reads either format, told apart by the GGUF magic at the start of the file.
ImatrixFile readImatrix(const std::string& path);
/// Writes GGUF when `path` ends in ".gguf", .dat otherwise.
void writeImatrix(const std::string& path, const ImatrixFile& file);

/// The .dat-style values of an entry (the values themselves for a .dat entry; see the header for GGUF).
std::vector<float> imatrixDatValues(const ImatrixEntry& entry);

/// The importance llama-quantize uses: .dat: values / ncall in float (unchanged when ncall <= 0);
/// GGUF: in_sum2 / count per matrix in float (1 where the count is 0).
std::vector<float> imatrixImportance(const ImatrixEntry& entry);

/// The importance llama-quantize passes when quantizing `tensorName` with rows of `rowLength`: the
/// entry's imatrixImportance() when it exists and has rowLength values; nullopt when absent. Throws
/// Error(Mismatch) for an entry of another size (llama-quantize aborts there too).
std::optional<std::vector<float>> imatrixImportanceFor(const ImatrixFile& file, std::string_view tensorName,
                                                       int64_t rowLength);

} // namespace qx
