#include "model/block_inputs.h"

#include "common/error.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace qx {

ActivationStore copyActivations(ActivationStore& from, const std::string& spillDir)
{
    ActivationStore to(from.rowCount(), from.cols(), spillDir);
    constexpr int64_t kRowsPerStep = 256;
    for (int64_t r = 0; r < from.rowCount(); r += kRowsPerStep) {
        const int64_t n = std::min(kRowsPerStep, from.rowCount() - r);
        std::memcpy(to.row(r), from.row(r), sizeof(float) * size_t(n * from.cols()));
        from.release(r, n);
        to.release(r, n);
    }
    return to;
}

BlockInputs::BlockInputs(LlamaForward& forward, std::span<const int32_t> tokens, const StreamLayout& layout,
                         bool spill, const ProgressFn& progress)
{
    const std::string dir = !spill ? std::string()
                            : forward.options().scratchDir.empty() ? std::filesystem::temp_directory_path().string()
                                                                    : forward.options().scratchDir;
    const int64_t nLayer = forward.config().nLayer;
    ActivationStore x = forward.embed(tokens, layout, spill, progress);
    m_inputs.reserve(size_t(nLayer + 1));
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        m_inputs.push_back(copyActivations(x, dir));
        forward.runBlocks(x, layout, layer, layer + 1, [&](double f) {
            return !progress || progress((double(layer) + f) / double(nLayer));
        });
    }
    m_inputs.push_back(std::move(x));
}

ActivationStore BlockInputs::copy(int64_t layer, const std::string& spillDir)
{
    if (layer < 0 || layer > layerCount())
        throw Error(ErrorCode::InvalidArgument, "no stored input for block " + std::to_string(layer));
    return copyActivations(m_inputs[size_t(layer)], spillDir);
}

uint64_t BlockInputs::bytes() const
{
    uint64_t total = 0;
    for (const ActivationStore& s : m_inputs)
        total += s.bytes();
    return total;
}

uint64_t BlockInputs::bytesFor(const LlamaConfig& config, int64_t tokenCount)
{
    return uint64_t(config.nLayer + 1) * uint64_t(tokenCount) * uint64_t(config.nEmbd) * sizeof(float);
}

} // namespace qx
