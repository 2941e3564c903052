#pragma once
// The controls of a uniform integer scheme in the scheme panel (qx::UniformScheme): bits 2–8, granularity
// (per tensor / per channel / per group), group size 32/64/128/256 (per group only), symmetric restricted /
// full range or asymmetric, scale F32/F16, clipping (absmax, percentile with its %, MSE search, KL).
// Members the controls do not show (MSE grid, KL bins) keep the scheme's values. KL clipping costs
// O(bins²) per group, so it is offered for per-tensor and per-channel scales only (choosing per group turns
// it into MSE search). A single column of label/field rows so it stays readable in a narrow dock.

#include "quant/uniform_quant.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace qx::ui {

class UniformSchemeEditor : public QWidget {
    Q_OBJECT
public:
    explicit UniformSchemeEditor(QWidget* parent = nullptr);

    /// Shows `scheme` in the controls without emitting schemeChanged.
    void setScheme(const UniformScheme& scheme);
    /// The scheme the controls describe.
    UniformScheme scheme() const;


signals:
    /// The user changed a control.
    void schemeChanged();

private:
    void setupControls();
    void updateEnabled();

    UniformScheme m_hidden;  ///< supplies the members without a control
    QSpinBox* m_bits = nullptr;
    QComboBox* m_granularity = nullptr;
    QComboBox* m_groupSize = nullptr;
    QComboBox* m_mode = nullptr;
    QComboBox* m_scale = nullptr;
    QComboBox* m_clip = nullptr;
    QDoubleSpinBox* m_percentile = nullptr;
};

} // namespace qx::ui
