#pragma once
// The quantization plan being edited for the open model: a qx::Plan (every tensor, its planned GGUF type,
// why, pinned or not) plus, beside it, the non-GGUF schemes the user chose for some tensors (catalog schemes
// or custom uniform schemes, qx::SchemeChoice; a GGUF file would hold the entry's `type`, the scheme's
// nearest GGUF type). Both are saved in the plan JSON (its optional "schemes" member) and in the autosave.
//
// Every edit is one QUndoCommand on undoStack() (consecutive solver results merge into one step, so a
// dragged budget slider leaves one undo entry). The document is dirty when the stack is not at its clean
// index. While dirty it autosaves the plan JSON to AppDataLocation/autosave/<sha1 of the model path>.json
// (every 30 s and 2 s after each edit); saving, discarding or a clean state removes that file. When a model
// is opened and such a file exists, recoveryAvailable() is true until recover() or discardRecovery().
// Edits leave pinned entries alone: presets and solver results go through qx::keepPinned.

#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "plan/presets.h"
#include "quant/imatrix_file.h"
#include "quant/scheme_choice.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QTimer;
class QUndoStack;

namespace qx {
struct CalibResult;
}

namespace qx::ui {

/// tensor name -> non-GGUF scheme chosen for it (the plan entry holds the nearest GGUF type).
using SchemeOverrides = SchemeChoices;

struct PlanCalibration;  // plan_calibration.h

/// Everything an undo step restores.
struct PlanState {
    Plan plan;
    SchemeOverrides schemes;
    std::shared_ptr<const PlanCalibration> calibration;  ///< null when none is attached
    std::string origin;   ///< what made the plan: a preset ("Q4_K_M"), "pure Q4_K", "solver", a run or file name
    int handEdits = 0;    ///< tensors set to a GGUF type by hand since the origin (schemes are named instead)
    /// The plan, schemes and calibration; origin and handEdits only describe them.
    bool operator==(const PlanState& o) const
    {
        return plan == o.plan && schemes == o.schemes && calibration == o.calibration;
    }
};

/// Exact totals of a plan, from qx::predictedFileSize and qx::tensorBytes.
struct PlanTotals {
    uint64_t fileBytes = 0;       ///< GGUF file the exporter would write (0 when it cannot be predicted)
    uint64_t tensorBytes = 0;     ///< planned tensor data
    uint64_t parameters = 0;      ///< weights of the planned tensors
    double bitsPerWeight = 0.0;   ///< tensorBytes · 8 / parameters
    uint64_t modelBytes = 0;      ///< the stored tensor data of the same tensors
    double sizeRatio = 0.0;       ///< tensorBytes / modelBytes
    bool operator==(const PlanTotals&) const = default;
};

/// What applying a calibration changes: the calibrated tensors only, or the whole plan.
enum class CalibrationScope { CalibratedTensors, WholePlan };

/// What one edit did, for the status line.
struct EditSummary {
    int changed = 0;      ///< entries whose type, scheme or pin changed
    int fallbacks = 0;    ///< set to llama-quantize's fallback type because the rows do not fit
    int skippedPinned = 0;
    int skippedUnfit = 0; ///< neither the type nor a fallback fits: left as it was
};

class PlanDocument : public QObject {
    Q_OBJECT
public:
    explicit PlanDocument(QObject* parent = nullptr);
    ~PlanDocument() override;

    /// Starts a new plan for `model` (every tensor as stored), clears the undo stack, marks it clean.
    void setModel(std::shared_ptr<const ModelFile> model, const QString& modelPath);
    const std::shared_ptr<const ModelFile>& model() const { return m_model; }
    QString modelPath() const { return m_modelPath; }
    const Plan& plan() const { return m_state.plan; }
    const SchemeOverrides& schemes() const { return m_state.schemes; }
    const PlanState& state() const { return m_state; }
    /// The attached calibrated weights, or null.
    std::shared_ptr<const PlanCalibration> calibration() const { return m_state.calibration; }
    /// The entry of ModelFile::tensors[tensorIndex], or nullptr (aliases are not planned).
    const PlanEntry* entryForTensor(int tensorIndex) const;
    /// The calibration method whose weights the tensor carries ("GPTQ", "AWQ", …), or empty.
    QString calibrationMethodOf(const std::string& tensor) const;
    /// The scheme override of a tensor, if any.
    std::optional<SchemeChoice> schemeOf(const std::string& tensor) const;
    QUndoStack* undoStack() const { return m_undo; }
    /// The importance matrix presets, the solver, evaluations, exports and the tensor views quantize with
    /// (loaded or computed), or null; imatrixPath() is its file. Kept for the open model, not an undo step.
    std::shared_ptr<const ImatrixFile> imatrix() const { return m_imatrix; }
    QString imatrixPath() const { return m_imatrixPath; }
    /// Reads an importance matrix (.dat or GGUF imatrix) and uses it from now on; throws qx::Error (then the
    /// previous one stays): also for one whose entries name no planned tensor or have another row width.
    /// A plan that is exactly a preset is made again with (or, on clearImatrix, without) its rules.
    void setImatrixFile(const QString& path);
    void clearImatrix();
    /// plan() with imatrixPath set to the document's importance matrix: what evaluations and exports use.
    Plan planToUse() const;
    /// Importance of `tensor`'s columns from imatrix() (rowLength values), or empty when it has none.
    std::vector<float> importanceOf(const TensorInfo& tensor) const;
    bool isDirty() const;
    /// The file last saved to or loaded from ("" when none).
    QString fileName() const { return m_fileName; }
    PlanTotals totals() const;

