#include "calib/gptq_stream.h"

#include "calib/calib_capture.h"
#include "common/error.h"
#include "model/activation_store.h"
#include "model/block_inputs.h"
#include "model/mapped_weights.h"
#include "plan/planned_weights.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace qx {
namespace {

/// Chunks through the blocks as captureCalibration evaluates them: 2048 tokens per pass.
StreamLayout calibLayout(int64_t nCtx)
{
    return {nCtx, nCtx - 1, std::max<int64_t>(1, 2048 / nCtx), 1};
}

std::vector<int32_t> calibChunks(std::span<const int32_t> tokens, const GptqStreamOptions& o)
{
    if (o.nCtx < 2 || int64_t(tokens.size()) < o.nCtx)
        throw Error(ErrorCode::InvalidArgument, "calibration text too short: " + std::to_string(tokens.size())
                                                    + " tokens, need at least one chunk of " + std::to_string(o.nCtx));
    const int64_t available = int64_t(tokens.size()) / o.nCtx;
    const int64_t nChunk = o.chunks < 0 ? available : std::min(o.chunks, available);
    if (nChunk < 1)
        throw Error(ErrorCode::InvalidArgument, "calibration: no chunks requested");
    std::vector<int32_t> out(tokens.begin(), tokens.begin() + nChunk * o.nCtx);
    if (o.bosToken)
        for (int64_t k = 0; k < nChunk; ++k)
            out[size_t(k * o.nCtx)] = *o.bosToken;
    return out;
}

/// The linear layers of block `layer` (present matrices, norms excluded), in the block's order.
std::vector<std::string> linearNames(const WeightSource& source, int64_t layer)
{
    std::vector<std::string> out;
    for (const LlamaTensorSpec& t : llamaBlockTensors(source.config(), layer))
        if (source.shape(t.name).rows > 1 && t.name.find("norm") == std::string::npos)
            out.push_back(t.name);
    return out;
}

uint64_t squareDoubles(int64_t n) { return uint64_t(n) * uint64_t(n) * sizeof(double); }

GptqStreamMemory memoryFor(const MappedWeights& file, int64_t tokenCount, const GptqStreamOptions& o)
{
    GptqStreamMemory m;
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer) {
        uint64_t hessians = 0;
        for (const std::string& name : linearNames(file, layer)) {
            const WeightView s = file.shape(name);
            hessians += 2 * squareDoubles(s.cols);
            m.working = std::max(m.working, 4 * squareDoubles(s.cols) + 24 * uint64_t(s.rows) * uint64_t(s.cols));
        }
        m.hessians = std::max(m.hessians, hessians);
    }
    const LlamaForward probe(std::shared_ptr<const WeightSource>(&file, [](const WeightSource*) {}), o.engine);
    const StreamMemory run = probe.estimateMemory(tokenCount, calibLayout(o.nCtx));
    m.engine = run.blocksPhase() + (o.sequential ? run.activations : 0); // + the copy the capture runs on
    return m;
}

/// Runs block `layer` over `x` in place with a capture hook; the statistics of its linear layers.
CalibData captureBlock(LlamaForward& fwd, ActivationStore& x, const StreamLayout& layout, int64_t layer,
                       const ProgressFn& progress)
{
    CalibCapture capture(true);
    fwd.setActivationHook(capture.hook());
    try {
        fwd.runBlocks(x, layout, layer, layer + 1, progress);
    } catch (...) {
        fwd.setActivationHook({});
        throw;
    }
    fwd.setActivationHook({});
    return capture.finish();
}

