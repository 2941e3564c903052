#pragma once
// Producing one exported tensor's bytes (internal to core/export): a tensor planned in its stored type is
// copied (straight from the source mapping when its rows stay in order), any other is decoded to F32 and
// written by quantizeRows, with the imatrix entry as importance when there is one. Progress counts
// elements; each source tensor's pages are released (madvise) once it is done.

#include "common/progress.h"
#include "export/export_writer.h"
#include "io/model_file.h"
#include "quant/imatrix_file.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace qx {

/// A fast 64-bit checksum of tensor data (FNV-style over 8-byte words, then the tail bytes).
uint64_t exportChecksum(std::span<const std::byte> bytes);

/// The bytes `src` takes when written as `type`: its stored bytes when kept (a foreign type's included).
uint64_t exportedBytes(const TensorInfo& src, TensorType type);

/// The importance vector llama-quantize would use for `src` (nullopt: none), given the filtered imatrix.
/// llama-quantize ignores a token_embd entry of the wrong size and fails on any other (Error(Mismatch)).
std::optional<std::vector<float>> exportImportance(const ImatrixFile* imatrix, const TensorInfo& src);

class TensorFiller {
public:
    TensorFiller(const ImatrixFile* imatrix, const ProgressFn& progress, uint64_t totalElements)
        : m_imatrix(imatrix), m_progress(progress), m_total(totalElements > 0 ? totalElements : 1) {}

    /// Produces `src` as `type` into `writer` (see top of file) followed by `pad` zero bytes.
    void write(const ModelFile& model, const TensorInfo& src, TensorType type, size_t bytes, size_t pad,
               ExportWriter& writer);

    std::vector<uint64_t> checksums;   ///< per tensor written, for the verification after writing

private:
    void fill(const ModelFile& model, const TensorInfo& src, TensorType type, std::span<std::byte> dst);
    void advance(uint64_t elements);
    void copyRows(const TensorInfo& src, const std::vector<int64_t>& rowMap, std::span<std::byte> dst);
    void convertRows(const TensorInfo& src, TensorType type, const std::vector<int64_t>& rowMap, std::span<std::byte> dst);

    const ImatrixFile* m_imatrix;
    const ProgressFn& m_progress;
    uint64_t m_total, m_done = 0;
};

} // namespace qx
