#include "layers/plan_layer_errors.h"

#include "plan/plan_document.h"
#include "plan/plan_error_service.h"

#include "common/error.h"
#include "quant/dequantize.h"
#include "stats/error_metrics.h"

#include <limits>

namespace qx::ui {

std::optional<CandidateFormat> plannedFormatOf(const PlanDocument& document, int tensorIndex)
{
    const PlanEntry* e = document.entryForTensor(tensorIndex);
    if (!e)
        return std::nullopt;
    if (const auto scheme = document.schemeOf(e->tensor))
        return candidateOf(*scheme);
    return CandidateFormat{e->type, document.imatrix()};
}

bool planDiffersFromStored(const PlanDocument& document)
{
    if (!document.model())
        return false;
    if (!document.schemes().empty())
        return true;
    for (size_t i = 0; i < document.model()->tensors.size(); ++i) {
        const PlanEntry* e = document.entryForTensor(static_cast<int>(i));
        if (e && e->type != document.model()->tensors[i].type)
            return true;
    }
    return false;
}

namespace {

/// Fills `item` from the service's value or, for a tensor kept as stored, as exact.
void fillKnown(PlannedLayerItem& item, const PlanDocument& document, const TensorInfo& tensor,
               const PlanErrorService* errors)
{
    if (item.format.format.isGguf() && *item.format.format.ggufType() == tensor.type && !document.schemeOf(tensor.name)) {
        item.value.sqnrDb = std::numeric_limits<double>::infinity();
        item.value.relativeError = 0.0;
        item.known = true;
        return;
    }
    const std::optional<PlannedError> known = errors ? errors->errorOf(item.tensorIndex) : std::nullopt;
    if (!known)
        return;
    item.known = !known->failed;
    item.failed = known->failed;
    item.value.sqnrDb = known->sqnrDb;
    item.value.relativeError = known->relativeError;
}

} // namespace

std::vector<PlannedLayerItem> plannedLayerItems(const PlanDocument& document, const PlanErrorService* errors)
{
    std::vector<PlannedLayerItem> out;
    if (!document.model())
        return out;
    const ModelFile& model = *document.model();
    for (size_t i = 0; i < model.tensors.size(); ++i) {
        PlannedLayerItem item;
        item.tensorIndex = static_cast<int>(i);
        item.value.name = model.tensors[i].name;
        if (!parseLayerTensorName(item.value.name, item.value.layer, item.value.tensorClass))
            continue;
        const std::optional<CandidateFormat> format = plannedFormatOf(document, item.tensorIndex);
        if (!format)
            continue;
        item.format = *format;
        item.value.format = format->name();
        fillKnown(item, document, model.tensors[i], errors);
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<LayerTensorError> measurePlannedLayers(const ModelFile& model, const std::vector<PlannedLayerItem>& items,
                                                   const ProgressFn& progress)
{
    std::vector<LayerTensorError> out;
    out.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (progress && !progress(static_cast<double>(i) / static_cast<double>(items.size())))
            throw Error(ErrorCode::Cancelled, {}, kNoOffset, "layer errors cancelled");
        const PlannedLayerItem& item = items[i];
        if (item.known) {
            out.push_back(item.value);
            continue;
        }
        if (item.failed || item.tensorIndex < 0 || static_cast<size_t>(item.tensorIndex) >= model.tensors.size())
            continue;
        const TensorInfo& t = model.tensors[static_cast<size_t>(item.tensorIndex)];
        try {
            const std::vector<float> original = dequantizeTensor(t);
            ErrorOptions options;
            options.histogramBins = 1;  // only the scalar metrics are shown
            const TensorError e = compareTensors(
                original, roundTrip(item.format, original, t.rowLength(), {}, importanceFor(item.format, t)), options);
            LayerTensorError v = item.value;
            v.sqnrDb = e.sqnrDb;
            v.relativeError = e.relativeFrobenius;
            out.push_back(std::move(v));
        } catch (const std::exception&) {
            // the format cannot hold this tensor (row width): nothing to draw
        }
    }
    if (progress)
        progress(1.0);
    return out;
}

} // namespace qx::ui
