#pragma once
// The Layers view's "Current plan" figures: for every blk.N.<class>.weight tensor of the plan, the round-trip
// error of the format it is planned in (its scheme override from the PlanDocument, else its GGUF type).
// Values already measured by the PlanErrorService are taken from it; a tensor kept as stored is exact
// (SQNR +Inf, relative error 0); the rest are measured here (qx::compareTensors of the dequantized weights
// and ui::roundTrip), the same figures the service computes. plannedFormatOf is the one place that turns a
// plan entry into a CandidateFormat for this view.

#include "common/progress.h"
#include "io/model_file.h"
#include "tensor/tensor_analysis.h"

#include <optional>
#include <vector>

namespace qx::ui {

class PlanDocument;
class PlanErrorService;

/// The format ModelFile::tensors[tensorIndex] is planned in: its scheme override, else its plan entry's
/// GGUF type; nullopt when the tensor has no plan entry.
std::optional<CandidateFormat> plannedFormatOf(const PlanDocument& document, int tensorIndex);

/// True when the plan changes anything: a planned type differs from the stored one, or a scheme is set.
bool planDiffersFromStored(const PlanDocument& document);

/// One layer tensor of the current plan.
struct PlannedLayerItem {
    int tensorIndex = -1;
    CandidateFormat format;
    LayerTensorError value;  ///< name, layer, class and format always; the errors when `known`
    bool known = false;      ///< exact (kept as stored) or measured by the error service
    bool failed = false;     ///< the service could not measure it (the format cannot hold the tensor)
};

/// The layer tensors of the document's plan in file order, with the errors `errors` (may be null) already
/// knows and the exact ones filled in.
std::vector<PlannedLayerItem> plannedLayerItems(const PlanDocument& document, const PlanErrorService* errors);

/// The errors of every item: known ones as they are, the others measured now (cancellable through
/// `progress`). Items that fail or cannot be measured are left out.
std::vector<LayerTensorError> measurePlannedLayers(const ModelFile& model, const std::vector<PlannedLayerItem>& items,
                                                   const ProgressFn& progress = {});

} // namespace qx::ui
