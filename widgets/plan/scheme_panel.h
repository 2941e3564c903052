#pragma once
// The plan editor beside the tensor tree: a format from the traits table (qx::kFormats: GGUF types, then
// the non-GGUF schemes, labelled with the GGUF type a file would hold instead) applied to the selected
// tensors, to a name regex or to every tensor. An integer format opens its controls (UniformSchemeEditor:
// bits, granularity, group, symmetry, scale, clipping); the edited scheme is what is applied (a catalog id
// when it equals one, else a custom qx::SchemeChoice), and selecting a tensor planned with a uniform scheme
// shows its settings. Pinning; llama-quantize's presets; and a size budget — a typed target in bits per
// weight or file size, and a slider whose track gives 2–8.5 bits/weight most of its length — that re-solves
// live with the core's budget solver. Its readout always describes the current plan (after a preset, an
// edit or an undo too): bits/weight, file size and the predicted loss or, once sensitivity is measured, the
// predicted KLD, beside the same figure for Q8_0 everywhere and for Q4_K_M as a scale. The candidate table is built once per model on the panel's own JobRunner (cached on disk under
// CacheLocation/candidates). Every edit goes through the PlanDocument, so it is one undo step.
// The budget box also holds "Measure sensitivity" (SensitivityBox): measured enable-one KLD per tensor,
// forwarded as sensitivityMeasured() for the tree's Sensitivity column and, when the user asks, used to
// calibrate the solver's losses to KLD (qx::calibrateLosses). Below it, "Calibrate" (CalibrationBox).

#include "plan/candidates.h"
#include "plan/presets.h"
#include "quant/scheme_choice.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;

namespace qx::ui {

class CalibrationBox;
class JobRunner;
class PlanDocument;
class SensitivityBox;
class UniformSchemeEditor;
struct EditSummary;

class SchemePanel : public QWidget {
    Q_OBJECT
public:
    enum class BudgetUnit { BitsPerWeight, FileSize };

    explicit SchemePanel(PlanDocument* document, QWidget* parent = nullptr);
    ~SchemePanel() override;