void quantizeBlock(const MappedWeights& file, const CalibData& calib, int64_t layer, const GptqOptions& options,
                   TensorSubstitutions& out, std::vector<std::string>* notes, const ProgressFn& progress)
{
    const std::vector<std::string> names = linearNames(file, layer);
    for (size_t i = 0; i < names.size(); ++i) {
        const WeightView s = file.shape(names[i]);
        if (!gridFitsOrNote(options.grid, names[i], s.cols, notes))
            continue;
        const auto c = calib.find(names[i]);
        if (c == calib.end())
            throw Error(ErrorCode::Invalid, "no calibration data for " + names[i] + " (layer without captured input)");
        GptqOptions o = options;
        o.progress = [&](double f) { return !progress || progress((double(i) + f) / double(names.size())); };
        const WorkingTensor w = file.load(names[i]);
        GptqResult r = gptqQuantize({w.view.data, size_t(s.rows * s.cols)}, s.rows, s.cols, c->second.hessian, o);
        file.release(names[i]);
        if (notes) {
            char line[256];
            std::snprintf(line, sizeof line, "%s: loss RTN %.5g -> GPTQ %.5g (damp %.3g%%) %s", names[i].c_str(),
                          r.lossRtn, r.lossGptq, r.dampUsed, r.note.c_str());
            notes->push_back(line);
        }
        out[names[i]] = std::move(r.weights);
    }
}

} // namespace

GptqStreamMemory gptqStreamMemory(const ModelFile& model, int64_t tokenCount, const GptqStreamOptions& options)
{
    const MappedWeights file(std::shared_ptr<const ModelFile>(&model, [](const ModelFile*) {}), options.engine.threads);
    return memoryFor(file, tokenCount, options);
}

Substitutions gptqStreamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                           const GptqStreamOptions& options, std::vector<std::string>* notes, const ProgressFn& progress)
{
    const auto file = std::make_shared<const MappedWeights>(std::move(model), options.engine.threads);
    const std::vector<int32_t> chunked = calibChunks(tokens, options);
    const StreamLayout layout = calibLayout(options.nCtx);
    const GptqStreamMemory need = memoryFor(*file, int64_t(chunked.size()), options);
    const uint64_t budget = options.engine.memoryBudgetBytes ? options.engine.memoryBudgetBytes : defaultMemoryBudget();
    if (need.peak() > budget)
        throw Error(ErrorCode::OverBudget,
                    "GPTQ needs about " + formatMemory(need.peak()) + " (one block's Hessians " + formatMemory(need.hessians)
                        + ", the largest layer's GPTQ working set " + formatMemory(need.working) + ", the forward pass "
                        + formatMemory(need.engine) + "), more than its budget of " + formatMemory(budget)
                        + ". Use fewer calibration chunks, or raise the memory budget (--mem-budget).");
    LlamaForward floats(file, options.engine);
    const bool spill = floats.estimateMemory(int64_t(chunked.size()), layout).spilled();
    const std::string dir = spill ? (options.engine.scratchDir.empty() ? std::filesystem::temp_directory_path().string()
                                                                      : options.engine.scratchDir)
                                  : std::string();
    ActivationStore x = floats.embed(chunked, layout, spill);
    Substitutions out;
    const int64_t nLayer = file->config().nLayer;
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        const auto part = [&](double from, double to) {
            return [&, from, to](double f) {
                return !progress || progress((double(layer) + from + (to - from) * f) / double(nLayer));
            };
        };
        auto block = std::make_shared<TensorSubstitutions>();
        if (options.sequential) {
            ActivationStore copy = copyActivations(x, dir);
            const CalibData calib = captureBlock(floats, copy, layout, layer, part(0.0, 0.2));
            quantizeBlock(*file, calib, layer, options.gptq, *block, notes, part(0.2, 0.9));
        } else {
            const CalibData calib = captureBlock(floats, x, layout, layer, part(0.0, 0.2));
            quantizeBlock(*file, calib, layer, options.gptq, *block, notes, part(0.2, 1.0));
        }
        if (options.sequential) {
            LlamaForward quantized(std::make_shared<PlannedWeights>(file, Plan{}, nullptr, block), options.engine);
            quantized.runBlocks(x, layout, layer, layer + 1, part(0.9, 1.0));
        }
        out.merge(*block);
        if (progress && !progress(double(layer + 1) / double(nLayer)))
            throw Error(ErrorCode::Cancelled, "GPTQ cancelled");
    }
    return out;
}

} // namespace qx
