#include "evaluate/evaluate_panel.h"

#include "common/error_text.h"
#include "common/job_runner.h"
#include "evaluate/runs_model.h"
#include "evaluate/text_fit_text.h"
#include "plan/plan_calibration.h"
#include "plan/plan_document.h"

#include "common/error.h"
#include "common/text_file.h"
#include "common/thread_count.h"
#include "export/gguf_export.h"
#include "model/tokenizer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

namespace {

struct EvalOutput {
    PlanEvaluation eval;
    std::shared_ptr<const std::vector<int32_t>> tokens;
    TextFit fit;
};

/// The tokens of the text at `path` and their fallback-token counts.
std::shared_ptr<const std::vector<int32_t>> tokenizeFile(const ModelFile& model, const std::string& path, TextFit& fit)
{
    const Tokenizer tokenizer = Tokenizer::fromGguf(model);
    auto tokens = std::make_shared<const std::vector<int32_t>>(tokenizer.encode(readTextFile(path), true));
    fit = textFit(tokenizer.vocab(), *tokens);
    return tokens;
}

/// " — blocks 0–k-1 reused from the last evaluation" when the plan's run resumed at block k.
QString reusedText(const PlanEvaluation& eval)
{
    if (eval.resumedAt <= 0)
        return {};
    return EvaluatePanel::tr(" — blocks 0–%1 of %2 reused from the last evaluation")
        .arg(eval.resumedAt - 1)
        .arg(eval.blockCount);
}

QString etaText(double seconds)
{
    if (seconds < 60.0)
        return EvaluatePanel::tr("%1 s").arg(std::max(0, int(seconds + 0.5)));
    return EvaluatePanel::tr("%1 min %2 s").arg(int(seconds) / 60).arg(int(seconds) % 60);
}

} // namespace

EvaluatePanel::EvaluatePanel(QWidget* parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_runs(new RunsModel(this)), m_text(new QLineEdit(this)),
      m_ctx(new QSpinBox(this)), m_chunks(new QSpinBox(this)), m_evaluate(new QPushButton(tr("Evaluate"), this)),
      m_presets(new QPushButton(tr("Evaluate presets"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_computeImatrix(new QPushButton(tr("Compute Importance Matrix"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    m_text->setToolTip(tr("Plain text to evaluate on, tokenized with BOS as llama-perplexity does"));
    m_ctx->setRange(EvaluationDefaults::kMinContext, EvaluationDefaults::kMaxContext);
    m_ctx->setToolTip(tr("Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored"));
    m_chunks->setRange(0, EvaluationDefaults::kMaxChunks);
    m_chunks->setSpecialValueText(tr("all"));
    m_chunks->setToolTip(tr("Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text"));
    m_evaluate->setToolTip(tr("Perplexity and KL divergence of the current plan against the F32 model"));
    m_presets->setToolTip(tr("Evaluate llama-quantize's common mixes (Q8_0 … Q2_K) for the Trade-off chart"));
    m_cancel->setEnabled(false);
    m_computeImatrix->setToolTip(tr("Compute an importance matrix on this text as llama-imatrix does, then evaluate"));
    m_computeImatrix->setVisible(false);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("evaluateStatus"));
    m_cancel->setObjectName(QStringLiteral("evaluateCancel"));
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    auto* browse = new QPushButton(tr("Browse…"), this);

    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(browse);
    auto* form = new QFormLayout;
    // Numbers keep the width their digits need; only the text path grows with the window.
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_text->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    auto* textBox = new QWidget(this);
    textBox->setLayout(textRow);
    textRow->setContentsMargins(0, 0, 0, 0);
    textBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    form->addRow(tr("Text:"), textBox);
    form->addRow(tr("Context:"), m_ctx);
    form->addRow(tr("Chunks:"), m_chunks);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_evaluate);
    buttons->addWidget(m_presets);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_computeImatrix);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Evaluation text"), m_text->text(),
                                                          tr("Text files (*.txt *.raw);;All files (*)"));
        if (!path.isEmpty())
            setTextFile(path);
    });
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluatePanel::evaluate);
    connect(m_presets, &QPushButton::clicked, this, &EvaluatePanel::evaluatePresets);
    connect(m_cancel, &QPushButton::clicked, this, &EvaluatePanel::cancel);
    connect(m_computeImatrix, &QPushButton::clicked, this, [this] {
        m_computeImatrix->setVisible(false);
        emit imatrixComputeRequested();
    });
    connect(m_runner, &JobRunner::progressChanged, this, &EvaluatePanel::updateProgress);
    connect(AppSettings::notifier(), &SettingsNotifier::evaluationDefaultsChanged, this,
            &EvaluatePanel::loadDefaults);
    loadDefaults();
    setModel(nullptr);
}

