#pragma once
// The Evaluate panel: perplexity and KL divergence of the current plan against the F32 model on a text
// (default from the settings), ctx and chunk count, through qx::evaluatePlan on a private JobRunner with a
// progress bar, ETA and Cancel. The plan comes from a provider function (the plan side owns it). Results
// are cached by a hash of planToJson + model + text + ctx + chunks: evaluating the same plan again costs
// nothing. A plan with calibrated weights attached (PlanCalibration) is evaluated with them (and its
// activation transform, W8A8), keyed by the calibration too. Every new result is added to the RunsModel (Runs and Trade-off views). "Evaluate presets"
// queues the common llama-quantize mixes (planPreset) one after the other.
// Text, ctx and chunks start from AppSettings::evaluationDefaults() and follow them when the Settings
// dialog changes them; evaluating stores the values used as the new defaults. A model with its own text
// (the demo model) brings its own defaults instead (setModelDefaults), which are never stored.
// Each run records whether its text fits the model (eval/text_fit.h, judged on the F32 perplexity); when
// it does not, the status line says so next to the figures.
// Incremental: the panel keeps the block inputs of the last plan it evaluated (eval/block_input_cache.h),
// so a plan changed only from block k on runs blocks k..N-1 and the head; the status line names the block
// running and the blocks reused. A new model starts a new cache.

#include "common/app_settings.h"
#include "eval/plan_eval.h"
#include "eval/text_fit.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "plan/presets.h"
#include "quant/imatrix_file.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace qx::ui {

class JobRunner;
class RunsModel;
struct PlanCalibration;

class EvaluatePanel : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePanel(QWidget* parent = nullptr);
    ~EvaluatePanel() override;

    void setModel(std::shared_ptr<const ModelFile> model);
    /// Where the plan to evaluate comes from (called on the UI thread when Evaluate is pressed).
    void setPlanProvider(std::function<Plan()> provider);
    /// Where the calibrated weights attached to the plan come from (PlanDocument::calibration); a plan
    /// evaluated with them is labelled with the method ("GPTQ Q4_K").
    void setCalibrationProvider(std::function<std::shared_ptr<const PlanCalibration>()> provider);
    /// Where the plan's non-GGUF schemes come from (PlanDocument::schemes): those tensors are evaluated
    /// through their scheme's round trip, not the nearest GGUF type their plan entry holds.
    void setSchemeProvider(std::function<SchemeChoices()> provider);
    /// Where the name of an evaluated plan comes from (PlanDocument::describe: "solver 4.73 bpw",
    /// "Q4_K_M + GPTQ"); without one: the preset, the calibration or "custom plan N".
    void setLabelProvider(std::function<QString()> provider);
    void setTextFile(const QString& path);
    void setContext(int nCtx, int chunks);
    /// The open model's own text, context and chunks, shown instead of the Settings defaults and never
    /// stored as them; nullopt: the Settings defaults again.
    void setModelDefaults(const std::optional<EvaluationDefaults>& defaults);
    bool hasModelDefaults() const { return m_modelDefaults.has_value(); }
    QString textFile() const;
    /// The status line: the last result (with the text-fit warning when there is one), or the job's state.
    QString statusText() const;
    int contextLength() const;
    int chunkCount() const;
    RunsModel* runsModel() const { return m_runs; }
    JobRunner* runner() const { return m_runner; }
    /// Cache key of a plan (with the calibration of that key, if any) under the current settings (hex SHA-1).
    QByteArray planKey(const Plan& plan, const std::string& calibrationKey = {},
                       const SchemeChoices& schemes = {}) const;

    /// Why llama-quantize would refuse `plan` for want of importance data (translated, naming the tensor and
    /// type), reading the plan's imatrixPath; empty when it would not. Such a plan is not evaluated.
    QString importanceRefusal(const Plan& plan);
    /// "Compute Importance Matrix", shown while a plan was refused for want of one.
    QPushButton* computeImatrixButton() const { return m_computeImatrix; }

    /// The presets "Evaluate presets" runs, best quality first.
    static std::vector<Preset> commonPresets();

public slots:
    /// Evaluates the provider's plan (label: see setLabelProvider).
    void evaluate();
    /// Evaluates `plan` under `label`.
    void evaluatePlanAs(const qx::Plan& plan, const QString& label, bool isPreset = false,
                        std::shared_ptr<const qx::ui::PlanCalibration> calibration = nullptr);
    /// Queues the common presets.
    void evaluatePresets();
    void cancel();
    /// Shows the stored evaluation defaults (text, ctx, chunks).
    void loadDefaults();

signals:
    /// A run was added to the runs model, or (cache hit) the row of the run already there.
    void evaluated(int row);
    /// The status line names the block running and the blocks reused ("Evaluating Q4_K_M: reused blocks
    /// 0–27, running 28–31: block 29").
    void blockStatusChanged(const QString& text);
    /// "Compute Importance Matrix" was pressed after a plan was refused for want of one.
    void imatrixComputeRequested();

private:
    struct Request {
        Plan plan;
        QString label;
        bool isPreset = false;
        std::shared_ptr<const PlanCalibration> calibration;
        std::shared_ptr<const SchemeChoices> schemes;  ///< may be null
    };
    void startNext();
    /// The evaluation settings of `request` (panel values, threads, its schemes and calibrated weights).
    PlanEvalOptions evalOptions(const Request& request) const;
    /// Runs `request` on the panel's runner; the result is cached under `key` and added to the runs.
    void startJob(const Request& request, const QByteArray& key);
    void finishRequest(const Request& request, const PlanEvaluation& eval, const QString& textFile,
                       const QByteArray& key, TextFit fit);
    void updateProgress(double fraction);
    /// The status line while the plan's run goes through its blocks (job `serial` only).
    void showBlock(const BlockProgress& block, const QString& label, quint64 serial);
    void setBusy(bool busy);
    void saveSettings() const;

    JobRunner* m_runner;
    RunsModel* m_runs;
    QString m_tokensFile;                               ///< text the cached tokens come from
    std::shared_ptr<const std::vector<int32_t>> m_tokens;
    TextFit m_tokensFit;                                ///< their fallback-token counts (no perplexity yet)
    std::optional<EvaluationDefaults> m_modelDefaults;
    std::shared_ptr<const ModelFile> m_model;
    std::function<Plan()> m_provider;
    std::function<std::shared_ptr<const PlanCalibration>()> m_calibrationProvider;
    std::function<SchemeChoices()> m_schemeProvider;
    std::function<QString()> m_labelProvider;
    QHash<QByteArray, PlanEvaluation> m_cache;
    std::shared_ptr<BlockInputCache> m_blockInputs;     ///< inputs of the last plan's blocks, for resuming
    quint64 m_jobSerial = 0;                            ///< block reports of older jobs are dropped
    std::deque<Request> m_queue;
    QElapsedTimer m_clock;
    int m_customCount = 0;
    QLineEdit* m_text;
    QSpinBox* m_ctx;
    QSpinBox* m_chunks;
    QPushButton* m_evaluate;
    QPushButton* m_presets;
    QPushButton* m_cancel;
    QPushButton* m_computeImatrix;
    QString m_imatrixPath;                          ///< the file m_imatrix was read from
    std::shared_ptr<const ImatrixFile> m_imatrix;   ///< read once per path, for importanceRefusal
    QProgressBar* m_progress;
    QLabel* m_status;
};

} // namespace qx::ui
