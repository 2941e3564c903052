// PlanDocument's importance matrix: the file presets, the solver, evaluations and exports quantize with.
#include "plan/plan_document.h"

#include "common/error.h"
#include "quant/imatrix_file.h"

namespace qx::ui {

void PlanDocument::replanPresetForImatrix()
{
    const std::optional<Preset> preset = presetFromName(m_state.origin);
    if (m_model && preset && m_state.handEdits == 0 && m_state.schemes.empty() && !m_state.calibration)
        applyPreset(*preset);
}

void PlanDocument::setImatrixFile(const QString& path)
{
    auto file = std::make_shared<const ImatrixFile>(readImatrix(path.toStdString()));
    if (m_model) {
        bool any = false;
        for (const TensorInfo* t : plannedTensors(*m_model))   // throws Mismatch for an entry of another width
            any = imatrixImportanceFor(*file, t->name, t->rowLength()).has_value() || any;
        if (!any)
            throw Error(ErrorCode::Mismatch, path.toStdString(), kNoOffset,
                        "the importance matrix names no tensor of this model");
    }
    m_imatrix = std::move(file);
    m_imatrixPath = path;
    replanPresetForImatrix();
    emit imatrixChanged();
}

void PlanDocument::clearImatrix()
{
    if (!m_imatrix)
        return;
    m_imatrix.reset();
    m_imatrixPath.clear();
    replanPresetForImatrix();
    emit imatrixChanged();
}

Plan PlanDocument::planToUse() const
{
    Plan plan = m_state.plan;
    if (m_imatrix)
        plan.imatrixPath = m_imatrixPath.toStdString();
    return plan;
}

std::vector<float> PlanDocument::importanceOf(const TensorInfo& tensor) const
{
    if (!m_imatrix)
        return {};
    return imatrixImportanceFor(*m_imatrix, tensor.name, tensor.rowLength()).value_or(std::vector<float>{});
}

} // namespace qx::ui