EvaluatePanel::~EvaluatePanel()
{
    // The job posts block reports to this panel: it ends before the panel does.
    m_queue.clear();
    m_runner->cancel();
    m_runner->waitForIdle();
}

void EvaluatePanel::setModel(std::shared_ptr<const ModelFile> model)
{
    m_queue.clear();
    m_runner->cancel();
    m_model = std::move(model);
    m_cache.clear();
    m_blockInputs = std::make_shared<BlockInputCache>();
    m_tokens.reset();
    m_tokensFile.clear();
    m_runs->clear();
    m_customCount = 0;
    setBusy(false);
    m_status->setText(m_model ? tr("Ready.") : tr("Open a model to evaluate plans."));
}

void EvaluatePanel::setPlanProvider(std::function<Plan()> provider) { m_provider = std::move(provider); }

void EvaluatePanel::setCalibrationProvider(std::function<std::shared_ptr<const PlanCalibration>()> provider)
{
    m_calibrationProvider = std::move(provider);
}

void EvaluatePanel::setTextFile(const QString& path) { m_text->setText(path); }

void EvaluatePanel::setContext(int nCtx, int chunks)
{
    m_ctx->setValue(nCtx);
    m_chunks->setValue(chunks);
}

std::vector<Preset> EvaluatePanel::commonPresets()
{
    return {Preset::Q8_0, Preset::Q6_K, Preset::Q5_K_M, Preset::Q5_K_S, Preset::Q4_K_M, Preset::Q4_K_S,
            Preset::Q4_0, Preset::Q3_K_L, Preset::Q3_K_M, Preset::Q3_K_S, Preset::Q2_K};
}

void EvaluatePanel::setLabelProvider(std::function<QString()> provider)
{
    m_labelProvider = std::move(provider);
}

void EvaluatePanel::setSchemeProvider(std::function<SchemeChoices()> provider)
{
    m_schemeProvider = std::move(provider);
}

QByteArray EvaluatePanel::planKey(const Plan& plan, const std::string& calibrationKey,
                                  const SchemeChoices& schemes) const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const std::string json = planToJson(plan, schemes);
    hash.addData(QByteArrayView(json.data(), qsizetype(json.size())));
    const QString rest = QStringLiteral("|%1|%2|%3|%4")
                             .arg(m_model ? QString::fromStdString(m_model->path) : QString(), m_text->text())
                             .arg(m_ctx->value())
                             .arg(m_chunks->value());
    hash.addData(rest.toUtf8());
    hash.addData(QByteArrayView(calibrationKey.data(), qsizetype(calibrationKey.size())));
    return hash.result().toHex();
}

void EvaluatePanel::evaluate()
{
    if (!m_model || !m_provider)
        return;
    const Plan plan = m_provider();
    auto calibration = m_calibrationProvider ? m_calibrationProvider() : nullptr;
    SchemeChoices schemes = m_schemeProvider ? m_schemeProvider() : SchemeChoices();
    QString label = m_labelProvider ? m_labelProvider()
                    : calibration ? QString::fromStdString(calibration->result->label)
                    : plan.preset.empty() || !schemes.empty() ? tr("custom plan %1").arg(++m_customCount)
                                                             : QString::fromStdString(plan.preset);
    // A different plan under a name already taken gets a number: "solver 4.73 bpw (2)".
    const QByteArray key = planKey(plan, calibration ? calibration->key : std::string(), schemes);
    int taken = 0;
    for (const EvalRun& run : m_runs->runs())
        if (run.key != key && (run.label == label || run.label.startsWith(label + QStringLiteral(" ("))))
            ++taken;
    if (taken > 0)
        label += QStringLiteral(" (%1)").arg(taken + 1);
    // The current plan is a llama.cpp preset when it is one unchanged: the Trade-off chart draws it as one.
    const bool isPreset = !calibration && schemes.empty() && !plan.preset.empty()
                          && label == QString::fromStdString(plan.preset);
    m_queue.push_back({plan, label, isPreset, std::move(calibration),
                       schemes.empty() ? nullptr : std::make_shared<const SchemeChoices>(std::move(schemes))});
    if (!m_runner->isBusy())
        startNext();
}

void EvaluatePanel::evaluatePresets()
{
    if (!m_model)
        return;
    for (Preset p : commonPresets()) {
        try {
            m_queue.push_back({planPreset(*m_model, p), QString::fromUtf8(presetName(p)), true});
        } catch (const Error&) {
            // a preset this model cannot take is simply left out
        }
    }
    if (!m_runner->isBusy())
        startNext();
}

