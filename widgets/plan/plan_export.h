#pragma once
// File > Export GGUF…: writes the plan document's plan as a GGUF file through qx::exportGguf on the
// JobRunner (progress bar and Cancel in the status bar). The exact size is known before writing
// (qx::predictedFileSize, also shown in the window's header) and the export checks free space, refuses
// to overwrite the model itself, writes a temporary file beside OUT, re-opens it and verifies every
// tensor, and only then renames it to OUT. Tensors planned in a scheme without a GGUF type (NF4, FP8, per-channel INT…) are written
// in their nearest GGUF type — the plan already holds that type — and the dialog says so first.
// A plan with calibrated weights attached (GPTQ, AWQ, imatrix, RTN on a GGUF grid) is written through
// qx::exportCalibrated and verified with qx::maxExportDeviation: every calibrated tensor must read back as
// exactly the values that were evaluated. W8A8 results and uniform grids cannot be written (the File
// menu's action is disabled, calibrationBlocker() says why).

#include "common/job_runner.h"
#include "export/gguf_export.h"

#include <QObject>
#include <QString>

class QWidget;

namespace qx::ui {

class PlanDocument;

class PlanExport : public QObject {
    Q_OBJECT
public:
    PlanExport(PlanDocument* document, JobRunner* runner, QWidget* parentWidget);

    /// Asks for the target (and confirms non-GGUF schemes), then exports in the background.
    void exportInteractively();
    /// Exports to `path` in the background without dialogs; finished() reports the outcome.
    void exportTo(const QString& path);
    /// Asks for a file and writes the plan report there (Markdown, CSV or JSON by its extension): per tensor
    /// the stored and planned type, size and the reason, which names the calibration method of calibrated
    /// tensors ("GPTQ Q4_K (calibrated on …)"); a note lists the tensors that carry calibrated weights.
    void exportReportInteractively();
    /// Writes the report to `path` (see above); false with `error` set when it cannot be written.
    bool exportReport(const QString& path, QString* error = nullptr) const;
    /// Target file name proposed for the current model and plan ("stories260K-Q4_K_M.gguf").
    QString suggestedFileName() const;
    /// The warning about tensors whose scheme has no GGUF type; empty when every tensor is exportable.
    QString notExportableText() const;
    /// Why the calibrated weights attached to the plan cannot be written (W8A8, a uniform grid, a non-GGUF
    /// source); empty when there are none or they can.
    QString calibrationBlocker() const;

signals:
    /// Completed: `message` says what was written; failed or cancelled: why (translated).
    void finished(qx::ui::JobOutcome outcome, const QString& path, const QString& message);

private:
    void exportCalibratedTo(const QString& path);
    /// The status line of a cancelled or failed export (nothing was written).
    QString unfinishedMessage(JobOutcome outcome, const QString& path, const JobError& error) const;

    PlanDocument* m_document;
    JobRunner* m_runner;
    QWidget* m_parentWidget;
};

} // namespace qx::ui
