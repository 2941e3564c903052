#pragma once
// llama.cpp's base-logits file (`llama-perplexity --kl-divergence-base FILE`), read and written in chunks
// so that large vocabularies never sit in memory whole. Little-endian throughout:
//
//   char[8]  "_logits_"
//   uint32   n_ctx
//   int32    n_vocab
//   int32    n_chunk
//   int32    tokens[n_chunk · n_ctx]      the evaluated tokens as tokenized (BOS not substituted)
//   then per chunk, for each of the n_ctx − 1 − n_ctx/2 scored positions, one record of
//   nv = 2·((n_vocab + 1)/2) + 4 uint16 values:
//     float  scale                        (max_logit − min_logit) / 65535
//     float  min_log_prob                 min_logit − max_logit − log Σ exp(logit − max_logit)
//     uint16 q[n_vocab] (+1 pad if odd)   log p(i) ≈ scale · q[i] + min_log_prob, where
//                                         min_logit = max(lowest logit, max_logit − 16)

#include "common/atomic_file.h"

#include <cstdint>
#include <fstream>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// uint16 values in one per-position record for a vocabulary of n.
inline int64_t kldRecordWidth(int64_t nVocab) { return 2 * ((nVocab + 1) / 2) + 4; }

/// Scored positions per chunk: n_ctx − 1 − n_ctx/2.
inline int64_t kldScoredPerChunk(int64_t nCtx) { return nCtx - 1 - nCtx / 2; }

struct KldBaseHeader {
    int64_t nCtx = 0;
    int64_t nVocab = 0;
    int64_t nChunk = 0;
    std::vector<int32_t> tokens; ///< nChunk · nCtx ids
};

/// Fills one record (kldRecordWidth(n) values) from the logits of one position; returns the token's
/// negative log-likelihood computed as llama.cpp does while saving (float arithmetic).
double encodeBaseLogProbs(std::span<const float> logits, int32_t token, std::span<uint16_t> record);

class KldBaseReader {
public:
    /// Opens and reads the header; throws qx::Error (Io, BadMagic, Truncated, Invalid) naming the file.
    explicit KldBaseReader(const std::string& path);
    const KldBaseHeader& header() const { return m_header; }
    /// Reads the next chunk's records (kldScoredPerChunk(nCtx) × kldRecordWidth(nVocab) values).
    /// Throws Error(Truncated) when the file ends early.
    void readChunk(std::vector<uint16_t>& records);
    int64_t chunksRead() const { return m_chunksRead; }

private:
    std::string m_path;
    std::ifstream m_in;
    KldBaseHeader m_header;
    int64_t m_chunksRead = 0;
};

/// Writes through an AtomicFile (common/atomic_file.h): renamed to `path` on close(); destroyed without close()
/// (an error or a cancellation), it deletes its temporary file, so an unfinished base file never appears.
class KldBaseWriter {
public:
    /// Creates the temporary file beside `path` and writes the header. Throws Error(Io).
    KldBaseWriter(const std::string& path, const KldBaseHeader& header);
    ~KldBaseWriter();
    KldBaseWriter(const KldBaseWriter&) = delete;
    KldBaseWriter& operator=(const KldBaseWriter&) = delete;
    /// Appends one chunk's records. Throws Error(Io) or Error(InvalidArgument) on a wrong size.
    void writeChunk(std::span<const uint16_t> records);
    /// Flushes, closes and renames to the final path; throws Error(Io) when the data did not reach the disk.
    void close();

private:
    std::string m_path;
    AtomicFile m_out;
    int64_t m_recordValues = 0;
};

} // namespace qx
