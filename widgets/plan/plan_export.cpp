#include "plan/plan_export.h"

#include "plan/plan_report.h"

#include "common/error_text.h"
#include "common/format_text.h"
#include "plan/plan_calibration.h"
#include "plan/plan_document.h"

#include "calib/calib_export.h"
#include "export/gguf_compat.h"
#include "export/scheme_choice_gguf.h"
#include "quant/scheme_choice.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QLocale>
#include <QMessageBox>

namespace qx::ui {

PlanExport::PlanExport(PlanDocument* document, JobRunner* runner, QWidget* parentWidget)
    : QObject(parentWidget), m_document(document), m_runner(runner), m_parentWidget(parentWidget)
{
}

QString PlanExport::suggestedFileName() const
{
    const QFileInfo model(m_document->modelPath());
    QString base = model.isDir() ? model.fileName() : model.completeBaseName();
    const std::string& preset = m_document->plan().preset;
    QString suffix = preset.empty() ? QStringLiteral("custom") : QString::fromStdString(preset);
    suffix.replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('+'), QLatin1Char('-'));
    return QFileInfo(model.isDir() ? model.absoluteFilePath() : model.absolutePath(),
                     base + QLatin1Char('-') + suffix + QStringLiteral(".gguf"))
        .absoluteFilePath();
}