void EvaluatePanel::evaluatePlanAs(const Plan& plan, const QString& label, bool isPreset,
                                   std::shared_ptr<const PlanCalibration> calibration)
{
    m_queue.push_back({plan, label, isPreset, std::move(calibration)});
    if (!m_runner->isBusy())
        startNext();
}

void EvaluatePanel::cancel()
{
    m_queue.clear();
    m_runner->cancel();
}

void EvaluatePanel::startNext()
{
    while (!m_queue.empty()) {
        const Request request = m_queue.front();
        m_queue.pop_front();
        if (const QString why = importanceRefusal(request.plan); !why.isEmpty()) {
            m_status->setText(tr("%1 is not evaluated: %2").arg(request.label, why));
            m_computeImatrix->setVisible(true);
            continue;
        }
        m_computeImatrix->setVisible(false);
        const QByteArray key = planKey(request.plan, request.calibration ? request.calibration->key : std::string(),
                                       request.schemes ? *request.schemes : SchemeChoices());
        if (auto it = m_cache.constFind(key); it != m_cache.constEnd()) {
            finishRequest(request, *it, m_text->text(), key, m_tokensFit);
            continue;
        }
        startJob(request, key);
        return;
    }
}

QString EvaluatePanel::importanceRefusal(const Plan& plan)
{
    if (!m_model)
        return {};
    const QString path = QString::fromStdString(plan.imatrixPath);
    try {
        if (path.isEmpty()) {
            m_imatrix.reset();
        } else if (path != m_imatrixPath || !m_imatrix) {
            m_imatrix = std::make_shared<const ImatrixFile>(readImatrix(plan.imatrixPath));
        }
        m_imatrixPath = path;
        const std::optional<std::string> why = missingImportanceRefusal(*m_model, plan, m_imatrix.get());
        if (!why)
            return {};
        return tr("llama-quantize refuses very-low-bit tensors (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S; Q2_K in a Q2_K_S "
                  "mix) without importance data, and so does the evaluation. Load or compute an importance matrix (Plan panel, under the presets). "
                  "Detail: %1").arg(QString::fromStdString(*why));
    } catch (const Error& e) {
        m_imatrix.reset();
        return tr("%1 (%2)").arg(ErrorText::codeText(e.code()), QString::fromStdString(e.what()));
    }
}

PlanEvalOptions EvaluatePanel::evalOptions(const Request& request) const
{
    PlanEvalOptions options;
    options.nCtx = m_ctx->value();
    options.chunks = m_chunks->value() > 0 ? m_chunks->value() : -1;
    options.threads = resolveInteractiveThreadCount(AppSettings::threads());
    options.schemes = request.schemes;
    options.blockInputs = m_blockInputs;
    if (request.calibration) {
        options.substitutions = request.calibration->values();
        options.packed = request.calibration->packed();
        options.activationTransform = request.calibration->result->transform;
    }
    return options;
}

void EvaluatePanel::startJob(const Request& request, const QByteArray& key)
{
    saveSettings();
    const QString textFile = m_text->text();
    auto tokens = textFile == m_tokensFile ? m_tokens : nullptr;
    const TextFit fit = m_tokensFit;
    setBusy(true);
    m_status->setText(tr("Evaluating %1…").arg(request.label));
    m_clock.start();
    PlanEvalOptions options = evalOptions(request);
    options.onBlock = [this, label = request.label, serial = ++m_jobSerial](const BlockProgress& b) {
        QMetaObject::invokeMethod(this, [this, b, label, serial] { showBlock(b, label, serial); }, Qt::QueuedConnection);
    };
    m_runner->start<EvalOutput>(
        tr("Evaluating %1").arg(request.label),
        [model = m_model, plan = request.plan, tokens, fit, textFile, options = std::move(options)](
            const ProgressFn& progress) {
            EvalOutput out;
            out.fit = fit;
            out.tokens = tokens ? tokens : tokenizeFile(*model, textFile.toStdString(), out.fit);
            PlanEvalOptions withImportance = options;
            if (!plan.imatrixPath.empty())
                withImportance.imatrix = std::make_shared<const ImatrixFile>(readImatrix(plan.imatrixPath));
            out.eval = evaluatePlan(model, plan, *out.tokens, withImportance, progress);
            return out;
        },
        [this, request, key, textFile](JobResult<EvalOutput> result) {
            setBusy(false);
            if (result.outcome == JobOutcome::Completed) {
                m_tokensFile = textFile;
                m_tokens = result.value->tokens;
                m_tokensFit = result.value->fit;
                m_cache.insert(key, result.value->eval);
                finishRequest(request, result.value->eval, textFile, key, m_tokensFit);
                startNext();
            } else if (result.outcome == JobOutcome::Cancelled) {
                m_status->setText(tr("Evaluation cancelled."));
                m_progress->setFormat(tr("Cancelled"));
            } else {
                m_queue.clear();
                m_status->setText(tr("Evaluation failed: %1 (%2)")
                                      .arg(result.error.code ? ErrorText::codeText(*result.error.code) : QString(),
                                           result.error.detail));
            }
        });
}

