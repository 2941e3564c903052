#include "compare/compare_output_panel.h"

#include "common/app_settings.h"
#include "common/error_text.h"
#include "common/job_runner.h"
#include "common/table_export.h"
#include "common/text_file.h"
#include "common/thread_count.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/mapped_weights.h"
#include "model/tokenizer.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {
namespace {

Tokenizer tokenizerOf(const ModelFile& model)
{
    return model.format == ModelFormat::Gguf ? Tokenizer::fromGguf(model) : openTokenizer(model.path);
}

/// Both models over the text at `path`: A's tokens, the vocabularies and BOS checked first.
OutputDiff runComparison(const std::shared_ptr<const ModelFile>& a, const std::shared_ptr<const ModelFile>& b,
                         const std::string& path, OutputDiffOptions options, int threads, const ProgressFn& progress)
{
    const Tokenizer ta = tokenizerOf(*a), tb = tokenizerOf(*b);
    checkSameVocabulary(ta, tb, a->path, b->path);
    options.bosToken = chunkBosToken(*a, ta);
    if (options.bosToken != chunkBosToken(*b, tb))
        throw Error(ErrorCode::Mismatch, "the tokenizers of " + a->path + " and " + b->path
                                             + " do not start a chunk with the same BOS token");
    const std::vector<int32_t> tokens = ta.encode(readTextFile(path), true);
    ForwardOptions fo;
    fo.threads = threads;
    LlamaForward fa(std::make_shared<const MappedWeights>(a, threads), fo);
    LlamaForward fb(std::make_shared<const MappedWeights>(b, threads), fo);
    return compareOutputs(fa, fb, tokens, options, progress);
}

QString withUncertainty(double value, double uncertainty, int decimals)
{
    return CompareOutputPanel::tr("%1 ± %2").arg(QLocale().toString(value, 'f', decimals),
                                                 QLocale().toString(uncertainty, 'f', decimals));
}

QString percent(double fraction, int decimals = 2)
{
    return CompareOutputPanel::tr("%1 %").arg(QLocale().toString(100.0 * fraction, 'f', decimals));
}

} // namespace

CompareOutputPanel::CompareOutputPanel(QWidget* parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_figures(new QStandardItemModel(0, 2, this))
{
    setupControls();
    setMinimumWidth(fontMetrics().averageCharWidth() * 62);   // label and "670.4280 ± 17.4896" side by side
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * 1000.0)); });
    const EvaluationDefaults defaults = AppSettings::evaluationDefaults();
    setTextFile(defaults.textFile);
    setContext(defaults.context, defaults.chunks);
    setModels(nullptr, nullptr);
}

void CompareOutputPanel::setupControls()
{
    m_text = new QLineEdit(this);
    m_text->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    m_text->setToolTip(tr("Plain text both models read, tokenized with BOS as llama-perplexity does"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    m_ctx = new QSpinBox(this);
    m_ctx->setRange(EvaluationDefaults::kMinContext, EvaluationDefaults::kMaxContext);
    m_ctx->setToolTip(tr("Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored"));
    m_chunks = new QSpinBox(this);
    m_chunks->setRange(0, EvaluationDefaults::kMaxChunks);
    m_chunks->setSpecialValueText(tr("all"));
    m_chunks->setToolTip(tr("Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text"));
    m_evaluate = new QPushButton(tr("Evaluate"), this);
    m_evaluate->setToolTip(tr("Run both models on the text: KL divergence of B against A, how often their top "
                              "token agrees, and the perplexity of each"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_figures->setHorizontalHeaderLabels({tr("Output of B against A"), tr("Value")});
    m_view = new QTableView(this);
    m_view->setModel(m_figures);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    installTableExport(m_view);

    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Text:"), textRow);
    auto* numbers = new QHBoxLayout;
    numbers->addWidget(m_ctx);
    numbers->addWidget(new QLabel(tr("Chunks:"), this));
    numbers->addWidget(m_chunks);
    numbers->addStretch(1);
    form->addRow(tr("Context:"), numbers);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_evaluate);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    connect(browse, &QPushButton::clicked, this, &CompareOutputPanel::chooseText);
    connect(m_text, &QLineEdit::textChanged, this, &CompareOutputPanel::updateEnabled);
    connect(m_evaluate, &QPushButton::clicked, this, &CompareOutputPanel::evaluate);
    connect(m_cancel, &QPushButton::clicked, this, &CompareOutputPanel::cancel);
}

void CompareOutputPanel::chooseText()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Text to compare the outputs on"), m_text->text(),
                                                      tr("Text files (*.txt *.raw);;All files (*)"));
    if (!path.isEmpty())
        setTextFile(path);
}

void CompareOutputPanel::setModels(std::shared_ptr<const ModelFile> a, std::shared_ptr<const ModelFile> b)
{
    ++m_generation;
    m_runner->cancel();
    setBusy(false);
    m_a = std::move(a);
    m_b = std::move(b);
    m_result.reset();
    showFigures();
    m_status->setText(m_b ? tr("Evaluate runs both models on the text and compares what they output.")
                          : tr("Compare a second model first; then evaluate both on a text."));
    updateEnabled();
}

void CompareOutputPanel::setTextFile(const QString& path) { m_text->setText(path); }

void CompareOutputPanel::setContext(int nCtx, int chunks)
{
    m_ctx->setValue(nCtx);
    m_chunks->setValue(chunks);
}

QString CompareOutputPanel::textFile() const { return m_text->text(); }

void CompareOutputPanel::updateEnabled()
{
    m_evaluate->setEnabled(m_b && !m_runner->isBusy() && !m_text->text().isEmpty());
}

void CompareOutputPanel::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    m_cancel->setEnabled(busy);
    m_evaluate->setEnabled(!busy && m_b && !m_text->text().isEmpty());
}

