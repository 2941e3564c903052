#include "eval/kld_base_file.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace qx {

double encodeBaseLogProbs(std::span<const float> logits, int32_t token, std::span<uint16_t> record)
{
    const int64_t n = static_cast<int64_t>(logits.size());
    float maxLogit = logits[0], minLogit = logits[0];
    for (int64_t i = 1; i < n; ++i) {
        maxLogit = std::max(maxLogit, logits[static_cast<size_t>(i)]);
        minLogit = std::min(minLogit, logits[static_cast<size_t>(i)]);
    }
    minLogit = std::max(minLogit, maxLogit - 16);
    double sumExp = 0.0;
    for (float l : logits)
        sumExp += std::exp(l - maxLogit);
    const float logSumExp = static_cast<float>(std::log(sumExp));
    const float minLogProb = minLogit - maxLogit - logSumExp;
    const float scale = (maxLogit - minLogit) / 65535.f;
    std::memcpy(record.data(), &scale, sizeof(float));
    std::memcpy(record.data() + 2, &minLogProb, sizeof(float));
    uint16_t* q = record.data() + 4;
    std::fill(q, record.data() + record.size(), uint16_t{0});
    if (scale != 0.0f) {
        const float invScale = 1 / scale;
        for (int64_t i = 0; i < n; ++i) {
            const float l = logits[static_cast<size_t>(i)];
            // Round to nearest, ties to even (ggml's nearest_int); values lie in [0, 65535].
            q[i] = l > minLogit ? static_cast<uint16_t>(std::nearbyint(invScale * (l - minLogit))) : 0;
        }
    }
    return maxLogit + logSumExp - logits[static_cast<size_t>(token)];
}

KldBaseReader::KldBaseReader(const std::string& path) : m_path(path), m_in(path, std::ios::binary)
{
    if (!m_in)
        throw Error(ErrorCode::Io, path, kNoOffset, "cannot open the base-logits file");
    char magic[8] = {};
    int32_t fields[3] = {};
    m_in.read(magic, 8);
    if (!m_in || std::memcmp(magic, "_logits_", 8) != 0)
        throw Error(ErrorCode::BadMagic, path, 0, "does not look like a file containing log-probabilities");
    m_in.read(reinterpret_cast<char*>(fields), sizeof(fields));
    if (!m_in)
        throw Error(ErrorCode::Truncated, path, 8, "the header ends early");
    m_header.nCtx = static_cast<uint32_t>(fields[0]);
    m_header.nVocab = fields[1];
    m_header.nChunk = fields[2];
    if (m_header.nCtx < 4 || m_header.nCtx > (1 << 24) || m_header.nVocab <= 0 || m_header.nVocab > (1 << 24)
        || m_header.nChunk <= 0 || m_header.nChunk > (1 << 24))
        throw Error(ErrorCode::Invalid, path, 8, "implausible header (n_ctx " + std::to_string(m_header.nCtx)
                                                     + ", n_vocab " + std::to_string(m_header.nVocab)
                                                     + ", n_chunk " + std::to_string(m_header.nChunk) + ")");
    m_in.seekg(0, std::ios::end);
    const uint64_t fileSize = static_cast<uint64_t>(m_in.tellg());
    const uint64_t tokenBytes = static_cast<uint64_t>(m_header.nCtx * m_header.nChunk) * 4;
    const uint64_t chunkBytes = static_cast<uint64_t>(kldScoredPerChunk(m_header.nCtx) * kldRecordWidth(m_header.nVocab)) * 2;
    if (fileSize < 20 + tokenBytes + chunkBytes * static_cast<uint64_t>(m_header.nChunk))
        throw Error(ErrorCode::Truncated, path, fileSize, "the file is shorter than its header promises");
    m_in.seekg(20);
    m_header.tokens.resize(static_cast<size_t>(m_header.nCtx * m_header.nChunk));
    m_in.read(reinterpret_cast<char*>(m_header.tokens.data()), static_cast<std::streamsize>(tokenBytes));
    if (!m_in)
        throw Error(ErrorCode::Truncated, path, 20, "failed reading the evaluation tokens");
}

void KldBaseReader::readChunk(std::vector<uint16_t>& records)
{
    const uint64_t offset = static_cast<uint64_t>(m_in.tellg());
    records.resize(static_cast<size_t>(kldScoredPerChunk(m_header.nCtx) * kldRecordWidth(m_header.nVocab)));
    m_in.read(reinterpret_cast<char*>(records.data()), static_cast<std::streamsize>(records.size() * 2));
    if (!m_in)
        throw Error(ErrorCode::Truncated, m_path, offset,
                    "failed reading log-probs for chunk " + std::to_string(m_chunksRead));
    ++m_chunksRead;
}

KldBaseWriter::KldBaseWriter(const std::string& path, const KldBaseHeader& header)
    : m_path(path), m_out(path)
{
    if (header.tokens.size() != static_cast<size_t>(header.nCtx * header.nChunk))
        throw Error(ErrorCode::InvalidArgument, path, kNoOffset, "token count does not match n_ctx × n_chunk");
    const int32_t fields[3] = {static_cast<int32_t>(header.nCtx), static_cast<int32_t>(header.nVocab),
                               static_cast<int32_t>(header.nChunk)};
    m_out.write(std::string_view("_logits_", 8));
    m_out.write(std::as_bytes(std::span(fields)));
    m_out.write(std::as_bytes(std::span(header.tokens)));
    m_recordValues = kldScoredPerChunk(header.nCtx) * kldRecordWidth(header.nVocab);
}

void KldBaseWriter::writeChunk(std::span<const uint16_t> records)
{
    if (static_cast<int64_t>(records.size()) != m_recordValues)
        throw Error(ErrorCode::InvalidArgument, m_path, kNoOffset, "chunk record size mismatch");
    m_out.write(std::as_bytes(records));
}

KldBaseWriter::~KldBaseWriter() = default;

void KldBaseWriter::close()
{
    m_out.commit();
}

} // namespace qx