void EvaluatePanel::finishRequest(const Request& request, const PlanEvaluation& eval, const QString& textFile,
                                  const QByteArray& key, TextFit fit)
{
    fit.ppl = eval.pplBase;  // whether the text fits the model, not whether the plan keeps the quality
    const int existing = m_runs->findKey(key);
    if (existing < 0)
        m_runs->addRun({request.label, QDateTime::currentDateTime(), request.isPreset, textFile, request.plan, eval, key,
                        request.schemes ? *request.schemes : SchemeChoices(), request.calibration, fit});
    const QString cached = existing >= 0 ? tr(" (already evaluated as %1)").arg(m_runs->runs()[size_t(existing)].label)
                                         : QString();
    const QLocale locale;   // the UI language's decimal separator, as in the runs table
    m_status->setText(tr("%1: PPL %2 ± %3 (F32 %4), mean KLD %5, same top %6 %")
                          .arg(request.label, locale.toString(eval.ppl, 'f', 4), locale.toString(eval.pplUnc, 'f', 4),
                               locale.toString(eval.pplBase, 'f', 4), locale.toString(eval.kldMean, 'g', 4),
                               locale.toString(100.0 * eval.sameTop, 'f', 2))
                      + cached + reusedText(eval)
                      + (fit.fits() ? QString() : QStringLiteral("\n") + textFitWarning(fit)));
    m_progress->setValue(m_progress->maximum());
    m_progress->setFormat(m_queue.empty() ? tr("Done") : tr("%p%"));   // no "about 0 s left" once finished
    emit evaluated(existing >= 0 ? existing : m_runs->rowCount() - 1);
}

void EvaluatePanel::updateProgress(double fraction)
{
    m_progress->setValue(int(fraction * 1000.0));
    const double elapsed = m_clock.elapsed() / 1000.0;
    if (fraction > 0.02)
        m_progress->setFormat(tr("%p% — about %1 left").arg(etaText(elapsed / fraction - elapsed)));
    else
        m_progress->setFormat(tr("%p%"));
    m_progress->setTextVisible(true);
}

void EvaluatePanel::showBlock(const BlockProgress& b, const QString& label, quint64 serial)
{
    if (serial != m_jobSerial || !m_runner->isBusy())
        return;
    const QString reused = b.resumeBlock > 0 ? tr("reused blocks 0–%1").arg(b.resumeBlock - 1) : QString();
    QString running;
    if (b.block >= b.blockCount)
        running = tr("running the output head");
    else if (b.resumeBlock > 0)
        running = tr("running %1–%2: block %3").arg(b.resumeBlock).arg(b.blockCount - 1).arg(b.block);
    else
        running = tr("running blocks 0–%1: block %2").arg(b.blockCount - 1).arg(b.block);
    m_status->setText(reused.isEmpty() ? tr("Evaluating %1: %2").arg(label, running)
                                       : tr("Evaluating %1: %2, %3").arg(label, reused, running));
    emit blockStatusChanged(m_status->text());
}

void EvaluatePanel::setBusy(bool busy)
{
    m_evaluate->setEnabled(!busy && m_model);
    m_presets->setEnabled(!busy && m_model);
    m_cancel->setEnabled(busy);
    if (busy) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("%p%"));
    }
}

void EvaluatePanel::setModelDefaults(const std::optional<EvaluationDefaults>& defaults)
{
    if (!defaults && !m_modelDefaults)
        return;  // the Settings defaults are shown already, with whatever the user typed since
    m_modelDefaults = defaults;
    loadDefaults();
}

void EvaluatePanel::saveSettings() const
{
    if (m_modelDefaults)
        return;  // the model's own text is no default for other models
    AppSettings::setEvaluationDefaults({m_text->text(), m_ctx->value(), m_chunks->value()});
}

void EvaluatePanel::loadDefaults()
{
    const EvaluationDefaults d = m_modelDefaults.value_or(AppSettings::evaluationDefaults());
    m_text->setText(d.textFile);
    m_ctx->setValue(d.context);
    m_chunks->setValue(d.chunks);
}

QString EvaluatePanel::textFile() const { return m_text->text(); }

QString EvaluatePanel::statusText() const { return m_status->text(); }

int EvaluatePanel::contextLength() const { return m_ctx->value(); }

int EvaluatePanel::chunkCount() const { return m_chunks->value(); }

} // namespace qx::ui
