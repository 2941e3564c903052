#include "model/w8a8_calibration.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace qx {
namespace {

class DiscardLogits final : public LogitSink {
public:
    void consume(int64_t, int64_t, std::span<const float>) override {}
};

} // namespace

Int8InputSteps calibrateInt8InputSteps(LlamaForward& forward, std::span<const int32_t> tokens, int64_t seqLen,
                                       std::optional<int32_t> bos, const ProgressFn& progress)
{
    return calibrateInt8InputSteps(forward, tokens, seqLen, -1, bos, progress);
}

Int8InputSteps calibrateInt8InputSteps(LlamaForward& forward, std::span<const int32_t> tokens, int64_t seqLen,
                                       int64_t maxSequences, std::optional<int32_t> bos, const ProgressFn& progress)
{
    const int64_t available = seqLen > 0 ? static_cast<int64_t>(tokens.size()) / seqLen : 0;
    const int64_t nSeq = maxSequences < 0 ? available : std::min(maxSequences, available);
    if (nSeq <= 0)
        throw Error(ErrorCode::InvalidArgument, "int8 calibration needs at least one sequence of " +
                                                    std::to_string(seqLen) + " tokens");
    Int8InputSteps maxAbs;
    forward.setActivationHook([&maxAbs](const std::string& name, const float* x, int64_t rows, int64_t cols) {
        if (name.rfind("blk.", 0) != 0)
            return;
        float m = 0.0f;
        for (int64_t i = 0; i < rows * cols; ++i)
            m = std::max(m, std::fabs(x[i]));
        float& slot = maxAbs[name];
        slot = std::max(slot, m);
    });
    // One streamed pass over every sequence (the maxima do not depend on the order).
    std::vector<int32_t> seqs(tokens.begin(), tokens.begin() + nSeq * seqLen);
    if (bos)
        for (int64_t s = 0; s < nSeq; ++s)
            seqs[static_cast<size_t>(s * seqLen)] = *bos;
    DiscardLogits sink;
    try {
        forward.run(seqs, StreamLayout{seqLen, seqLen - 1, 1, 1}, sink, progress);
    } catch (...) {
        forward.setActivationHook({});
        throw;
    }
    forward.setActivationHook({});
    for (auto& [name, m] : maxAbs)
        m /= 127.0f;
    return maxAbs;
}

} // namespace qx
