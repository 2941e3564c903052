#include "calib/block_calib.h"

#include "common/error.h"
#include "model/stream_memory.h"

#include <algorithm>

namespace qx {

StreamLayout calibLayout(int64_t nCtx)
{
    return {nCtx, nCtx - 1, std::max<int64_t>(1, 2048 / nCtx), 1};
}

std::vector<int32_t> calibChunks(std::span<const int32_t> tokens, int64_t nCtx, int64_t chunks,
                                 std::optional<int32_t> bos)
{
    if (nCtx < 2 || int64_t(tokens.size()) < nCtx)
        throw Error(ErrorCode::InvalidArgument, "calibration text too short: " + std::to_string(tokens.size())
                                                    + " tokens, need at least one chunk of " + std::to_string(nCtx));
    const int64_t available = int64_t(tokens.size()) / nCtx;
    const int64_t nChunk = chunks < 0 ? available : std::min(chunks, available);
    if (nChunk < 1)
        throw Error(ErrorCode::InvalidArgument, "calibration: no chunks requested");
    std::vector<int32_t> out(tokens.begin(), tokens.begin() + nChunk * nCtx);
    if (bos)
        for (int64_t k = 0; k < nChunk; ++k)
            out[size_t(k * nCtx)] = *bos;
    return out;
}

std::vector<std::string> blockLinearLayers(const WeightSource& source, int64_t layer)
{
    std::vector<std::string> out;
    for (const LlamaTensorSpec& t : llamaBlockTensors(source.config(), layer))
        if (source.shape(t.name).rows > 1 && t.name.find("norm") == std::string::npos)
            out.push_back(t.name);
    return out;
}

CalibData captureBlock(LlamaForward& forward, ActivationStore& x, const StreamLayout& layout, int64_t layer,
                       const ProgressFn& progress, bool hessians)
{
    CalibCapture capture(hessians);
    forward.setActivationHook(capture.hook());
    try {
        forward.runBlocks(x, layout, layer, layer + 1, progress);
    } catch (...) {
        forward.setActivationHook({});
        throw;
    }
    forward.setActivationHook({});
    return std::move(capture).finish();
}

FloatTensors floatCopies(const WeightSource& source, const std::vector<std::string>& names)
{
    FloatTensors out;
    for (const std::string& name : names) {
        const WorkingTensor w = source.load(name);
        const WeightView v = w.view;
        out[name] = {std::vector<float>(v.data, v.data + v.rows * v.cols), v.rows, v.cols};
        source.release(name);
    }
    return out;
}

StreamMemory calibForwardMemory(const WeightSource& source, int64_t tokenCount, int64_t nCtx,
                                const ForwardOptions& engine)
{
    const LlamaForward probe(std::shared_ptr<const WeightSource>(&source, [](const WeightSource*) {}), engine);
    return probe.estimateMemory(tokenCount, calibLayout(nCtx));
}

uint64_t blockHessianBytes(const WeightSource& source)
{
    uint64_t most = 0;
    for (int64_t layer = 0; layer < source.config().nLayer; ++layer) {
        uint64_t bytes = 0;
        for (const std::string& name : blockLinearLayers(source, layer))
            bytes += squareDoubles(source.shape(name).cols);
        most = std::max(most, bytes);
    }
    return most;
}

void requireWithinBudget(const std::string& method, const std::vector<MemoryPart>& parts, uint64_t budget)
{
    if (budget == 0)
        budget = defaultMemoryBudget();
    uint64_t total = 0;
    std::string list;
    for (const MemoryPart& p : parts) {
        total += p.bytes;
        list += (list.empty() ? "" : ", ") + p.what + " " + formatMemory(p.bytes);
    }
    if (total > budget)
        throw Error(ErrorCode::OverBudget, method + " needs about " + formatMemory(total) + " (" + list
                                               + "), more than its budget of " + formatMemory(budget)
                                               + ". Use fewer calibration chunks, or raise the memory budget (--mem-budget).");
}

} // namespace qx
