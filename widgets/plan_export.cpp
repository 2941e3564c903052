#include "plan_export.h"

#include "error_text.h"
#include "format_text.h"
#include "plan_document.h"

#include "export/gguf_compat.h"
#include "export/scheme_choice_gguf.h"
#include "quant/scheme_choice.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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

void PlanExport::exportInteractively()
{
    if (!m_document->model())
        return;
    if (const QString warning = notExportableText(); !warning.isEmpty()) {
        const auto answer = QMessageBox::question(
            m_parentWidget, tr("Not exportable to GGUF"),
            tr("Some tensors use a scheme that has no GGUF type. The file will hold the nearest GGUF type "
               "instead:\n\n%1\n\nExport anyway?").arg(warning));
        if (answer != QMessageBox::Yes)
            return;
    }
    const uint64_t bytes = predictedFileSize(*m_document->model(), m_document->plan());
    const QString path = QFileDialog::getSaveFileName(
        m_parentWidget, tr("Export GGUF (%1)").arg(formatBytes(bytes)), suggestedFileName(),
        tr("GGUF files (*.gguf)"));
    if (!path.isEmpty())
        exportTo(path);
}

void PlanExport::exportTo(const QString& path)
{
    auto model = m_document->model();
    if (!model)
        return;
    const Plan plan = m_document->plan();
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
            else if (result.outcome == JobOutcome::Cancelled)
                message = tr("Export cancelled; nothing was written to %1").arg(QFileInfo(path).fileName());
            else
                message = tr("Export to %1 failed: %2. %3")
                              .arg(QDir::toNativeSeparators(path),
                                   result.error.code ? ErrorText::codeText(*result.error.code) : tr("unexpected error"),
                                   result.error.detail);
            emit finished(result.outcome, path, message);
        });
}

} // namespace qx::ui
