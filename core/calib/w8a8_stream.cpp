#include "calib/w8a8_stream.h"

#include "calib/block_calib.h"
#include "common/error.h"
#include "model/mapped_weights.h"

#include <algorithm>

namespace qx {
namespace {

/// Codes and row steps of a rows × cols layer.
uint64_t int8RowBytes(const WeightView& shape)
{
    return uint64_t(shape.rows) * uint64_t(shape.cols) + uint64_t(shape.rows) * sizeof(float);
}

W8A8StreamMemory memoryFor(const MappedWeights& file, int64_t tokenCount, const W8A8StreamOptions& o)
{
    W8A8StreamMemory m;
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer) {
        uint64_t block = 0;
        for (const std::string& name : blockLinearLayers(file, layer)) {
            m.result += int8RowBytes(file.shape(name));
            block += floatBytes(file.shape(name));
        }
        m.working = std::max(m.working, 2 * block);
    }
    m.engine = calibForwardMemory(file, tokenCount, o.nCtx, o.engine).blocksPhase();
    return m;
}

/// The stored values of `name`, as int8 rows with `keep` columns float.
PackedTensor packFromFile(const MappedWeights& file, const std::string& name, std::span<const uint8_t> keep = {})
{
    const WorkingTensor w = file.load(name);
    PackedTensor p = packInt8Rows({w.view.data, size_t(w.view.rows * w.view.cols)}, w.view.cols, keep);
    file.release(name);
    return p;
}

/// SmoothQuant on block `layer`: the norm groups folded from float copies, every linear layer packed.
void smoothBlock(const MappedWeights& file, int64_t layer, const CalibData& calib, double alpha, W8A8StreamResult& out)
{
    const std::vector<ScaleGroup> groups = normBlockGroups(layer);
    Substitutions folded = smoothQuantFoldGroups(floatCopies(file, groupTensorNames(groups)), groups, calib, alpha);
    for (const std::string& name : blockLinearLayers(file, layer)) {
        const auto it = folded.find(name);
        out.weights.emplace(name, it == folded.end() ? packFromFile(file, name)
                                                     : packInt8Rows(it->second, file.shape(name).cols));
    }
    for (const ScaleGroup& g : groups)
        out.norms.emplace(g.norm, std::move(folded.at(g.norm)));
}

/// LLM.int8 on block `layer`: each layer's outlier columns from its captured max |x|, kept float.
void outlierBlock(const MappedWeights& file, int64_t layer, const CalibData& calib, float threshold,
                  W8A8StreamResult& out, ColumnMasks& keep)
{
    for (const std::string& name : blockLinearLayers(file, layer)) {
        const auto c = calib.find(name);
        if (c == calib.end())
            throw Error(ErrorCode::Invalid, "layer without captured input: " + name);
        std::vector<uint8_t> mask = outlierMask(c->second, threshold);
        out.notes.push_back(outlierNote(name, mask, threshold));
        out.weights.emplace(name, packFromFile(file, name, mask));
        keep.emplace(name, std::move(mask));
    }
}

} // namespace

W8A8StreamMemory w8a8StreamMemory(const ModelFile& model, int64_t tokenCount, const W8A8StreamOptions& options)
{
    const MappedWeights file(std::shared_ptr<const ModelFile>(&model, [](const ModelFile*) {}), options.engine.threads);
    return memoryFor(file, tokenCount, options);
}

W8A8StreamResult w8a8Streamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                              const W8A8StreamOptions& options, const ProgressFn& progress)
{
    checkW8A8Settings(options.smoothQuant, options.alpha, options.threshold);
    const auto file = std::make_shared<const MappedWeights>(std::move(model), options.engine.threads);
    const std::vector<int32_t> chunked = calibChunks(tokens, options.nCtx, options.chunks, options.bosToken);
    const StreamLayout layout = calibLayout(options.nCtx);
    const W8A8StreamMemory need = memoryFor(*file, int64_t(chunked.size()), options);
    const std::string method = options.smoothQuant ? "SmoothQuant" : "LLM.int8";
    requireWithinBudget(method,
                        {{"the int8 result", need.result}, {"one block's float copies", need.working},
                         {"the forward pass", need.engine}},
                        options.engine.memoryBudgetBytes);
    LlamaForward floats(file, options.engine);
    const bool spill = floats.estimateMemory(int64_t(chunked.size()), layout).spilled();
    ActivationStore x = floats.embed(chunked, layout, spill, progress);
    W8A8StreamResult out;
    auto keep = std::make_shared<ColumnMasks>();
    const int64_t nLayer = file->config().nLayer;
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        const ProgressFn capture = [&](double f) {
            return !progress || progress((double(layer) + 0.8 * f) / double(nLayer));
        };
        const CalibData calib = captureBlock(floats, x, layout, layer, capture, false);
        if (options.smoothQuant)
            smoothBlock(*file, layer, calib, options.alpha, out);
        else
            outlierBlock(*file, layer, calib, options.threshold, out, *keep);
        if (progress && !progress(double(layer + 1) / double(nLayer)))
            throw Error(ErrorCode::Cancelled, method + " cancelled");
    }
    if (!options.smoothQuant)
        out.keep = std::move(keep);
    return out;
}

PackedTensors int8RowsStreamed(std::shared_ptr<const ModelFile> model, int threads, uint64_t memoryBudget,
                               const ProgressFn& progress)
{
    const MappedWeights file(std::move(model), threads);
    std::vector<std::string> names;
    uint64_t result = 0, largest = 0;
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer)
        for (const std::string& name : blockLinearLayers(file, layer)) {
            result += int8RowBytes(file.shape(name));
            largest = std::max(largest, floatBytes(file.shape(name)));
            names.push_back(name);
        }
    requireWithinBudget("W8A8", {{"the int8 result", result}, {"the largest layer in F32", largest}}, memoryBudget);
    PackedTensors out;
    for (size_t i = 0; i < names.size(); ++i) {
        out.emplace(names[i], packFromFile(file, names[i]));
        if (progress && !progress(double(i + 1) / double(names.size())))
            throw Error(ErrorCode::Cancelled, "W8A8 cancelled");
    }
    return out;
}

} // namespace qx
