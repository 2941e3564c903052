// SchemePanel's importance matrix row: load a llama-imatrix file or compute one, as llama-quantize --imatrix
// takes it. The i-quant mixes and IQ2_XXS / IQ2_XS / IQ2_S / IQ1_S / IQ1_M tensors need one.
#include "plan/scheme_panel.h"

#include "common/error_text.h"
#include "common/job_runner.h"
#include "plan/plan_document.h"

#include "eval/imatrix_export.h"
#include "quant/imatrix_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>

namespace qx::ui {
namespace {

/// Where a computed matrix is kept: CacheLocation/imatrix/<model stem>-<hash of model, text, ctx, chunks>.dat.
QString computedPath(const QString& modelPath, const QString& textPath, int nCtx, int chunks)
{
    const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("imatrix"));
    QDir().mkpath(dir);
    const QByteArray key = (modelPath + QLatin1Char('|') + textPath + QLatin1Char('|') + QString::number(nCtx)
                            + QLatin1Char('|') + QString::number(chunks)).toUtf8();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
    return QDir(dir).filePath(QFileInfo(modelPath).completeBaseName() + QLatin1Char('-') + hash + QStringLiteral(".dat"));
}

} // namespace

QWidget* SchemePanel::setupImatrixRow(QWidget* parent)
{
    auto* row = new QWidget(parent);
    m_imatrixText = new QLabel(row);
    m_imatrixText->setWordWrap(true);
    m_imatrixText->setToolTip(tr("llama-quantize --imatrix: the importance matrix presets, the solver, evaluations "
                                 "and exports quantize with. IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS and IQ2_S need one."));
    auto* load = new QPushButton(tr("Load…"), row);
    load->setToolTip(tr("Read an importance matrix (llama-imatrix .dat or GGUF)"));
    auto* compute = new QPushButton(tr("Compute…"), row);
    compute->setToolTip(tr("Compute one as llama-imatrix does, on the evaluation text"));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_imatrixText, 1);
    layout->addWidget(load);
    layout->addWidget(compute);
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Importance Matrix"), QString(),
                                                          tr("Importance matrices (*.dat *.gguf);;All files (*)"));
        if (!path.isEmpty())
            loadImatrix(path);
    });
    connect(compute, &QPushButton::clicked, this, &SchemePanel::imatrixComputeRequested);
    connect(m_doc, &PlanDocument::imatrixChanged, this, [this] {
        updateImatrixText();
        updateFormatNote();
        buildCandidates();
    });
    updateImatrixText();
    return row;
}

QString SchemePanel::imatrixText() const
{
    return m_imatrixText->text();
}

void SchemePanel::updateImatrixText()
{
    const auto imatrix = m_doc->imatrix();
    if (!imatrix) {
        m_imatrixText->setText(tr("Importance matrix: none"));
        return;
    }
    m_imatrixText->setText(tr("Importance matrix: %1 (%n matrices, %2 chunks)", nullptr,
                              static_cast<int>(imatrix->entries.size()))
                               .arg(QFileInfo(m_doc->imatrixPath()).fileName())
                               .arg(imatrix->lastChunk));
}

bool SchemePanel::loadImatrix(const QString& path)
{
    try {
        m_doc->setImatrixFile(path);
    } catch (const Error& e) {
        emit statusMessage(tr("Cannot use the importance matrix: %1 (%2)")
                               .arg(ErrorText::codeText(e.code()), QString::fromStdString(e.what())));
        return false;
    }
    emit statusMessage(tr("Using the importance matrix %1").arg(QFileInfo(path).fileName()));
    return true;
}

void SchemePanel::computeImatrix(const QString& textPath, int nCtx, int chunks)
{
    const auto model = m_doc->model();
    if (!model)
        return;
    if (textPath.isEmpty() || !QFileInfo::exists(textPath)) {
        emit statusMessage(tr("Computing an importance matrix needs a text: choose one in the Evaluate panel"));
        emit imatrixComputed(false);
        return;
    }
    const QString out = computedPath(m_doc->modelPath(), textPath, nCtx, chunks);
    m_candidateProgress->setValue(0);
    m_candidateProgress->setVisible(true);
    m_runner->start<QString>(
        tr("Computing the importance matrix…"),
        [model, text = textPath.toStdString(), out, nCtx, chunks](const ProgressFn& progress) {
            const ImatrixFile file = computeModelImatrix(model, text, nCtx, chunks > 0 ? chunks : -1, 0, progress);
            writeImatrixDat(out.toStdString(), file);
            return out;
        },
        [this, model](JobResult<QString> result) {
            m_candidateProgress->setVisible(false);
            if (model != m_doc->model())
                return;
            const bool ok = result.outcome == JobOutcome::Completed && loadImatrix(*result.value);
            if (result.outcome == JobOutcome::Failed)
                emit statusMessage(tr("Computing the importance matrix failed: %1").arg(result.error.detail));
            else if (result.outcome == JobOutcome::Cancelled)
                emit statusMessage(tr("Computing the importance matrix was cancelled"));
            emit imatrixComputed(ok);
        });
}

} // namespace qx::ui
