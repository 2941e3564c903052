#pragma once
// "Calibrate" in the plan panel: runs one calibration method (core/calib/calib_run.h: RTN, imatrix, GPTQ,
// AWQ, SmoothQuant W8A8, LLM.int8) on the open model with a calibration text, as a cancellable job with
// progress, and applies the result to the plan document ("Apply to plan": one undo step, the calibrated
// weights attached, see PlanCalibration). The Evaluate panel then evaluates the plan with those weights
// and File > Export GGUF writes them (ggml grids only; W8A8 and uniform grids evaluate but do not export).
//
// Threading: the job runs on the box's own JobRunner. Captures are cached in memory for the session
// (qx::CalibCache) and on disk under CacheLocation/calib, so a second run on the same text skips the
// capture. Cancel or a failure leaves the document as it was; a model change drops the pending result.
// Settings keys: calibration/textFile (default: evaluation/textFile), calibration/chunks, calibration/ctx.
// A model with its own calibration text (the demo model) brings it and its context (setModelText); a run on
// that text does not store it in the Settings.

#include "calib/calib_run.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace qx::ui {

class JobRunner;
class PlanDocument;

class CalibrationBox : public QWidget {
    Q_OBJECT
public:
    struct Output;  ///< what the job hands back (defined in the .cpp)

    explicit CalibrationBox(PlanDocument* document, QWidget* parent = nullptr);
    ~CalibrationBox() override;

    /// Chooses a method by its core spelling (rtn, gptq-act, smoothquant, ...); false when unknown.
    bool selectMethod(const QString& method);
    /// Chooses a grid (Q4_0 … Q6_K, int4-g32, int4-g128, int3-g32); false when unknown.
    bool selectGrid(const QString& grid);
    void setTextFile(const QString& path);
    QString textFile() const;
    /// The open model's own calibration text and context (empty path: the Settings' text and context).
    void setModelText(const QString& path, int nCtx);
    void setChunks(int chunks);
    void setContext(int nCtx);
    /// Where the evaluation text's path comes from (for the overlap warning); by default Settings'
    /// evaluation/textFile.
    void setEvaluationTextProvider(std::function<QString()> provider);
    /// The request the controls describe (the text itself is read by the job).
    CalibRequest request() const;

    /// Starts the calibration job (cancels one that runs).
    void run();
    void cancel();
    /// Applies the finished result to the document (one undo step); false when there is none.
    bool applyToPlan();

    JobRunner* jobRunner() const { return m_runner; }
    /// The finished, not yet applied or re-run result, or null.
    std::shared_ptr<const CalibResult> result() const { return m_result; }
    /// "GPTQ Q4_0 (calibrated on text.txt, 4 chunks)" for the last result.
    QString resultLabel() const { return m_resultLabel; }
    QString statusText() const;
    QString overlapText() const;
    QStringList notes() const { return m_notes; }
    /// Whether the last result came from a cached capture.
    bool lastCaptureCached() const { return m_lastCached; }

signals:
    /// A run ended: completed (result() set), cancelled or failed.
    void finished(bool completed);
    void statusMessage(const QString& message);

private:
    void setupControls();
    void setupParameters();
    QLayout* setupButtons();
    void updateParameterRows();
    void setBusy(bool busy);
    void showOutput(const Output& out);
    void modelChanged();
    QString evaluationText() const;

    PlanDocument* m_doc;
    JobRunner* m_runner;
    std::shared_ptr<CalibCache> m_cache;
    std::shared_ptr<const LlamaWeights> m_weights;  ///< F32 weights of the current model, once loaded
    std::function<QString()> m_evalText;
    QString m_modelText;
    std::shared_ptr<const CalibResult> m_result;
    QString m_resultLabel;
    QStringList m_notes;
    bool m_lastCached = false;

    QFormLayout* m_form = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_grid = nullptr;
    QLineEdit* m_text = nullptr;
    QSpinBox* m_chunks = nullptr;
    QSpinBox* m_ctx = nullptr;
    QDoubleSpinBox* m_damp = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_apply = nullptr;
    QCheckBox* m_wholePlan = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_overlap = nullptr;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_details = nullptr;
};

} // namespace qx::ui
