#include "plan/plan_calibration.h"

#include "plan/presets.h"

#include <algorithm>
#include <atomic>
#include <set>

namespace qx::ui {

namespace {

template <class Map>
Map pick(const PlanCalibration& c, const Map& from)
{
    Map out;
    for (const auto& [tensor, type] : c.tensors)
        if (const auto it = from.find(tensor); it != from.end())
            out.emplace(tensor, it->second);
    return out;
}

/// Every tensor of `from` is still calibrated: the result's own map can be shared (at 7B it is GBs).
template <class Map>
bool allKept(const PlanCalibration& c, const Map& from)
{
    return std::all_of(from.begin(), from.end(), [&](const auto& kv) { return c.tensors.count(kv.first) > 0; });
}

} // namespace

std::string nextCalibrationKey()
{
    static std::atomic<quint64> serial{0};
    return "calibration-" + std::to_string(serial.fetch_add(1) + 1);
}

std::shared_ptr<const PlanCalibration> prunedCalibration(const PlanState& state)
{
    const auto& c = state.calibration;
    if (!c)
        return c;
    std::map<std::string, TensorType> keep;
    for (const auto& [tensor, type] : c->tensors) {
        const PlanEntry* e = state.plan.find(tensor);
        if (e && e->type == type && !state.schemes.count(tensor))
            keep.emplace(tensor, type);
    }
    if (keep.size() == c->tensors.size())
        return c;
    if (keep.empty() || c->result->coupled())
        return nullptr;
    auto out = std::make_shared<PlanCalibration>(*c);
    out->tensors = std::move(keep);
    out->key = nextCalibrationKey();
    return out;
}

std::shared_ptr<const Substitutions> PlanCalibration::values() const
{
    if (!result)
        return nullptr;
    if (allKept(*this, result->values))
        return std::shared_ptr<const Substitutions>(result, &result->values);
    return std::make_shared<const Substitutions>(pick(*this, result->values));
}

std::shared_ptr<const PackedTensors> PlanCalibration::packed() const
{
    if (!result || result->packed.empty())
        return nullptr;
    if (allKept(*this, result->packed))
        return std::shared_ptr<const PackedTensors>(result, &result->packed);
    return std::make_shared<const PackedTensors>(pick(*this, result->packed));
}

Substitutions PlanCalibration::exportValues() const
{
    return result ? pick(*this, result->exportValues) : Substitutions{};
}

Substitutions PlanCalibration::importance() const
{
    return result ? pick(*this, result->importance) : Substitutions{};
}

EditSummary PlanDocument::applyCalibration(std::shared_ptr<const CalibResult> result, const QString& label,
                                           CalibrationScope scope)
{
    if (!m_model || !result)
        return {};
    const std::string reason = label.toStdString();
    Plan fresh = calibResultPlan(*m_model, *result, reason);   // the calibrated tensors in their types
    const std::set<std::string> calibrated = result->tensors();
    fresh.sourcePath = m_modelPath.toStdString();
    PlanState after;
    EditSummary s;
    if (scope == CalibrationScope::WholePlan) {
        after.plan = keepPinned(fresh, m_state.plan);
        for (const PlanEntry& e : m_state.plan.entries)
            if (e.pinned)
                if (const auto it = m_state.schemes.find(e.tensor); it != m_state.schemes.end())
                    after.schemes.insert(*it);
        after.origin = result->label;
    } else {
        // Only the calibrated tensors change; every other choice of the plan (token_embd, output, the
        // edits, the schemes elsewhere) stays as the user left it.
        after = m_state;
        after.plan.preset.clear();
        after.plan.ftype.reset();
        for (const PlanEntry& c : fresh.entries) {
            PlanEntry* e = after.plan.find(c.tensor);
            if (!e || !calibrated.count(c.tensor) || e->pinned)
                continue;
            e->type = c.type;
            e->reason = c.reason;
            after.schemes.erase(c.tensor);
        }
    }
    auto calibration = std::make_shared<PlanCalibration>();
    calibration->result = result;
    for (const PlanEntry& e : after.plan.entries)
        if (calibrated.count(e.tensor))
            calibration->tensors.emplace(e.tensor, e.type);
    calibration->label = reason;
    calibration->key = nextCalibrationKey();
    after.calibration = std::move(calibration);
    for (const PlanEntry& e : m_state.plan.entries)
        if (e.pinned && calibrated.count(e.tensor))
            ++s.skippedPinned;
    s.changed = push(std::move(after), tr("Apply %1").arg(label)).changed;
    return s;
}

} // namespace qx::ui