    /// The plan with every tensor kept as stored (reason "as stored").
    static Plan storedPlan(const ModelFile& model, const std::string& sourcePath);
    /// Bytes of `tensor` in `type`: its stored size when the type is unchanged, else qx::tensorBytes.
    static uint64_t plannedBytes(const TensorInfo& tensor, TensorType type);
    /// Bytes of `tensor` in its plan: the scheme's exact bytes when `scheme` is set, else plannedBytes(type).
    static uint64_t plannedBytes(const TensorInfo& tensor, TensorType type, const std::optional<SchemeChoice>& scheme);
    /// Planned bytes of ModelFile::tensors[tensorIndex] (scheme override included); 0 when not planned.
    uint64_t plannedBytesOf(int tensorIndex) const;
    /// The GGUF type a catalog scheme is exported as (qx::ggufExportability's nearest type, F16 if none).
    static TensorType nearestGgufType(SchemeId scheme);

    // Edits: each is one undo step (none when nothing changes). Pinned entries are never changed.
    /// Sets `tensors` to `type`, taking llama-quantize's fallback where the rows do not fit.
    EditSummary setType(const QStringList& tensors, TensorType type);
    /// Sets `tensors` to the non-GGUF `scheme` (a catalog id or a custom uniform scheme); the entry's type
    /// becomes qx::schemeChoiceFileType. Tensors whose rows the scheme cannot hold are skipped (unfit).
    EditSummary setScheme(const QStringList& tensors, const SchemeChoice& scheme);
    /// Every quantizable tensor to `type` (qx::planPure), pins kept.
    EditSummary applyPure(TensorType type);
    /// llama-quantize's mix (qx::planPreset, with imatrix()'s rules when there is one), pins kept.
    EditSummary applyPreset(Preset preset);
    /// A solver's plan, pins kept; consecutive calls merge into one undo step.
    EditSummary applySolverPlan(Plan plan, const QString& label);
    EditSummary setPinned(const QStringList& tensors, bool pinned);
    /// Gives the calibrated tensors of `result` their calibrated types (reasons = `label`) and attaches the
    /// weights: one undo step labelled "Apply <label>". CalibratedTensors (the default) leaves every other
    /// entry as it is; WholePlan makes calibResultPlan the plan (other tensors as stored). Pins are kept.
    EditSummary applyCalibration(std::shared_ptr<const CalibResult> result, const QString& label,
                                 CalibrationScope scope = CalibrationScope::CalibratedTensors);
    /// The plan described by what made it, for a run's name: "Q4_K_M", "solver 4.73 bpw", "Q4_K_M + GPTQ",
    /// "pure Q4_K + 3 edits", "Q4_K_M + INT3 asym g64" (bits/weight from totals()).
    QString describe() const;
    /// Names of the planned tensors matching `pattern` (case-insensitive regex; empty on an invalid one).
    QStringList tensorsMatching(const QString& pattern) const;
    QStringList allTensors() const;

    /// Writes the plan JSON to `path`, marks the document clean. Throws qx::Error.
    void save(const QString& path);
    /// Reads a plan JSON and loads it (one undo step). Throws qx::Error (also when it does not fit the model).
    void loadFile(const QString& path);
    /// Forgets unsaved changes: the autosave file is removed (called on Discard).
    void discard();

    static QString autosavePathFor(const QString& modelPath);
    QString autosavePath() const { return autosavePathFor(m_modelPath); }
    bool recoveryAvailable() const { return m_recoveryAvailable; }
    /// Loads the autosaved plan (one undo step; the document stays dirty). Throws qx::Error.
    void recover();
    void discardRecovery();
    /// Writes the autosave file now when dirty, removes it when clean.
    void autosaveNow();
    void setAutosaveInterval(int milliseconds);

    /// Replaces the state (used by undo commands). Emits planChanged(changed).
    void applyState(const PlanState& state, const QStringList& changed);

public slots:
    /// Loads `plan` as one undo step labelled `label`; returns false when it does not fit the model.
    bool loadPlan(qx::Plan plan, const QString& label, SchemeOverrides schemes = {},
                  std::shared_ptr<const PlanCalibration> calibration = nullptr);

signals:
    /// The plan changed; `tensors` names the entries touched (empty: possibly all).
    void planChanged(const QStringList& tensors);
    /// The attached calibration changed (applied, pruned, undone); null when none is attached.
    void calibrationChanged(std::shared_ptr<const qx::ui::PlanCalibration> calibration);
    /// setModel() was called (the plan was reset to "as stored").
    void modelChanged();
    void dirtyChanged(bool dirty);
    void fileNameChanged(const QString& fileName);
    void autosaved(const QString& path);
    /// setImatrixFile() or clearImatrix() (also on a new model): the importance matrix changed.
    void imatrixChanged();

private:
    EditSummary push(PlanState after, const QString& text, int mergeId = -1);
    EditSummary replacePlan(Plan fresh, const QString& text, std::string origin, int mergeId = -1);
    void rebuildIndex();
    /// A plan that is exactly a preset is made again under the importance matrix's rules (llama-quantize's
    /// mixes differ with and without one): one undo step when a type changes.
    void replanPresetForImatrix();
    void scheduleAutosave();
    void removeAutosave();

    std::shared_ptr<const ModelFile> m_model;
    QString m_modelPath;
    QString m_fileName;
    PlanState m_state;
    std::vector<int> m_entryOfTensor;  ///< per ModelFile tensor: index into plan entries, or -1
    QUndoStack* m_undo;
    QTimer* m_autosaveTimer;
    QTimer* m_debounce;
    bool m_recoveryAvailable = false;
    std::shared_ptr<const ImatrixFile> m_imatrix;
    QString m_imatrixPath;
};

} // namespace qx::ui
