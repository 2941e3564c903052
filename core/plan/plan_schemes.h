#pragma once
// A plan together with the non-GGUF schemes chosen for some of its tensors (catalog schemes or custom
// uniform schemes, quant/scheme_choice.h). The plan entry of such a tensor holds the GGUF type a file would
// carry (schemeChoiceFileType); the scheme is what the explorer measures and sizes.
//
// Saved in the plan JSON as one optional top-level member, so files without it load as plain plans and
// readers that only know plan.h ignore it:
//   "schemes": { "blk.0.attn_q.weight": { "bits": 3, "mode": "asymmetric", ... }, ... }

#include "io/model_file.h"
#include "plan/plan.h"
#include "quant/scheme_choice.h"

#include <map>
#include <string>
#include <string_view>

namespace qx {

/// tensor name -> scheme chosen for it.
using SchemeChoices = std::map<std::string, SchemeChoice>;

struct PlanWithSchemes {
    Plan plan;
    SchemeChoices schemes;
    bool operator==(const PlanWithSchemes&) const = default;
};

/// planToJson with the "schemes" member added when `schemes` is not empty.
std::string planToJson(const Plan& plan, const SchemeChoices& schemes);
/// Parses a plan and its optional "schemes" member. Throws Error(Invalid) naming the member concerned
/// (also for a scheme naming a tensor the plan does not hold).
PlanWithSchemes planWithSchemesFromJson(std::string_view text, const std::string& fileName = {});
/// Writes planToJson(plan, schemes) to `path`; Error(Io) on failure.
void savePlan(const std::string& path, const Plan& plan, const SchemeChoices& schemes);
/// Reads and parses a plan file with its schemes.
PlanWithSchemes loadPlanWithSchemes(const std::string& path);
/// validatePlan, then checks every scheme fits its tensor's rows. Throws Error(Mismatch) naming the tensor.
void validatePlanWithSchemes(const ModelFile& model, const PlanWithSchemes& plan);

} // namespace qx
