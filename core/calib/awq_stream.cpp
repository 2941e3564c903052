#include "calib/awq_stream.h"

#include "calib/block_calib.h"
#include "common/error.h"
#include "model/mapped_weights.h"

#include <algorithm>

namespace qx {
namespace {

AwqStreamMemory memoryFor(const MappedWeights& file, int64_t tokenCount, const AwqStreamOptions& o)
{
    AwqStreamMemory m;
    m.hessians = blockHessianBytes(file);
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer) {
        uint64_t block = 0, largest = 0;
        for (const std::string& name : groupTensorNames(awqBlockGroups(file.config(), layer))) {
            block += floatBytes(file.shape(name));
            largest = std::max(largest, floatBytes(file.shape(name)));
        }
        m.working = std::max(m.working, 2 * block + 4 * largest); // copies, folded copies, one layer's trials
        for (const std::string& name : blockLinearLayers(file, layer))
            m.result += 2 * floatBytes(file.shape(name));
    }
    m.engine = calibForwardMemory(file, tokenCount, o.nCtx, o.engine).blocksPhase();
    return m;
}

} // namespace

AwqStreamMemory awqStreamMemory(const ModelFile& model, int64_t tokenCount, const AwqStreamOptions& options)
{
    const MappedWeights file(std::shared_ptr<const ModelFile>(&model, [](const ModelFile*) {}), options.engine.threads);
    return memoryFor(file, tokenCount, options);
}

AwqResult awqStreamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                      const AwqStreamOptions& options, const ProgressFn& progress)
{
    const auto file = std::make_shared<const MappedWeights>(std::move(model), options.engine.threads);
    const std::vector<int32_t> chunked = calibChunks(tokens, options.nCtx, options.chunks, options.bosToken);
    const StreamLayout layout = calibLayout(options.nCtx);
    const AwqStreamMemory need = memoryFor(*file, int64_t(chunked.size()), options);
    requireWithinBudget("AWQ",
                        {{"one block's Hessians", need.hessians}, {"one block's working copies", need.working},
                         {"the result", need.result}, {"the forward pass", need.engine}},
                        options.engine.memoryBudgetBytes);
    LlamaForward floats(file, options.engine);
    const bool spill = floats.estimateMemory(int64_t(chunked.size()), layout).spilled();
    ActivationStore x = floats.embed(chunked, layout, spill, progress);
    AwqResult out;
    const int64_t nLayer = file->config().nLayer;
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        const auto part = [&](double from, double to) -> ProgressFn {
            return [&, from, to](double f) {
                return !progress || progress((double(layer) + from + (to - from) * f) / double(nLayer));
            };
        };
        const CalibData calib = captureBlock(floats, x, layout, layer, part(0.0, 0.2));
        const std::vector<ScaleGroup> groups = awqBlockGroups(file->config(), layer);
        FloatTensors block = floatCopies(*file, groupTensorNames(groups));
        AwqResult r = awqQuantizeGroups(block, groups, calib, options.grid, options.gridPoints, part(0.2, 1.0),
                                        options.clip);
        out.tensors.merge(r.tensors);
        out.folded.merge(r.folded);
        out.groups.insert(out.groups.end(), r.groups.begin(), r.groups.end());
        if (progress && !progress(double(layer + 1) / double(nLayer)))
            throw Error(ErrorCode::Cancelled, "AWQ cancelled");
    }
    return out;
}

} // namespace qx
