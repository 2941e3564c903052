#include "plan/plan_file_actions.h"

#include "common/format_text.h"
#include "plan/plan_document.h"

#include "common/error.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>

namespace qx::ui {

PlanFileActions::PlanFileActions(PlanDocument* document, QWidget* window, std::function<QString()> directory)
    : QObject(window), m_doc(document), m_window(window), m_directory(std::move(directory))
{
    m_prompt = [this] {
        return QMessageBox::warning(m_window, tr("Unsaved plan"), tr("The quantization plan has unsaved changes. Save them?"),
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
}

void PlanFileActions::setUnsavedPrompt(std::function<QMessageBox::StandardButton()> prompt)
{
    m_prompt = std::move(prompt);
}

bool PlanFileActions::maybeKeepPlan()
{
    if (!m_doc->model() || !m_doc->isDirty())
        return true;
    switch (m_prompt()) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: m_doc->discard(); return true;
    default: return false;
    }
}

bool PlanFileActions::saveTo(const QString& path)
{
    try {
        m_doc->save(path);
    } catch (const Error& e) {
        QMessageBox::warning(m_window, tr("Could not save the plan"), QString::fromUtf8(e.what()));
        return false;
    }
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool PlanFileActions::save()
{
    return m_doc->fileName().isEmpty() ? saveAs() : saveTo(m_doc->fileName());
}

bool PlanFileActions::saveAs()
{
    if (!m_doc->model())
        return false;
    const QString suggested = m_doc->fileName().isEmpty()
                                  ? QDir(m_directory()).filePath(QFileInfo(m_doc->modelPath()).completeBaseName()
                                                                 + QStringLiteral(".plan.json"))
                                  : m_doc->fileName();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Plan"), suggested, tr("Quantization plans (*.json)"));
    return !path.isEmpty() && saveTo(path);
}

void PlanFileActions::load()
{
    if (!m_doc->model())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Load Plan"), m_directory(),
                                                      tr("Quantization plans (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        m_doc->loadFile(path);
    } catch (const Error& e) {
        QMessageBox::warning(m_window, tr("Could not load the plan"),
                             tr("“%1” does not fit this model or is not a plan.\nDetail: %2")
                                 .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
    }
}

void PlanFileActions::offerRecovery()
{
    // Non-blocking, so opening never waits on a modal loop (tests answer through findChild<QMessageBox*>).
    const QDateTime when = QFileInfo(m_doc->autosavePath()).lastModified();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Recover unsaved plan"),
                                tr("An unsaved plan for this model was kept from %1 (the program did not close "
                                   "normally). Recover it?")
                                    .arg(QLocale().toString(when, QLocale::ShortFormat)),
                                QMessageBox::Yes | QMessageBox::Discard, m_window);
    box->setObjectName(QStringLiteral("planRecoveryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, model = m_doc->model()](int result) {
        if (model != m_doc->model())
            return;
        if (result != QMessageBox::Yes) {
            m_doc->discardRecovery();
            return;
        }
        try {
            m_doc->recover();
        } catch (const Error& e) {
            m_doc->discardRecovery();
            emit statusMessage(tr("Could not recover the plan: %1").arg(QString::fromUtf8(e.what())), 8000);
        }
    });
    box->open();
}

QString PlanFileActions::totalsLine(const PlanDocument& doc)
{
    if (!doc.model())
        return {};
    const PlanTotals t = doc.totals();
    const QString preset = doc.plan().preset.empty() ? tr("custom") : QString::fromStdString(doc.plan().preset);
    const QString file = t.fileBytes ? tr("%1 file (%2 bytes)").arg(formatBytes(t.fileBytes),
                                                                     QLocale().toString(static_cast<qulonglong>(t.fileBytes)))
                                     : tr("file size unknown");
    return tr("Plan (%1): %2 · %3 bits/weight · %4 % of the stored tensors")
        .arg(preset, file, QLocale().toString(t.bitsPerWeight, 'f', 3), QLocale().toString(100.0 * t.sizeRatio, 'f', 1));
}

} // namespace qx::ui
