#pragma once
// Calibrated weights attached to the plan document ("Apply to Plan" in the Calibrate box) and the rule
// that keeps them honest: a calibrated tensor's values apply only while its planned type is the one it was
// calibrated for and it has no scheme override. Kept in PlanState, so undo and redo restore them.

#include "plan/plan_document.h"

#include "calib/calib_run.h"

#include <map>
#include <memory>
#include <string>

namespace qx::ui {

/// Calibrated weights attached to the plan ("Apply to plan" in the Calibrate box): the result and, per
/// tensor it still covers, the type it was calibrated for. A tensor leaves when its planned type changes or
/// it gets a scheme override; for coupled results (AWQ, SmoothQuant, LLM.int8) the whole result leaves then.
/// Session only: not saved with the plan JSON.
struct PlanCalibration {
    std::shared_ptr<const CalibResult> result;
    std::map<std::string, TensorType> tensors;  ///< tensors still covered -> calibrated planned type
    std::string label;                          ///< "GPTQ Q4_K (calibrated on text.txt, 8 chunks)"
    std::string key;                            ///< unique per (result, tensors): evaluation cache key
    /// The evaluated values of the covered tensors (shares the result's storage when all are covered).
    std::shared_ptr<const Substitutions> values() const;
    /// The covered tensors the result holds as blocks (GPTQ on a ggml grid), or null when none.
    std::shared_ptr<const PackedTensors> packed() const;
    /// What an export quantizes for the covered tensors, and their importance (imatrix).
    Substitutions exportValues() const;
    Substitutions importance() const;
};

/// The calibration of `state` without the tensors whose planned type changed or that got a scheme
/// (all of it for a coupled result); the same pointer when nothing changed, null when nothing is left.
std::shared_ptr<const PlanCalibration> prunedCalibration(const PlanState& state);

/// A fresh, process-unique PlanCalibration::key.
std::string nextCalibrationKey();

} // namespace qx::ui