QString PlanExport::notExportableText() const
{
    const SchemeOverrides& schemes = m_document->schemes();
    if (schemes.empty())
        return {};
    QStringList lines;
    for (const auto& [tensor, scheme] : schemes) {
        const GgufExportability e = ggufExportability(scheme);
        if (e.exportable)
            continue;
        const PlanEntry* entry = m_document->plan().find(tensor);  // the nearest type, or its fallback
        const std::optional<TensorType> written = entry ? std::optional(entry->type) : e.type;
        const QString nearest = written ? QString::fromUtf8(tensorTypeName(*written).data(), qsizetype(tensorTypeName(*written).size()))
                                        : tr("its stored type");
        lines << tr("%1: %2 is not exportable to GGUF — written as %3")
                     .arg(QString::fromStdString(tensor), QString::fromStdString(schemeChoiceName(scheme)), nearest);
        if (lines.size() == 12) {
            lines << tr("… and more");
            break;
        }
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n'));
}

QString PlanExport::calibrationBlocker() const
{
    const auto c = m_document->calibration();
    if (!c || !m_document->model())
        return {};
    const QString label = QString::fromStdString(c->result->label);
    if (c->result->w8a8)
        return tr("%1 quantizes activations as well as weights (W8A8): it can be evaluated but GGUF cannot hold "
                  "it. Undo or choose other types to export.").arg(label);
    if (!c->result->exportable())
        return tr("%1 uses a uniform integer grid that has no GGUF type: it can be evaluated but not exported.")
            .arg(label);
    if (m_document->model()->format != ModelFormat::Gguf)
        return tr("Calibrated weights are exported from GGUF models only; convert this model to GGUF first.");
    return {};
}

void PlanExport::exportInteractively()
{
    if (!m_document->model())
        return;
    if (const QString blocker = calibrationBlocker(); !blocker.isEmpty()) {
        QMessageBox::information(m_parentWidget, tr("Export GGUF"), blocker);
        return;
    }
    if (const QString warning = notExportableText(); !warning.isEmpty()) {
        const auto answer = QMessageBox::question(
            m_parentWidget, tr("Not exportable to GGUF"),
            tr("Some tensors use a scheme that has no GGUF type. The file will hold the nearest GGUF type "
               "instead:\n\n%1\n\nExport anyway?").arg(warning));
        if (answer != QMessageBox::Yes)
            return;
    }
    const uint64_t bytes = predictedFileSize(*m_document->model(), m_document->planToUse());
    const QString path = QFileDialog::getSaveFileName(
        m_parentWidget, tr("Export GGUF (%1)").arg(formatBytes(bytes)), suggestedFileName(),
        tr("GGUF files (*.gguf)"));
    if (!path.isEmpty())
        exportTo(path);
}

QString PlanExport::unfinishedMessage(JobOutcome outcome, const QString& path, const JobError& error) const
{
    if (outcome == JobOutcome::Cancelled)
        return tr("Export cancelled; nothing was written to %1").arg(QFileInfo(path).fileName());
    return tr("Export to %1 failed: %2. %3")
        .arg(QDir::toNativeSeparators(path), error.code ? ErrorText::codeText(*error.code) : tr("unexpected error"),
             error.detail);
}

void PlanExport::exportTo(const QString& path)
{
    auto model = m_document->model();
    if (!model)
        return;
    if (m_document->calibration()) {
        exportCalibratedTo(path);
        return;
    }
    const Plan plan = m_document->planToUse();
    const std::string target = path.toStdString();
    m_runner->start<ExportResult>(
        tr("Exporting %1").arg(QFileInfo(path).fileName()),
        [model, plan, target](const ProgressFn& progress) { return exportGguf(*model, plan, target, {}, progress); },
        [this, path](JobResult<ExportResult> result) {
            QString message;
            if (result.outcome == JobOutcome::Completed)
                message = tr("Wrote %1: %2 bytes, %3 tensors quantized, %4 copied, every tensor verified")
                              .arg(QFileInfo(path).fileName(), QLocale().toString(qulonglong(result.value->fileBytes)))
                              .arg(result.value->quantizedTensors)
                              .arg(result.value->copiedTensors);
            else
                message = unfinishedMessage(result.outcome, path, result.error);
            emit finished(result.outcome, path, message);
        });
}

namespace {

struct CalibratedExport {
    ExportResult file;
    double deviation = 0.0;  ///< largest |read back − evaluated| of a calibrated value
};

} // namespace

void PlanExport::exportCalibratedTo(const QString& path)
{
    if (const QString blocker = calibrationBlocker(); !blocker.isEmpty()) {
        emit finished(JobOutcome::Failed, path, blocker);
        return;
    }
    auto model = m_document->model();
    const Plan plan = m_document->plan();
    const auto calibration = m_document->calibration();
    const std::string target = path.toStdString();
    m_runner->start<CalibratedExport>(
        tr("Exporting %1").arg(QFileInfo(path).fileName()),
        [model, plan, calibration, target](const ProgressFn& progress) {
            CalibratedExport out;
            const auto packed = calibration->packed();
            const PackedTensors none;
            out.file = exportCalibrated(*model, plan, calibration->exportValues(), target, calibration->importance(),
                                        progress, packed ? *packed : none);
            out.deviation = maxExportDeviation(target, *calibration->values(), packed ? *packed : none);
            return out;
        },
        [this, path](JobResult<CalibratedExport> result) {
            QString message;
            if (result.outcome == JobOutcome::Completed)
                message = tr("Wrote %1: %2 bytes, %3 tensors quantized, %4 copied; largest deviation of a calibrated "
                             "value from the evaluated one: %5")
                              .arg(QFileInfo(path).fileName(), QLocale().toString(qulonglong(result.value->file.fileBytes)))
                              .arg(result.value->file.quantizedTensors)
                              .arg(result.value->file.copiedTensors)
                              .arg(result.value->deviation, 0, 'g', 3);
            else
                message = unfinishedMessage(result.outcome, path, result.error);
            emit finished(result.outcome, path, message);
        });
}

void PlanExport::exportReportInteractively()
{
    if (!m_document->model())
        return;
    QString filter;
    const QString base = QFileInfo(suggestedFileName()).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(m_parentWidget, tr("Export Plan Report"), base + QStringLiteral(".md"),
                                                      tr("Markdown (*.md);;CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportReport(path, &error))
        emit finished(JobOutcome::Completed, path, tr("Wrote the plan report %1").arg(QFileInfo(path).fileName()));
    else
        emit finished(JobOutcome::Failed, path, error);
}

bool PlanExport::exportReport(const QString& path, QString* error) const
{
    try {
        const PlanReport report = buildPlanReport(*m_document->model(), m_document->plan(), nullptr, false);
        std::string text = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)    ? planReportCsv(report)
                           : path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? planReportJson(report)
                                                                                         : planReportMarkdown(report);
        if (const auto c = m_document->calibration(); c && c->result && path.endsWith(QStringLiteral(".md")))
            text += "\nCalibrated weights (" + c->label + "): " + std::to_string(c->tensors.size()) + " tensors\n";
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
            || !file.commit()) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    } catch (const Error& e) {
        if (error)
            *error = tr("Cannot build the report: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace qx::ui
