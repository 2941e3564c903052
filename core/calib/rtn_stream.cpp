#include "calib/rtn_stream.h"

#include "calib/block_calib.h"
#include "common/error.h"
#include "model/mapped_weights.h"
#include "quant/quantize.h"

#include <algorithm>

namespace qx {

PackedTensors rtnStreamed(std::shared_ptr<const ModelFile> model, const QuantGrid& grid, int threads,
                          uint64_t memoryBudget, std::vector<std::string>* notes, const ProgressFn& progress)
{
    if (!grid.ggml)
        throw Error(ErrorCode::InvalidArgument, "streamed round-to-nearest needs a ggml grid (Q4_K, Q8_0, ...), not " +
                                                    grid.name());
    const MappedWeights file(std::move(model), threads);
    std::vector<std::string> names;
    uint64_t packedBytes = 0, largest = 0;
    for (int64_t layer = 0; layer < file.config().nLayer; ++layer)
        for (const std::string& name : blockLinearLayers(file, layer)) {
            const WeightView s = file.shape(name);
            if (!gridFitsOrNote(grid, name, s.cols, notes))
                continue;
            const uint64_t values = uint64_t(s.rows) * uint64_t(s.cols);
            packedBytes += *tensorBytes(grid.type, values);
            largest = std::max(largest, values * sizeof(float));
            names.push_back(name);
        }
    requireWithinBudget("round-to-nearest",
                        {{"the packed result", packedBytes}, {"the largest layer in F32", largest}}, memoryBudget);
    PackedTensors out;
    for (size_t i = 0; i < names.size(); ++i) {
        const WeightView s = file.shape(names[i]);
        const WorkingTensor w = file.load(names[i]);
        out.emplace(names[i], packRows(grid.type, {w.view.data, size_t(s.rows * s.cols)}, s.cols));
        file.release(names[i]);
        if (progress && !progress(double(i + 1) / double(names.size())))
            throw Error(ErrorCode::Cancelled, "round-to-nearest cancelled");
    }
    return out;
}

} // namespace qx