void CompareOutputPanel::cancel() { m_runner->cancel(); }

void CompareOutputPanel::evaluate()
{
    if (!m_a || !m_b || m_text->text().isEmpty())
        return;
    const quint64 generation = ++m_generation;
    OutputDiffOptions options;
    options.nCtx = m_ctx->value();
    options.maxChunks = m_chunks->value() == 0 ? -1 : m_chunks->value();
    const int threads = resolveInteractiveThreadCount(AppSettings::threads());
    const QString path = m_text->text();
    m_result.reset();
    showFigures();
    m_status->setText(tr("Running both models on %1…").arg(QFileInfo(path).fileName()));
    JobRunner::Work<OutputDiff> work = [a = m_a, b = m_b, file = path.toStdString(), options,
                                        threads](const ProgressFn& progress) {
        return runComparison(a, b, file, options, threads, progress);
    };
    m_runner->start<OutputDiff>(tr("Comparing outputs"), std::move(work), [this, generation, path](JobResult<OutputDiff> r) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (r.outcome == JobOutcome::Completed) {
            m_result = std::move(r.value);
            showFigures();
            m_status->setText(tr("Outputs on %1: %2 chunks of %3 tokens, %4 tokens scored.")
                                  .arg(QFileInfo(path).fileName()).arg(m_result->kld.nChunk)
                                  .arg(m_result->kld.nCtx).arg(m_result->kld.count));
        } else {
            m_status->setText(r.outcome == JobOutcome::Cancelled ? tr("Evaluation cancelled.")
                                                                 : ErrorText::openFailed(path, r.error));
        }
        emit evaluated();
    });
    setBusy(true);
}

void CompareOutputPanel::showFigures()
{
    m_figures->removeRows(0, m_figures->rowCount());
    if (!m_result)
        return;
    const KldResult& k = m_result->kld;
    const QList<std::pair<QString, QString>> rows = {
        {tr("Perplexity of A"), withUncertainty(m_result->pplA.ppl, m_result->pplA.uncertainty, 4)},
        {tr("Perplexity of B"), withUncertainty(m_result->pplB.ppl, m_result->pplB.uncertainty, 4)},
        {tr("PPL(B) / PPL(A)"), withUncertainty(k.pplRatio, k.pplRatioUnc, 6)},
        {tr("Mean KL divergence"), withUncertainty(k.kldMean, k.kldUnc, 6)},
        {tr("Median KL divergence"), QLocale().toString(double(k.kldMedian), 'f', 6)},
        {tr("99 % KL divergence"), QLocale().toString(double(k.kld99), 'f', 6)},
        {tr("Maximum KL divergence"), QLocale().toString(double(k.kldMax), 'f', 6)},
        {tr("Same top token (top-1 agreement)"), tr("%1 ± %2").arg(percent(k.sameTop, 3), percent(k.sameTopUnc, 3))},
        {tr("Mean Δp (right token)"), tr("%1 ± %2").arg(percent(k.dpMean, 3), percent(k.dpUnc, 3))},
        {tr("RMS Δp"), percent(k.rmsDp, 3)},
        {tr("Scored tokens"), QLocale().toString(qlonglong(k.count))},
    };
    for (const auto& [label, value] : rows) {
        auto* valueItem = new QStandardItem(value);
        valueItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_figures->appendRow({new QStandardItem(label), valueItem});
    }
    m_view->resizeColumnToContents(0);   // labels in full, but never at the cost of the values
    m_view->setColumnWidth(0, std::min(m_view->columnWidth(0), m_view->viewport()->width() * 3 / 5));
}

} // namespace qx::ui