    /// The tensors "Apply to selection" and "Pin" act on.
    void setSelection(const QStringList& tensors);
    /// Chooses the format named `name` (GGUF spelling or scheme name); false when there is none.
    bool selectFormat(const QString& name);
    /// Note under the format choice ("not exportable to GGUF — nearest: Q4_0", block size, exact bits/weight
    /// of the selection for non-GGUF schemes, ...).
    QString formatNote() const;
    /// The scheme "Apply" uses for a non-GGUF format (the edited uniform scheme for integer formats);
    /// nullopt for GGUF types.
    std::optional<SchemeChoice> currentScheme() const;
    /// The name shown for the current format ("INT3 asym g64 f16 mse" once the controls are edited).
    QString formatLabel() const;
    UniformSchemeEditor* uniformEditor() const { return m_uniform; }
    void applyToSelection();
    void applyToMatching(const QString& pattern);
    void applyToAll();
    void pinSelection(bool pinned);
    void applyPreset(Preset preset);
    /// Uses the importance matrix in `path` (.dat or GGUF) for presets, the solver, evaluations and exports;
    /// false (and a status message) when it cannot be read or does not fit the model.
    bool loadImatrix(const QString& path);
    /// Computes an importance matrix as llama-imatrix does on `textPath` (chunks of nCtx tokens, at most
    /// `chunks`, 0 = all) in the background, saves it as a .dat file in the cache and uses it.
    void computeImatrix(const QString& textPath, int nCtx, int chunks);
    /// "none" or the importance matrix in use (file name, entries, chunks).
    QString imatrixText() const;
    void setBudgetUnit(BudgetUnit unit);
    /// Moves the budget slider (0..1000 from the smallest to the largest plan) and solves at once.
    void setBudgetPosition(int position);
    /// Types a budget target (bits per weight, or bytes of file in FileSize) and solves at once.
    void setBudgetTarget(double value);
    int budgetPosition() const;
    /// The readout of the current plan (predicted loss or KLD with its scale, bits/weight, file).
    QString currentPlanText() const;
    /// The last status line ("3 tensors changed · 1 fallback").
    QString statusText() const;
    /// The readout of the current plan (as currentPlanText), followed by the solver's note when it has one.
    QString solverText() const;
    QString budgetText() const;
    const CandidateTable* candidateTable() const { return m_table.get(); }
    JobRunner* jobRunner() const { return m_runner; }
    SensitivityBox* sensitivityBox() const { return m_sensitivity; }
    /// "Calibrate": GPTQ, AWQ, … run on a calibration text and applied as the plan.
    CalibrationBox* calibrationBox() const { return m_calibration; }
    /// The table the slider solves on: KLD-calibrated when "use measured KLD" is on and possible.
    const CandidateTable* solverTable() const;

signals:
    void candidatesReady();
    void statusMessage(const QString& message);
    /// The format controls or the selection changed what the panel shows (its minimum width may differ).
    void contentsChanged();
    /// Measured enable-one KLD per tensor name (empty: cleared); for TensorTreeModel::setSensitivity.
    void sensitivityMeasured(const std::unordered_map<std::string, double>& kld);
    /// "Compute…" of the importance matrix was pressed: the window answers with computeImatrix on its
    /// evaluation text.
    void imatrixComputeRequested();
    /// An importance matrix computed by computeImatrix is in use (or its job failed: `ok` false).
    void imatrixComputed(bool ok);

private:
    QWidget* setupFormatBox();
    QWidget* setupPresetBox();
    QWidget* setupImatrixRow(QWidget* parent);
    void updateImatrixText();
    QWidget* setupBudgetBox();
    void updateFormatNote();
    void formatChosen();
    /// Exact bits/weight of `scheme` over the selection (else every tensor) and the text saying so;
    /// `heldType` receives the GGUF type a file holds when it is the same for all those tensors.
    QString selectionBitsText(const SchemeChoice& scheme, std::optional<TensorType>* heldType) const;
    void showSchemeOfSelection();
    EditSummary applyTo(const QStringList& tensors);
    void report(const EditSummary& summary);
    void buildCandidates();
    void solveNow();
    void calibrate();
    /// Tensor-data bytes the slider stands for; its label in the chosen unit and in English (plan reasons).
    uint64_t budgetAtSlider(QString* label, std::string* english) const;
    /// Bits per weight of the budget range's ends (the table's smallest and largest plans, pins kept).
    std::pair<double, double> bitsRange() const;
    void syncTarget();           ///< the target box from the slider
    void syncSliderToPlan();     ///< slider and box to the current plan (no solve)
    void updateReadout();
    QWidget* setupBudgetRow(QWidget* box);
    int selectedFormatIndex() const;

    PlanDocument* m_doc;
    JobRunner* m_runner;
    QStringList m_selection;
    std::shared_ptr<const CandidateTable> m_table;
    std::shared_ptr<const CandidateTable> m_calibrated;  ///< m_table scaled to measured KLD, or null

    QComboBox* m_format = nullptr;
    QLabel* m_formatNote = nullptr;
    QLabel* m_formatName = nullptr;
    UniformSchemeEditor* m_uniform = nullptr;
    QPushButton* m_applySelection = nullptr;
    QLineEdit* m_pattern = nullptr;
    QComboBox* m_preset = nullptr;
    QLabel* m_imatrixText = nullptr;
    QComboBox* m_budgetUnit = nullptr;
    QSlider* m_budget = nullptr;
    QLabel* m_budgetValue = nullptr;
    QDoubleSpinBox* m_target = nullptr;
    QLabel* m_readout = nullptr;
    double m_lossQ8 = -1.0, m_lossQ4KM = -1.0;   ///< the readout's scale (−1: unknown)
    bool m_solving = false;                      ///< the plan is changing because the solver said so
    std::optional<double> m_typedBits;           ///< a typed target, exact (the slider shows it rounded)
    QLabel* m_solverInfo = nullptr;
    QProgressBar* m_candidateProgress = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_solveTimer = nullptr;
    SensitivityBox* m_sensitivity = nullptr;
    CalibrationBox* m_calibration = nullptr;
};

} // namespace qx::ui
