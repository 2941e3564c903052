#include "calib/gptq_stream.h"

#include "calib/block_calib.h"
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

GptqStreamMemory memoryFor(const MappedWeights& file, int64_t tokenCount, const GptqStreamOptions& o)
{
    GptqStreamMemory m;
    m.hessians = blockHessianBytes(file);
    const bool packed = o.pack && o.gptq.grid.ggml;
    uint64_t largestBlock = 0; // packing keeps the block being quantized in F32 until it is done
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer) {
        uint64_t block = 0;
        for (const std::string& name : blockLinearLayers(file, layer)) {
            const WeightView s = file.shape(name);
            if (!gridFits(o.gptq.grid, s.cols))
                continue;   // stays as stored
            const uint64_t values = uint64_t(s.rows) * uint64_t(s.cols);
            m.working = std::max(m.working, 4 * squareDoubles(s.cols) + 24 * values);
            block += values * sizeof(float);
            m.result += packed ? tensorBytes(o.gptq.grid.type, values).value_or(values * sizeof(float))
                               : values * sizeof(float);
        }
        largestBlock = std::max(largestBlock, block);
    }
    if (packed)
        m.result += largestBlock;
    const StreamMemory run = calibForwardMemory(file, tokenCount, o.nCtx, o.engine);
    m.engine = run.blocksPhase() + (o.sequential ? run.activations : 0); // + the copy the capture runs on
    return m;
}

// GPTQ on the linear layers of one block: their values into `out`, and into `packed` those whose result came
// as blocks of the grid's type (GptqResult::packed).
void quantizeBlock(const MappedWeights& file, const CalibData& calib, int64_t layer, const GptqOptions& options,
                   TensorSubstitutions& out, PackedTensors& packed, std::vector<std::string>* notes,
                   const ProgressFn& progress)
{
    const std::vector<std::string> names = blockLinearLayers(file, layer);
    GptqFactor factor;                              // shared by consecutive layers of one input (q/k/v, gate/up)
    const std::vector<double>* factorOf = nullptr;
    for (size_t i = 0; i < names.size(); ++i) {
        const WeightView s = file.shape(names[i]);
        if (!gridFitsOrNote(options.grid, names[i], s.cols, notes))
            continue;
        const auto c = calib.find(names[i]);
        if (c == calib.end())
            throw Error(ErrorCode::Invalid, "no calibration data for " + names[i] + " (layer without captured input)");
        GptqOptions o = options;
        o.progress = [&](double f) { return !progress || progress((double(i) + f) / double(names.size())); };
        const std::vector<double>& hessian = c->second.hessian;
        if (!factorOf || *factorOf != hessian) {
            factor = {};                            // its memory back before the next one is made
            factor = gptqFactor(hessian, s.cols, o);
            factorOf = &hessian;
        }
        const WorkingTensor w = file.load(names[i]);
        GptqResult r = gptqQuantize({w.view.data, size_t(s.rows * s.cols)}, s.rows, s.cols, hessian, factor, o);
        file.release(names[i]);
        if (notes) {
            char line[256];
            std::snprintf(line, sizeof line, "%s: loss RTN %.5g -> GPTQ %.5g (damp %.3g%%) %s", names[i].c_str(),
                          r.lossRtn, r.lossGptq, r.dampUsed, r.note.c_str());
            notes->push_back(line);
        }
        out[names[i]] = std::move(r.weights);
        if (r.packed)
            packed[names[i]] = std::move(*r.packed);
    }
}

/// Moves one block's quantized layers into the result: packed when asked and exact (as GPTQ wrote them, or
/// re-quantized), else as F32.
void keep(const MappedWeights& file, const GptqStreamOptions& options, TensorSubstitutions block,
          PackedTensors blockPacked, GptqStreamResult& out, std::vector<std::string>* notes)
{
    for (auto& [name, values] : block) {
        if (options.pack && options.gptq.grid.ggml) {
            if (const auto it = blockPacked.find(name); it != blockPacked.end()) {
                out.packed.emplace(name, std::move(it->second));
                continue;
            }
            if (auto p = packExactly(options.gptq.grid.type, values, file.shape(name).cols)) {
                out.packed.emplace(name, std::move(*p));
                continue;
            }
            if (notes)
                notes->push_back(name + ": its values are not exactly on the " + options.gptq.grid.name() +
                                 " blocks; kept as F32");
        }
        out.values.emplace(name, std::move(values));
    }
}

} // namespace

GptqStreamMemory gptqStreamMemory(const ModelFile& model, int64_t tokenCount, const GptqStreamOptions& options)
{
    const MappedWeights file(std::shared_ptr<const ModelFile>(&model, [](const ModelFile*) {}), options.engine.threads);
    return memoryFor(file, tokenCount, options);
}

GptqStreamResult gptqStreamed(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                              const GptqStreamOptions& options, std::vector<std::string>* notes,
                              const ProgressFn& progress)
{
    const auto file = std::make_shared<const MappedWeights>(std::move(model), options.engine.threads);
    const std::vector<int32_t> chunked = calibChunks(tokens, options.nCtx, options.chunks, options.bosToken);
    const StreamLayout layout = calibLayout(options.nCtx);
    const GptqStreamMemory need = memoryFor(*file, int64_t(chunked.size()), options);
    requireWithinBudget("GPTQ",
                        {{"one block's Hessians", need.hessians}, {"the largest layer's GPTQ working set", need.working},
                         {"the result", need.result}, {"the forward pass", need.engine}},
                        options.engine.memoryBudgetBytes);
    LlamaForward floats(file, options.engine);
    const bool spill = floats.estimateMemory(int64_t(chunked.size()), layout).spilled();
    const std::string dir = spill ? (options.engine.scratchDir.empty() ? std::filesystem::temp_directory_path().string()
                                                                      : options.engine.scratchDir)
                                  : std::string();
    ActivationStore x = floats.embed(chunked, layout, spill, progress);
    GptqOptions gptq = options.gptq;
    gptq.threads = options.engine.threads;
    GptqStreamResult out;
    const int64_t nLayer = file->config().nLayer;
    for (int64_t layer = 0; layer < nLayer; ++layer) {
        const auto part = [&](double from, double to) {
            return [&, from, to](double f) {
                return !progress || progress((double(layer) + from + (to - from) * f) / double(nLayer));
            };
        };
        auto block = std::make_shared<TensorSubstitutions>();
        PackedTensors blockPacked;
        if (options.sequential) {
            ActivationStore copy = copyActivations(x, dir);
            const CalibData calib = captureBlock(floats, copy, layout, layer, part(0.0, 0.2));
            quantizeBlock(*file, calib, layer, gptq, *block, blockPacked, notes, part(0.2, 0.9));
        } else {
            const CalibData calib = captureBlock(floats, x, layout, layer, part(0.0, 0.2));
            quantizeBlock(*file, calib, layer, gptq, *block, blockPacked, notes, part(0.2, 1.0));
        }
        if (options.sequential) {
            LlamaForward quantized(std::make_shared<PlannedWeights>(file, Plan{}, nullptr, block), options.engine);
            quantized.runBlocks(x, layout, layer, layer + 1, part(0.9, 1.0));
        }
        keep(*file, options, std::move(*block), std::move(blockPacked), out, notes);
        if (progress && !progress(double(layer + 1) / double(nLayer)))
            throw Error(ErrorCode::Cancelled, "GPTQ cancelled");
    }
    return out;
}

} // namespace qx
