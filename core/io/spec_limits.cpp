#include "io/spec_limits.h"

#include "common/error.h"

namespace qx {
namespace {

void checkCount(int64_t value, int64_t limit, const std::string& field, const std::string& file, const char* why)
{
    if (value > limit)
        throw Error(ErrorCode::Invalid, file, kNoOffset,
                    field + " " + std::to_string(value) + " exceeds the limit of " + std::to_string(limit) + why);
}

} // namespace

void checkSpecLimits(const ModelSpec& s, const std::string& file, const SpecFieldNames& n)
{
    checkCount(s.blockCount, kMaxLayers, n.layers, file, " layers (llama.cpp's LLAMA_MAX_LAYERS)");
    const char* const ggml = " (ggml's 32-bit hyper-parameters)";
    checkCount(s.embeddingLength, kMaxHyperParameter, n.embedding, file, ggml);
    checkCount(s.feedForwardLength, kMaxHyperParameter, n.feedForward, file, ggml);
    checkCount(s.headCount, kMaxHyperParameter, n.heads, file, ggml);
    checkCount(s.headCountKv, kMaxHyperParameter, n.headsKv, file, ggml);
    checkCount(s.vocabSize, kMaxHyperParameter, n.vocab, file, ggml);
    checkCount(s.contextLength, kMaxHyperParameter, n.context, file, ggml);
}

} // namespace qx
